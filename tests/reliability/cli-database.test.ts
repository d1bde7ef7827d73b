import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { SEED_004 } from '../integration/seed-004-fixture'

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** one line on stderr, no stack, no SQLite class name */
function expectOneLine(stderr: string) {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).not.toMatch(/SqliteError|\n\s+at |node:internal/)
}

describe('the CLI on databases it must not or cannot use', () => {
  let dir: string
  let logDir: string
  let env: Record<string, string>
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-cli-db-'))
    logDir = mkdtempSync(join(tmpdir(), 'readiness-cli-log-'))
    env = { READINESS_LOG_FILE: join(logDir, 'readiness.log') }
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    rmSync(logDir, { recursive: true, force: true })
  })

  it("refuses another program's SQLite file, a text file and a missing path in one line, touching nothing", () => {
    const other = join(dir, 'other.sqlite')
    const db = new Database(other)
    db.exec("create table users (id integer primary key, name text); insert into users (name) values ('ada')")
    db.close()
    const text = join(dir, 'notes.db')
    writeFileSync(text, 'hello\n')
    const before = [sha(other), sha(text)]
    for (const [path, said] of [
      [other, "another program's SQLite database"],
      [text, 'is not a database file'],
      [join(dir, 'typo', 'readiness.db'), 'There is no database at'],
    ]) {
      const run = runCli(['plans', '--db', path], env)
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(said)
      expectOneLine(run.stderr)
    }
    expect([sha(other), sha(text)]).toEqual(before)
    expect(existsSync(join(dir, 'typo'))).toBe(false)
    expect(readdirSync(dir).sort()).toEqual(['notes.db', 'other.sqlite'])
  }, 120_000)

  it('a storing command creates the database and says so; backups are listed and restored; a damaged file is refused, then restored', () => {
    const path = join(dir, 'team', 'readiness.db')
    const created = runCli(['import', SEED_004, '--db', path], env)
    expect(created.status).toBe(0)
    expect(created.stderr).toBe(`Created a new database at ${path}\n`)
    const backup = JSON.parse(runCli(['call', 'app.backup', '{}', '--db', path], env).stdout) as { path: string }
    expect(backup.path).toMatch(/team\/backups\/readiness-\d{8}T\d{6}Z-manual\.db$/)
    expect(runCli(['import', SEED_004, '--db', path], env).status).toBe(0)
    const listed = runCli(['restore', '--db', path], env)
    expect(listed.stdout).toContain(backup.path)

    // damage it: the next command refuses it, naming the backup
    const bytes = readFileSync(path)
    const pageSize = bytes.readUInt16BE(16)
    const pages = Math.floor(bytes.length / pageSize)
    for (let page = 2; page < pages; page++) bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200)
    writeFileSync(path, bytes)
    rmSync(`${path}-wal`, { force: true })
    rmSync(`${path}-shm`, { force: true })
    const refused = runCli(['plans', '--db', path], env)
    expect(refused.status).toBe(2)
    expectOneLine(refused.stderr)
    expect(refused.stderr).toMatch(/damaged|failed its integrity check/)
    expect(refused.stderr).toContain(`readiness restore "${backup.path}"`)
    const verbose = runCli(['plans', '--db', path, '--verbose'], env)
    expect(verbose.stderr.split('\n').length).toBeGreaterThan(2)
    expect(readFileSync(env.READINESS_LOG_FILE, 'utf8')).toMatch(/readiness failed[\s\S]*DatabaseError/)

    const restored = runCli(['restore', backup.path, '--db', path], env)
    expect(restored.stderr).toBe('')
    expect(restored.stdout).toMatch(
      /^Restored .* The database as it was is kept at .*readiness\.db\.damaged-\d{8}T\d{6}Z\.\n$/,
    )
    const plans = runCli(['plans', '--db', path, '--json'], env)
    expect(JSON.parse(plans.stdout)).toHaveLength(1)
  }, 240_000)

  it("refuses to restore something that is not one of our backups, and a restore over another program's file", () => {
    const path = join(dir, 'team', 'readiness.db')
    const other = join(dir, 'other.sqlite')
    const refused = runCli(['restore', other, '--db', path], env)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('is not a Readiness Cockpit backup')
    expectOneLine(refused.stderr)
    const backups = readdirSync(join(dir, 'team', 'backups')).filter((name) => name.endsWith('-manual.db'))
    const before = sha(other)
    const over = runCli(['restore', join(dir, 'team', 'backups', backups[0]), '--db', other], env)
    expect(over.status).toBe(2)
    expect(over.stderr).toContain('is not a Readiness Cockpit database; restore will not replace it')
    expect(sha(other)).toBe(before)
  }, 60_000)
})
