import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/rpc'
import { inTransaction } from '../../db/client'
import { checkRowsForTasks, requireCheck, toCheckRow } from '../../db/check-store'
import { checkResults, checks, tasks } from '../../db/schema'
import { checkRole } from '../../../shared/check-model'
import { checkKey, taskEvidenceAt } from '../../evidence'
import { linkRows } from '../../db/repo-store'
import { syncPlanEvidence } from '../../services/evidence-sync'
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

/**
 * Re-evaluate instantly: a check just added, edited or enabled is evaluated on its own over the connected repos
 * (the other checks' cached history is untouched), so its task never waits for a sync. A plan with no repo, or a
 * sync already running (it will evaluate the check), leaves it for the next sync.
 */
async function evaluateNow(ctx: CoreContext, taskId: number, checkId: number): Promise<void> {
  const task = requireTask(ctx, taskId)
  if (ctx.sync.isRunning(task.planId) || linkRows(ctx.db, task.planId).length === 0) return
  await syncPlanEvidence(task.planId, { db: ctx.db, now: ctx.now, onlyCheckIds: [checkId] })
}

/** a result from before checks kept a history (or a disabled check's placeholder) cannot answer for the check */
function lacksHistory(ctx: CoreContext, checkId: number): boolean {
  const row = ctx.db.select().from(checkResults).where(eq(checkResults.checkId, checkId)).get()
  if (!row) return true
  const parsed = JSON.parse(row.resultJson) as { histories?: unknown[] }
  return !parsed.histories?.length
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
  'checks.add': async (input, ctx) => {
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
    await evaluateNow(ctx, input.taskId, row.id)
    changed(ctx, input.taskId)
    return checkRowsForTasks(ctx.db, [input.taskId]).get(input.taskId)!.find((c) => c.id === row.id)!
  },
  'checks.update': async (input, ctx) => {
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
    if (input.spec || (input.enabled === true && lacksHistory(ctx, row.id))) await evaluateNow(ctx, row.taskId, row.id)
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
