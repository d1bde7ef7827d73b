import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { packageVersion, projectRoot, sourceLayout } from '../main/source-layout'
import { createWorkerPool } from '../main/web/offload'
import { startWebServer } from '../main/web/server'
import { closeHeadlessCore, dbPathFrom, hostLogger, openHeadlessCore } from './host'

export interface BrowserModeOptions {
  /** shown at the top of every screen, e.g. why the desktop app opened in the browser */
  notice?: string
}

/**
 * The app in a browser, served on 127.0.0.1 with a per-run token; the first stdout line is the URL.
 * Arguments: `--db PATH --port N --no-open --verbose`.
 */
export async function runBrowserMode(argv: string[], options: BrowserModeOptions = {}): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const rendererDir = process.env.READINESS_RENDERER_DIR ?? sourceLayout.rendererDir
  if (!existsSync(join(rendererDir, 'index.html'))) await buildRenderer()
  const port = values.port ? Number(values.port) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port needs a port number, got "${values.port}"`)
  const verbose = values.verbose === true
  const logger = hostLogger('web', verbose)
  const dbPath = resolve(dbPathFrom(values.db))
  // syncs, parsing and progress run on worker threads; they start once the database is open and migrated
  const workers = createWorkerPool(
    {
      ...sourceLayout,
      mode: 'web',
      dbPath,
      rendererDir,
      projectRoot,
      appVersion: packageVersion(),
      logFile: logger.file,
      verbose,
    },
    { entry: bundledWorkerEntry(), onReady: (role) => logger.info(`[web] the ${role} worker thread is ready`) },
  )
  const core = openHeadlessCore(dbPath, 'web', { create: true, logger, offload: workers, notice: options.notice })
  const web = await startWebServer({ core, rendererDir, port, logger })
  process.stdout.write(`${web.url}\n`)
  process.stderr.write(`Readiness Cockpit (browser mode) — database: ${core.context.dbPath}. Ctrl+C to stop.\n`)
  if (!values['no-open']) openInBrowser(web.url)
  const stop = () => {
    void web
      .close()
      .then(() => workers.close())
      .then(() => closeHeadlessCore(core))
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** The prebuilt CLI ships the worker beside this code (scripts/build-cli.mjs); from source the default runs tsx. */
function bundledWorkerEntry(): string | undefined {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'offload-worker.js')
  return existsSync(beside) ? beside : undefined
}

async function buildRenderer(): Promise<void> {
  process.stderr.write('Building the renderer first (npm run build)…\n')
  const code = await new Promise<number>((resolve) =>
    spawn(process.execPath, [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    }).on('exit', (c) => resolve(c ?? 1)),
  )
  if (code !== 0) throw new Error('the build failed')
}

function openInBrowser(url: string) {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['explorer.exe', [url]]
        : ['xdg-open', [url]]
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true })
  child.on('error', () => process.stderr.write(`Open ${url} in your browser.\n`))
  child.unref()
}
