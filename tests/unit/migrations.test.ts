import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/client'
import { sourceLayout } from '../../src/main/source-layout'
import { repoRoot } from '../support/paths'

describe('database migrations', () => {
  it('migrate a new database from empty to the latest schema, with WAL and foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-migrate-'))
    try {
      const db = openDatabase({ path: join(dir, 'fresh.db'), migrationsFolder: sourceLayout.migrationsFolder })
      const tables = db.$client
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
        .pluck()
        .all()
      expect(tables).toEqual(
        ['check_results', 'checks', 'evidence_cache', 'phases', 'plan_repos', 'plan_versions', 'plans', 'repos', 'scope_changes', 'settings', 'task_statuses', 'tasks'].sort(),
      )
      expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
      const applied = db.$client.prepare('select count(*) from __drizzle_migrations').pluck().get()
      expect(applied).toBe(readdirSync(sourceLayout.migrationsFolder).filter((f) => f.endsWith('.sql')).length)
      db.$client.close()
      // opening again applies nothing twice
      const again = openDatabase({ path: join(dir, 'fresh.db'), migrationsFolder: sourceLayout.migrationsFolder })
      expect(again.$client.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(applied)
      again.$client.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('have no drift: drizzle-kit generates nothing new from the TypeScript schema', () => {
    // drizzle-kit only handles an --out relative to its working directory
    const dir = mkdtempSync(join(repoRoot, 'node_modules', '.drift-'))
    try {
      cpSync(sourceLayout.migrationsFolder, join(dir, 'drizzle'), { recursive: true })
      const result = spawnSync(
        process.execPath,
        [join(repoRoot, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--dialect', 'sqlite', '--schema', join(repoRoot, 'src/main/db/schema.ts'), '--out', relative(repoRoot, join(dir, 'drizzle'))],
        { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
      )
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toMatch(/No schema changes/)
      expect(readdirSync(join(dir, 'drizzle')).filter((f) => f.endsWith('.sql'))).toEqual(readdirSync(sourceLayout.migrationsFolder).filter((f) => f.endsWith('.sql')))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
