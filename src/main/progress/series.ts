import type { BurndownPoint } from '../../shared/progress-model'
import type { ProgressBuckets } from './buckets'
import type { PlanCalendar } from '../../shared/calendar'
import { round2 } from '../../shared/rounding'

/**
 * Burndown rows for weeks 0..lastWeek. Ideal remaining at the end of week w = baseline
 * total − hours scheduled in weeks ≤ w. Scope at week w = scope on asOf minus the changes
 * made after week w. Actual remaining = scope − done; actual and done are null after asOf.
 */
export function burndownRows(
  buckets: ProgressBuckets,
  calendar: PlanCalendar,
  asOfWeek: number,
  lastWeek: number,
): BurndownPoint[] {
  let totalScopeHoursChange = 0
  let totalScopeTasksChange = 0
  for (let week = 0; week < buckets.scopeHoursChange.length; week++)
    totalScopeHoursChange += buckets.scopeHoursChange.at(week)
  for (let week = 0; week < buckets.scopeTasksChange.length; week++)
    totalScopeTasksChange += buckets.scopeTasksChange.at(week)

  let scheduledHours = 0
  let scheduledTasks = 0
  let scopeHours = buckets.scopeHoursAtAsOf - totalScopeHoursChange
  let scopeTasks = buckets.scopeTasksAtAsOf - totalScopeTasksChange
  let doneHours = 0
  let doneTasks = 0
  const rows: BurndownPoint[] = []
  for (let week = 0; week <= lastWeek; week++) {
    scheduledHours += buckets.idealHours.at(week)
    scheduledTasks += buckets.idealTasks.at(week)
    scopeHours += buckets.scopeHoursChange.at(week)
    scopeTasks += buckets.scopeTasksChange.at(week)
    doneHours += buckets.doneHours.at(week)
    doneTasks += buckets.doneTasks.at(week)
    const known = week <= asOfWeek
    // Week 0 ("before start") is the 7 days before week 1; its end is the start line.
    const span = calendar.week(week)
    rows.push({
      week,
      weekStart: span.start,
      weekEnding: span.end,
      idealRemainingHours: nonNegative(buckets.idealTotalHours - scheduledHours),
      actualRemainingHours: known ? nonNegative(scopeHours - doneHours) : null,
      scopeHours: round2(scopeHours),
      doneHours: known ? round2(doneHours) : null,
      idealRemainingTasks: nonNegative(buckets.idealTotalTasks - scheduledTasks),
      actualRemainingTasks: known ? nonNegative(scopeTasks - doneTasks) : null,
      scopeTasks: round2(scopeTasks),
      doneTasks: known ? round2(doneTasks) : null,
    })
  }
  return rows
}

/** Hours are summed from fractional shares; tiny negative float residue reads as 0. */
function nonNegative(value: number): number {
  return Math.max(0, round2(value))
}

/** Throughput of each completed week 1..lastCompletedWeek (done hours or tasks in that week). */
export function weeklyThroughput(
  buckets: ProgressBuckets,
  basis: 'hours' | 'tasks',
  lastCompletedWeek: number,
): Float64Array {
  const source = basis === 'hours' ? buckets.doneHours : buckets.doneTasks
  const history = new Float64Array(Math.max(0, lastCompletedWeek))
  for (let week = 1; week <= lastCompletedWeek; week++) history[week - 1] = source.at(week)
  return history
}
