import type { ParsedPlan } from '../../shared/plan-model'
import type { ManualStatus, ProgressTaskInput, TaskEvidence } from '../../shared/progress-model'

export interface TaskFacts {
  evidence?: ReadonlyMap<string, TaskEvidence>
  manual?: ReadonlyMap<string, ManualStatus>
}

/** Progress inputs for a plan's tasks, joined by task key with stored evidence and manual statuses. */
export function progressTaskInputs(plan: ParsedPlan, facts: TaskFacts = {}): ProgressTaskInput[] {
  return plan.tasks.map((task) => ({
    key: task.key,
    title: task.title,
    phase: task.phase,
    estimateHours: task.estimateHours,
    estimateDerived: task.estimateDerived,
    weekStart: task.weekStart,
    weekEnd: task.weekEnd,
    dayStart: task.dayStart,
    dayEnd: task.dayEnd,
    claimedDone: task.claimedDone,
    evidence: facts.evidence?.get(task.key) ?? null,
    manual: facts.manual?.get(task.key) ?? null,
  }))
}
