import { describe, expect, it } from 'vitest'
import { computeProgress } from '../../src/main/progress'
import { basisPhrase, basisUnit } from '../../src/shared/basis-words'
import { doneBy, plan, planTask, progressInput, progressTask } from './fixtures'

/** One rule weights every figure: hours only when every item has an estimate, else items. */
describe('the basis of the percentages', () => {
  const fullyEstimated = plan({
    tasks: [
      planTask({ key: 'A', weekStart: 1, estimateHours: 30, claimedDone: true }),
      planTask({ key: 'B', weekStart: 1, estimateHours: 10 }),
    ],
  })

  it('is hours when every item has an estimate', () => {
    const report = computeProgress(progressInput(fullyEstimated, { asOf: '2025-01-19' }))
    expect(report.summary).toMatchObject({ basis: 'hours', claimedPercent: 75 })
    expect(basisPhrase(report.summary)).toBe('by hours')
    expect(basisUnit(report.summary.basis)).toBe('h')
  })

  it('is items when one item has no estimate: a checked item without an estimate counts, claimed and verified', () => {
    const baseline = plan({
      tasks: [
        planTask({ key: 'A', weekStart: 1, claimedDone: true }),
        planTask({ key: 'B', weekStart: 1, estimateHours: 4 }),
        planTask({ key: 'C', weekStart: 1, estimateHours: 4 }),
        planTask({ key: 'D', weekStart: 2, estimateHours: 8 }),
      ],
    })
    const tasks = baseline.tasks.map((task, index) =>
      progressTask(task, index === 0 ? { evidence: doneBy('2025-01-08') } : {}),
    )
    const report = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-19' }))
    expect(report.summary).toMatchObject({
      basis: 'tasks',
      claimedPercent: 25,
      verifiedPercent: 25,
      doneTaskCount: 1,
      taskCount: 4,
      unestimatedTasks: 1,
    })
    // the same basis for each phase row, the burndown and earned value (1 of 3 items planned by week 1 earned)
    expect(report.phases.every((phase) => phase.claimedPercent === 25)).toBe(true)
    expect(report.forecast.basis).toBe('tasks')
    expect(report.summary.plannedValue).toBe(4)
    expect(report.summary.earnedValue).toBe(1)
    expect(basisPhrase(report.summary)).toBe('by items (1 without an estimate)')
    expect(basisUnit(report.summary.basis)).toBe('items')
  })

  it('is items when the baseline had an item without an estimate, even if the current version has all', () => {
    const current = plan({
      tasks: [
        planTask({ key: 'A', weekStart: 1, estimateHours: 2, claimedDone: true }),
        planTask({ key: 'B', weekStart: 1, estimateHours: 6 }),
      ],
    })
    const baseline = plan({ tasks: [planTask({ key: 'A', weekStart: 1 }), current.tasks[1]] })
    const report = computeProgress({ ...progressInput(current, { asOf: '2025-01-19' }), baseline })
    expect(report.summary).toMatchObject({ basis: 'tasks', claimedPercent: 50 })
    expect(basisPhrase(report.summary)).toBe('by items (not every item has an estimate)')
  })

  it('says so when no item has an estimate', () => {
    const baseline = plan({ tasks: [planTask({ key: 'A', weekStart: 1, claimedDone: true }), planTask({ key: 'B' })] })
    const report = computeProgress(progressInput(baseline, { asOf: '2025-01-19' }))
    expect(report.summary).toMatchObject({ basis: 'tasks', claimedPercent: 50 })
    expect(basisPhrase(report.summary)).toBe('by items (no estimates)')
  })
})
