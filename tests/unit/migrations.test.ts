import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
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
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
        )
        .pluck()
        .all()
      expect(tables).toEqual(
        [
          'check_results',
          'checks',
          'evidence_cache',
          'phases',
          'plan_baselines',
          'plan_repos',
          'plan_versions',
          'plans',
          'repos',
          'scope_changes',
          'settings',
          'task_statuses',
          'tasks',
        ].sort(),
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

  it('give every plan stored before baselines existed its first import as the original baseline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-migrate-baselines-'))
    try {
      const before = join(dir, 'drizzle')
      cpSync(sourceLayout.migrationsFolder, before, { recursive: true })
      const journalPath = join(before, 'meta', '_journal.json')
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
      const baselinesAt = journal.entries.findIndex((entry: { tag: string }) => entry.tag.endsWith('_plan_baselines'))
      writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, baselinesAt) }))
      const old = openDatabase({ path: join(dir, 'old.db'), migrationsFolder: before })
      old.$client.exec(`insert into plans (id, title, source_name) values (1, 'Old plan', 'old.md');
        insert into plan_versions (id, plan_id, version_no, source_name, source_sha256, source_bytes, parsed_json, imported_at)
          values (7, 1, 1, 'old.md', 'x', x'00', '{}', '2025-01-02T08:00:00.000Z'), (8, 1, 2, 'old.md', 'y', x'00', '{}', '2025-01-09T08:00:00.000Z');
        update plans set baseline_version_id = 7, current_version_id = 8 where id = 1;`)
      old.$client.close()
      const migrated = openDatabase({ path: join(dir, 'old.db'), migrationsFolder: sourceLayout.migrationsFolder })
      expect(migrated.$client.prepare('select plan_id, version_id, reason, set_at from plan_baselines').all()).toEqual([
        { plan_id: 1, version_id: 7, reason: '', set_at: '2025-01-02T08:00:00.000Z' },
      ])
      migrated.$client.close()
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
        [
          join(repoRoot, 'node_modules/drizzle-kit/bin.cjs'),
          'generate',
          '--dialect',
          'sqlite',
          '--schema',
          join(repoRoot, 'src/main/db/schema.ts'),
          '--out',
          relative(repoRoot, join(dir, 'drizzle')),
        ],
        { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
      )
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toMatch(/No schema changes/)
      expect(readdirSync(join(dir, 'drizzle')).filter((f) => f.endsWith('.sql'))).toEqual(
        readdirSync(sourceLayout.migrationsFolder).filter((f) => f.endsWith('.sql')),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
