import { describe, expect, it } from 'vitest'
import { computeProgress, scopeChangesBetween } from '../../src/main/progress'
import { column, doneBy, plan, planTask, progressInput, progressTask } from './fixtures'

const baseline = plan({
  tasks: [
    planTask({ key: 'A', weekStart: 1, estimateHours: 10 }),
    planTask({ key: 'B', weekStart: 1, estimateHours: 10 }),
    planTask({ key: 'C', weekStart: 2, estimateHours: 20 }),
    planTask({ key: 'D', weekStart: 3, estimateHours: 20 }),
  ],
})
/** the re-import of 2025-01-14 (week 2) adds 10 h in week 3 */
const reimported = plan({
  tasks: [...baseline.tasks, planTask({ key: 'E', title: 'New work', weekStart: 3, estimateHours: 10 })],
})
const reimportDate = '2025-01-14'

function reimportInput(asOf: string) {
  return progressInput(baseline, {
    current: reimported,
    tasks: reimported.tasks.map((task) =>
      progressTask(task, task.key === 'A' ? { evidence: doneBy('2025-01-08') } : {}),
    ),
    scopeChanges: scopeChangesBetween(baseline, reimported, reimportDate),
    asOf,
  })
}

describe('scope changes from a re-import', () => {
  it('derives the change log from the two imports', () => {
    expect(scopeChangesBetween(baseline, reimported, reimportDate)).toEqual([
      { date: reimportDate, kind: 'added', taskKey: 'E', title: 'New work', hoursDelta: 10, week: 3 },
    ])
    const trimmed = plan({
      tasks: [planTask({ key: 'A', weekStart: 1, estimateHours: 14 }), ...baseline.tasks.slice(1, 3)],
    })
    expect(scopeChangesBetween(baseline, trimmed, '2025-02-01')).toEqual([
      { date: '2025-02-01', kind: 'reestimated', taskKey: 'A', title: 'Task A', hoursDelta: 4, week: 1 },
      { date: '2025-02-01', kind: 'removed', taskKey: 'D', title: 'Task D', hoursDelta: -20, week: 3 },
    ])
  })

  it('shows 10 h added in week 3 in the scope line and the log; the baseline ideal line does not move', () => {
    const withoutReimport = computeProgress(
      progressInput(baseline, {
        tasks: baseline.tasks.map((task) =>
          progressTask(task, task.key === 'A' ? { evidence: doneBy('2025-01-08') } : {}),
        ),
        asOf: '2025-01-19',
      }),
    )
    const report = computeProgress(reimportInput('2025-01-19'))
    const firstWeeks = report.burndown.slice(0, 4)
    expect(column(firstWeeks, 'idealRemainingHours')).toEqual([60, 40, 20, 0])
    expect(column(firstWeeks, 'idealRemainingHours')).toEqual(
      column(withoutReimport.burndown.slice(0, 4), 'idealRemainingHours'),
    )
    expect(column(firstWeeks, 'scopeHours')).toEqual([60, 60, 70, 70])
    expect(column(firstWeeks, 'scopeTasks')).toEqual([4, 4, 5, 5])
    expect(column(firstWeeks, 'actualRemainingHours')).toEqual([60, 50, 60, null])
    expect(report.scopeChanges).toEqual([
      { date: reimportDate, changeWeek: 2, kind: 'added', taskKey: 'E', title: 'New work', hoursDelta: 10, week: 3 },
    ])
    expect(report.summary).toMatchObject({ scopeHours: 70, remainingHours: 60, taskCount: 5 })
    // Earned value is measured against the baseline, so the new work does not change it.
    expect(report.summary.plannedValue).toBe(withoutReimport.summary.plannedValue)
  })

  it('as of a date before the re-import, the added work is not there yet', () => {
    const report = computeProgress(reimportInput('2025-01-10'))
    expect(report.scopeChanges).toEqual([])
    expect(report.tasks.map((task) => task.key)).toEqual(['A', 'B', 'C', 'D'])
    expect(column(report.burndown.slice(0, 4), 'scopeHours')).toEqual([60, 60, 60, 60])
    expect(report.summary.scopeHours).toBe(60)
  })

  it('keeps removed work in the scope of the weeks before its removal', () => {
    const trimmed = plan({ tasks: baseline.tasks.slice(0, 3) })
    const input = progressInput(baseline, {
      current: trimmed,
      tasks: trimmed.tasks.map((task) => progressTask(task)),
      scopeChanges: scopeChangesBetween(baseline, trimmed, '2025-01-21'),
      asOf: '2025-01-26',
    })
    const report = computeProgress(input)
    expect(column(report.burndown.slice(0, 4), 'scopeHours')).toEqual([60, 60, 60, 40])
    expect(column(report.burndown.slice(0, 4), 'scopeTasks')).toEqual([4, 4, 4, 3])
    const before = computeProgress({ ...input, asOf: '2025-01-19' })
    expect(before.summary.scopeHours).toBe(60) // D was still planned then
    expect(before.summary.remainingHours).toBe(60)
  })

  it('moves the done hours of a done task re-estimated later at the week of the re-estimate', () => {
    const bigger = plan({ tasks: [{ ...baseline.tasks[0], estimateHours: 16 }, ...baseline.tasks.slice(1)] })
    const report = computeProgress(
      progressInput(baseline, {
        current: bigger,
        tasks: bigger.tasks.map((task) =>
          progressTask(task, task.key === 'A' ? { evidence: doneBy('2025-01-08') } : {}),
        ),
        scopeChanges: scopeChangesBetween(baseline, bigger, '2025-01-15'),
        asOf: '2025-01-19',
      }),
    )
    expect(column(report.burndown.slice(0, 3), 'doneHours')).toEqual([0, 10, 16])
    expect(column(report.burndown.slice(0, 3), 'scopeHours')).toEqual([60, 60, 66])
    expect(column(report.burndown.slice(0, 3), 'actualRemainingHours')).toEqual([60, 50, 50])
  })
})
