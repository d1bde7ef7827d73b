import { parentPort, workerData } from 'node:worker_threads'
import { openCore } from '../bootstrap'
import { createLogger } from '../log'
import { headlessPrinter } from '../printers/headless-printer'
import type { OffloadRequest, OffloadMessage, WorkerSetup } from './offload'

/**
 * One worker thread of browser mode: its own connection to the same database (WAL lets it read while the request
 * thread writes, and the other way round), running the calls the request thread hands over. Answers go back as the
 * JSON text to send; events (sync progress, changes) are forwarded.
 */
const setup = workerData as WorkerSetup
const port = parentPort!
const post = (message: OffloadMessage) => port.postMessage(message)

const core = openCore({
  dbPath: setup.dbPath,
  migrationsFolder: setup.migrationsFolder,
  resourcesDir: setup.resourcesDir,
  appVersion: setup.appVersion,
  platform: { mode: setup.mode, dialogs: null },
  // the request thread opened, checked and migrated the database already
  create: false,
  verifyIntegrity: false,
  logger: createLogger({ file: setup.logFile, verbose: setup.verbose, source: `${setup.mode}:${setup.role}` }),
  reposChanged: (planId) => post({ kind: 'repos-changed', planId }),
  pdf: headlessPrinter(setup.rendererDir, setup.projectRoot),
})
core.subscribe((event, payload) => post({ kind: 'event', event, payload }))

port.on('message', (request: OffloadRequest) => {
  if (request.kind === 'close') {
    // the PDF printer's browser first (it removes its profile folder), then the database
    void Promise.resolve(core.context.pdf?.close?.()).finally(() => {
      core.close()
      port.close()
    })
    return
  }
  void core
    .dispatch(request.method, request.input)
    .then((result) => post({ kind: 'answer', id: request.id, json: JSON.stringify(result) }))
})
post({ kind: 'ready' })
