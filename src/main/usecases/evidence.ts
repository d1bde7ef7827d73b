import type { MethodOutput, ParsedInput } from '../../shared/contract'
import {
  checkRowsForTasks,
  deleteCheck,
  hasHistory,
  insertUserCheck,
  requireCheck,
  updateCheck,
} from '../db/check-store'
import { inTransaction } from '../db/client'
import { requireTask } from '../db/task-store'
import { readVersionPlan, requirePlanRow } from '../db/plan-store'
import { partlyReadCriteriaOf } from '../services/criteria-lint'
import { explainTask } from '../services/explain-task'
import { taskVerdict } from '../services/task-evidence'
import type { CoreContext } from './context'
import type { Task } from '../../shared/plan-model'
import { loadCheckDerivation } from '../engines'
import { evaluateCheckNow } from './repos'

export function taskEvidence(ctx: CoreContext, taskId: number): MethodOutput<'evidence.forTask'> {
  const task = requireTask(ctx.db, taskId)
  const rows = checkRowsForTasks(ctx.db, [task.id]).get(task.id) ?? []
  const current = readVersionPlan(ctx.db, requirePlanRow(ctx.db, task.planId).currentVersionId)
  const verdict = taskVerdict(rows, null, partlyReadCriteriaOf(current).get(task.key) ?? 0)
  return {
    taskId: task.id,
    key: task.key,
    title: task.title,
    state: verdict.state,
    doneAt: verdict.unsynced ? null : (verdict.summary.doneAt?.commit.date ?? null),
    checks: rows,
    hasUncommittedEvidence: verdict.summary.hasUncommitted,
    reason: verdict.reason,
  }
}

export async function explainTaskAsOf(
  ctx: CoreContext,
  input: ParsedInput<'evidence.explain'>,
): Promise<MethodOutput<'evidence.explain'>> {
  const { deriveTaskChecks } = await loadCheckDerivation()
  const notCheckableOf = (task: Task) => deriveTaskChecks(task, { toolMap: ctx.toolMap() }).notCheckable
  return explainTask(ctx.db, input.planId, input.taskKey, input.asOf, ctx.now(), notCheckableOf)
}

/** the stored check as the contract shows it, after a change to its task */
function checkRowAfterChange(ctx: CoreContext, taskId: number, checkId: number) {
  ctx.emit('plans.changed', { planId: requireTask(ctx.db, taskId).planId })
  return checkRowsForTasks(ctx.db, [taskId])
    .get(taskId)!
    .find((c) => c.id === checkId)!
}

export async function addCheck(
  ctx: CoreContext,
  input: ParsedInput<'checks.add'>,
): Promise<MethodOutput<'checks.add'>> {
  const task = requireTask(ctx.db, input.taskId)
  const spec = { ...input.spec, origin: 'user' as const, sourceLine: input.spec.sourceLine ?? null }
  const row = inTransaction(ctx.db, () => insertUserCheck(ctx.db, input.taskId, spec))
  await evaluateCheckNow(ctx, task.planId, row.id)
  return checkRowAfterChange(ctx, input.taskId, row.id)
}

export async function updateCheckSpec(
  ctx: CoreContext,
  input: ParsedInput<'checks.update'>,
): Promise<MethodOutput<'checks.update'>> {
  const row = requireCheck(ctx.db, input.checkId)
  inTransaction(ctx.db, () => updateCheck(ctx.db, row, { spec: input.spec, enabled: input.enabled }))
  // a new question, or a check switched on that has no history to answer from
  if (input.spec || (input.enabled === true && !hasHistory(ctx.db, row.id))) {
    await evaluateCheckNow(ctx, requireTask(ctx.db, row.taskId).planId, row.id)
  }
  return checkRowAfterChange(ctx, row.taskId, row.id)
}

export function removeCheck(ctx: CoreContext, checkId: number): MethodOutput<'checks.remove'> {
  const row = requireCheck(ctx.db, checkId)
  const removed = inTransaction(ctx.db, () => deleteCheck(ctx.db, row.id))
  ctx.emit('plans.changed', { planId: requireTask(ctx.db, row.taskId).planId })
  return { removed }
}
