import { eq } from 'drizzle-orm'
import type { Task } from '../../../shared/plan-model'
import type { CheckSpec } from '../../../shared/check-model'
import { checks } from '../../db/schema'
import { checkKey, deriveChecks } from '../../evidence'
import { toolMapFor } from '../../services/tool-map'
import type { CoreContext } from '../context'

export { toolMapFor }

/** The checks each task's plan text implies (computation only: done before the import's transaction). */
export function deriveChecksForPlan(ctx: CoreContext, list: Task[]): Map<Task, CheckSpec[]> {
  const toolMap = toolMapFor(ctx.resourcesDir)
  return new Map(list.map((task) => [task, deriveChecks(task, { toolMap })]))
}

/**
 * Stores a task's derived checks. On re-import the derived checks are replaced, while checks the user wrote or
 * edited stay as they are.
 */
export function storeDerivedChecks(ctx: CoreContext, taskId: number, derived: CheckSpec[], isNew: boolean): void {
  const derivedKeys = new Set(derived.map(checkKey))
  const present = new Set<string>()
  if (!isNew) {
    // a check that is still derived keeps its row (and its evidence); one the plan no longer implies goes,
    // unless the user wrote, edited or disabled it
    for (const row of ctx.db.select().from(checks).where(eq(checks.taskId, taskId)).all()) {
      const userOwned = row.origin === 'user' || row.edited || !row.enabled
      if (userOwned || derivedKeys.has(row.checkKey)) present.add(row.checkKey)
      else ctx.db.delete(checks).where(eq(checks.id, row.id)).run()
    }
  }
  for (const spec of derived) {
    const key = checkKey(spec)
    if (present.has(key)) continue
    present.add(key)
    ctx.db
      .insert(checks)
      .values({
        taskId,
        checkKey: key,
        kind: spec.kind,
        specJson: JSON.stringify(spec),
        sentence: spec.sentence,
        sourceLine: spec.sourceLine ?? null,
        origin: 'derived',
      })
      .run()
  }
}
