import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import {
  ImportProfileSchema,
  ParsedPlanSchema,
  taskSchedule,
  type ImportProfile,
  type ParsedPlan,
  type Task,
} from '../../shared/plan-model'
import type { PlanDiffData, PlanSummary } from '../../shared/contract/plans'
import type { ScopeChange } from '../../shared/progress-model'
import { AppError } from '../../shared/rpc'
import { addBaseline } from './baseline-store'
import { inTransaction, type AppDatabase } from './client'
import { phases, planRepos, planVersions, plans, scopeChanges, tasks } from './schema'

export interface StorePlanArgs {
  plan: ParsedPlan
  sourceName: string
  sourceBytes: Uint8Array
  sourceSha256: string
  /** re-import as a new version of this plan */
  planId?: number
  startDate?: string
  /** the lead's import profile (mapping step); undefined keeps the stored one */
  importProfile?: ImportProfile | null
  now: Date
  /** diff of the previous version to this one (re-import only) */
  diff?: PlanDiffData
  /** re-import only: freeze the new version as the plan's baseline, with the lead's reason */
  rebaseline?: { reason: string }
  /** called inside the transaction with the stored (new or mapped) tasks, to (re)derive their checks */
  onTasksStored?: (stored: StoredTask[]) => void
  /** the lead's days/week and hours/day for this plan, stored with the version (absent: keep the plan's) */
  planOptions?: PlanOptions
}

/** A plan's own days/week and hours/day (null: the plan's statement, else the global settings). */
export interface PlanOptions {
  daysPerWeek: number | null
  hoursPerDay: number | null
}

/** A task row written by an import: its id, the task it holds, and whether the row is new. */
export interface StoredTask {
  taskId: number
  task: Task
  isNew: boolean
}

export interface StoredPlan {
  planId: number
  versionId: number
  versionNo: number
}

function taskColumns(task: Task, sortOrder: number) {
  return {
    key: task.key,
    title: task.title,
    phaseIdx: task.phase,
    ...taskSchedule(task),
    claimedDone: task.claimedDone,
    line: task.line,
    sortOrder,
  }
}

/** Stores a parsed plan (new, or a new version of an existing one) in one transaction. */
export function storePlan(db: AppDatabase, args: StorePlanArgs): StoredPlan {
  return inTransaction(db, () => {
    const importedAt = args.now.toISOString()
    const planId = args.planId ?? insertPlanRow(db, args, importedAt)
    const versionNo = args.planId === undefined ? 1 : nextVersionNo(db, args.planId)
    const versionId = insertVersion(db, planId, versionNo, args, importedAt)
    if (versionNo === 1) {
      args.onTasksStored?.(insertNewTasks(db, planId, versionId, args.plan.tasks))
      db.update(plans).set({ currentVersionId: versionId }).where(eq(plans.id, planId)).run()
      addBaseline(db, { planId, versionId, reason: '', now: args.now })
    } else {
      applyReimport(db, planId, versionId, versionNo, args)
      const patch: Partial<typeof plans.$inferInsert> = {
        currentVersionId: versionId,
        title: args.plan.title,
        sourceName: args.sourceName,
        updatedAt: importedAt,
      }
      if (args.startDate) patch.startDate = args.startDate
      if (args.importProfile !== undefined) patch.importProfile = profileJson(args.importProfile)
      db.update(plans)
        .set({ ...patch, ...args.planOptions })
        .where(eq(plans.id, planId))
        .run()
      if (args.rebaseline) addBaseline(db, { planId, versionId, reason: args.rebaseline.reason, now: args.now })
    }
    return { planId, versionId, versionNo }
  })
}

function insertPlanRow(db: AppDatabase, args: StorePlanArgs, importedAt: string): number {
  const row = {
    title: args.plan.title,
    sourceName: args.sourceName,
    startDate: args.startDate ?? null,
    importProfile: profileJson(args.importProfile),
    updatedAt: importedAt,
    ...args.planOptions,
  }
  return db.insert(plans).values(row).returning({ id: plans.id }).get().id
}

function nextVersionNo(db: AppDatabase, planId: number): number {
  const existing = db.select().from(plans).where(eq(plans.id, planId)).get()
  if (!existing) throw new AppError('not-found', `No plan with id ${planId}`)
  const last = db
    .select({ versionNo: planVersions.versionNo })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.versionNo))
    .get()
  return (last?.versionNo ?? 0) + 1
}

/** the version's bytes exactly as imported, its reading and its phases */
function insertVersion(
  db: AppDatabase,
  planId: number,
  versionNo: number,
  args: StorePlanArgs,
  importedAt: string,
): number {
  const versionId = db
    .insert(planVersions)
    .values({
      planId,
      versionNo,
      sourceName: args.sourceName,
      sourceSha256: args.sourceSha256,
      sourceBytes: Buffer.from(args.sourceBytes),
      parsedJson: JSON.stringify(args.plan),
      importedAt,
    })
    .returning({ id: planVersions.id })
    .get().id
  args.plan.phases.forEach((phase, idx) =>
    db
      .insert(phases)
      .values({ planVersionId: versionId, idx, title: phase.title, weekStart: phase.weekStart, weekEnd: phase.weekEnd })
      .run(),
  )
  return versionId
}

function profileJson(profile: ImportProfile | null | undefined): string | null {
  return profile ? JSON.stringify(profile) : null
}

/** The plan's stored import profile, or null (a stored profile that no longer validates is ignored). */
export function readImportProfile(db: AppDatabase, planId: number): ImportProfile | null {
  const row = db.select({ importProfile: plans.importProfile }).from(plans).where(eq(plans.id, planId)).get()
  if (!row?.importProfile) return null
  const parsed = ImportProfileSchema.safeParse(JSON.parse(row.importProfile))
  return parsed.success ? parsed.data : null
}

export function writeImportProfile(db: AppDatabase, planId: number, profile: ImportProfile | null, now: Date): void {
  db.update(plans)
    .set({ importProfile: profileJson(profile), updatedAt: now.toISOString() })
    .where(eq(plans.id, planId))
    .run()
}

/** rows per INSERT: far below SQLite's 32,766 bound variables at a dozen columns a row */
const ROWS_PER_INSERT = 500

/** Inserts the tasks as new rows, a few hundred per statement (one statement per task cost a prepare each). */
function insertNewTasks(
  db: AppDatabase,
  planId: number,
  versionId: number,
  list: Task[],
  sortOf: (task: Task) => number = (task) => list.indexOf(task),
): StoredTask[] {
  const idByKey = new Map<string, number>()
  for (let start = 0; start < list.length; start += ROWS_PER_INSERT) {
    const rows = list
      .slice(start, start + ROWS_PER_INSERT)
      .map((task) => ({ planId, addedInVersionId: versionId, ...taskColumns(task, sortOf(task)) }))
    // RETURNING promises no order: the key (unique among a plan's live tasks) says which id is whose
    for (const row of db.insert(tasks).values(rows).returning({ id: tasks.id, key: tasks.key }).all())
      idByKey.set(row.key, row.id)
  }
  return list.map((task) => ({ taskId: idByKey.get(task.key)!, task, isNew: true }))
}

/** Maps the previous version's tasks onto the new ones: statuses, notes and user checks stay with their task. */
function applyReimport(db: AppDatabase, planId: number, versionId: number, versionNo: number, args: StorePlanArgs) {
  const diff = args.diff
  if (!diff) throw new Error('re-import needs the diff of the previous version')
  args.onTasksStored?.(syncTaskRows(db, planId, versionId, `v${versionNo}`, args.plan, diff))
  const date = args.now.toISOString().slice(0, 10)
  const nextByKey = new Map(args.plan.tasks.map((task) => [task.key, task]))
  const log = (
    kind: 'added' | 'removed' | 'reestimated',
    taskKey: string,
    title: string,
    hoursDelta: number,
    week: number | null,
  ) => db.insert(scopeChanges).values({ planId, versionId, date, kind, taskKey, title, hoursDelta, week }).run()
  for (const item of diff.added) log('added', item.key, item.title, item.estimateHours ?? 0, item.weekStart)
  for (const item of diff.removed) log('removed', item.key, item.title, -(item.estimateHours ?? 0), item.weekStart)
  for (const item of diff.reestimated)
    log(
      'reestimated',
      item.nextKey,
      item.title,
      (item.to ?? 0) - (item.from ?? 0),
      nextByKey.get(item.nextKey)?.weekStart ?? null,
    )
}

/** Brings the live task rows in line with a plan reading: mapped rows keep their id (and history), others come and go. */
function syncTaskRows(
  db: AppDatabase,
  planId: number,
  versionId: number,
  removedTag: string,
  plan: ParsedPlan,
  diff: PlanDiffData,
): StoredTask[] {
  const live = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedInVersionId)))
    .all()
  const byKey = new Map(live.map((row) => [row.key, row]))
  const nextByKey = new Map(plan.tasks.map((task, index) => [task.key, { task, index }]))

  // Keys move around on renumbering; park the mapped rows on unique temporary keys first.
  for (const row of live)
    db.update(tasks)
      .set({ key: `\u0000moving:${row.id}` })
      .where(eq(tasks.id, row.id))
      .run()
  const mappedNext = new Set<string>()
  const stored: StoredTask[] = []
  for (const { previousKey, nextKey } of diff.mapping) {
    const row = byKey.get(previousKey)
    const next = nextByKey.get(nextKey)
    if (!row || !next) continue
    mappedNext.add(nextKey)
    db.update(tasks).set(taskColumns(next.task, next.index)).where(eq(tasks.id, row.id)).run()
    byKey.delete(previousKey)
    stored.push({ taskId: row.id, task: next.task, isNew: false })
  }
  for (const row of byKey.values()) {
    db.update(tasks)
      .set({ key: `${row.key}#removed-${removedTag}-${row.id}`, removedInVersionId: versionId })
      .where(eq(tasks.id, row.id))
      .run()
  }
  const added = plan.tasks.filter((task) => !mappedNext.has(task.key))
  return [...stored, ...insertNewTasks(db, planId, versionId, added, (task) => nextByKey.get(task.key)!.index)]
}

/**
 * The lead corrected how the plan is read (mapping step): every stored version gets the new reading
 * (parsed beforehand, outside the transaction) and the live tasks follow the current one. This is a
 * correction of the reading, not a change of scope, so nothing is logged as added or removed.
 */
export function storeReread(
  db: AppDatabase,
  planId: number,
  profile: { value: ImportProfile | null; now: Date },
  readings: Map<number, ParsedPlan>,
  diff: (previous: ParsedPlan, next: ParsedPlan) => PlanDiffData,
  onTasksStored: StorePlanArgs['onTasksStored'],
): void {
  inTransaction(db, () => {
    const row = requirePlanRow(db, planId)
    const previous = readVersionPlan(db, row.currentVersionId)
    writeImportProfile(db, planId, profile.value, profile.now)
    for (const [versionId, plan] of readings) {
      db.update(planVersions)
        .set({ parsedJson: JSON.stringify(plan) })
        .where(eq(planVersions.id, versionId))
        .run()
      db.delete(phases).where(eq(phases.planVersionId, versionId)).run()
      plan.phases.forEach((phase, idx) =>
        db
          .insert(phases)
          .values({
            planVersionId: versionId,
            idx,
            title: phase.title,
            weekStart: phase.weekStart,
            weekEnd: phase.weekEnd,
          })
          .run(),
      )
    }
    const current = readings.get(row.currentVersionId)
    if (current)
      onTasksStored?.(syncTaskRows(db, planId, row.currentVersionId, 'reread', current, diff(previous, current)))
  })
}

/** Every stored version's bytes, for re-reading. */
export function storedVersionBytes(db: AppDatabase, planId: number): Array<{ id: number; bytes: Uint8Array }> {
  return db
    .select({ id: planVersions.id, bytes: planVersions.sourceBytes })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .all()
}

export function readVersionPlan(db: AppDatabase, versionId: number): ParsedPlan {
  const row = db
    .select({ parsedJson: planVersions.parsedJson })
    .from(planVersions)
    .where(eq(planVersions.id, versionId))
    .get()
  if (!row) throw new AppError('not-found', `No plan version ${versionId}`)
  return ParsedPlanSchema.parse(JSON.parse(row.parsedJson))
}

export function requirePlanRow(db: AppDatabase, planId: number) {
  const row = db.select().from(plans).where(eq(plans.id, planId)).get()
  if (!row || row.currentVersionId === null) throw new AppError('not-found', `No plan with id ${planId}`)
  return {
    ...row,
    currentVersionId: row.currentVersionId,
    baselineVersionId: row.baselineVersionId ?? row.currentVersionId,
  }
}

export function summarizePlan(db: AppDatabase, planId: number): PlanSummary {
  const row = requirePlanRow(db, planId)
  // read in SQL: listing many plans never parses (and validates) each whole stored reading
  const json = planVersions.parsedJson
  const version = db
    .select({
      planDate: sql<string | null>`json_extract(${json}, '$.date')`,
      taskCount: sql<number>`json_array_length(${json}, '$.tasks')`,
      totalHours: sql<number>`json_extract(${json}, '$.totals.estimateHours')`,
      weeks: sql<number>`json_extract(${json}, '$.weeks')`,
      importedAt: planVersions.importedAt,
    })
    .from(planVersions)
    .where(eq(planVersions.id, row.currentVersionId))
    .get()!
  const versionCount = db
    .select({ n: sql<number>`count(*)` })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .get()!.n
  const repoCount = db
    .select({ n: sql<number>`count(*)` })
    .from(planRepos)
    .where(eq(planRepos.planId, planId))
    .get()!.n
  return {
    id: planId,
    title: row.title,
    sourceName: row.sourceName,
    planDate: version.planDate,
    startDate: row.startDate ?? version.planDate,
    taskCount: version.taskCount,
    totalHours: version.totalHours,
    weeks: version.weeks,
    versionCount,
    importedAt: version.importedAt,
    lastSyncAt: row.lastSyncAt,
    repoCount,
  }
}

export function listPlanIds(db: AppDatabase): number[] {
  return db
    .select({ id: plans.id })
    .from(plans)
    .orderBy(asc(plans.id))
    .all()
    .map((r) => r.id)
}

export function taskIdsByKey(db: AppDatabase, planId: number): Record<string, number> {
  const rows = db
    .select({ id: tasks.id, key: tasks.key })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedInVersionId)))
    .all()
  return Object.fromEntries(rows.map((r) => [r.key, r.id]))
}

export type PlanPatch = Partial<
  Pick<typeof plans.$inferInsert, 'title' | 'startDate' | 'daysPerWeek' | 'hoursPerDay' | 'updatedAt' | 'lastSyncAt'>
>

export function updatePlanRow(db: AppDatabase, planId: number, patch: PlanPatch): void {
  db.update(plans).set(patch).where(eq(plans.id, planId)).run()
}

/** Deletes a plan and, by cascade, everything recorded about it. */
export function deletePlan(db: AppDatabase, planId: number): boolean {
  return db.delete(plans).where(eq(plans.id, planId)).run().changes > 0
}

export function listVersions(db: AppDatabase, planId: number) {
  return db
    .select({
      id: planVersions.id,
      versionNo: planVersions.versionNo,
      sourceName: planVersions.sourceName,
      importedAt: planVersions.importedAt,
    })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(planVersions.versionNo)
    .all()
}

/** When the plan was first imported (it dates a plan without a date of its own). */
export function firstImportedAt(db: AppDatabase, planId: number): string | null {
  const row = db
    .select({ importedAt: planVersions.importedAt })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.versionNo))
    .get()
  return row?.importedAt ?? null
}

/** The plan's scope log (added / removed / re-estimated tasks per import), oldest first. */
export function scopeChangesOf(db: AppDatabase, planId: number): ScopeChange[] {
  return db
    .select({ change: scopeChanges, versionNo: planVersions.versionNo })
    .from(scopeChanges)
    .innerJoin(planVersions, eq(planVersions.id, scopeChanges.versionId))
    .where(eq(scopeChanges.planId, planId))
    .orderBy(asc(scopeChanges.id))
    .all()
    .map(({ change: c, versionNo }) => ({
      date: c.date,
      kind: c.kind,
      taskKey: c.taskKey,
      title: c.title,
      hoursDelta: c.hoursDelta,
      week: c.week,
      versionNo,
    }))
}
