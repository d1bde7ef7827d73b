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

type ForecastDates = Pick<
  Forecast,
  'p50' | 'p85' | 'p95' | 'velocityDate' | 'p50Week' | 'p85Week' | 'p95Week' | 'velocityWeek'
>

const NO_DATES: ForecastDates = {
  p50: null,
  p85: null,
  p95: null,
  velocityDate: null,
  p50Week: null,
  p85Week: null,
  p95Week: null,
  velocityWeek: null,
}

/** Finish forecasts as report fields: plan weeks and the ending date of those weeks. */
export function forecastFinish(context: ForecastContext): Forecast {
  const { basis, lastCompletedWeek, options } = context
  const seed = options.seed ?? DEFAULT_FORECAST.seed
  const trials = Math.max(DEFAULT_FORECAST.minimumTrials, options.trials ?? DEFAULT_FORECAST.trials)
  const velocityWindow = options.velocityWindow ?? DEFAULT_FORECAST.velocityWindow
  const horizonWeeks = options.horizonWeeks ?? DEFAULT_FORECAST.horizonWeeks
  const history = weeklyThroughput(context.overall, basis, lastCompletedWeek)
  const remaining = Math.max(0, context.remaining)
  const base = { basis, remaining: round2(remaining), velocityWindow, historyWeeks: history.length, trials, seed }
  const velocity = velocityForecast(history, remaining, velocityWindow)
  const withVelocity = { ...base, velocityPerWeek: velocity.velocity === null ? null : round2(velocity.velocity) }

  if (!context.hasWork) return { status: 'no-work', ...withVelocity, ...NO_DATES }
  if (remaining <= 1e-9) return { status: 'done', ...withVelocity, ...finishedDates(context) }
  if (history.length < DEFAULT_FORECAST.minimumHistoryWeeks)
    return { status: 'not-enough-history', ...withVelocity, ...NO_DATES }
  if (!history.some((throughput) => throughput > 0)) return { status: 'no-throughput', ...withVelocity, ...NO_DATES }

  const simulation = monteCarloForecast({ weeklyThroughput: history, remaining, trials, seed, horizonWeeks })
  const velocityWeeks =
    velocity.weeksNeeded === null || velocity.weeksNeeded > horizonWeeks ? null : velocity.weeksNeeded
  return { status: 'ok', ...withVelocity, ...datesAfter(context, { ...simulation, velocityWeeks }) }
}

/** everything is done: every forecast is the day the last task was done */
function finishedDates(context: ForecastContext): ForecastDates {
  const date = context.latestDoneAt
  const week = date === null ? null : context.calendar.progressWeekOfDate(date)
  return {
    p50: date,
    p85: date,
    p95: date,
    velocityDate: date,
    p50Week: week,
    p85Week: week,
    p95Week: week,
    velocityWeek: week,
  }
}

type WeeksAfter = {
  p50Weeks: number | null
  p85Weeks: number | null
  p95Weeks: number | null
  velocityWeeks: number | null
}

/** weeks after the last completed one, as plan weeks and the dates those weeks end */
function datesAfter({ calendar, lastCompletedWeek }: ForecastContext, weeksAfter: WeeksAfter): ForecastDates {
  const toWeek = (weeks: number | null) => (weeks === null ? null : lastCompletedWeek + weeks)
  const toDate = (week: number | null) => (week === null ? null : calendar.week(week).end)
  const p50Week = toWeek(weeksAfter.p50Weeks)
  const p85Week = toWeek(weeksAfter.p85Weeks)
  const p95Week = toWeek(weeksAfter.p95Weeks)
  const velocityWeek = toWeek(weeksAfter.velocityWeeks)
  return {
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
