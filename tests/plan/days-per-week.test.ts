import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { seedBytes } from './seeds'

function parse(prefix: string, options: Parameters<typeof parsePlanBytes>[1]) {
  const outcome = parsePlanBytes(seedBytes(prefix), options)
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome.plan
}

describe('days per week: nesting, then the lead, then the plan, then the default', () => {
  it('keeps what the plan states over the global default', () => {
    const plan = parse('002', { defaultDaysPerWeek: 5 })
    expect([plan.daysPerWeek, plan.daysPerWeekSource, plan.weeks]).toEqual([7, 'plan', 3])
  })

  it("lets the lead's explicit choice win over what the plan states", () => {
    const plan = parse('002', { daysPerWeek: 5 })
    expect([plan.daysPerWeek, plan.daysPerWeekSource]).toEqual([5, 'option'])
    expect(plan.weeks).toBe(5)
    expect(plan.dayWeeks.slice(0, 8)).toEqual([1, 1, 1, 1, 1, 2, 2, 2])
    expect(plan.totals.estimateHours).toBe(168)
  })

  it("keeps the plan's own nesting over any option", () => {
    const plan = parse('003', { daysPerWeek: 3, defaultDaysPerWeek: 6 })
    expect(plan.daysPerWeekSource).toBe('nesting')
    expect(plan.weeks).toBe(2)
  })

  it('uses the global default when the plan says nothing', () => {
    const plan = parse('000', { defaultDaysPerWeek: 6 })
    expect([plan.daysPerWeek, plan.daysPerWeekSource]).toEqual([6, 'default'])
  })

  it('reads the week length from every week the days sit in, not only from a short first week', () => {
    const text =
      '# Plan\n\n## Week 1\n\n- [ ] A (Day 1) (2h)\n- [ ] B (Day 3) (2h)\n\n## Week 2\n\n- [ ] C (Day 6) (2h)\n\n## Week 3\n\n- [ ] D (Day 11) (2h)\n\n## Hardening\n\n- [ ] E (Day 16) (2h)\n'
    const outcome = parsePlanBytes(Buffer.from(text))
    if (!outcome.ok) throw new Error(outcome.error.message)
    expect([outcome.plan.daysPerWeek, outcome.plan.daysPerWeekSource]).toEqual([5, 'nesting'])
    expect(outcome.plan.tasks.find((task) => task.title === 'E')?.weekStart).toBe(4)
  })
})
