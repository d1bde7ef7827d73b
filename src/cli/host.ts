import { homedir } from 'node:os'
import { openCore, type Core, type CoreOptions } from '../main/bootstrap'
import { createLogger, logFilePath, type Logger } from '../main/log'
import { resolveDbPath, type PathEnvironment } from '../main/paths'
import { packageVersion, projectRoot, sourceLayout } from '../main/source-layout'
import { headlessPrinter } from '../main/printers/headless-printer'
import type { PlatformPort } from '../main/rpc'

function pathEnvironment(): PathEnvironment {
  return { platform: process.platform, env: process.env, homedir: homedir() }
}

export function dbPathFrom(explicit: string | undefined): string {
  return resolveDbPath(explicit, pathEnvironment())
}

/** The log file of the CLI and browser mode (the desktop app's data folder); `verbose` also prints each entry. */
export function hostLogger(source: PlatformPort['mode'], verbose: boolean): Logger {
  return createLogger({ file: logFilePath(pathEnvironment()), verbose, source })
}

export interface HeadlessCoreOptions {
  /** create the database when it is missing (commands that store); read-only commands refuse a missing path */
  create: boolean
  logger: Logger
  /** browser mode: heavy methods run on worker threads */
  offload?: CoreOptions['offload']
  /** shown at the top of every screen, e.g. why the desktop app opened in the browser */
  notice?: string
}

/** A core for headless use (CLI, browser mode): no native dialogs, same database as the desktop app. */
export function openHeadlessCore(dbPath: string, mode: PlatformPort['mode'], options: HeadlessCoreOptions): Core {
  const longRunning = mode === 'web'
  return openCore({
    dbPath,
    migrationsFolder: sourceLayout.migrationsFolder,
    resourcesDir: sourceLayout.resourcesDir,
    appVersion: packageVersion(),
    platform: { mode, dialogs: null, notice: options.notice },
    watchRepos: longRunning,
    dailyBackups: longRunning,
    create: options.create,
    onCreated: (path) => process.stderr.write(`Created a new database at ${path}\n`),
    logger: options.logger,
    offload: options.offload,
    pdf: headlessPrinter(process.env.READINESS_RENDERER_DIR ?? sourceLayout.rendererDir, projectRoot),
  })
}

/** Closes the PDF printer's browser (waiting, so it removes its profile folder), then the core. */
export async function closeHeadlessCore(core: Core): Promise<void> {
  await core.context.pdf?.close?.()
  core.close()
}
