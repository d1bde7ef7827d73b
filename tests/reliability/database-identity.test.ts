import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listBackups, takeBackup } from '../../src/main/db/backups'
import { openDatabase } from '../../src/main/db/client'
import { DatabaseError, toDatabaseError } from '../../src/main/db/errors'
import { APPLICATION_ID, knownMigrations } from '../../src/main/db/identity'
import { sourceLayout } from '../../src/main/source-layout'

const migrationsFolder = sourceLayout.migrationsFolder
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

function refusal(open: () => unknown): DatabaseError {
  try {
    open()
  } catch (error) {
    if (error instanceof DatabaseError) return error
    throw error
  }
  throw new Error('the database was opened')
}

describe('only our own databases are opened', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-identity-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('stamps a new database with our application_id and the schema version', () => {
    const db = openDatabase({ path: join(dir, 'new.db'), migrationsFolder })
    expect(db.$client.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(db.$client.pragma('user_version', { simple: true })).toBe(knownMigrations(migrationsFolder).count)
    db.$client.close()
    // the header on disk says so too (the check before any SQLite connection reads it)
    expect(readFileSync(join(dir, 'new.db')).readUInt32BE(68)).toBe(APPLICATION_ID)
  })

  it("refuses another program's SQLite file with one line and leaves it byte-identical", () => {
    const path = join(dir, 'other.sqlite')
    const other = new Database(path)
    other.exec(
      "create table users (id integer primary key, name text); insert into users (name) values ('ada'), ('grace')",
    )
    other.close()
    const before = sha(path)
    const error = refusal(() => openDatabase({ path, migrationsFolder }))
    expect(error.kind).toBe('foreign')
    expect(error.message).not.toContain('\n')
    expect(error.message).toMatch(/another program's SQLite database.*left untouched/)
    expect(sha(path)).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(['other.sqlite'])
  })

  it('refuses a SQLite file carrying another application_id without opening it in SQLite', () => {
    const path = join(dir, 'tagged.db')
    const other = new Database(path)
    other.pragma('application_id = 1234')
    other.pragma('journal_mode = WAL')
    other.exec('create table t (x)')
    other.close()
    const before = sha(path)
    expect(refusal(() => openDatabase({ path, migrationsFolder })).kind).toBe('foreign')
    expect(sha(path)).toBe(before)
  })

  it('refuses a file that is not a database, and a folder, leaving them as they were', () => {
    const text = join(dir, 'notes.db')
    writeFileSync(text, 'not a database at all\n'.repeat(20))
    const before = sha(text)
    const error = refusal(() => openDatabase({ path: text, migrationsFolder }))
    expect(error.kind).toBe('not-a-database')
    expect(error.message).toBe(`${text} is not a database file — check --db.`)
    expect(sha(text)).toBe(before)
    expect(refusal(() => openDatabase({ path: dir, migrationsFolder })).kind).toBe('not-a-file')
  })

  it('creates a missing database only when asked to, and says so', () => {
    const path = join(dir, 'nested', 'missing.db')
    const error = refusal(() => openDatabase({ path, migrationsFolder, create: false }))
    expect(error.kind).toBe('missing')
    expect(existsSync(join(dir, 'nested'))).toBe(false)
    const created: string[] = []
    const db = openDatabase({ path, migrationsFolder, create: true, onCreated: (p) => created.push(p) })
    db.$client.close()
    expect(created).toEqual([path])
    // opening it again creates nothing
    openDatabase({ path, migrationsFolder, create: false, onCreated: (p) => created.push(p) }).$client.close()
    expect(created).toEqual([path])
  })

  it('refuses a database made by a newer version (unknown migration, renamed column) without touching it', () => {
    const path = join(dir, 'future.db')
    const db = openDatabase({ path, migrationsFolder })
    const known = knownMigrations(migrationsFolder)
    db.$client.exec(
      `alter table plans rename column title to name; insert into __drizzle_migrations (hash, created_at) values ('future', ${known.lastMillis + 1000})`,
    )
    db.$client.pragma(`user_version = ${known.count + 1}`)
    db.$client.close()
    const before = sha(path)
    const error = refusal(() => openDatabase({ path, migrationsFolder }))
    expect(error.kind).toBe('newer')
    expect(error.message).toMatch(
      /made by a newer version of Readiness Cockpit; open it with that version or restore a backup/,
    )
    expect(sha(path)).toBe(before)
  })

  it('adopts a database made before the application id existed', () => {
    const path = join(dir, 'legacy.db')
    const db = openDatabase({ path, migrationsFolder })
    db.$client.pragma('application_id = 0')
    db.$client.pragma('user_version = 0')
    db.$client.close()
    const again = openDatabase({ path, migrationsFolder, create: false })
    expect(again.$client.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    again.$client.close()
  })

  it('backs the database up before a migration, and the backup holds the old schema', () => {
    const path = join(dir, 'upgrade.db')
    const db = openDatabase({ path, migrationsFolder })
    db.$client.exec("insert into settings (key, value_json) values ('marker', '1')")
    db.$client.close()
    // a build with one more migration than the database has
    const newer = join(dir, 'drizzle-next')
    cpSync(migrationsFolder, newer, { recursive: true })
    const journal = JSON.parse(readFileSync(join(newer, 'meta/_journal.json'), 'utf8'))
    const last = journal.entries[journal.entries.length - 1]
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' })
    writeFileSync(join(newer, 'meta/_journal.json'), JSON.stringify(journal))
    writeFileSync(join(newer, '9999_test_extra.sql'), 'CREATE TABLE `extra_test` (`id` integer PRIMARY KEY);')
    const upgraded = openDatabase({ path, migrationsFolder: newer, now: () => new Date('2025-03-01T10:15:00Z') })
    expect(upgraded.$client.pragma('user_version', { simple: true })).toBe(journal.entries.length)
    upgraded.$client.close()
    const backups = listBackups(path)
    expect(backups.map((b) => [b.reason, b.takenAt])).toEqual([['before-migration', '2025-03-01T10:15:00Z']])
    const copy = new Database(backups[0].path, { readonly: true })
    expect(copy.prepare("select count(*) from sqlite_master where name = 'extra_test'").pluck().get()).toBe(0)
    expect(copy.prepare("select value_json from settings where key = 'marker'").pluck().get()).toBe('1')
    copy.close()
    // a build that knows only the older schema now refuses it
    expect(refusal(() => openDatabase({ path, migrationsFolder })).kind).toBe('newer')
  })

  it('runs quick_check on open: a damaged file is refused with the last automatic backup named', async () => {
    const path = join(dir, 'damaged.db')
    const db = openDatabase({ path, migrationsFolder })
    db.$client.exec('create table filler (id integer primary key, body text); create index filler_body on filler(body)')
    const insert = db.$client.prepare('insert into filler (body) values (?)')
    for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${'x'.repeat(i % 97)}`)
    const backup = await takeBackup(db.$client, path, 'daily', new Date('2025-03-02T08:00:00Z'))
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
    db.$client.close()
    // scribble over the middle of the file (index and table pages), as a failing disk would
    const bytes = readFileSync(path)
    const pageSize = bytes.readUInt16BE(16)
    for (
      let page = Math.floor(bytes.length / pageSize / 2);
      page < Math.floor(bytes.length / pageSize / 2) + 3;
      page++
    ) {
      bytes.fill(0x5a, page * pageSize + 8, page * pageSize + pageSize - 8)
    }
    writeFileSync(path, bytes)
    const error = refusal(() => openDatabase({ path, migrationsFolder }))
    expect(['integrity', 'malformed']).toContain(error.kind)
    expect(error.message).not.toContain('\n')
    expect(error.message).toContain(`The last automatic backup is ${backup.path}`)
    expect(error.message).toContain('readiness restore')
  })

  it('explains SQLite failures in one line: read-only, busy, full', () => {
    const path = join(dir, 'ro.db')
    openDatabase({ path, migrationsFolder }).$client.close()
    const readOnly = new Database(path, { readonly: true })
    let caught: unknown
    try {
      readOnly.exec("insert into settings (key, value_json) values ('k', '1')")
    } catch (error) {
      caught = error
    }
    readOnly.close()
    expect(toDatabaseError(caught, path)?.message).toBe(
      `${path} is read-only; Readiness Cockpit cannot save to it — check the permissions of the file and its folder.`,
    )
    expect(toDatabaseError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), path)?.kind).toBe(
      'busy',
    )
    expect(
      toDatabaseError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), path)?.kind,
    ).toBe('full')
    expect(toDatabaseError(new Error('something else'), path)).toBeNull()
  })
})
