import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'

/**
 * Automatic rolling backups of the app database, kept in a `backups` folder beside it: one before every
 * migration, one a day while the app runs, one before a restore. Each file is a complete SQLite database that
 * `readiness restore` (or opening it with --db) can use as it is.
 */

export type BackupReason = 'before-migration' | 'daily' | 'before-restore' | 'manual'

export interface BackupInfo {
  path: string
  reason: BackupReason
  /** ISO timestamp the backup was taken */
  takenAt: string
  bytes: number
}

/** how many backups of each reason are kept (older ones are deleted) */
export const KEEP_BACKUPS: Record<BackupReason, number> = {
  'before-migration': 5,
  daily: 7,
  'before-restore': 5,
  manual: 10,
}

const DAY_MS = 24 * 60 * 60 * 1000
const REASONS = Object.keys(KEEP_BACKUPS) as BackupReason[]

export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups')
}

function stem(dbPath: string): string {
  const name = basename(dbPath)
  return extname(name) ? name.slice(0, -extname(name).length) : name
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

function parseStamp(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null
}

/** `readiness-20250301T101500Z-daily.db` in the backups folder; never an existing file */
export function newBackupPath(dbPath: string, reason: BackupReason, now: Date): string {
  const folder = backupFolder(dbPath)
  const base = `${stem(dbPath)}-${stamp(now)}-${reason}`
  let candidate = join(folder, `${base}.db`)
  for (let n = 2; existsSync(candidate); n++) candidate = join(folder, `${base}-${n}.db`)
  return candidate
}

/** The backups of this database, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const folder = backupFolder(dbPath)
  if (!existsSync(folder)) return []
  const prefix = `${stem(dbPath)}-`
  const found: BackupInfo[] = []
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix) || !name.endsWith('.db')) continue
    const match = /^(\d{8}T\d{6}Z)-([a-z-]+?)(?:-\d+)?\.db$/.exec(name.slice(prefix.length))
    const takenAt = match ? parseStamp(match[1]) : null
    if (!match || !takenAt || !REASONS.includes(match[2] as BackupReason)) continue
    const path = join(folder, name)
    found.push({ path, reason: match[2] as BackupReason, takenAt, bytes: statSync(path).size })
  }
  return found.sort((a, b) =>
    a.takenAt === b.takenAt ? b.path.localeCompare(a.path) : b.takenAt.localeCompare(a.takenAt),
  )
}

export function latestBackup(dbPath: string): BackupInfo | null {
  return listBackups(dbPath)[0] ?? null
}

/** "The last automatic backup is … (taken …): readiness restore …" — or that there is none. */
export function restoreHint(dbPath: string): string {
  const last = latestBackup(dbPath)
  if (!last)
    return 'There is no automatic backup of it; restore a copy you made, or move the file away to start afresh.'
  return `The last automatic backup is ${last.path} (taken ${last.takenAt.replace('T', ' ').replace('Z', ' UTC')}); restore it with: readiness restore "${last.path}"`
}

export function pruneBackups(dbPath: string, reason: BackupReason, keep = KEEP_BACKUPS[reason]): void {
  for (const old of listBackups(dbPath)
    .filter((b) => b.reason === reason)
    .slice(keep))
    rmSync(old.path, { force: true })
}

/**
 * A consistent copy taken synchronously (VACUUM INTO), for the moment before a migration when nothing else may run
 * yet. The copy is written under a temporary name and renamed, so a crash never leaves a half backup behind.
 */
export function snapshotSync(sqlite: Database.Database, dbPath: string, reason: BackupReason, now: Date): string {
  const target = newBackupPath(dbPath, reason, now)
  mkdirSync(dirname(target), { recursive: true })
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  sqlite.prepare('VACUUM INTO ?').run(partial)
  selfContained(partial)
  renameSync(partial, target)
  pruneBackups(dbPath, reason)
  return target
}

/** An online copy with SQLite's backup API while the app keeps working (daily, manual, before a restore). */
export async function backupWithApi(sqlite: Database.Database, target: string): Promise<number> {
  mkdirSync(dirname(target), { recursive: true })
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  try {
    await sqlite.backup(partial)
    selfContained(partial)
    renameSync(partial, target)
  } finally {
    rmSync(partial, { force: true })
  }
  return statSync(target).size
}

/** A copy of a WAL database is a WAL database; switched to a rollback journal it stays one file when opened. */
function selfContained(file: string): void {
  const copy = new Database(file, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

export async function takeBackup(
  sqlite: Database.Database,
  dbPath: string,
  reason: BackupReason,
  now: Date,
): Promise<BackupInfo> {
  const path = newBackupPath(dbPath, reason, now)
  const bytes = await backupWithApi(sqlite, path)
  pruneBackups(dbPath, reason)
  return { path, reason, takenAt: now.toISOString(), bytes }
}

export function dailyBackupDue(dbPath: string, now: Date): boolean {
  const last = listBackups(dbPath).find((b) => b.reason === 'daily')
  return !last || now.getTime() - Date.parse(last.takenAt) >= DAY_MS
}

/**
 * While the app runs: a daily backup when the last one is a day old, checked at start and every hour. Failures are
 * logged, never thrown (a backup must not take the app down). Returns the stop function.
 */
export function scheduleDailyBackups(options: {
  sqlite: Database.Database
  dbPath: string
  now: () => Date
  log: (message: string, error?: unknown) => void
  checkEveryMs?: number
}): () => void {
  let running = false
  const check = () => {
    if (running || !options.sqlite.open || !dailyBackupDue(options.dbPath, options.now())) return
    running = true
    takeBackup(options.sqlite, options.dbPath, 'daily', options.now())
      .catch((error: unknown) => options.log(`daily backup of ${options.dbPath} failed`, error))
      .finally(() => (running = false))
  }
  const first = setTimeout(check, 1000)
  const timer = setInterval(check, options.checkEveryMs ?? 60 * 60 * 1000)
  first.unref()
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
