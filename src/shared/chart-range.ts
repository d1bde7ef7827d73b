import type { ProgressReport } from './progress-model'

/**
 * The weeks a burndown of a plan shows by default, on the dashboard and in the report: the plan's own weeks,
 * the weeks in which work was really done or re-planned, and today and the P85 forecast while they are
 * near the plan (within the plan's length, at least 8 weeks, after its end). A 6-week plan viewed two
 * years later stays a 6-week chart, with a note saying how far past its end "as of" is.
 */
export const NEAR_PLAN_END_WEEKS = 8

export interface ChartWeekRange {
  first: number
  last: number
  /** asOf falls inside [first, last] */
  asOfOnChart: boolean
  /** whole weeks from the plan's last week to asOf's week (0 while the plan runs) */
  weeksPastEnd: number
}

function lastActivityWeek(report: ProgressReport): number {
  let last = 0
  for (const task of report.tasks)
    if (task.doneWeek !== null && task.doneWeek <= report.asOfWeek) last = Math.max(last, task.doneWeek)
  for (const change of report.scopeChanges) if (!change.inBaseline) last = Math.max(last, change.changeWeek)
  return last
}

export function planChartRange(report: ProgressReport): ChartWeekRange {
  const end = Math.max(report.planEndWeek, 1)
  const near = (week: number) => week <= end + Math.max(NEAR_PLAN_END_WEEKS, end)
  const forecastWeek =
    report.forecast.status === 'ok' && report.forecast.p85Week !== null && near(report.forecast.p85Week)
      ? report.forecast.p85Week
      : 0
  const last = Math.max(end, lastActivityWeek(report), forecastWeek, near(report.asOfWeek) ? report.asOfWeek : 0)
  return { first: 0, last, asOfOnChart: report.asOfWeek <= last, weeksPastEnd: Math.max(0, report.asOfWeek - end) }
}

/** Every week the series has (up to today and the forecast). */
export function allWeeksRange(report: ProgressReport, lastSeriesWeek: number): ChartWeekRange {
  const last = Math.max(lastSeriesWeek, report.asOfWeek)
  return {
    first: 0,
    last,
    asOfOnChart: true,
    weeksPastEnd: Math.max(0, report.asOfWeek - Math.max(report.planEndWeek, 1)),
  }
}

/** "as of week 97: 91 weeks after the plan's last week (week 6)" — said when asOf is off the chart. */
export function pastEndNote(report: ProgressReport, range: ChartWeekRange): string | null {
  if (range.asOfOnChart) return null
  const weeks = range.weeksPastEnd
  return `As of week ${report.asOfWeek}: ${weeks} week${weeks === 1 ? '' : 's'} after the plan's last week (week ${Math.max(report.planEndWeek, 1)}), off the chart`
}
