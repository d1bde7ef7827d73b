import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dailyBackupDue, listBackups, scheduleDailyBackups, takeBackup } from '../../src/main/db/backups'
import { APPLICATION_ID } from '../../src/main/db/identity'
import { SEED_004 } from '../integration/seed-004-fixture'
import { callOk, createTestCore, type TestCore } from '../support/core'

describe('browser mode takes paths only from the lead', () => {
  let core: TestCore
  let planId: number
  beforeAll(async () => {
    core = createTestCore({ mode: 'web' })
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { name: 'seed.md', base64: readFileSync(SEED_004).toString('base64') },
    }))
  })
  afterAll(() => core.dispose())

  it('reads plans only as uploads and writes exports only as downloads', async () => {
    expect(await core.dispatch('plans.preview', { source: { path: '/etc/hostname' } })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
    expect(await core.dispatch('plans.import', { source: { path: SEED_004 } })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
    const target = join(core.dir, 'victim.txt')
    writeFileSync(target, 'keep me\n')
    for (const method of ['report.exportCsv', 'report.exportJson', 'report.exportPdf']) {
      expect(await core.dispatch(method, { planId, path: target })).toMatchObject({
        ok: false,
        error: { code: 'unsupported' },
      })
    }
    expect(readFileSync(target, 'utf8')).toBe('keep me\n')
    expect(await callOk(core, 'report.exportCsv', { planId })).toMatchObject({
      path: null,
      content: expect.stringContaining('key'),
    })
    expect(await core.dispatch('files.open', { path: target })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
  })

  it("backs up to the app's backups folder, or to a typed database file, replacing one only when confirmed", async () => {
    const own = await callOk<{ path: string }>(core, 'app.backup', {})
    expect(own.path.startsWith(join(core.dir, 'backups'))).toBe(true)
    const copy = new Database(own.path, { readonly: true })
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    copy.close()

    expect(await core.dispatch('app.backup', { path: 'relative.db' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    expect(await core.dispatch('app.backup', { path: join(core.dir, '.bashrc') })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/ends in \.db/) },
    })
    expect(await core.dispatch('app.backup', { path: join(core.dir, 'no-such-folder', 'x.db') })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    const existing = join(core.dir, 'existing.db')
    writeFileSync(existing, 'older content\n')
    expect(await core.dispatch('app.backup', { path: existing })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `${existing} already exists; confirm to replace it` },
    })
    expect(readFileSync(existing, 'utf8')).toBe('older content\n')
    expect(await callOk(core, 'app.backup', { path: existing, overwrite: true })).toMatchObject({ path: existing })
    expect(readFileSync(existing).subarray(0, 15).toString()).toBe('SQLite format 3')
  })
})

describe('the CLI writes exports where it is told', () => {
  it('replaces an export named on the command line (the user typed it)', async () => {
    const core = createTestCore({ mode: 'cli' })
    try {
      const { planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } })
      const target = join(core.dir, 'status.csv')
      writeFileSync(target, 'old\n')
      await callOk(core, 'report.exportCsv', { planId, path: target })
      expect(readFileSync(target, 'utf8')).toMatch(/^key,/)
    } finally {
      core.dispose()
    }
  })
})

describe('automatic daily backups', () => {
  it('one a day while the app runs; the oldest roll off', async () => {
    const core = createTestCore()
    try {
      let now = new Date('2025-03-01T09:00:00Z')
      const errors: unknown[] = []
      const stop = scheduleDailyBackups({
        sqlite: core.context.db.$client,
        dbPath: core.dbPath,
        now: () => now,
        log: (_m, e) => errors.push(e),
        checkEveryMs: 100,
      })
      for (let i = 0; i < 50 && listBackups(core.dbPath).length === 0; i++) await new Promise((r) => setTimeout(r, 100))
      expect(listBackups(core.dbPath).map((b) => [b.reason, b.takenAt])).toEqual([['daily', '2025-03-01T09:00:00Z']])
      await new Promise((r) => setTimeout(r, 300))
      expect(listBackups(core.dbPath)).toHaveLength(1)
      now = new Date('2025-03-02T09:30:00Z')
      expect(dailyBackupDue(core.dbPath, now)).toBe(true)
      for (let i = 0; i < 50 && listBackups(core.dbPath).length === 1; i++) await new Promise((r) => setTimeout(r, 100))
      stop()
      expect(listBackups(core.dbPath).map((b) => b.takenAt)).toEqual(['2025-03-02T09:30:00Z', '2025-03-01T09:00:00Z'])
      for (let day = 3; day <= 12; day++)
        await takeBackup(
          core.context.db.$client,
          core.dbPath,
          'daily',
          new Date(`2025-03-${String(day).padStart(2, '0')}T09:00:00Z`),
        )
      const kept = listBackups(core.dbPath)
      expect(kept).toHaveLength(7)
      expect(kept[0].takenAt).toBe('2025-03-12T09:00:00Z')
      expect(errors).toEqual([])
    } finally {
      core.dispose()
    }
  })
})
