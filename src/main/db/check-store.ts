import { and, eq, inArray, isNull } from 'drizzle-orm'
import { CheckResultSchema, CheckSpecSchema, type CheckResult, type CheckSpec } from '../../shared/check-model'
import type { CheckRow } from '../../shared/contract/checks'
import { AppError } from '../../shared/rpc'
import { checkKey } from '../evidence/check-key'
import type { AppDatabase } from './client'
import { checkResults, checks, tasks } from './schema'

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

function toCheckRow(row: CheckDbRow, result: CheckResult | null): CheckRow {
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

/** A check the lead wrote (it survives re-import). */
export function insertUserCheck(
  db: AppDatabase,
  taskId: number,
  spec: CheckSpec & { sourceLine: number | null },
): CheckDbRow {
  return db
    .insert(checks)
    .values({
      taskId,
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
}

/**
 * Edits a check: a new spec (an edited derived check is kept by re-imports) drops its old result, which answered
 * another question; `enabled` switches it on or off.
 */
export function updateCheck(db: AppDatabase, row: CheckDbRow, change: { spec?: CheckSpec; enabled?: boolean }): void {
  const patch: Partial<typeof checks.$inferInsert> = {}
  if (change.spec) {
    const spec = { ...change.spec, origin: row.origin }
    const edited = row.origin === 'derived' ? true : row.edited
    Object.assign(patch, {
      specJson: JSON.stringify(spec),
      kind: spec.kind,
      sentence: spec.sentence,
      checkKey: checkKey(spec),
      edited,
    })
    db.delete(checkResults).where(eq(checkResults.checkId, row.id)).run()
  }
  if (change.enabled !== undefined) patch.enabled = change.enabled
  if (Object.keys(patch).length > 0) db.update(checks).set(patch).where(eq(checks.id, row.id)).run()
}

export function deleteCheck(db: AppDatabase, checkId: number): boolean {
  return db.delete(checks).where(eq(checks.id, checkId)).run().changes > 0
}

/** a result from before checks kept a history (or a disabled check's placeholder) cannot answer for the check */
export function hasHistory(db: AppDatabase, checkId: number): boolean {
  const row = db
    .select({ resultJson: checkResults.resultJson })
    .from(checkResults)
    .where(eq(checkResults.checkId, checkId))
    .get()
  if (!row) return false
  const parsed = JSON.parse(row.resultJson) as { histories?: unknown[] }
  return Boolean(parsed.histories?.length)
}

/**
 * Stores a task's derived checks. On re-import the derived checks are replaced, while checks the user wrote or
 * edited stay as they are.
 */
/** The checks a stored task's text implies now, and whether the task row is new (nothing of its own to keep). */
export interface DerivedChecksOf {
  taskId: number
  derived: CheckSpec[]
  isNew: boolean
}

const CHECK_ROWS_PER_INSERT = 1000

/**
 * Stores the checks each task derives. A task row that existed keeps a check that is still derived (with its
 * evidence) and one the user wrote, edited or disabled; a derived check the plan no longer implies goes. The new
 * rows go in a few statements for the whole import.
 */
export function storeDerivedChecks(db: AppDatabase, entries: DerivedChecksOf[]): void {
  const present = keptCheckKeys(
    db,
    entries.filter((entry) => !entry.isNew),
  )
  const rows: (typeof checks.$inferInsert)[] = []
  for (const { taskId, derived } of entries) {
    const seen = present.get(taskId) ?? new Set<string>()
    for (const spec of derived) {
      const key = checkKey(spec)
      if (seen.has(key)) continue
      seen.add(key)
      rows.push({
        taskId,
        checkKey: key,
        kind: spec.kind,
        specJson: JSON.stringify(spec),
        sentence: spec.sentence,
        sourceLine: spec.sourceLine ?? null,
        origin: 'derived',
      })
    }
  }
  for (let start = 0; start < rows.length; start += CHECK_ROWS_PER_INSERT)
    db.insert(checks)
      .values(rows.slice(start, start + CHECK_ROWS_PER_INSERT))
      .run()
}

/** For tasks that already had rows: the check keys they keep; the derived checks they no longer imply are deleted. */
function keptCheckKeys(db: AppDatabase, existing: DerivedChecksOf[]): Map<number, Set<string>> {
  const present = new Map<number, Set<string>>()
  if (existing.length === 0) return present
  const derivedKeys = new Map(existing.map((entry) => [entry.taskId, new Set(entry.derived.map(checkKey))]))
  const gone: number[] = []
  for (const row of db
    .select()
    .from(checks)
    .where(inArray(checks.taskId, [...derivedKeys.keys()]))
    .all()) {
    const userOwned = row.origin === 'user' || row.edited || !row.enabled
    if (!userOwned && !derivedKeys.get(row.taskId)?.has(row.checkKey)) {
      gone.push(row.id)
      continue
    }
    const keys = present.get(row.taskId) ?? new Set<string>()
    keys.add(row.checkKey)
    present.set(row.taskId, keys)
  }
  if (gone.length > 0) db.delete(checks).where(inArray(checks.id, gone)).run()
  return present
}

/** Results of a plan's checks are stale once its repos change; the next sync recomputes them. */
export function dropPlanResults(db: AppDatabase, planId: number): void {
  const checkIds = db
    .select({ id: checks.id })
    .from(checks)
    .innerJoin(tasks, eq(tasks.id, checks.taskId))
    .where(eq(tasks.planId, planId))
    .all()
    .map((c) => c.id)
  if (checkIds.length > 0) db.delete(checkResults).where(inArray(checkResults.checkId, checkIds)).run()
}

/** The plan's enabled checks that no evaluation has given a result yet (added or changed by an import, say). */
export function unevaluatedCheckIds(db: AppDatabase, planId: number): number[] {
  return db
    .select({ id: checks.id })
    .from(checks)
    .innerJoin(tasks, eq(tasks.id, checks.taskId))
    .leftJoin(checkResults, eq(checkResults.checkId, checks.id))
    .where(
      and(
        eq(tasks.planId, planId),
        isNull(tasks.removedInVersionId),
        eq(checks.enabled, true),
        isNull(checkResults.checkId),
      ),
    )
    .all()
    .map((row) => row.id)
}

/** The checks of these tasks with their specs (the enabled flag from the row), for an evaluation. */
export function checkInputsOf(db: AppDatabase, taskIds: number[]): Array<{ row: CheckDbRow; spec: CheckSpec }> {
  if (taskIds.length === 0) return []
  return db
    .select()
    .from(checks)
    .where(inArray(checks.taskId, taskIds))
    .all()
    .map((row) => ({ row, spec: { ...CheckSpecSchema.parse(JSON.parse(row.specJson)), enabled: row.enabled } }))
}

export type CheckResultValues = {
  checkId: number
  repoId: number | null
  headSha: string | null
  resultJson: string
}

/**
 * Each check's latest evaluation (one row per check), all evaluated at `evaluatedAt`. A result equal to the stored
 * one only has its time moved, in one statement per 500 checks: a re-sync with nothing new rewrites no result.
 */
export function storeCheckResults(db: AppDatabase, results: CheckResultValues[], evaluatedAt: string): void {
  const stored = new Map(
    chunks(results.map((r) => r.checkId)).flatMap((ids) =>
      db
        .select({
          checkId: checkResults.checkId,
          repoId: checkResults.repoId,
          headSha: checkResults.headSha,
          resultJson: checkResults.resultJson,
        })
        .from(checkResults)
        .where(inArray(checkResults.checkId, ids))
        .all()
        .map((row) => [row.checkId, row] as const),
    ),
  )
  const same = (r: CheckResultValues) => {
    const row = stored.get(r.checkId)
    return row !== undefined && row.resultJson === r.resultJson && row.repoId === r.repoId && row.headSha === r.headSha
  }
  for (const ids of chunks(results.filter(same).map((r) => r.checkId)))
    db.update(checkResults).set({ evaluatedAt }).where(inArray(checkResults.checkId, ids)).run()
  for (const { checkId, ...values } of results.filter((r) => !same(r))) {
    const row = { ...values, evaluatedAt }
    db.insert(checkResults)
      .values({ checkId, ...row })
      .onConflictDoUpdate({ target: checkResults.checkId, set: row })
      .run()
  }
}

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
