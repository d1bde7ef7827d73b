import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { TaskEvidenceView, TaskExplanation } from '../../src/shared/contract/evidence'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004, buildSeed004Repo } from './seed-004-fixture'

/** The task drawer, "why (not) done" and the dashboard read a task's evidence by one rule: they never disagree. */
describe('one evidence verdict per task, wherever it is shown', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2024-12-20T12:00:00Z') })
    repo = buildSeed004Repo()
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } }))
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  async function verdicts() {
    const detail = await callOk<PlanDetail>(core, 'plans.get', { planId })
    const progress = await callOk<ProgressReport>(core, 'progress.get', { planId })
    return Promise.all(
      Object.entries(detail.taskIds).map(async ([key, taskId]) => {
        const drawer = await callOk<TaskEvidenceView>(core, 'evidence.forTask', { taskId })
        const why = await callOk<TaskExplanation>(core, 'evidence.explain', { planId, taskKey: key })
        const dashboard = progress.tasks.find((t) => t.key === key)!
        return {
          key,
          drawer: [drawer.state, drawer.reason],
          why: [why.state, why.reason],
          dashboard: dashboard.evidenceState,
        }
      }),
    )
  }

  it('before any sync: criteria never evaluated leave tasks undecided everywhere', async () => {
    for (const v of await verdicts()) {
      expect(v.why, v.key).toEqual(v.drawer)
      // progress has no evidence for a task whose criteria were never evaluated
      if (v.drawer[1] === 'not-synced') expect(v.dashboard, v.key).toBeNull()
    }
  })

  it('after a sync: the same state in the drawer, the explanation and the dashboard', async () => {
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
    const all = await verdicts()
    expect(new Set(all.map((v) => v.drawer[0]))).toContain('done')
    for (const v of all) {
      expect(v.why, v.key).toEqual(v.drawer)
      expect(v.dashboard, v.key).toBe(v.drawer[0])
    }
  })
})
