import { describe, expect, it } from 'vitest'
import { computeProgress, monteCarloForecast, mulberry32, velocityForecast } from '../../src/main/progress'
import { doneBy, plan, planTask, progressInput, progressTask } from './fixtures'

/** ten 10 h tasks, one a week (week w = 2025-01-06 + 7(w − 1)) */
const tenWeeks = plan({
  tasks: Array.from({ length: 10 }, (_, index) =>
    planTask({ key: String(index + 1), weekStart: index + 1, estimateHours: 10 }),
  ),
})
const mondayOfWeek = (week: number) => new Date(Date.UTC(2025, 0, 6 + 7 * (week - 1))).toISOString().slice(0, 10)

/** tasks done on the Monday of the given weeks (index i → task i + 1) */
function doneInWeeks(weeks: number[]) {
  return tenWeeks.tasks.map((task, index) =>
    progressTask(task, index < weeks.length ? { evidence: doneBy(mondayOfWeek(weeks[index])) } : {}),
  )
}

describe('forecast', () => {
  it('forecasts the exact finish week from a constant-velocity history', () => {
    // 10 h done in each of weeks 1–4; asOf is the Sunday ending week 4; 60 h left.
    const report = computeProgress(progressInput(tenWeeks, { tasks: doneInWeeks([1, 2, 3, 4]), asOf: '2025-02-02' }))
    expect(report.forecast).toMatchObject({
      status: 'ok',
      historyWeeks: 4,
      remaining: 60,
      velocityPerWeek: 10,
      velocityWeek: 10,
      p50Week: 10,
      p85Week: 10,
      p95Week: 10,
      velocityDate: '2025-03-16',
      p50: '2025-03-16',
      p95: '2025-03-16',
    })
    expect(report.summary.scheduleVarianceWeeks).toBe(0)
  })

  it('counts from the last completed week when asOf is mid-week', () => {
    // Wednesday of week 5; week 5's own work is not in the history yet.
    const report = computeProgress(progressInput(tenWeeks, { tasks: doneInWeeks([1, 2, 3, 4]), asOf: '2025-02-05' }))
    expect(report.forecast).toMatchObject({ historyWeeks: 4, velocityWeek: 10, p50Week: 10 })
    expect(report.summary.behindWeeks).toBe(0.6)
  })

  it('gives the same dates for the same data, and a spread for an uneven history', () => {
    const input = progressInput(tenWeeks, { tasks: doneInWeeks([1, 1, 3, 3, 3, 5]), asOf: '2025-02-09' })
    const first = computeProgress(input)
    const second = computeProgress(structuredClone(input))
    expect(second.forecast).toEqual(first.forecast)
    const { p50Week, p85Week, p95Week } = first.forecast
    expect(p50Week).not.toBeNull()
    expect(p50Week!).toBeLessThanOrEqual(p85Week!)
    expect(p85Week!).toBeLessThanOrEqual(p95Week!)
    expect(p95Week!).toBeGreaterThan(p50Week!) // weeks of 0, 20 and 30 h make the outcome uncertain
    expect(first.forecast.trials).toBeGreaterThanOrEqual(1000)
    expect(first.burndown.length).toBe(Math.max(p95Week!, first.forecast.velocityWeek!, 10) + 1)
  })

  it('reports "not enough history" until two weeks are complete', () => {
    const oneWeek = computeProgress(progressInput(tenWeeks, { tasks: doneInWeeks([1]), asOf: '2025-01-15' }))
    expect(oneWeek.forecast).toMatchObject({
      status: 'not-enough-history',
      historyWeeks: 1,
      p50: null,
      velocityDate: null,
    })
    const twoWeeks = computeProgress(progressInput(tenWeeks, { tasks: doneInWeeks([1, 2]), asOf: '2025-01-19' }))
    expect(twoWeeks.forecast.status).toBe('ok')
  })

  it('reports no throughput when nothing was ever done, and the finish date once all is done', () => {
    const idle = computeProgress(progressInput(tenWeeks, { tasks: doneInWeeks([]), asOf: '2025-01-26' }))
    expect(idle.forecast).toMatchObject({ status: 'no-throughput', p50: null })
    const all = computeProgress(
      progressInput(tenWeeks, { tasks: doneInWeeks([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]), asOf: '2025-03-01' }),
    )
    expect(all.forecast).toMatchObject({ status: 'done', p50: '2025-02-03', p95Week: 5, velocityDate: '2025-02-03' })
    const empty = computeProgress(progressInput(plan({ tasks: [] }), { asOf: '2025-03-01' }))
    expect(empty.forecast).toMatchObject({ status: 'no-work', p50: null })
  })
})

describe('monteCarloForecast', () => {
  it('is seeded: same seed → same result; a constant history → one exact answer', () => {
    const history = [3, 9, 0, 12, 6]
    const run = (seed: number) =>
      monteCarloForecast({ weeklyThroughput: history, remaining: 40, trials: 5000, seed, horizonWeeks: 520 })
    expect(run(7)).toEqual(run(7))
    expect(
      monteCarloForecast({ weeklyThroughput: [10, 10], remaining: 35, trials: 1000, seed: 1, horizonWeeks: 520 }),
    ).toEqual({
      trials: 1000,
      p50Weeks: 4,
      p85Weeks: 4,
      p95Weeks: 4,
      beyondHorizonShare: 0,
    })
  })

  it('reports percentiles beyond the horizon as null', () => {
    const result = monteCarloForecast({
      weeklyThroughput: [1, 0],
      remaining: 100,
      trials: 1000,
      seed: 1,
      horizonWeeks: 52,
    })
    expect(result.p50Weeks).toBeNull()
    expect(result.beyondHorizonShare).toBe(1)
  })

  it('velocity projection uses the mean of the last N weeks', () => {
    expect(velocityForecast([100, 2, 4, 6], 20, 3)).toEqual({ velocity: 4, weeksNeeded: 5 })
    expect(velocityForecast([0, 0], 20, 3)).toEqual({ velocity: 0, weeksNeeded: null })
  })

  it('mulberry32 yields the same stream for the same seed, within [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const values = Array.from({ length: 1000 }, () => a())
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
    expect(new Set(values).size).toBeGreaterThan(990)
  })
})
