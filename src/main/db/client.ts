import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import * as schema from './schema'

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface OpenDatabaseOptions {
  /** a file path, or ':memory:' */
  path: string
  /** folder holding drizzle-kit's generated SQL migrations */
  migrationsFolder: string
}

/** Opens (creating if needed) the app database and brings it to the latest schema. */
export function openDatabase({ path, migrationsFolder }: OpenDatabaseOptions): AppDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    const db = drizzle(sqlite, { schema }) as AppDatabase
    migrate(db, { migrationsFolder })
    return db
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** Runs `work` in one SQLite transaction: a user action either lands whole or not at all. */
export function inTransaction<T>(db: AppDatabase, work: () => T): T {
  return db.$client.transaction(work)()
}
