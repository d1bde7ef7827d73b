import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/bootstrap'
import { createWorkerPool } from '../../src/main/web/offload'
import { projectRoot, sourceLayout } from '../../src/main/source-layout'
import { SEED_004 } from '../integration/seed-004-fixture'

/**
 * The desktop app's worker thread as the build ships it (out/main/offload-worker.js, from `npm run build`): it must
 * load in plain Node without Electron and answer through the pool, with the desktop's rules (a plan path is allowed).
 */
const built = join(projectRoot, 'out', 'main', 'offload-worker.js')

describe.skipIf(!existsSync(built) && !process.env.CI)('the built desktop worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-desktop-worker-'))
  const dbPath = join(dir, 'app.db')
  const host = openCore({ dbPath, ...sourceLayout, appVersion: 'test', platform: { mode: 'electron', dialogs: null } })
  const pool = createWorkerPool(
    {
      ...sourceLayout,
      mode: 'electron',
      dbPath,
      projectRoot,
      appVersion: 'test',
      logFile: null,
      verbose: false,
    },
    { entry: built },
  )
  pool.connect({ emit: () => undefined, reposChanged: () => undefined })
  afterAll(async () => {
    await pool.close()
    host.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports a plan from its path and answers its progress', async () => {
    const imported = JSON.parse(
      await pool.callJson('plans.import', { source: { path: SEED_004 }, startDate: '2024-12-02' }),
    ) as { ok: boolean; value: { planId: number } }
    expect(imported).toMatchObject({ ok: true })
    const progress = JSON.parse(await pool.callJson('progress.get', { planId: imported.value.planId })) as {
      ok: boolean
    }
    expect(progress.ok).toBe(true)
    expect(readFileSync(built, 'utf8')).not.toMatch(/from ["']electron["']/)
  }, 60_000)
})
