import { taskSchedule, type ParsedPlan, type Task } from '../../shared/plan-model'
import type { ManualStatus, ProgressTaskInput, TaskEvidence } from '../../shared/progress-model'

export interface TaskFacts {
  evidence?: ReadonlyMap<string, TaskEvidence>
  manual?: ReadonlyMap<string, ManualStatus>
}

/** The progress input of one plan task, with its stored evidence and manual status (none by default). */
export function progressTaskInput(
  task: Task,
  evidence: TaskEvidence | null = null,
  manual: ManualStatus | null = null,
): ProgressTaskInput {
  return {
    key: task.key,
    title: task.title,
    phase: task.phase,
    ...taskSchedule(task),
    claimedDone: task.claimedDone,
    evidence,
    manual,
  }
}

/** Progress inputs for a plan's tasks, joined by task key with stored evidence and manual statuses. */
export function progressTaskInputs(plan: ParsedPlan, facts: TaskFacts = {}): ProgressTaskInput[] {
  return plan.tasks.map((task) =>
    progressTaskInput(task, facts.evidence?.get(task.key) ?? null, facts.manual?.get(task.key) ?? null),
  )
}
