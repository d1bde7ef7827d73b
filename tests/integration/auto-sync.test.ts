import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/bootstrap'
import { sourceLayout } from '../../src/main/source-layout'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk } from '../support/core'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004, buildSeed004Repo } from './seed-004-fixture'

describe('auto re-sync while the app runs', () => {
  let core: Core
  let dir: string
  let repo: GitFixture
  const events: string[] = []
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-watch-'))
    core = openCore({
      dbPath: join(dir, 'app.db'),
      migrationsFolder: sourceLayout.migrationsFolder,
      resourcesDir: sourceLayout.resourcesDir,
      appVersion: 'test',
      platform: { mode: 'web', dialogs: null },
      now: () => new Date('2024-12-20T12:00:00Z'),
      watchRepos: true,
    })
    core.subscribe((event, payload) => events.push(`${event}:${'phase' in payload ? payload.phase : ''}`))
    repo = buildSeed004Repo()
  })
  afterAll(() => {
    core.close()
    repo.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pushes repos.changed and re-syncs when a commit lands in a connected repo', async () => {
    // browser mode: the plan arrives as an upload
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { name: 'seed-004.md', base64: readFileSync(SEED_004).toString('base64') },
    })
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
    events.length = 0
    repo
      .write('services/frontend/src/components/LearningDashboard.tsx', 'export const LearningDashboard = () => null\n')
      .commit('Learning dashboard', '2024-12-19T10:00:00+00:00')
    const deadline = Date.now() + 15_000
    while (!events.includes('repos.syncProgress:done') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50))
    expect(events).toContain('repos.changed:')
    expect(events).toContain('repos.syncProgress:done')
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId, asOf: '2024-12-20' })
    expect(report.tasks.find((t) => t.key === '2.3')!.state).toBe('done')
  })

  it('stops watching a repo once auto-sync is off', async () => {
    const [link] = await callOk<{ repoId: number; planId: number }[]>(core, 'repos.list', { planId: 1 })
    await callOk(core, 'repos.update', { planId: 1, repoId: link.repoId, autoSync: false })
    events.length = 0
    repo
      .write('services/frontend/src/components/PipelineValueDashboard.tsx', 'export const P = () => null\n')
      .commit('Pipeline dashboard', '2024-12-19T11:00:00+00:00')
    await new Promise((r) => setTimeout(r, 1500))
    expect(events.filter((e) => e.startsWith('repos.changed'))).toEqual([])
  })
})
