import { describe, expect, it } from 'vitest'
import { computeProgress } from '../../src/main/progress'
import { column, phase, plan, planTask, progressInput } from './fixtures'

describe('ideal line (baseline schedule)', () => {
  it('spreads each task evenly over its scheduled weeks; week 0 is the whole baseline', () => {
    const baseline = plan({
      tasks: [
        planTask({ key: '1', weekStart: 1, weekEnd: 2, estimateHours: 80 }),
        planTask({ key: '2', weekStart: 1, estimateHours: 40 }),
        planTask({ key: '3', weekStart: 2, estimateHours: 24 }),
        planTask({ key: '4', weekStart: 4, weekEnd: 4, estimateHours: 16 }),
      ],
    })
    const report = computeProgress(progressInput(baseline, { asOf: '2025-01-01' }))
    expect(column(report.burndown, 'idealRemainingHours')).toEqual([160, 80, 16, 16, 0])
    expect(column(report.burndown, 'idealRemainingTasks')).toEqual([4, 3, 1, 1, 0])
    expect(column(report.burndown, 'weekEnding')).toEqual([
      '2025-01-05',
      '2025-01-12',
      '2025-01-19',
      '2025-01-26',
      '2025-02-02',
    ])
  })

  it("spreads day-scheduled tasks over their days through the plan's day→week map", () => {
    // 7 plan days a week: days 1–7 are week 1, 8–14 week 2.
    const dayWeeks = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]
    const baseline = plan({
      dayWeeks,
      daysPerWeek: 7,
      tasks: [
        planTask({ key: 'a', dayStart: 6, dayEnd: 9, estimateHours: 32 }), // 2 days in each week
        planTask({ key: 'b', dayStart: 1, dayEnd: 1, estimateHours: 8 }),
        planTask({ key: 'c', dayStart: 14, estimateHours: 8 }),
      ],
    })
    const report = computeProgress(progressInput(baseline, { asOf: '2025-01-01' }))
    expect(column(report.burndown, 'idealRemainingHours')).toEqual([48, 24, 0])
  })

  it('falls back to the calendar for day schedules the plan does not map', () => {
    const baseline = plan({
      tasks: [planTask({ key: 'a', dayStart: 4, dayEnd: 7, estimateHours: 40 })], // Thu | Mon–Wed
    })
    const calendar = {
      start: '2025-01-06',
      firstWeekday: 1,
      daysPerWeek: 5,
      hoursPerDay: 8,
      nonWorkingDates: ['2025-01-10'],
    }
    const report = computeProgress(progressInput(baseline, { asOf: '2025-01-01', calendar }))
    // The Friday holiday pushes day 5 into week 2: day 4 in week 1, days 5–7 in week 2.
    expect(column(report.burndown, 'idealRemainingHours')).toEqual([40, 30, 0])
  })

  it('keeps unscheduled tasks out of the ideal line and counts them apart', () => {
    const baseline = plan({
      tasks: [
        planTask({ key: '1', weekStart: 1, estimateHours: 10 }),
        planTask({ key: '2', estimateHours: 6 }),
        planTask({ key: '3' }),
      ],
    })
    const report = computeProgress(progressInput(baseline, { asOf: '2025-01-01' }))
    expect(column(report.burndown, 'idealRemainingHours')).toEqual([10, 0])
    expect(report.summary.unscheduledTasks).toBe(2)
    expect(report.summary.unscheduledHours).toBe(6)
    expect(report.summary.unestimatedTasks).toBe(1)
    expect(report.burndown[0].scopeHours).toBe(16)
    expect(report.burndown[0].scopeTasks).toBe(3)
  })

  it('gives each phase its own ideal line', () => {
    const baseline = plan({
      phases: [phase('Build', 1), phase('Ship', 2)],
      tasks: [
        planTask({ key: '1', phase: 0, weekStart: 1, estimateHours: 10 }),
        planTask({ key: '2', phase: 1, weekStart: 2, estimateHours: 6 }),
      ],
    })
    const report = computeProgress(progressInput(baseline, { asOf: '2025-01-01' }))
    expect(report.phases.map((p) => p.title)).toEqual(['Build', 'Ship'])
    expect(column(report.phases[0].burndown, 'idealRemainingHours')).toEqual([10, 0, 0])
    expect(column(report.phases[1].burndown, 'idealRemainingHours')).toEqual([6, 6, 0])
  })

  it('uses task counts when the plan has no estimates', () => {
    const baseline = plan({
      tasks: [planTask({ key: '1', weekStart: 1 }), planTask({ key: '2', weekStart: 2 })],
    })
    const report = computeProgress(progressInput(baseline, { asOf: '2025-01-01' }))
    expect(report.summary.basis).toBe('tasks')
    expect(column(report.burndown, 'idealRemainingTasks')).toEqual([2, 1, 0])
    expect(column(report.burndown, 'idealRemainingHours')).toEqual([0, 0, 0])
  })
})
