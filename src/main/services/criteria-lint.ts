import type { ParsedPlan, PlanWarning, Task, TextLine } from '../../shared/plan-model'
import { deriveTaskChecks, type DerivedChecks, type ToolMap } from '../evidence'

/** criterion sentences of a task that no phrasing of the criteria language reads */
export function notCheckableOf(task: Task, toolMap: ToolMap): TextLine[] {
  return deriveTaskChecks(task, { toolMap }).notCheckable
}

/**
 * Lint: every criterion sentence the cockpit could not turn into a check ("not checkable: ..."), so the lead can
 * rephrase it (README, "Criteria language") or add a check by hand.
 */
export function criteriaWarnings(plan: ParsedPlan, derived: (task: Task) => DerivedChecks): PlanWarning[] {
  return plan.tasks.flatMap((task) =>
    derived(task).notCheckable.map((line) => ({
      code: 'not-checkable',
      message: `not checkable: ${line.text}`,
      line: line.line,
      taskKey: task.key,
    })),
  )
}
