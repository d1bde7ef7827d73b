import type { Forecast, ForecastOptions } from '../../shared/progress-model'
import type { ProgressBuckets } from './buckets'
import type { PlanCalendar } from '../../shared/calendar'
import { monteCarloForecast, velocityForecast } from './forecast'
import { round2 } from '../../shared/rounding'
import { weeklyThroughput } from './series'

export const DEFAULT_FORECAST = {
  seed: 0x5eed,
  trials: 10_000,
  minimumTrials: 1_000,
  velocityWindow: 3,
  horizonWeeks: 520,
  /** completed weeks of history needed before forecasting */
  minimumHistoryWeeks: 2,
} as const

export interface ForecastContext {
  calendar: PlanCalendar
  overall: ProgressBuckets
  basis: 'hours' | 'tasks'
  /** remaining work on asOf, in the basis unit */
  remaining: number
  /** false when there is nothing in scope to forecast */
  hasWork: boolean
  lastCompletedWeek: number
  /** the latest done date, the finish date once everything is done */
  latestDoneAt: string | null
  options: ForecastOptions
}

/** Finish forecasts as report fields: plan weeks and the ending date of those weeks. */
export function forecastFinish(context: ForecastContext): Forecast {
  const { calendar, basis, lastCompletedWeek, options } = context
  const seed = options.seed ?? DEFAULT_FORECAST.seed
  const trials = Math.max(DEFAULT_FORECAST.minimumTrials, options.trials ?? DEFAULT_FORECAST.trials)
  const velocityWindow = options.velocityWindow ?? DEFAULT_FORECAST.velocityWindow
  const horizonWeeks = options.horizonWeeks ?? DEFAULT_FORECAST.horizonWeeks
  const history = weeklyThroughput(context.overall, basis, lastCompletedWeek)
  const remaining = Math.max(0, context.remaining)
  const noDates = {
    p50: null,
    p85: null,
    p95: null,
    velocityDate: null,
    p50Week: null,
    p85Week: null,
    p95Week: null,
    velocityWeek: null,
  }
  const base = { basis, remaining: round2(remaining), velocityWindow, historyWeeks: history.length, trials, seed }

  const velocity = velocityForecast(history, remaining, velocityWindow)
  const velocityPerWeek = velocity.velocity === null ? null : round2(velocity.velocity)

  if (!context.hasWork) return { status: 'no-work', ...base, velocityPerWeek, ...noDates }
  if (remaining <= 1e-9) {
    const finishWeek = context.latestDoneAt === null ? null : calendar.progressWeekOfDate(context.latestDoneAt)
    return {
      status: 'done',
      ...base,
      velocityPerWeek,
      p50: context.latestDoneAt,
      p85: context.latestDoneAt,
      p95: context.latestDoneAt,
      velocityDate: context.latestDoneAt,
      p50Week: finishWeek,
      p85Week: finishWeek,
      p95Week: finishWeek,
      velocityWeek: finishWeek,
    }
  }
  if (history.length < DEFAULT_FORECAST.minimumHistoryWeeks) {
    return { status: 'not-enough-history', ...base, velocityPerWeek, ...noDates }
  }
  if (!history.some((throughput) => throughput > 0)) {
    return { status: 'no-throughput', ...base, velocityPerWeek, ...noDates }
  }

  const simulation = monteCarloForecast({ weeklyThroughput: history, remaining, trials, seed, horizonWeeks })
  const toWeek = (weeksAfter: number | null) => (weeksAfter === null ? null : lastCompletedWeek + weeksAfter)
  const toDate = (week: number | null) => (week === null ? null : calendar.week(week).end)
  const p50Week = toWeek(simulation.p50Weeks)
  const p85Week = toWeek(simulation.p85Weeks)
  const p95Week = toWeek(simulation.p95Weeks)
  const velocityWeek =
    velocity.weeksNeeded === null || velocity.weeksNeeded > horizonWeeks ? null : toWeek(velocity.weeksNeeded)
  return {
    status: 'ok',
    ...base,
    velocityPerWeek,
    p50: toDate(p50Week),
    p85: toDate(p85Week),
    p95: toDate(p95Week),
    velocityDate: toDate(velocityWeek),
    p50Week,
    p85Week,
    p95Week,
    velocityWeek,
  }
}
