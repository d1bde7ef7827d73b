/**
 * Database failures as one-line sentences a lead can act on. The technical detail (SQLite's code and message, the
 * stack) goes to the log file; the sentence is what the CLI prints and the UI shows.
 */

export type DatabaseFailureKind =
  | 'missing'
  | 'not-a-file'
  | 'not-a-database'
  | 'foreign'
  | 'newer'
  | 'malformed'
  | 'integrity'
  | 'read-only'
  | 'busy'
  | 'full'
  | 'io'
  | 'cannot-open'

export class DatabaseError extends Error {
  constructor(
    readonly kind: DatabaseFailureKind,
    message: string,
    /** what SQLite or the file system said, for the log */
    readonly detail: string = '',
  ) {
    super(message)
    this.name = 'DatabaseError'
  }
}

interface SqliteLikeError {
  code?: unknown
  message?: unknown
}

export function sqliteCode(error: unknown): string | null {
  const code = (error as SqliteLikeError | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

export function isBusyError(error: unknown): boolean {
  const code = sqliteCode(error)
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

/** The kind of a SQLite (or file-system) failure; null when it is not one we can explain. */
export function failureKindOf(error: unknown): DatabaseFailureKind | null {
  const code = sqliteCode(error)
  if (code === null) {
    const errno = (error as NodeJS.ErrnoException | null)?.code
    if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') return 'read-only'
    if (errno === 'ENOSPC') return 'full'
    if (errno === 'EISDIR') return 'not-a-file'
    return null
  }
  if (code === 'SQLITE_NOTADB') return 'not-a-database'
  if (code.startsWith('SQLITE_CORRUPT')) return 'malformed'
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return 'read-only'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy'
  if (code === 'SQLITE_FULL') return 'full'
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open'
  if (code.startsWith('SQLITE_IOERR')) return 'io'
  return null
}

/** One sentence per kind; `hint` adds what to do next (e.g. the last backup). */
export function describeFailure(kind: DatabaseFailureKind, path: string, hint = ''): string {
  const then = hint ? ` ${hint}` : ''
  switch (kind) {
    case 'missing':
      return `There is no database at ${path}; only commands that store something (import, connect, sync) create one — check --db.`
    case 'not-a-file':
      return `${path} is a folder, not a database file — check --db.`
    case 'not-a-database':
      return `${path} is not a database file — check --db.`
    case 'foreign':
      return `${path} is another program's SQLite database, not a Readiness Cockpit one; it was left untouched — check --db.`
    case 'newer':
      return `${path} was made by a newer version of Readiness Cockpit; open it with that version or restore a backup (readiness restore).`
    case 'malformed':
      return `${path} is damaged (SQLite reports it malformed).${then}`
    case 'integrity':
      return `${path} failed its integrity check.${then}`
    case 'read-only':
      return `${path} is read-only; Readiness Cockpit cannot save to it — check the permissions of the file and its folder.`
    case 'busy':
      return `The database ${path} is busy: another program kept it locked too long. Try again in a moment.`
    case 'full':
      return `The disk holding ${path} is full; free some space and try again.`
    case 'io':
      return `Reading or writing ${path} failed (a disk or file-system error).${then}`
    case 'cannot-open':
      return `Cannot open ${path}: its folder is missing or not accessible — check --db.`
  }
}

/** Turns any failure touching the database into a DatabaseError with a one-line message (or null if unknown). */
export function toDatabaseError(error: unknown, path: string, hint = ''): DatabaseError | null {
  if (error instanceof DatabaseError) return error
  const kind = failureKindOf(error)
  if (kind === null) return null
  const detail =
    error instanceof Error
      ? `${sqliteCode(error) ?? (error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}`
      : String(error)
  return new DatabaseError(kind, describeFailure(kind, path, kind === 'malformed' || kind === 'io' ? hint : ''), detail)
}
