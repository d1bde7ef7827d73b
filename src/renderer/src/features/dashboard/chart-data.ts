import type { ProgressReport } from '../../../../shared/progress-model'

export type ChartMode = 'burndown' | 'burnup'

export interface ChartPoint {
  week: number
  weekStart: string | null
  weekEnding: string | null
  ideal: number | null
  actual: number | null
  scope: number | null
  /** [optimistic, pessimistic] forecast (P50 … P85) for weeks from asOf on */
  forecastBand: [number, number] | null
}

export interface PhaseBand {
  title: string
  from: number
  to: number
}

function forecastFraction(week: number, fromWeek: number, finishWeek: number): number {
  if (finishWeek <= fromWeek) return 1
  return Math.min(1, Math.max(0, (week - fromWeek) / (finishWeek - fromWeek)))
}

/**
 * Week-by-week points for the chart, in hours or tasks as the report's basis says. The forecast band runs
 * from the last known actual value to zero remaining at the P50 and P85 finish weeks.
 */
export function buildChartPoints(report: ProgressReport, mode: ChartMode): ChartPoint[] {
  const byHours = report.summary.basis === 'hours'
  const points: ChartPoint[] = report.burndown.map((point) => {
    const scope = byHours ? point.scopeHours : point.scopeTasks
    const idealRemaining = byHours ? point.idealRemainingHours : point.idealRemainingTasks
    const actualRemaining = byHours ? point.actualRemainingHours : point.actualRemainingTasks
    const done = byHours ? point.doneHours : point.doneTasks
    return {
      week: point.week,
      weekStart: point.weekStart,
      weekEnding: point.weekEnding,
      ideal: mode === 'burndown' ? idealRemaining : scope - idealRemaining,
      actual: mode === 'burndown' ? actualRemaining : done,
      scope,
      forecastBand: null,
    }
  })

  const { forecast } = report
  const lastActual = [...points].reverse().find((point) => point.actual !== null)
  if (forecast.status !== 'ok' || forecast.p50Week === null || forecast.p85Week === null || !lastActual) return points

  const fromWeek = lastActual.week
  const finalScope = lastActual.scope ?? 0
  const remainingNow = mode === 'burndown' ? lastActual.actual! : finalScope - lastActual.actual!
  const lastWeek = Math.max(forecast.p85Week, points.at(-1)?.week ?? 0)
  for (let week = (points.at(-1)?.week ?? 0) + 1; week <= lastWeek; week++) {
    points.push({ week, weekStart: null, weekEnding: null, ideal: null, actual: null, scope: finalScope, forecastBand: null })
  }
  for (const point of points) {
    if (point.week < fromWeek) continue
    const optimistic = remainingNow * (1 - forecastFraction(point.week, fromWeek, forecast.p50Week))
    const pessimistic = remainingNow * (1 - forecastFraction(point.week, fromWeek, forecast.p85Week))
    point.forecastBand = mode === 'burndown' ? [optimistic, pessimistic] : [finalScope - pessimistic, finalScope - optimistic]
  }
  return points
}

export function buildPhaseBands(report: ProgressReport): PhaseBand[] {
  return report.phases
    .filter((phase) => phase.weekStart !== null)
    .map((phase) => ({ title: phase.title, from: phase.weekStart!, to: phase.weekEnd ?? phase.weekStart! }))
}

/** Keys and titles of tasks whose verified completion fell in the given week. */
export function tasksDoneInWeek(report: ProgressReport, week: number): { key: string; title: string }[] {
  return report.tasks.filter((task) => task.state === 'done' && task.doneWeek === week).map((task) => ({ key: task.key, title: task.title }))
}

/** 'plan': the plan's own weeks (plus its forecast); 'all': the whole series up to today. */
export type WeekRange = 'plan' | 'all'

/** How far past the plan's end "today" may be and still belong on the plan-weeks chart. */
export const NEAR_PLAN_END_WEEKS = 8

/** Long after a plan ended, its weeks would be a sliver of the whole series: show the plan's weeks first. */
export function defaultWeekRange(report: ProgressReport): WeekRange {
  return report.asOfWeek > report.planEndWeek + NEAR_PLAN_END_WEEKS ? 'plan' : 'all'
}

/** The last week of the plan-weeks range: the plan's end, the P85 forecast if any, and today if near the end. */
export function planRangeLastWeek(report: ProgressReport): number {
  const forecastWeek = report.forecast.status === 'ok' ? (report.forecast.p85Week ?? 0) : 0
  const todayWeek = report.asOfWeek <= report.planEndWeek + NEAR_PLAN_END_WEEKS ? report.asOfWeek : 0
  return Math.max(report.planEndWeek, forecastWeek, todayWeek)
}

export function pointsInRange(points: ChartPoint[], report: ProgressReport, range: WeekRange): ChartPoint[] {
  if (range === 'all') return points
  const lastWeek = planRangeLastWeek(report)
  return points.filter((point) => point.week <= lastWeek)
}
