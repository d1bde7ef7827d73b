import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { seedPlansDir } from '../support/paths'

describe('plan and global settings', () => {
  let core: TestCore
  beforeAll(() => {
    core = createTestCore({ now: () => new Date('2025-03-01T12:00:00Z') })
  })
  afterAll(() => core.dispose())

  it('hours/day of a plan re-reads its derived estimates and schedule, keeping task identity', async () => {
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { path: join(seedPlansDir, '003_270b09d1ecc628fb.txt') },
      startDate: '2025-01-06',
    })
    const before = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect(before.plan.totals.estimateHours).toBe(112)
    await callOk(core, 'plans.update', { planId, hoursPerDay: 6 })
    const after = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect(after.plan.totals.estimateHours).toBe(84)
    expect(after.taskIds).toEqual(before.taskIds)
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId })
    expect(report.burndown[0].idealRemainingHours).toBe(84)
    expect(report.start).toBe('2025-01-06')
  })

  it("a plan's days/week set by the lead wins over what the plan states; the global default does not", async () => {
    await callOk(core, 'settings.update', { daysPerWeek: 5 })
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { path: join(seedPlansDir, '002_b51860faf58f80b1.txt') },
    })
    expect((await callOk<PlanDetail>(core, 'plans.get', { planId })).plan.weeks).toBe(3)
    await callOk(core, 'plans.update', { planId, daysPerWeek: 5 })
    const after = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect([after.plan.weeks, after.plan.daysPerWeekSource, after.settings.daysPerWeek]).toEqual([5, 'option', 5])
  })

  it('global hours/day and first weekday apply to new imports and the calendar', async () => {
    await callOk(core, 'settings.update', { hoursPerDay: 7, firstWeekday: 0 })
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { path: join(seedPlansDir, '003_270b09d1ecc628fb.txt') },
      startDate: '2025-01-08',
    })
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId })
    expect(report.burndown[0].idealRemainingHours).toBe(98)
    // Wednesday 2025-01-08 in a week starting on Sunday
    expect(report.week1Start).toBe('2025-01-05')
    expect(await core.dispatch('settings.update', { hoursPerDay: 30 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })
})
