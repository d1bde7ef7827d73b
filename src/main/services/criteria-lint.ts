import type { ParsedPlan, PlanWarning, Task, TextLine } from '../../shared/plan-model'
import { deriveTaskChecks } from '../evidence'
import { toolMapFor } from './tool-map'

/** criterion sentences of a task that no phrasing of the criteria language reads */
export function notCheckableOf(task: Task, resourcesDir: string): TextLine[] {
  return deriveTaskChecks(task, { toolMap: toolMapFor(resourcesDir) }).notCheckable
}

/**
 * Lint: every criterion sentence the cockpit could not turn into a check ("not checkable: ..."), so the lead can
 * rephrase it (README, "Criteria language") or add a check by hand.
 */
export function criteriaWarnings(plan: ParsedPlan, resourcesDir: string): PlanWarning[] {
  return plan.tasks.flatMap((task) =>
    notCheckableOf(task, resourcesDir).map((line) => ({
      code: 'not-checkable',
      message: `not checkable: ${line.text}`,
      line: line.line,
      taskKey: task.key,
    })),
  )
}
