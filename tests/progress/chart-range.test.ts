import { describe, expect, it } from 'vitest'
import { computeProgress } from '../../src/main/progress'
import { pastEndNote, planChartRange } from '../../src/shared/chart-range'
import { doneBy, plan, planTask, progressInput, progressTask } from './fixtures'

// Monday 2025-01-06 starts week 1; 5 working days a week
const sixWeeks = plan({
  tasks: Array.from({ length: 6 }, (_, i) => planTask({ key: `${i + 1}.1`, weekStart: i + 1, estimateHours: 6 })),
})

describe('chart weeks and the as-of marker', () => {
  it('places "as of" at the end of its day inside its week: Monday of week 3 is 2.2 on the week axis', () => {
    const report = computeProgress(progressInput(sixWeeks, { asOf: '2025-01-20' }))
    expect(report.asOfWeek).toBe(3)
    expect(report.asOfElapsedWeeks).toBe(2.2)
    // where the marker stands, the ideal line reads what the figures call planned
    expect(report.summary.plannedValue).toBe(13.2)
  })

  it('keeps a 6-week plan viewed 90 weeks later on its own weeks, and says how far past the end', () => {
    const report = computeProgress(
      progressInput(sixWeeks, {
        asOf: '2026-11-02',
        tasks: sixWeeks.tasks.map((task, i) =>
          progressTask(task, i < 2 ? { evidence: doneBy(`2025-01-0${7 + i}`) } : {}),
        ),
      }),
    )
    expect(report.asOfWeek).toBe(96)
    const range = planChartRange(report)
    expect(range).toMatchObject({ first: 0, last: 6, asOfOnChart: false, weeksPastEnd: 90 })
    expect(pastEndNote(report, range)).toBe(
      "As of week 96: 90 weeks after the plan's last week (week 6), off the chart",
    )
  })

  it('reaches as far as work really got done after the plan', () => {
    const report = computeProgress(
      progressInput(sixWeeks, {
        asOf: '2026-11-02',
        tasks: sixWeeks.tasks.map((task, i) => progressTask(task, i === 5 ? { evidence: doneBy('2025-03-04') } : {})),
      }),
    )
    expect(planChartRange(report).last).toBe(9)
  })

  it('counts items, in whole numbers, for a plan without estimates', () => {
    const unestimated = plan({ tasks: sixWeeks.tasks.map((task) => ({ ...task, estimateHours: null })) })
    const report = computeProgress(progressInput(unestimated, { asOf: '2025-01-20' }))
    expect(report.summary.basis).toBe('tasks')
    expect(report.burndown[0].idealRemainingTasks).toBe(6)
    expect(report.burndown.every((point) => Number.isInteger(point.idealRemainingTasks))).toBe(true)
  })
})
