import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressReport } from '../../src/shared/progress-model'
import type { RepoLink, SyncSummary } from '../../src/shared/contract/repos'
import { callOk, createTestCore, type TestCore } from '../support/core'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004, buildSeed004Repo } from './seed-004-fixture'

describe('sync through the contract with the SQLite evidence cache', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  const progress: string[] = []
  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2024-12-20T12:00:00Z') })
    core.subscribe((event, payload) => {
      if (event === 'repos.syncProgress') progress.push((payload as { phase: string }).phase)
    })
    repo = buildSeed004Repo()
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } }))
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('connects a repo, refusing folders that are not repositories and relative paths', async () => {
    expect(await core.dispatch('repos.connect', { planId, path: core.dir })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/not a git repository/) },
    })
    expect(await core.dispatch('repos.connect', { planId, path: 'relative/dir' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    expect(await core.dispatch('repos.connect', { planId, path: repo.dir, prefix: '../escape' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    const link = await callOk<RepoLink>(core, 'repos.connect', { planId, path: repo.dir })
    expect(link).toMatchObject({ currentBranch: 'main', branch: null, available: true })
    expect(await core.dispatch('repos.connect', { planId, path: repo.dir })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })

  it('syncs with progress events, then re-syncs with no history work; one new commit is evaluated alone', async () => {
    const first = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(first.commitsEvaluated).toBeGreaterThanOrEqual(4)
    expect(progress).toContain('history')
    expect(progress.at(-1)).toBe('done')

    // how fast a re-sync is lives in bench/ (bench/README.md); the test holds that it does no history work
    const again = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(again.commitsEvaluated).toBe(0)

    repo
      .write('services/frontend/src/components/LearningDashboard.tsx', 'export const LearningDashboard = () => null\n')
      .commit('Learning dashboard', '2024-12-19T10:00:00+00:00')
    const third = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(third.commitsEvaluated).toBe(1)
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId, asOf: '2024-12-20' })
    expect(report.tasks.find((t) => t.key === '2.3')).toMatchObject({ state: 'done', doneWeek: 3 })
  })

  it('cancels a running sync: nothing is stored, and the next sync works', async () => {
    const resultsBefore = core.context.db.$client
      .prepare("select count(*) || ':' || max(evaluated_at) from check_results")
      .pluck()
      .get()
    const running = core.dispatch('repos.sync', { planId })
    expect(await callOk(core, 'repos.cancelSync', { planId })).toEqual({ cancelled: true })
    expect(await running).toMatchObject({ ok: true, value: { cancelled: true } })
    expect(await callOk(core, 'repos.cancelSync', { planId })).toEqual({ cancelled: false })
    expect(
      core.context.db.$client.prepare("select count(*) || ':' || max(evaluated_at) from check_results").pluck().get(),
    ).toBe(resultsBefore)
    expect(await callOk<SyncSummary>(core, 'repos.sync', { planId })).toMatchObject({ cancelled: false })
  })

  it('marks a repository that was moved away as unavailable, keeping its data', async () => {
    const { renameSync } = await import('node:fs')
    const moved = `${repo.dir}-moved`
    renameSync(repo.dir, moved)
    try {
      const [link] = await callOk<RepoLink[]>(core, 'repos.list', { planId })
      expect(link).toMatchObject({ available: false, state: 'unavailable' })
      const summary = await callOk<SyncSummary>(core, 'repos.sync', { planId })
      expect(summary.repos[0].state).toBe('unavailable')
      expect(await callOk<RepoLink[]>(core, 'repos.list', { planId })).toHaveLength(1)
    } finally {
      renameSync(moved, repo.dir)
    }
  })
})

describe('the sample', () => {
  let core: TestCore
  beforeAll(() => {
    core = createTestCore({ now: () => new Date('2026-11-20T12:00:00Z') })
  })
  afterAll(() => core.dispose())

  it('imports the sample plan with a generated repo, synced, so the dashboard has data', async () => {
    const { planId } = await callOk<{ planId: number }>(core, 'sample.open', {})
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId })
    expect(report.summary.verifiedPercent).toBeGreaterThan(20)
    expect(report.summary.verifiedPercent).toBeLessThan(100)
    expect(
      report.tasks
        .filter((t) => t.state === 'done')
        .map((t) => t.key)
        .sort(),
    ).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2'])
    expect(report.asOfWeek).toBe(3)

    // opening the sample again opens the same plan: no second sample
    const again = await callOk<{ planId: number }>(core, 'sample.open', {})
    expect(again.planId).toBe(planId)
    expect(await callOk<unknown[]>(core, 'plans.list', {})).toHaveLength(1)
  })
})
