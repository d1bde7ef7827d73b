import type { MethodOutput, ParsedInput } from '../../shared/contract'
import { inTransaction } from '../db/client'
import { addTaskStatus, requireTask, taskStatusHistory } from '../db/task-store'
import type { CoreContext } from './context'

export function setTaskStatus(
  ctx: CoreContext,
  input: ParsedInput<'tasks.setStatus'>,
): MethodOutput<'tasks.setStatus'> {
  const task = requireTask(ctx.db, input.taskId)
  const entry = {
    taskId: input.taskId,
    status: input.status,
    note: input.note,
    date: input.date,
    createdAt: ctx.now().toISOString(),
  }
  const stored = inTransaction(ctx.db, () => addTaskStatus(ctx.db, entry))
  ctx.emit('plans.changed', { planId: task.planId })
  return stored
}

export function taskHistory(ctx: CoreContext, taskId: number): MethodOutput<'tasks.history'> {
  return taskStatusHistory(ctx.db, taskId)
}
