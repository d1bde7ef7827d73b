import { eq, inArray } from 'drizzle-orm'
import { CheckResultSchema, CheckSpecSchema, type CheckResult } from '../../shared/check-model'
import type { CheckRow } from '../../shared/contract/evidence'
import { AppError } from '../../shared/rpc'
import type { AppDatabase } from './client'
import { checkResults, checks } from './schema'

type CheckDbRow = typeof checks.$inferSelect

export function requireCheck(db: AppDatabase, checkId: number): CheckDbRow {
  const row = db.select().from(checks).where(eq(checks.id, checkId)).get()
  if (!row) throw new AppError('not-found', `No check with id ${checkId}`)
  return row
}

export function resultsByCheck(db: AppDatabase, checkIds: number[]): Map<number, CheckResult> {
  const map = new Map<number, CheckResult>()
  if (checkIds.length === 0) return map
  for (const row of db.select().from(checkResults).where(inArray(checkResults.checkId, checkIds)).all()) {
    const parsed = CheckResultSchema.safeParse(JSON.parse(row.resultJson))
    if (parsed.success) map.set(row.checkId, parsed.data)
  }
  return map
}

export function toCheckRow(row: CheckDbRow, result: CheckResult | null): CheckRow {
  const spec = { ...CheckSpecSchema.parse(JSON.parse(row.specJson)), enabled: row.enabled, origin: row.origin }
  return { id: row.id, taskId: row.taskId, spec, origin: row.origin, enabled: row.enabled, edited: row.edited, result }
}

export function checkRowsForTasks(db: AppDatabase, taskIds: number[]): Map<number, CheckRow[]> {
  const byTask = new Map<number, CheckRow[]>()
  if (taskIds.length === 0) return byTask
  const rows = db.select().from(checks).where(inArray(checks.taskId, taskIds)).orderBy(checks.id).all()
  const results = resultsByCheck(
    db,
    rows.map((r) => r.id),
  )
  for (const row of rows) {
    const list = byTask.get(row.taskId) ?? []
    list.push(toCheckRow(row, results.get(row.id) ?? null))
    byTask.set(row.taskId, list)
  }
  return byTask
}
