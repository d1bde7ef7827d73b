import type { ParsedPlan, Task } from '../../shared/plan-model'
import type { ScopeChange } from '../../shared/progress-model'

/**
 * The scope changes a re-import makes: tasks added, removed or re-estimated between the
 * previous and the next import (matched by task key), dated with the import date.
 */
export function scopeChangesBetween(previous: ParsedPlan, next: ParsedPlan, date: string): ScopeChange[] {
  const previousByKey = new Map(previous.tasks.map((task) => [task.key, task]))
  const nextKeys = new Set(next.tasks.map((task) => task.key))
  const changes: ScopeChange[] = []
  for (const task of next.tasks) {
    const before = previousByKey.get(task.key)
    const hours = task.estimateHours ?? 0
    if (!before) {
      changes.push({
        date,
        kind: 'added',
        taskKey: task.key,
        title: task.title,
        hoursDelta: hours,
        week: plannedWeek(next, task),
      })
    } else if ((before.estimateHours ?? 0) !== hours) {
      changes.push({
        date,
        kind: 'reestimated',
        taskKey: task.key,
        title: task.title,
        hoursDelta: hours - (before.estimateHours ?? 0),
        week: plannedWeek(next, task),
      })
    }
  }
  for (const task of previous.tasks) {
    if (nextKeys.has(task.key)) continue
    changes.push({
      date,
      kind: 'removed',
      taskKey: task.key,
      title: task.title,
      hoursDelta: -(task.estimateHours ?? 0),
      week: plannedWeek(previous, task),
    })
  }
  return changes
}

/** the first week the task is scheduled in, for the scope-change log */
function plannedWeek(plan: ParsedPlan, task: Task): number | null {
  if (task.dayStart !== null && task.dayStart >= 1 && task.dayStart <= plan.dayWeeks.length) {
    return plan.dayWeeks[task.dayStart - 1]
  }
  return task.weekStart
}
