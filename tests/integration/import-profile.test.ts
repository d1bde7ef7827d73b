import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { ImportProfile } from '../../src/shared/plan-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { repoRoot } from '../support/paths'

/**
 * The lead's mapping through the contract, on real SQLite after the real migrations: stored with the
 * plan in the import, reapplied by a re-import and its preview, changed later with plans.setProfile
 * (every version re-read, statuses kept, no scope change logged), refused when it finds nothing.
 */

const PLAN = join(repoRoot, 'tests/e2e/plans/team-sprints.md')
const PROFILE: ImportProfile = {
  version: 1,
  items: 'table',
  estimate: { column: 'Cost', unit: 'points' },
  hoursPerPoint: 4,
  sections: [],
}

describe('import profiles', () => {
  let core: TestCore
  let planId: number

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2025-03-05T09:00:00Z') })
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { path: PLAN },
      options: { profile: PROFILE },
    }))
  })
  afterAll(() => core.dispose())

  it('stores the profile with the plan and reads the plan with it', async () => {
    const detail = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect(detail.settings.profile).toMatchObject({
      items: 'table',
      hoursPerPoint: 4,
      estimate: { column: 'Cost', unit: 'points' },
    })
    expect(detail.plan.tasks.map((task) => task.title)).toEqual([
      'Sign-in form',
      'Reset email',
      'Session cookie hardening',
      'Card vault client',
      'Declined card message',
    ])
    expect(detail.plan.totals.estimateHours).toBe(52)
    expect(detail.plan.tasks[0].estimatePoints).toBe(3)
  })

  it('reapplies the stored profile to a re-import and its preview', async () => {
    const edited = join(core.dir, 'team-sprints.md')
    writeFileSync(
      edited,
      readFileSync(PLAN, 'utf8').replace(
        '| Declined card message | 2 | Ben |',
        '| Declined card message | 2 | Ben |\n| Retry failed payouts | 3 | Ben |',
      ),
    )
    const preview = await callOk<{
      plan: { tasks: unknown[]; totals: { estimateHours: number } }
      profile: ImportProfile | null
    }>(core, 'plans.preview', { source: { path: edited }, planId })
    expect(preview.profile).toMatchObject({ items: 'table' })
    expect(preview.plan.tasks).toHaveLength(6)
    const result = await callOk<{ versionNo: number; taskCount: number; totalHours: number }>(core, 'plans.import', {
      source: { path: edited },
      planId,
    })
    expect(result).toMatchObject({ versionNo: 2, taskCount: 6, totalHours: 64 })
  })

  it('re-reads every version with a new profile, keeps task statuses and logs no scope change', async () => {
    const detail = await callOk<PlanDetail>(core, 'plans.get', { planId })
    await callOk(core, 'tasks.setStatus', {
      taskId: detail.taskIds['accounts/sign-in-form'],
      status: 'done',
      note: 'shipped',
      date: '2025-03-04',
    })
    const scopeBefore = core.context.db.$client.prepare('select count(*) as n from scope_changes').get() as {
      n: number
    }
    const result = await callOk<{ plan: { tasks: Array<{ key: string }>; totals: { estimateHours: number } } }>(
      core,
      'plans.setProfile',
      { planId, profile: { ...PROFILE, hoursPerPoint: 8 } },
    )
    expect(result.plan.totals.estimateHours).toBe(128)
    const after = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect(after.taskIds['accounts/sign-in-form']).toBe(detail.taskIds['accounts/sign-in-form'])
    const status = core.context.db.$client
      .prepare('select status from task_statuses where task_id = ? order by id desc')
      .get(detail.taskIds['accounts/sign-in-form']) as { status: string } | undefined
    expect(status?.status).toBe('done')
    const scopeAfter = core.context.db.$client.prepare('select count(*) as n from scope_changes').get() as { n: number }
    expect(scopeAfter.n).toBe(scopeBefore.n)
    const baseline = core.context.db.$client
      .prepare('select parsed_json from plan_versions where plan_id = ? and version_no = 1')
      .get(planId) as { parsed_json: string }
    expect(JSON.parse(baseline.parsed_json).totals.estimateHours).toBe(104)
  })

  it('clearing the profile reads the plan as written again', async () => {
    const result = await callOk<{ plan: { tasks: unknown[]; totals: { estimateHours: number } } }>(
      core,
      'plans.setProfile',
      { planId, profile: null },
    )
    expect(result.plan.tasks).toHaveLength(9)
    expect(result.plan.totals.estimateHours).toBe(0)
    expect((await callOk<PlanDetail>(core, 'plans.get', { planId })).settings.profile).toBeNull()
  })

  it('refuses a profile that finds no items, and changes nothing', async () => {
    const before = await callOk<PlanDetail>(core, 'plans.get', { planId })
    const result = await core.dispatch('plans.setProfile', {
      planId,
      profile: { version: 1, sections: [{ heading: 'Sprint *', items: 'none' }] },
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/no work items/i)
    const after = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect(after.plan.tasks.length).toBe(before.plan.tasks.length)
    expect(after.settings.profile).toEqual(before.settings.profile)
  })
})
