import { afterAll, describe, expect, it } from 'vitest'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore } from '../support/core'

/** A plan that schedules nothing has no schedule to be on: it is "unscheduled", never "on schedule". */
describe('a plan with no work in any week', () => {
  const core = createTestCore({ now: () => new Date('2026-11-20T12:00:00Z') })
  afterAll(() => core.dispose())
  const importPlan = async (text: string) =>
    (
      await callOk<{ planId: number }>(core, 'plans.import', {
        source: { name: 'plan.md', base64: Buffer.from(text).toString('base64') },
      })
    ).planId

  it('is reported unscheduled, while a plan with weeks has a schedule', async () => {
    const unscheduled = await importPlan(
      '# Sizes\n\nStart: 2026-11-02\n\n| Task | Size |\n|---|---|\n| Runbook | S |\n| Alerts | M |\n\nS = 2h, M = 1 day\n',
    )
    const weekly = await importPlan(
      '# Plan\n\nStart: 2026-11-02\n\n## Week 1\n- [ ] Runbook (2h)\n\n## Week 2\n- [ ] Alerts (8h)\n',
    )
    const progressOf = (planId: number) => callOk<ProgressReport>(core, 'progress.get', { planId })
    expect((await progressOf(unscheduled)).summary.scheduled).toBe(false)
    const scheduled = (await progressOf(weekly)).summary
    expect(scheduled.scheduled).toBe(true)
    expect(scheduled.scheduleVarianceWeeks).toBeLessThan(0)
  })
})
