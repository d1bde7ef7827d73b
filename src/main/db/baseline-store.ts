import { and, asc, eq } from 'drizzle-orm'
import type { BaselineRef } from '../../shared/progress-model'
import { AppError } from '../../shared/rpc'
import type { AppDatabase } from './client'
import { planBaselines, planVersions, plans } from './schema'

export interface StoredBaseline extends BaselineRef {
  versionId: number
}

/** What the contract shows of a stored baseline. */
export function baselineRefOf({ versionId: _versionId, ...ref }: StoredBaseline): BaselineRef {
  return ref
}

/** A plan's baselines, oldest first (the first one is the original, the last one the plan's baseline). */
export function listBaselines(db: AppDatabase, planId: number): StoredBaseline[] {
  const rows = db
    .select({
      id: planBaselines.id,
      versionId: planBaselines.versionId,
      versionNo: planVersions.versionNo,
      setAt: planBaselines.setAt,
      reason: planBaselines.reason,
    })
    .from(planBaselines)
    .innerJoin(planVersions, eq(planVersions.id, planBaselines.versionId))
    .where(eq(planBaselines.planId, planId))
    .orderBy(asc(planBaselines.id))
    .all()
  return rows.map((row, index) => ({ ...row, original: index === 0, latest: index === rows.length - 1 }))
}

/**
 * Freezes a version of the plan as its new baseline (the newest baseline is the plan's). Called inside the
 * import's transaction for a first import or a re-import that rebaselines, and on its own for "Rebaseline".
 */
export function addBaseline(
  db: AppDatabase,
  args: { planId: number; versionId: number; reason: string; now: Date },
): StoredBaseline {
  const version = db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(and(eq(planVersions.id, args.versionId), eq(planVersions.planId, args.planId)))
    .get()
  if (!version) throw new AppError('not-found', `Plan ${args.planId} has no version with id ${args.versionId}`)
  db.insert(planBaselines)
    .values({
      planId: args.planId,
      versionId: args.versionId,
      reason: args.reason.trim(),
      setAt: args.now.toISOString(),
    })
    .run()
  db.update(plans).set({ baselineVersionId: args.versionId }).where(eq(plans.id, args.planId)).run()
  return listBaselines(db, args.planId).at(-1)!
}

/** The baseline progress is measured against: the one asked for, else the plan's newest. */
export function chooseBaseline(
  db: AppDatabase,
  planId: number,
  baselineId?: number,
): { chosen: StoredBaseline; original: StoredBaseline } | null {
  const all = listBaselines(db, planId)
  if (all.length === 0) return null
  const chosen = baselineId === undefined ? all.at(-1)! : all.find((baseline) => baseline.id === baselineId)
  if (!chosen) throw new AppError('not-found', `Plan ${planId} has no baseline with id ${baselineId}`)
  return { chosen, original: all[0] }
}

/** The plan version with the given number (for "rebaseline from version N"). */
export function versionIdByNo(db: AppDatabase, planId: number, versionNo: number): number {
  const row = db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.versionNo, versionNo)))
    .get()
  if (!row) throw new AppError('not-found', `Plan ${planId} has no version ${versionNo}`)
  return row.id
}
