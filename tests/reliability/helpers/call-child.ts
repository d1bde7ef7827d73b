/**
 * A second process writing to the same database, like a CLI command run while the app works: it opens the database,
 * prints READY, then runs each `{ "method": …, "input": … }` line from stdin and prints `DONE <ms>` or `FAILED <why>`.
 *
 * argv: dbPath migrationsFolder resourcesDir
 */
import { writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { openCore } from '../../../src/main/bootstrap'
import { silentLogger } from '../../../src/main/log'

const [dbPath, migrationsFolder, resourcesDir] = process.argv.slice(2)
const say = (line: string) => writeSync(1, `${line}\n`)
const core = openCore({
  dbPath,
  migrationsFolder,
  resourcesDir,
  appVersion: 'call',
  platform: { mode: 'cli', dialogs: null },
  create: false,
  logger: silentLogger,
})
say('READY')

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const { method, input } = JSON.parse(line) as { method: string; input: unknown }
  const started = Date.now()
  void core.dispatch(method, input).then((result) => {
    say(result.ok ? `DONE ${Date.now() - started}` : `FAILED ${result.error.code}: ${result.error.message}`)
  })
})
lines.on('close', () => {
  core.close()
})
