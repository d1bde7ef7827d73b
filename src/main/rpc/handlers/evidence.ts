import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/rpc'
import { inTransaction } from '../../db/client'
import { checkRowsForTasks, requireCheck, toCheckRow } from '../../db/check-store'
import { checkResults, checks, tasks } from '../../db/schema'
import { checkRole } from '../../../shared/check-model'
import { checkKey, taskEvidenceAt } from '../../evidence'
import { explainTask } from '../../services/explain-task'
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
    const summary = taskEvidenceAt(
      rows.map((r) => ({ spec: r.spec, enabled: r.enabled, result: r.result })),
      null,
    )
    // criteria never evaluated (no sync yet) leave the task undecided rather than "not started"
    const unsynced = rows.some((r) => r.enabled && r.result === null && checkRole(r.spec) === 'criterion')
    return {
      taskId: task.id,
      key: task.key,
      title: task.title,
      state: unsynced ? 'unknown' : summary.state,
      doneAt: unsynced ? null : (summary.doneAt?.commit.date ?? null),
      checks: rows,
      hasUncommittedEvidence: summary.hasUncommitted,
      reason: summary.reason === 'no-criteria' ? 'no-criteria' : unsynced ? 'not-synced' : summary.reason,
    }
  },
  'evidence.explain': (input, ctx) => explainTask(ctx.db, input.planId, input.taskKey, input.asOf, ctx.now(), ctx.resourcesDir),
  'checks.add': (input, ctx) => {
    requireTask(ctx, input.taskId)
    const spec = { ...input.spec, origin: 'user' as const, sourceLine: input.spec.sourceLine ?? null }
    const row = ctx.db
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
      .get()
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
    const removed = ctx.db.delete(checks).where(eq(checks.id, row.id)).run().changes > 0
    changed(ctx, row.taskId)
    return { removed }
  },
}
