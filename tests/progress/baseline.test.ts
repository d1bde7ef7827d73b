import { describe, expect, it } from 'vitest'
import { computeProgress, scopeChangesBetween } from '../../src/main/progress'
import { splitScopeChangesByBaseline } from '../../src/main/progress/baseline'
import type { BaselineRef, ScopeChange } from '../../src/shared/progress-model'
import { column, doneBy, phase, plan, planTask, progressInput, progressTask } from './fixtures'

/** v1 was imported broken: three items, no phases, no estimates, no schedule (0 h). */
const brokenV1 = plan({
  tasks: ['a', 'b', 'c'].map((key) => planTask({ key: `item-${key}`, number: null, title: `Item ${key}` })),
})
/** v2 fixes it: three numbered items, 45 h over weeks 1–3 in two phases. */
const fixedV2 = plan({
  phases: [phase('Foundations', 1, 2), phase('Hardening', 3)],
  tasks: [
    planTask({ key: '1.1', phase: 0, weekStart: 1, estimateHours: 15 }),
    planTask({ key: '1.2', phase: 0, weekStart: 2, estimateHours: 15 }),
    planTask({ key: '2.1', phase: 1, weekStart: 3, estimateHours: 15 }),
  ],
  totals: { estimateHours: 45, statedHours: null, statedDays: null },
})
/** the re-import happened on Monday of week 3 */
const reimportDate = '2025-01-20'
const v2Changes: ScopeChange[] = scopeChangesBetween(brokenV1, fixedV2, reimportDate).map((change) => ({
  ...change,
  versionNo: 2,
}))

const ref = (id: number, versionNo: number, original: boolean): BaselineRef => ({
  id,
  versionNo,
  setAt: `${reimportDate}T09:00:00.000Z`,
  reason: original ? '' : 'v1 was broken',
  original,
  latest: !original,
})

function progressAgainst(baseline: 'v1' | 'v2', asOf = '2025-01-22') {
  return computeProgress(
    progressInput(baseline === 'v1' ? brokenV1 : fixedV2, {
      current: fixedV2,
      tasks: fixedV2.tasks.map((task) =>
        progressTask(task, task.key === '1.1' ? { evidence: doneBy('2025-01-08') } : {}),
      ),
      scopeChanges: v2Changes,
      asOf,
      baselineRef: baseline === 'v1' ? ref(1, 1, true) : ref(2, 2, false),
      ...(baseline === 'v2' ? { originalBaseline: brokenV1 } : {}),
    }),
  )
}

describe('baselines', () => {
  it('counts the changes of versions up to the baseline as part of it', () => {
    const changes: ScopeChange[] = [
      { date: '2025-01-10', kind: 'added', taskKey: 'x', title: 'x', hoursDelta: 4, week: 1, versionNo: 2 },
      { date: '2025-01-17', kind: 'removed', taskKey: 'y', title: 'y', hoursDelta: -2, week: 2, versionNo: 3 },
      { date: '2025-01-18', kind: 'added', taskKey: 'z', title: 'z', hoursDelta: 1, week: 2 },
    ]
    const split = splitScopeChangesByBaseline(changes, 2)
    expect(split.inBaseline.map((change) => change.taskKey)).toEqual(['x'])
    expect(split.afterBaseline.map((change) => change.taskKey)).toEqual(['y', 'z'])
    expect(splitScopeChangesByBaseline(changes, undefined).inBaseline).toEqual([])
  })

  it('against the broken first baseline: a flat ideal at 0 and a 45 h jump in week 3, but no empty "(no phase)" row', () => {
    const report = progressAgainst('v1')
    expect(column(report.burndown.slice(0, 4), 'idealRemainingHours')).toEqual([0, 0, 0, 0])
    expect(column(report.burndown.slice(0, 4), 'scopeHours')).toEqual([0, 0, 0, 45])
    expect(report.summary.spi).toBeNull()
    expect(report.phases.map((group) => group.title)).toEqual(['Foundations', 'Hardening'])
    expect(report.burndown[0].originalIdealRemainingHours).toBeUndefined()
  })

  it('after rebaselining on v2: the ideal line, planned value and SPI follow v2, the scope starts at 45 h', () => {
    const report = progressAgainst('v2')
    expect(report.baseline).toMatchObject({ id: 2, versionNo: 2, reason: 'v1 was broken' })
    expect(column(report.burndown.slice(0, 4), 'idealRemainingHours')).toEqual([45, 30, 15, 0])
    expect(column(report.burndown.slice(0, 4), 'scopeHours')).toEqual([45, 45, 45, 45])
    expect(column(report.burndown.slice(0, 4), 'actualRemainingHours')).toEqual([45, 30, 30, 30])
    // the end of Wednesday of week 3: 2.6 weeks elapsed → 15 + 15 + 0.6 × 15 = 39 h planned, 15 h earned
    expect(report.summary.plannedValue).toBe(39)
    expect(report.summary.earnedValue).toBe(15)
    expect(report.summary.spi).toBe(0.385)
    expect(report.summary.scheduleVarianceWeeks).toBeLessThan(0)
    expect(report.phases.map((group) => group.title)).toEqual(['Foundations', 'Hardening'])
  })

  it('keeps every scope change in the log, marked when the baseline holds it, and overlays the original ideal', () => {
    const report = progressAgainst('v2')
    expect(report.scopeChanges).toHaveLength(v2Changes.length)
    expect(report.scopeChanges.every((entry) => entry.inBaseline === true)).toBe(true)
    expect(report.burndown.slice(0, 4).map((point) => point.originalIdealRemainingHours)).toEqual([0, 0, 0, 0])
    const againstOriginal = progressAgainst('v1')
    expect(againstOriginal.scopeChanges.some((entry) => entry.inBaseline)).toBe(false)
  })

  it('a change made after the baseline still steps the scope line', () => {
    const v3 = plan({
      ...fixedV2,
      tasks: [...fixedV2.tasks, planTask({ key: '2.2', phase: 1, weekStart: 3, estimateHours: 5 })],
    })
    const report = computeProgress(
      progressInput(fixedV2, {
        current: v3,
        tasks: v3.tasks.map((task) => progressTask(task)),
        scopeChanges: [
          ...v2Changes,
          ...scopeChangesBetween(fixedV2, v3, '2025-01-21').map((change) => ({ ...change, versionNo: 3 })),
        ],
        asOf: '2025-01-22',
        baselineRef: ref(2, 2, false),
      }),
    )
    expect(column(report.burndown.slice(0, 4), 'scopeHours')).toEqual([45, 45, 45, 50])
    expect(report.scopeChanges.filter((entry) => !entry.inBaseline).map((entry) => entry.taskKey)).toEqual(['2.2'])
  })
})
