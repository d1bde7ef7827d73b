import Database from 'better-sqlite3'
import { existsSync, renameSync } from 'node:fs'
import { resolve } from 'node:path'
import { takeBackup } from './backups'
import { openDatabase } from './client'
import { DatabaseError, describeFailure } from './errors'
import { inspectDatabaseFile } from './identity'

export interface RestoreOptions {
  backupPath: string
  dbPath: string
  migrationsFolder: string
  now: Date
}

export interface RestoreOutcome {
  restored: string
  into: string
  /** where the database as it was before the restore went (a backup, or the damaged file moved aside) */
  previous: string | null
}

const SIDE_FILES = ['-wal', '-shm', '-journal']

function integrityOf(path: string): string {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[]
    return rows.map((r) => r.integrity_check).join('; ')
  } finally {
    sqlite.close()
  }
}

/** The backup must be one of ours, of a schema this build knows, and whole. */
function assertRestorable(backupPath: string, migrationsFolder: string): void {
  const verdict = inspectDatabaseFile(backupPath, migrationsFolder)
  if (verdict.kind === 'newer') throw new DatabaseError('newer', describeFailure('newer', backupPath), verdict.reason)
  if (verdict.kind !== 'ours')
    throw new DatabaseError(
      'foreign',
      `${backupPath} is not a Readiness Cockpit backup (${verdict.kind}); nothing was changed.`,
    )
  const integrity = integrityOf(backupPath)
  if (integrity !== 'ok')
    throw new DatabaseError(
      'integrity',
      `${backupPath} failed its integrity check; nothing was changed. Pick an older backup.`,
      integrity,
    )
}

/** Keeps what is there now: a backup of a healthy database; a damaged one (with its WAL) moved aside. */
async function setAsideCurrent(dbPath: string, migrationsFolder: string, now: Date): Promise<string | null> {
  const verdict = inspectDatabaseFile(dbPath, migrationsFolder)
  if (verdict.kind === 'missing' || verdict.kind === 'empty') return null
  if (verdict.kind === 'foreign' || verdict.kind === 'not-a-database' || verdict.kind === 'not-a-file') {
    throw new DatabaseError(
      verdict.kind,
      `${dbPath} is not a Readiness Cockpit database; restore will not replace it — check --db.`,
    )
  }
  if (verdict.kind === 'ours' && integrityOf(dbPath) === 'ok') {
    const current = new Database(dbPath, { fileMustExist: true })
    try {
      return (await takeBackup(current, dbPath, 'before-restore', now)).path
    } finally {
      current.close()
    }
  }
  const aside = `${dbPath}.damaged-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`
  renameSync(dbPath, aside)
  for (const suffix of SIDE_FILES) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix)
  return aside
}

/**
 * `readiness restore`: copies a backup into the database with SQLite's backup API (so a running app sees a
 * consistent switch), after saving the current state; then opens the result, migrating it if the backup is older.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreOutcome> {
  const backupPath = resolve(options.backupPath)
  const dbPath = resolve(options.dbPath)
  if (backupPath === dbPath)
    throw new DatabaseError('not-a-file', `${backupPath} is the database itself; pick a backup.`)
  assertRestorable(backupPath, options.migrationsFolder)
  const previous = await setAsideCurrent(dbPath, options.migrationsFolder, options.now)
  const source = new Database(backupPath, { readonly: true, fileMustExist: true })
  try {
    await source.backup(dbPath)
  } finally {
    source.close()
  }
  openDatabase({
    path: dbPath,
    migrationsFolder: options.migrationsFolder,
    create: false,
    now: () => options.now,
  }).$client.close()
  return { restored: backupPath, into: dbPath, previous }
}
