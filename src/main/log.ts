import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { defaultDataDir, type PathEnvironment } from './paths'

/**
 * Where the detail of a failure goes: the user sees one line, the log keeps the SQLite code, git's stderr and the
 * stack. One file in the data folder (`logs/readiness.log`, rotated at 1 MB), shared by app, CLI and browser mode.
 */
export interface Logger {
  /** the log file, or null when logging to a file is off */
  readonly file: string | null
  error(message: string, error?: unknown): void
  info(message: string): void
}

const MAX_LOG_BYTES = 1024 * 1024

export function logFilePath(pathEnv: PathEnvironment): string {
  return pathEnv.env.READINESS_LOG_FILE || join(defaultDataDir(pathEnv), 'logs', 'readiness.log')
}

export function errorDetail(error: unknown): string {
  if (error instanceof Error) {
    const extra = [
      (error as { code?: unknown }).code,
      (error as { detail?: unknown }).detail,
      (error as { stderr?: unknown }).stderr,
    ]
      .filter((part) => typeof part === 'string' && part.length > 0)
      .join(' | ')
    return `${error.stack ?? `${error.name}: ${error.message}`}${extra ? `\n  ${extra}` : ''}`
  }
  return String(error)
}

export interface FileLoggerOptions {
  file: string | null
  /** also print every entry to stderr (`--verbose`) */
  verbose?: boolean
  /** who writes (cli, web, electron), so entries from several processes can be told apart */
  source: string
  write?: (text: string) => void
}

export function createLogger(options: FileLoggerOptions): Logger {
  const write = options.write ?? ((text: string) => process.stderr.write(text))
  const append = (level: string, text: string) => {
    const entry = `${new Date().toISOString()} ${level} [${options.source} ${process.pid}] ${text}\n`
    if (options.verbose) write(entry)
    if (!options.file) return
    try {
      mkdirSync(dirname(options.file), { recursive: true })
      rotate(options.file)
      appendFileSync(options.file, entry)
    } catch {
      // a log that cannot be written must never turn into a second failure
    }
  }
  return {
    file: options.file,
    error: (message, error) =>
      append('ERROR', error === undefined ? message : `${message}\n  ${errorDetail(error).replace(/\n/g, '\n  ')}`),
    info: (message) => append('INFO', message),
  }
}

function rotate(file: string): void {
  try {
    if (statSync(file).size < MAX_LOG_BYTES) return
  } catch {
    return
  }
  rmSync(`${file}.1`, { force: true })
  renameSync(file, `${file}.1`)
}

/** For tests and hosts without a log: entries go nowhere (or to stderr with verbose). */
export const silentLogger: Logger = { file: null, error: () => {}, info: () => {} }
