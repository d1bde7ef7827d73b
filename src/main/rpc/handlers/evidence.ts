import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/rpc'
import { inTransaction } from '../../db/client'
import { checkRowsForTasks, requireCheck, toCheckRow } from '../../db/check-store'
import { checkResults, checks, tasks } from '../../db/schema'
import { checkKey, taskStateFromChecks } from '../../evidence'
import type { CoreContext } from '../context'
import type { HandlerGroup } from '../dispatch'

function requireTask(ctx: CoreContext, taskId: number) {
  const task = ctx.db.select().from(tasks).where(eq(tasks.id, taskId)).get()
  if (!task) throw new AppError('not-found', `No task with id ${taskId}`)
  return task
}

function changed(ctx: CoreContext, taskId: number) {
  const task = requireTask(ctx, taskId)
  ctx.emit('plans.changed', { planId: task.planId })
}

export const evidenceHandlers: HandlerGroup = {
  'evidence.forTask': (input, ctx) => {
    const task = requireTask(ctx, input.taskId)
    const rows = checkRowsForTasks(ctx.db, [task.id]).get(task.id) ?? []
    const enabled = rows.filter((r) => r.enabled)
    const evaluated = enabled.map((r) => r.result).filter((r) => r !== null)
    // checks never evaluated (no sync yet) leave the task undecided rather than "not started"
    const summary = evaluated.length === enabled.length ? taskStateFromChecks(evaluated) : null
    return {
      taskId: task.id,
      key: task.key,
      title: task.title,
      state: summary?.state ?? (enabled.length === 0 ? 'needs-confirmation' : 'unknown'),
      doneAt: summary?.doneAt?.date ?? null,
      checks: rows,
      hasUncommittedEvidence: summary?.hasUncommitted ?? false,
    }
  },
  'checks.add': (input, ctx) => {
    requireTask(ctx, input.taskId)
    const spec = { ...input.spec, origin: 'user' as const, sourceLine: input.spec.sourceLine ?? null }
    const row = inTransaction(ctx.db, () =>
      ctx.db
        .insert(checks)
        .values({
          taskId: input.taskId,
          checkKey: checkKey(spec),
          kind: spec.kind,
          specJson: JSON.stringify(spec),
          sentence: spec.sentence,
          sourceLine: spec.sourceLine,
          origin: 'user',
          enabled: spec.enabled ?? true,
        })
        .returning()
        .get(),
    )
    changed(ctx, input.taskId)
    return toCheckRow(row, null)
  },
  'checks.update': (input, ctx) => {
    const row = requireCheck(ctx.db, input.checkId)
    const patch: Partial<typeof checks.$inferInsert> = {}
    if (input.spec) {
      const spec = { ...input.spec, origin: row.origin }
      Object.assign(patch, { specJson: JSON.stringify(spec), kind: spec.kind, sentence: spec.sentence, checkKey: checkKey(spec), edited: row.origin === 'derived' ? true : row.edited })
    }
    if (input.enabled !== undefined) patch.enabled = input.enabled
    inTransaction(ctx.db, () => {
      // the old result answered another question
      if (input.spec) ctx.db.delete(checkResults).where(eq(checkResults.checkId, row.id)).run()
      if (Object.keys(patch).length > 0) ctx.db.update(checks).set(patch).where(eq(checks.id, row.id)).run()
    })
    changed(ctx, row.taskId)
    const updated = requireCheck(ctx.db, row.id)
    return checkRowsForTasks(ctx.db, [updated.taskId]).get(updated.taskId)!.find((c) => c.id === row.id)!
  },
  'checks.remove': (input, ctx) => {
    const row = requireCheck(ctx.db, input.checkId)
    const removed = inTransaction(ctx.db, () => ctx.db.delete(checks).where(eq(checks.id, row.id)).run().changes > 0)
    changed(ctx, row.taskId)
    return { removed }
  },
}
