import { and, eq, isNull } from 'drizzle-orm'
import { taskSchedule, type ParseOptions, type ParsedPlan } from '../../shared/plan-model'
import type { AppDatabase } from './client'
import { planVersions, plans, tasks } from './schema'

/** Every stored version of a plan re-read with new parse options; computed outside any transaction. */
export interface ReparsedPlan {
  planId: number
  currentVersionId: number | null
  /** version id → the re-read plan */
  versions: Map<number, ParsedPlan>
}

/**
 * Re-reads every stored version of a plan with new parse options (days/week, hours/day) from the bytes kept at
 * import. Only reads: the heavy part, done before the (short) write.
 */
export function reparsePlanVersions(
  db: AppDatabase,
  planId: number,
  options: ParseOptions,
  parse: (bytes: Uint8Array, options: ParseOptions) => ParsedPlan,
): ReparsedPlan | null {
  const plan = db.select().from(plans).where(eq(plans.id, planId)).get()
  if (!plan) return null
  const rows = db
    .select({ id: planVersions.id, sourceBytes: planVersions.sourceBytes })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .all()
  return {
    planId,
    currentVersionId: plan.currentVersionId,
    versions: new Map(rows.map((row) => [row.id, parse(row.sourceBytes, options)])),
  }
}

/** Writes a re-read plan: each version's parsed form and the current tasks' schedule and estimates (identity, statuses and checks untouched). */
export function storeReparsedPlan(db: AppDatabase, reparsed: ReparsedPlan): void {
  for (const [versionId, parsed] of reparsed.versions) {
    db.update(planVersions)
      .set({ parsedJson: JSON.stringify(parsed) })
      .where(eq(planVersions.id, versionId))
      .run()
    if (versionId !== reparsed.currentVersionId) continue
    for (const task of parsed.tasks) {
      db.update(tasks)
        .set(taskSchedule(task))
        .where(and(eq(tasks.planId, reparsed.planId), eq(tasks.key, task.key), isNull(tasks.removedInVersionId)))
        .run()
    }
  }
}

/** What a re-read depended on: if any of it changed before the write, the re-read is stale and is done again. */
export function reparseBasis(db: AppDatabase, planId: number): string {
  const plan = db
    .select({
      currentVersionId: plans.currentVersionId,
      daysPerWeek: plans.daysPerWeek,
      hoursPerDay: plans.hoursPerDay,
      importProfile: plans.importProfile,
    })
    .from(plans)
    .where(eq(plans.id, planId))
    .get()
  const versionIds = db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .all()
    .map((v) => v.id)
  return JSON.stringify({ plan, versionIds })
}
