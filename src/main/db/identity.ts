import Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'

/**
 * Which file is ours. Every Readiness Cockpit database carries PRAGMA application_id = APPLICATION_ID and
 * PRAGMA user_version = the number of migrations applied. A file is looked at without writing a byte to it:
 * first its 100-byte header, then (only for a SQLite file without our id) a read-only connection.
 */

/** "RCKP" */
export const APPLICATION_ID = 0x52434b50

const SQLITE_MAGIC = 'SQLite format 3\u0000'

export interface KnownMigrations {
  /** migrations this build ships, oldest first */
  count: number
  /** drizzle's created_at of the newest migration this build knows */
  lastMillis: number
  /** drizzle's created_at of every migration, oldest first */
  millis: number[]
  /** hash of the very first migration: a drizzle table whose first row has another hash belongs to another app */
  firstHash: string
}

const knownCache = new Map<string, KnownMigrations>()

export function knownMigrations(migrationsFolder: string): KnownMigrations {
  let known = knownCache.get(migrationsFolder)
  if (!known) {
    const files = readMigrationFiles({ migrationsFolder })
    const millis = files.map((f) => f.folderMillis)
    known = { count: files.length, lastMillis: millis[millis.length - 1] ?? 0, millis, firstHash: files[0]?.hash ?? '' }
    knownCache.set(migrationsFolder, known)
  }
  return known
}

export type FileVerdict =
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  /** a file of 0 bytes, or a SQLite file with no tables: may become our database */
  | { kind: 'empty' }
  | { kind: 'not-a-database' }
  | { kind: 'foreign'; reason: string }
  | { kind: 'newer'; reason: string }
  | { kind: 'unreadable'; error: unknown }
  /** ours (or a database made before the id was introduced: `adopt`); `pending` migrations to apply */
  | { kind: 'ours'; pending: number; adopt: boolean }

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const header = Buffer.alloc(100)
    const read = readSync(fd, header, 0, 100, 0)
    return header.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

interface SchemaFacts {
  applicationId: number
  userVersion: number
  tables: string[]
  /** rows of drizzle's migration table, oldest first (empty when there is none) */
  migrations: { hash: string; createdAt: number }[]
}

function readSchemaFacts(path: string): SchemaFacts {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[]
    const migrations = tables.includes('__drizzle_migrations')
      ? (sqlite
          .prepare('select hash, created_at as createdAt from __drizzle_migrations order by created_at, id')
          .all() as { hash: string; createdAt: number }[])
      : []
    return {
      applicationId: sqlite.pragma('application_id', { simple: true }) as number,
      userVersion: sqlite.pragma('user_version', { simple: true }) as number,
      tables,
      migrations,
    }
  } finally {
    sqlite.close()
  }
}

function judgeSchema(facts: SchemaFacts, known: KnownMigrations): FileVerdict {
  const ourId = facts.applicationId === APPLICATION_ID
  if (facts.applicationId !== 0 && !ourId) return { kind: 'foreign', reason: `application_id ${facts.applicationId}` }
  if (!ourId) {
    if (facts.tables.length === 0) return { kind: 'empty' }
    // made before application_id existed: ours only if drizzle's table starts with our first migration
    if (facts.migrations.length === 0 || facts.migrations[0].hash !== known.firstHash)
      return { kind: 'foreign', reason: `tables ${facts.tables.slice(0, 5).join(', ')}` }
  }
  const newest = facts.migrations[facts.migrations.length - 1]?.createdAt ?? 0
  if (facts.userVersion > known.count || Number(newest) > known.lastMillis) {
    return {
      kind: 'newer',
      reason: `schema version ${facts.userVersion}, newest migration ${newest}; this build knows ${known.count} (${known.lastMillis})`,
    }
  }
  // drizzle applies every migration newer than the newest one recorded
  const pending = known.millis.filter((millis) => millis > Number(newest)).length
  return { kind: 'ours', pending, adopt: !ourId }
}

/** What the file at `path` is, decided without modifying it. */
export function inspectDatabaseFile(path: string, migrationsFolder: string): FileVerdict {
  if (!existsSync(path)) return { kind: 'missing' }
  try {
    if (!statSync(path).isFile()) return { kind: 'not-a-file' }
    const header = readHeader(path)
    if (header.length === 0) return { kind: 'empty' }
    if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { kind: 'not-a-database' }
    const headerId = header.readUInt32BE(68)
    // another application's id: refuse without ever handing the file to SQLite
    if (headerId !== 0 && headerId !== APPLICATION_ID) return { kind: 'foreign', reason: `application_id ${headerId}` }
    return judgeSchema(readSchemaFacts(path), knownMigrations(migrationsFolder))
  } catch (error) {
    return { kind: 'unreadable', error }
  }
}
