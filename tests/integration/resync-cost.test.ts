import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGitPort } from '../../src/main/evidence'
import type { SyncSummary } from '../../src/shared/contract/repos'
import type { PlanSummary } from '../../src/shared/contract/plans'
import { callOk, createTestCore, type TestCore } from '../support/core'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004, buildSeed004Repo } from './seed-004-fixture'

/** What a sync asks of git and of the database when there is nothing new to read. */
describe('a sync with nothing new', () => {
  const git = createGitPort()
  let core: TestCore
  let repo: GitFixture
  let now = new Date('2024-12-16T12:00:00Z')

  beforeAll(() => {
    core = createTestCore({ now: () => now, git })
    repo = buildSeed004Repo()
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('inspects each connected repository once: a re-sync with no new commits starts at most 4 git processes', async () => {
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } })
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
    const results = () =>
      new Database(core.dbPath, { readonly: true })
        .prepare('select check_id, result_json, evaluated_at from check_results order by check_id')
        .all() as { check_id: number; result_json: string; evaluated_at: string }[]
    const first = results()
    const before = git.calls
    now = new Date('2024-12-17T09:00:00Z')
    const summary = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(summary.commitsEvaluated).toBe(0)
    // the same results, each marked evaluated by this sync
    const again = results()
    expect(first.length).toBeGreaterThan(5)
    expect(again.map((r) => [r.check_id, r.result_json])).toEqual(first.map((r) => [r.check_id, r.result_json]))
    expect(new Set(again.map((r) => r.evaluated_at))).toEqual(new Set([now.toISOString()]))
    expect(summary.repos).toHaveLength(1)
    // the repository's top level and head (rev-parse, symbolic-ref, log -1) and its working tree (status), once each
    expect(git.calls - before).toBeLessThanOrEqual(4)
  })

  it('with no repository connected, replays nothing, stores nothing and does not mark the plan synced', async () => {
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } })
    const before = git.calls
    const summary = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(summary).toMatchObject({ planId, cancelled: false, commitsEvaluated: 0, checksEvaluated: 0, repos: [] })
    expect(git.calls).toBe(before)
    const plan = (await callOk<PlanSummary[]>(core, 'plans.list', {})).find((p) => p.id === planId)!
    expect(plan.lastSyncAt).toBeNull()
  })
})
