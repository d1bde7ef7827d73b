import { desc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/rpc'
import { inTransaction } from '../../db/client'
import { taskStatuses, tasks } from '../../db/schema'
import type { HandlerGroup } from '../dispatch'

export const taskHandlers: HandlerGroup = {
  'tasks.setStatus': (input, ctx) => {
    const task = ctx.db.select({ id: tasks.id, planId: tasks.planId }).from(tasks).where(eq(tasks.id, input.taskId)).get()
    if (!task) throw new AppError('not-found', `No task with id ${input.taskId}`)
    const row = inTransaction(ctx.db, () =>
      ctx.db
        .insert(taskStatuses)
        .values({ taskId: input.taskId, status: input.status, note: input.note, date: input.date, createdAt: ctx.now().toISOString() })
        .returning()
        .get(),
    )
    ctx.emit('plans.changed', { planId: task.planId })
    return { id: row.id, status: row.status, note: row.note, date: row.date, createdAt: row.createdAt }
  },
  'tasks.history': (input, ctx) =>
    ctx.db
      .select({ id: taskStatuses.id, status: taskStatuses.status, note: taskStatuses.note, date: taskStatuses.date, createdAt: taskStatuses.createdAt })
      .from(taskStatuses)
      .where(eq(taskStatuses.taskId, input.taskId))
      .orderBy(desc(taskStatuses.id))
      .all(),
}
