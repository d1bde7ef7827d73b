import type { ParsedPlan, PlanWarning, Task } from '../../shared/plan-model'
import type { DerivedChecks } from '../evidence/derive'

/**
 * How many parts of partly read criterion sentences each task has, by task key, as the stored reading of the plan
 * lists them (its "partly-checkable" lint): a task with any is never done on its checks alone (taskEvidenceAt).
 */
export function partlyReadCriteriaOf(plan: ParsedPlan): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of plan.warnings)
    if (w.code === 'partly-checkable' && w.taskKey) counts.set(w.taskKey, (counts.get(w.taskKey) ?? 0) + 1)
  return counts
}

/**
 * Lint: every criterion sentence the cockpit could not turn into a check ("not checkable: ..."), so the lead can
 * rephrase it (README, "Criteria language") or add a check by hand.
 */
export function criteriaWarnings(plan: ParsedPlan, derived: (task: Task) => DerivedChecks): PlanWarning[] {
  return plan.tasks.flatMap((task) => {
    const { notCheckable, partlyRead } = derived(task)
    return notCheckable.map((line) => ({
      // a part of a sentence whose other parts are checked: the task waits for it (partlyReadCriteriaOf)
      code: partlyRead.includes(line) ? 'partly-checkable' : 'not-checkable',
      message: `not checkable: ${line.text}`,
      line: line.line,
      taskKey: task.key,
    }))
  })
}
