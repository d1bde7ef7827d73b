import { describe, expect, it } from 'vitest'
import { computeProgress } from '../../src/main/progress'
import type { Milestone } from '../../src/shared/plan-model'
import { doneBy, phase, plan, planTask, progressInput, progressTask } from './fixtures'

const milestone = (week: number, label: string, percent: number | null, taskKey: string | null): Milestone => ({
  week,
  label,
  percent,
  taskKey,
  line: 1,
})

const baseline = plan({
  phases: [phase('Backend', 1, 2), phase('Frontend', 3)],
  tasks: [
    planTask({ key: '1', phase: 0, weekStart: 1, weekEnd: 2, estimateHours: 40 }),
    planTask({ key: '2', phase: 1, weekStart: 3, estimateHours: 20 }),
  ],
  milestones: [
    milestone(1, 'Backend 40%', 40, '1'),
    milestone(2, 'Backend 100%', 100, '1'),
    milestone(3, 'Frontend 100%', 100, '2'),
    milestone(2, 'Half of the plan', 50, null),
    milestone(3, 'Go live', null, null),
    milestone(1, 'Backend: structure defined', null, '1'),
  ],
})

describe('milestones and per-phase figures', () => {
  it("marks the plan's milestones met, missed, pending or unverifiable", () => {
    const tasks = [progressTask(baseline.tasks[0], { evidence: doneBy('2025-01-22') }), progressTask(baseline.tasks[1])]
    // asOf: Sunday ending week 2. Task 1 was finished in week 3 — as of week 2 it is not done.
    const report = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-19' }))
    expect(report.milestones.map((m) => [m.label, m.status, m.targetDoneHours, m.targetRemainingHours])).toEqual([
      ['Backend 40%', 'unverifiable', 16, null],
      ['Backend 100%', 'missed', 40, null],
      ['Frontend 100%', 'pending', 20, null],
      ['Half of the plan', 'missed', 30, 30],
      ['Go live', 'unverifiable', null, null],
      ['Backend: structure defined', 'unverifiable', 40, null],
    ])
    expect(report.milestones[1].weekEnding).toBe('2025-01-19')

    const later = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-26' }))
    expect(later.milestones.map((m) => m.status)).toEqual([
      'unverifiable',
      'missed',
      'missed',
      'missed',
      'unverifiable',
      'unverifiable',
    ])
  })

  it('gives planned value, earned value and SPI per phase', () => {
    const tasks = [progressTask(baseline.tasks[0], { evidence: doneBy('2025-01-15') }), progressTask(baseline.tasks[1])]
    const report = computeProgress(progressInput(baseline, { tasks, asOf: '2025-01-26' }))
    const [backend, frontend] = report.phases
    expect(backend).toMatchObject({
      title: 'Backend',
      plannedValue: 40,
      earnedValue: 40,
      spi: 1,
      scheduleVarianceWeeks: 0,
      verifiedPercent: 100,
    })
    expect(frontend).toMatchObject({
      title: 'Frontend',
      plannedValue: 20,
      earnedValue: 0,
      spi: 0,
      scheduleVarianceWeeks: -1,
      behindWeeks: 1,
    })
    expect(report.summary).toMatchObject({ plannedValue: 60, earnedValue: 40, spi: 0.667, verifiedPercent: 66.7 })
    // Earned 40 = the plan's value at the end of week 2; a week has passed since.
    expect(report.summary.scheduleVarianceWeeks).toBe(-1)
    // Done in week 2: whether 40% stood by the end of week 1 cannot be told.
    expect(report.milestones.map((m) => m.status)).toEqual([
      'unverifiable',
      'met',
      'missed',
      'met',
      'unverifiable',
      'unverifiable',
    ])
  })
})
