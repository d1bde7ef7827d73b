import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import type { Task } from '../../../shared/plan-model'
import { checks } from '../../db/schema'
import { checkKey, deriveChecks, loadToolMap, type ToolMap } from '../../evidence'
import type { CoreContext } from '../context'

const toolMaps = new Map<string, ToolMap>()

/** The editable tool → package/file mapping shipped in resources/ (read once per resources folder). */
export function toolMapFor(resourcesDir: string): ToolMap {
  let map = toolMaps.get(resourcesDir)
  if (!map) {
    map = loadToolMap(JSON.parse(readFileSync(join(resourcesDir, 'tool-packages.json'), 'utf8')))
    toolMaps.set(resourcesDir, map)
  }
  return map
}

/**
 * (Re)derives a task's checks from its plan text. On re-import the derived checks are replaced, while checks the
 * user wrote or edited stay as they are.
 */
export function deriveAndStoreChecks(ctx: CoreContext, taskId: number, task: Task, isNew: boolean): void {
  const derived = deriveChecks(task, { toolMap: toolMapFor(ctx.resourcesDir) })
  const kept = new Set<string>()
  if (!isNew) {
    const existing = ctx.db.select().from(checks).where(eq(checks.taskId, taskId)).all()
    for (const row of existing) {
      if (row.origin === 'user' || row.edited || !row.enabled) kept.add(row.checkKey)
      else ctx.db.delete(checks).where(and(eq(checks.id, row.id))).run()
    }
  }
  for (const spec of derived) {
    const key = checkKey(spec)
    if (kept.has(key)) continue
    kept.add(key)
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
