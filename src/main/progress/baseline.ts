import type { ParsedPlan, Task } from '../../shared/plan-model'
import type { ScopeChange } from '../../shared/progress-model'
import { ProgressBuckets } from './buckets'
import type { PlanCalendar } from '../../shared/calendar'
import { scheduledWeeks, spreadOverSchedule, weekOfPlanDayFor } from './schedule'

export interface ScopeChangesByBaseline {
  /** made by imports up to the baseline's version: the baseline already holds them */
  inBaseline: ScopeChange[]
  /** made after the baseline was frozen: they step the scope line */
  afterBaseline: ScopeChange[]
}

/**
 * A baseline frozen from version N already contains every change imports 1..N made, so only later
 * changes move the scope away from it. Changes without a version number (older data, hand-made
 * inputs) and every change when no baseline version is given count as after the baseline.
 */
export function splitScopeChangesByBaseline(
  changes: ScopeChange[],
  baselineVersionNo: number | undefined,
): ScopeChangesByBaseline {
  const split: ScopeChangesByBaseline = { inBaseline: [], afterBaseline: [] }
  for (const change of changes) {
    const absorbed =
      baselineVersionNo !== undefined && change.versionNo !== undefined && change.versionNo <= baselineVersionNo
    ;(absorbed ? split.inBaseline : split.afterBaseline).push(change)
  }
  return split
}

/**
 * Lays a baseline's schedule into buckets: each scheduled task's hours spread over its weeks (the ideal
 * line), and its count in the week it is planned to finish. `targetsOf` names the buckets a task feeds
 * (the whole plan, its phase); `onScheduled` receives each scheduled task's budget for earned value.
 */
export function scheduleBaseline(
  baseline: ParsedPlan,
  calendar: PlanCalendar,
  targetsOf: (task: Task) => ProgressBuckets[],
  onScheduled: (task: Task, hours: number) => void = () => {},
): void {
  const weekOfDay = weekOfPlanDayFor(baseline, calendar)
  for (const task of baseline.tasks) {
    const hours = task.estimateHours ?? 0
    const targets = targetsOf(task)
    const schedule = scheduledWeeks(task, baseline, weekOfDay)
    if (!schedule) {
      for (const buckets of targets) {
        buckets.unscheduledTasks++
        buckets.unscheduledHours += hours
      }
      continue
    }
    spreadOverSchedule(task, hours, baseline, weekOfDay, (week, share) => {
      for (const buckets of targets) buckets.idealHours.add(week, share)
    })
    for (const buckets of targets) {
      buckets.idealTasks.add(schedule.last, 1)
      buckets.idealTotalHours += hours
      buckets.idealTotalTasks++
    }
    onScheduled(task, hours)
  }
}

/** The original baseline's ideal line alone, to draw beside a later baseline's. */
export function originalIdealBuckets(original: ParsedPlan, calendar: PlanCalendar): ProgressBuckets {
  const buckets = new ProgressBuckets()
  scheduleBaseline(original, calendar, () => [buckets])
  return buckets
}
