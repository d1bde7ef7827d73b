import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { accessSync, constants, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { restoreHint, snapshotSync } from './backups'
import { DatabaseError, describeFailure, isBusyError, toDatabaseError } from './errors'
import { APPLICATION_ID, inspectDatabaseFile, knownMigrations, type FileVerdict } from './identity'
import * as schema from './schema'

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface OpenDatabaseOptions {
  /** a file path, or ':memory:' */
  path: string
  /** folder holding drizzle-kit's generated SQL migrations */
  migrationsFolder: string
  /** create the file when there is none (commands that store); false refuses a missing path. Default true. */
  create?: boolean
  /** told when a new database file was created, so the host can say so */
  onCreated?: (path: string) => void
  now?: () => Date
  /** PRAGMA quick_check on open (default true) */
  verifyIntegrity?: boolean
}

/** how long one statement waits for another connection's write lock before SQLite reports "busy" */
export const BUSY_TIMEOUT_MS = 5000

/**
 * Opens the app database, refusing any file that is not ours (left byte-identical), a schema newer than this build
 * and a file that fails PRAGMA quick_check; backs the file up before migrating it, then brings it to the latest schema.
 * Failures are DatabaseErrors with a one-line message.
 */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const { path, migrationsFolder } = options
  if (path === ':memory:') return prepare(new Database(':memory:'), options, null)
  const verdict = inspectDatabaseFile(path, migrationsFolder)
  refuseUnusable(verdict, options)
  const creating = verdict.kind === 'missing' || verdict.kind === 'empty'
  if (creating) mkdirSync(dirname(path), { recursive: true })
  else assertWritable(path)
  let sqlite: Database.Database
  try {
    sqlite = new Database(path, { fileMustExist: !creating, timeout: BUSY_TIMEOUT_MS })
  } catch (error) {
    throw toDatabaseError(error, path, restoreHint(path)) ?? error
  }
  const db = prepare(sqlite, options, creating ? null : verdict)
  if (creating) options.onCreated?.(path)
  return db
}

function refuseUnusable(verdict: FileVerdict, options: OpenDatabaseOptions): void {
  const { path } = options
  switch (verdict.kind) {
    case 'missing':
    case 'empty':
      if (options.create === false) throw new DatabaseError('missing', describeFailure('missing', path))
      return
    case 'not-a-file':
    case 'not-a-database':
      throw new DatabaseError(verdict.kind, describeFailure(verdict.kind, path))
    case 'foreign':
    case 'newer':
      throw new DatabaseError(verdict.kind, describeFailure(verdict.kind, path), verdict.reason)
    case 'unreadable':
      throw toDatabaseError(verdict.error, path, restoreHint(path)) ?? verdict.error
    case 'ours':
      return
  }
}

/** Root can write anything, so this only catches what the permissions say; SQLite's own errors catch the rest. */
function assertWritable(path: string): void {
  for (const target of [path, dirname(path)]) {
    try {
      accessSync(target, constants.W_OK)
    } catch (error) {
      throw new DatabaseError('read-only', describeFailure('read-only', path), `${target}: ${(error as Error).message}`)
    }
  }
}

function prepare(sqlite: Database.Database, options: OpenDatabaseOptions, existing: FileVerdict | null): AppDatabase {
  const { path, migrationsFolder } = options
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    sqlite.pragma('synchronous = NORMAL')
    if (existing && options.verifyIntegrity !== false) verifyIntegrity(sqlite, path)
    if (existing?.kind === 'ours' && existing.pending > 0)
      snapshotSync(sqlite, path, 'before-migration', options.now?.() ?? new Date())
    const db = drizzle(sqlite, { schema }) as AppDatabase
    migrate(db, { migrationsFolder })
    stampIdentity(sqlite, knownMigrations(migrationsFolder).count)
    return db
  } catch (error) {
    sqlite.close()
    throw toDatabaseError(error, path, path === ':memory:' ? '' : restoreHint(path)) ?? error
  }
}

function verifyIntegrity(sqlite: Database.Database, path: string): void {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[]
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  if (problems.length > 0)
    throw new DatabaseError(
      'integrity',
      describeFailure('integrity', path, restoreHint(path)),
      problems.slice(0, 10).join('; '),
    )
}

function stampIdentity(sqlite: Database.Database, schemaVersion: number): void {
  if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID)
    sqlite.pragma(`application_id = ${APPLICATION_ID}`)
  if (sqlite.pragma('user_version', { simple: true }) !== schemaVersion)
    sqlite.pragma(`user_version = ${schemaVersion}`)
}

const RETRY_LIMIT_MS = 30_000
const sleeper = new Int32Array(new SharedArrayBuffer(4))

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

/**
 * Runs `work` while SQLite answers "busy", backing off (50 ms doubling to 1 s) for up to 30 s beyond the busy
 * timeout each attempt already waits. Only for work that changes nothing when it fails (one transaction).
 */
export function retryWhileBusy<T>(work: () => T, limitMs = RETRY_LIMIT_MS): T {
  const started = Date.now()
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return work()
    } catch (error) {
      if (!isBusyError(error) || Date.now() - started + delay > limitMs) throw error
      sleepSync(delay)
    }
  }
}

/**
 * Runs `work` in one short write transaction (BEGIN IMMEDIATE, so it never fails half-way on a lock it could not
 * upgrade): a user action either lands whole or not at all, and a busy database is retried, never dropped.
 * Heavy computation belongs before the call; `work` should only write.
 */
export function inTransaction<T>(db: AppDatabase, work: () => T): T {
  const sqlite = db.$client
  // nested: part of the caller's transaction
  if (sqlite.inTransaction) return work()
  return retryWhileBusy(() => sqlite.transaction(work).immediate())
}
