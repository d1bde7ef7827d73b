import { describe, expect, it } from 'vitest'
import { computeProgress } from '../../src/main/progress'
import { ProgressReportSchema } from '../../src/shared/progress-model'
import { column, doneBy, inProgressSince, plan, planTask, progressInput, progressTask } from './fixtures'

/**
 * Week 1 = 2025-01-06..12, week 2 = 13..19, week 3 = 20..26 (Mondays, 5 working days).
 * Ideal: 60 → 40, 20, 0.
 */
const baseline = plan({
  tasks: [
    planTask({ key: 'A', weekStart: 1, estimateHours: 10 }),
    planTask({ key: 'B', weekStart: 1, estimateHours: 10 }),
    planTask({ key: 'C', weekStart: 2, estimateHours: 20 }),
    planTask({ key: 'D', weekStart: 3, estimateHours: 20 }),
  ],
})
const [A, B, C, D] = baseline.tasks

const withEvidence = () => [
  progressTask(A, { evidence: doneBy('2025-01-08T10:00:00+01:00') }),
  progressTask(B, { evidence: doneBy('2025-01-15') }),
  progressTask(C, { evidence: inProgressSince('2025-01-14') }),
  progressTask(D),
]

describe('actual series from evidence done dates', () => {
  it('gives the exact actual series, done weeks and schedule variance', () => {
    const report = computeProgress(progressInput(baseline, { tasks: withEvidence(), asOf: '2025-01-19' }))
    expect(column(report.burndown.slice(0, 4), 'idealRemainingHours')).toEqual([60, 40, 20, 0])
    expect(column(report.burndown.slice(0, 4), 'actualRemainingHours')).toEqual([60, 50, 40, null])
    expect(column(report.burndown.slice(0, 4), 'doneHours')).toEqual([0, 10, 20, null])
    expect(column(report.burndown.slice(0, 4), 'scopeHours')).toEqual([60, 60, 60, 60])
    // The series runs on to the forecast: 40 h left at 10 h a week from week 2 → week 6.
    expect(report.forecast).toMatchObject({ status: 'ok', velocityWeek: 6, p50Week: 6, p95Week: 6 })
    expect(report.burndown).toHaveLength(7)
    expect(report.burndown[6]).toMatchObject({
      week: 6,
      idealRemainingHours: 0,
      actualRemainingHours: null,
      scopeHours: 60,
    })
    expect(report.tasks.map((task) => [task.key, task.state, task.source, task.doneWeek])).toEqual([
      ['A', 'done', 'evidence', 1],
      ['B', 'done', 'evidence', 2],
      ['C', 'in-progress', 'evidence', null],
      ['D', 'unknown', 'none', null],
    ])
    expect(report.tasks[0].doneAt).toBe('2025-01-08')
    // Earned 20 of the 40 planned by the end of week 2: the plan had earned 20 at the end of week 1.
    expect(report.summary).toMatchObject({
      plannedValue: 40,
      earnedValue: 20,
      spi: 0.5,
      scheduleVarianceWeeks: -1,
      behindWeeks: 1,
      verifiedPercent: 33.3,
      remainingHours: 40,
      overdueCount: 1,
      overdueTaskKeys: ['C'],
      doneThisWeek: { tasks: 1, hours: 10, taskKeys: ['B'] },
    })
    expect(() => ProgressReportSchema.parse(report)).not.toThrow()
  })

  it('shows the tasks and figures as they stood on an earlier --as-of date', () => {
    const report = computeProgress(progressInput(baseline, { tasks: withEvidence(), asOf: '2025-01-10' }))
    expect(report.asOfWeek).toBe(1)
    expect(column(report.burndown.slice(0, 4), 'actualRemainingHours')).toEqual([60, 50, null, null])
    expect(report.tasks[1]).toMatchObject({ key: 'B', state: 'not-started', doneAt: null, doneWeek: null })
    expect(report.tasks[1].evidence).toEqual([]) // its commit came later
    expect(report.tasks[2].state).toBe('not-started')
    // Friday of week 1: 20 planned, 10 earned; the plan had earned 10 half-way through week 1.
    expect(report.summary).toMatchObject({ plannedValue: 20, earnedValue: 10, scheduleVarianceWeeks: -0.5 })
  })

  it('lets a manual status override the evidence, flagging the disagreement', () => {
    const tasks = withEvidence()
    tasks[2] = { ...tasks[2], manual: { status: 'done', note: 'shipped by hand', date: '2025-01-17' } }
    const report = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-19' }))
    expect(report.tasks[2]).toMatchObject({
      state: 'done',
      source: 'manual',
      evidenceState: 'in-progress',
      disagreement: true,
      doneAt: '2025-01-17',
      doneWeek: 2,
      manual: { status: 'done', note: 'shipped by hand' },
    })
    expect(column(report.burndown.slice(0, 4), 'actualRemainingHours')).toEqual([60, 50, 20, null])
    expect(report.summary).toMatchObject({ earnedValue: 40, spi: 1, scheduleVarianceWeeks: 0, disagreementCount: 1 })
    expect(report.summary.overdueCount).toBe(0)
  })

  it('flags a manual "not done" that git contradicts and stops counting the task', () => {
    const tasks = withEvidence()
    tasks[0] = { ...tasks[0], manual: { status: 'not-done', note: 'reverted in prod', date: '2025-01-16' } }
    const report = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-19' }))
    expect(report.tasks[0]).toMatchObject({
      state: 'not-started',
      source: 'manual',
      disagreement: true,
      doneWeek: null,
    })
    expect(column(report.burndown.slice(0, 4), 'actualRemainingHours')).toEqual([60, 60, 50, null])
    // Before the manual status was set it did not apply.
    const earlier = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-12' }))
    expect(earlier.tasks[0]).toMatchObject({ state: 'done', source: 'evidence', disagreement: false, manual: null })
  })

  it('counts work done before the plan started in week 0', () => {
    const tasks = withEvidence()
    tasks[3] = progressTask(D, { evidence: doneBy('2024-12-20') })
    const report = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-19' }))
    expect(report.tasks[3].doneWeek).toBe(0)
    expect(column(report.burndown.slice(0, 4), 'actualRemainingHours')).toEqual([40, 30, 20, null])
    // 40 earned against 40 planned by the end of week 2: on schedule.
    expect(report.summary.scheduleVarianceWeeks).toBe(0)
  })

  it('never counts needs-confirmation, blocked or a plan claim as done', () => {
    const tasks = [
      progressTask(A, { evidence: { state: 'needs-confirmation', doneAt: null, items: [] } }),
      progressTask(B, { manual: { status: 'blocked', note: 'waiting on vendor', date: '2025-01-07' } }),
      progressTask({ ...C, claimedDone: true }),
      progressTask(D),
    ]
    const report = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-19' }))
    expect(report.tasks.map((task) => [task.state, task.source])).toEqual([
      ['needs-confirmation', 'evidence'],
      ['blocked', 'manual'],
      ['unknown', 'claim'],
      ['unknown', 'none'],
    ])
    expect(report.summary).toMatchObject({
      verifiedPercent: 0,
      claimedPercent: 33.3,
      needsConfirmationCount: 1,
      blockedCount: 1,
      doneHours: 0,
    })
  })

  it('is deterministic: same input, byte-identical output', () => {
    const input = progressInput(baseline, { tasks: withEvidence(), asOf: '2025-01-19' })
    expect(JSON.stringify(computeProgress(input))).toBe(JSON.stringify(computeProgress(structuredClone(input))))
  })
})
