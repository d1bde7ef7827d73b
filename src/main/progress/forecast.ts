/**
 * Finish-date forecasts from weekly throughput: a velocity projection (mean of the last N
 * completed weeks) and a seeded Monte Carlo simulation that resamples past weeks.
 * Both count weeks after the last completed week; same inputs → same result.
 */

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Throughput sums are fractional; treat remaining work within this of zero as finished. */
const FINISH_TOLERANCE = 1e-9

export interface VelocityProjection {
  /** mean throughput of the last `window` completed weeks (null without history) */
  velocity: number | null
  /** weeks after the last completed week until remaining is done (null when velocity ≤ 0) */
  weeksNeeded: number | null
}

export function velocityForecast(
  weeklyThroughput: ArrayLike<number>,
  remaining: number,
  window: number,
): VelocityProjection {
  const used = Math.min(window, weeklyThroughput.length)
  if (used === 0) return { velocity: null, weeksNeeded: null }
  let sum = 0
  for (let index = weeklyThroughput.length - used; index < weeklyThroughput.length; index++)
    sum += weeklyThroughput[index]
  const velocity = sum / used
  if (remaining <= FINISH_TOLERANCE) return { velocity, weeksNeeded: 0 }
  if (velocity <= 0) return { velocity, weeksNeeded: null }
  return { velocity, weeksNeeded: Math.max(1, Math.ceil(remaining / velocity - FINISH_TOLERANCE)) }
}

export interface MonteCarloInput {
  /** throughput of each completed week, oldest first */
  weeklyThroughput: ArrayLike<number>
  remaining: number
  trials: number
  seed: number
  /** trials not finished within this many weeks count as "beyond the horizon" */
  horizonWeeks: number
}

export interface MonteCarloResult {
  trials: number
  /** weeks after the last completed week; null when that percentile lies beyond the horizon */
  p50Weeks: number | null
  p85Weeks: number | null
  p95Weeks: number | null
  /** share of trials that did not finish within the horizon */
  beyondHorizonShare: number
}

/**
 * Each trial draws past weeks' throughput at random (with replacement) until the remaining
 * work is done; the percentiles of the trial lengths are the P50/P85/P95 forecasts
 * (nearest-rank). Trial lengths are tallied in a histogram, so no sort is needed.
 */
export function monteCarloForecast(input: MonteCarloInput): MonteCarloResult {
  const { trials, horizonWeeks } = input
  const history = Float64Array.from(input.weeklyThroughput)
  const weeksTally = new Uint32Array(horizonWeeks + 2)
  const beyond = horizonWeeks + 1
  const canFinish = history.some((throughput) => throughput > 0)
  const random = mulberry32(input.seed)
  const target = input.remaining - FINISH_TOLERANCE
  for (let trial = 0; trial < trials; trial++) {
    if (target <= 0) {
      weeksTally[0]++
      continue
    }
    if (!canFinish) {
      weeksTally[beyond]++
      continue
    }
    let done = 0
    let weeks = 0
    while (done < target && weeks < horizonWeeks) {
      done += history[(random() * history.length) | 0]
      weeks++
    }
    weeksTally[done >= target ? weeks : beyond]++
  }
  const percentile = (share: number): number | null => {
    const rank = Math.max(1, Math.ceil(share * trials))
    let seen = 0
    for (let weeks = 0; weeks <= horizonWeeks; weeks++) {
      seen += weeksTally[weeks]
      if (seen >= rank) return weeks
    }
    return null
  }
  return {
    trials,
    p50Weeks: percentile(0.5),
    p85Weeks: percentile(0.85),
    p95Weeks: percentile(0.95),
    beyondHorizonShare: weeksTally[beyond] / trials,
  }
}
