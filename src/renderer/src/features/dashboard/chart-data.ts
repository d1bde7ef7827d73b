import { allWeeksRange, planChartRange, type ChartWeekRange } from '../../../../shared/chart-range'
import type { ProgressReport } from '../../../../shared/progress-model'
import { formatDate } from '../../lib/format'

export type ChartMode = 'burndown' | 'burnup'

export interface ChartPoint {
  week: number
  weekStart: string | null
  weekEnding: string | null
  ideal: number | null
  actual: number | null
  scope: number | null
  /** the original baseline's ideal line (only when measuring against a later baseline) */
  originalIdeal: number | null
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
  const first = report.burndown[0]
  const originalTotal = (byHours ? first?.originalIdealRemainingHours : first?.originalIdealRemainingTasks) ?? 0
  const points: ChartPoint[] = report.burndown.map((point) => {
    const scope = byHours ? point.scopeHours : point.scopeTasks
    const idealRemaining = byHours ? point.idealRemainingHours : point.idealRemainingTasks
    const actualRemaining = byHours ? point.actualRemainingHours : point.actualRemainingTasks
    const done = byHours ? point.doneHours : point.doneTasks
    const originalRemaining = byHours ? point.originalIdealRemainingHours : point.originalIdealRemainingTasks
    return {
      week: point.week,
      weekStart: point.weekStart,
      weekEnding: point.weekEnding,
      ideal: mode === 'burndown' ? idealRemaining : scope - idealRemaining,
      actual: mode === 'burndown' ? actualRemaining : done,
      scope,
      originalIdeal:
        originalRemaining === undefined
          ? null
          : mode === 'burndown'
            ? originalRemaining
            : originalTotal - originalRemaining,
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
    points.push({
      week,
      weekStart: null,
      weekEnding: null,
      ideal: null,
      actual: null,
      scope: finalScope,
      originalIdeal: null,
      forecastBand: null,
    })
  }
  for (const point of points) {
    if (point.week < fromWeek) continue
    const optimistic = remainingNow * (1 - forecastFraction(point.week, fromWeek, forecast.p50Week))
    const pessimistic = remainingNow * (1 - forecastFraction(point.week, fromWeek, forecast.p85Week))
    point.forecastBand =
      mode === 'burndown' ? [optimistic, pessimistic] : [finalScope - pessimistic, finalScope - optimistic]
  }
  return points
}

export function buildPhaseBands(report: ProgressReport): PhaseBand[] {
  return report.phases
    .filter((phase) => phase.weekStart !== null)
    .map((phase) => ({ title: phase.title, from: phase.weekStart!, to: phase.weekEnd ?? phase.weekStart! }))
}

/** 'plan': the weeks that matter for the plan (see planChartRange); 'all': the whole series up to today. */
export type WeekRange = 'plan' | 'all'

export function chartRange(points: ChartPoint[], report: ProgressReport, range: WeekRange): ChartWeekRange {
  return range === 'plan' ? planChartRange(report) : allWeeksRange(report, points.at(-1)?.week ?? 0)
}

export function pointsInRange(points: ChartPoint[], weeks: ChartWeekRange): ChartPoint[] {
  return points.filter((point) => point.week >= weeks.first && point.week <= weeks.last)
}

/**
 * Where "as of" sits on the week axis (x = w is the end of week w): the end of the as-of day inside its week,
 * so on Monday of week 3 the marker is just past week 2, where the ideal line reads what the figures say is
 * planned. "Today" only when the as-of date is today.
 */
export function asOfMarker(report: ProgressReport, today: string): { x: number; label: string; isToday: boolean } {
  const isToday = report.asOf === today
  return {
    x: report.asOfElapsedWeeks ?? report.asOfWeek,
    label: isToday ? 'Today' : `As of ${formatDate(report.asOf)}`,
    isToday,
  }
}
