import { eq } from 'drizzle-orm'
import type { ParseOptions, ParsedPlan } from '../../../shared/plan-model'
import { AppError } from '../../../shared/rpc'
import { inTransaction } from '../../db/client'
import { planVersions, plans } from '../../db/schema'
import { readSettings } from '../../db/settings-store'
import { reparseBasis, reparsePlanVersions, storeReparsedPlan } from '../../db/plan-reparse'
import { addBaseline, baselineRefOf, listBaselines, versionIdByNo } from '../../db/baseline-store'
import { listPlanIds, readImportProfile, readVersionPlan, requirePlanRow, storePlan, storeReread, storedVersionBytes, summarizePlan, taskIdsByKey } from '../../db/plan-store'
import { diffPlans, parsePlanBytes } from '../../plan'
import type { CoreContext } from '../context'
import type { HandlerGroup } from '../dispatch'
import { loadPlanSource } from './plan-source'
import { criteriaWarnings } from '../../services/criteria-lint'
import { deriveChecksForPlan, storeDerivedChecks } from './task-checks'

function parseOrThrow(bytes: Uint8Array, options: ParseOptions | undefined, name: string): ParsedPlan {
  const outcome = parsePlanBytes(bytes, options)
  if (!outcome.ok) throw new AppError('bad-input', `${name}: ${outcome.error.message}`)
  return outcome.plan
}

/** the plan with the criteria lint added: each criterion sentence no check could be compiled from */
function withCriteriaLint(plan: ParsedPlan, ctx: CoreContext): ParsedPlan {
  return { ...plan, warnings: [...plan.warnings, ...criteriaWarnings(plan, ctx.resourcesDir)] }
}

type PlanParseSettings = { daysPerWeek?: number | null; hoursPerDay?: number | null }

/**
 * Parse options: the caller's explicit choice, else the plan's own settings (as stored, or as about to be stored);
 * the global settings only fill in what the plan does not say (the parser lets the plan's stated days/week win over
 * a default).
 */
function optionsFor(ctx: CoreContext, planId: number | undefined, explicit: ParseOptions | undefined, pending: PlanParseSettings = {}): ParseOptions {
  const settings = readSettings(ctx.db)
  const options: ParseOptions = { defaultDaysPerWeek: settings.daysPerWeek, hoursPerDay: settings.hoursPerDay }
  if (planId !== undefined) {
    const row = { ...requirePlanRow(ctx.db, planId), ...pending }
    if (row.daysPerWeek) options.daysPerWeek = row.daysPerWeek
    if (row.hoursPerDay) options.hoursPerDay = row.hoursPerDay
  }
  if (explicit?.daysPerWeek) options.daysPerWeek = explicit.daysPerWeek
  if (explicit?.hoursPerDay) options.hoursPerDay = explicit.hoursPerDay
  // the lead's reading of the plan: the one given now, else the one stored with the plan
  const profile = explicit?.profile ?? (planId !== undefined ? readImportProfile(ctx.db, planId) : null)
  if (profile) options.profile = profile
  return options
}

const MAX_ATTEMPTS = 5

/**
 * A days/week or hours/day change: every stored version is re-read first, outside any transaction (seconds for a
 * large plan); the write is then a quick swap. If the plan changed meanwhile (a new version, other settings), the
 * re-read is done again, so a concurrent edit is never overwritten and never waits on the re-read.
 */
function updateWithReparse(ctx: CoreContext, planId: number, patch: Partial<typeof plans.$inferInsert>) {
  const pending = { daysPerWeek: patch.daysPerWeek, hoursPerDay: patch.hoursPerDay }
  for (const key of Object.keys(pending) as (keyof typeof pending)[]) if (pending[key] === undefined) delete pending[key]
  for (let attempt = 1; ; attempt++) {
    const basis = reparseBasis(ctx.db, planId)
    const settingsBefore = JSON.stringify(readSettings(ctx.db))
    const reparsed = reparsePlanVersions(ctx.db, planId, optionsFor(ctx, planId, undefined, pending), (bytes, options) => parseOrThrow(bytes, options, 'stored plan'))
    const stored = inTransaction(ctx.db, () => {
      if (reparseBasis(ctx.db, planId) !== basis || JSON.stringify(readSettings(ctx.db)) !== settingsBefore) return false
      ctx.db.update(plans).set(patch).where(eq(plans.id, planId)).run()
      if (reparsed) storeReparsedPlan(ctx.db, reparsed)
      return true
    })
    if (stored) return
    if (attempt === MAX_ATTEMPTS) throw new AppError('conflict', 'The plan kept changing while its versions were re-read; try again')
  }
}

export const planHandlers: HandlerGroup = {
  'plans.preview': (input, ctx) => {
    const source = loadPlanSource(input.source, ctx.files)
    const options = optionsFor(ctx, input.planId, input.options)
    // a plan with no items found is still shown, with what the reader saw, so the lead can map it
    const outcome = parsePlanBytes(source.bytes, options)
    if (!outcome.ok && !outcome.reading) throw new AppError('bad-input', `${source.name}: ${outcome.error.message}`)
    const plan = withCriteriaLint(outcome.ok ? outcome.plan : (outcome.reading as ParsedPlan), ctx)
    const profile = options.profile ?? null
    if (input.planId === undefined) return { plan, diff: null, profile }
    const previous = readVersionPlan(ctx.db, requirePlanRow(ctx.db, input.planId).currentVersionId)
    return { plan, diff: diffPlans(previous, plan), profile }
  },
  'plans.import': (input, ctx) => {
    const source = loadPlanSource(input.source, ctx.files)
    const plan = withCriteriaLint(parseOrThrow(source.bytes, optionsFor(ctx, input.planId, input.options), source.name), ctx)
    // the heavy part (checks derived from the plan's text) before the write
    const derived = deriveChecksForPlan(ctx, plan.tasks)
    for (let attempt = 1; ; attempt++) {
      const previousVersionId = input.planId === undefined ? null : requirePlanRow(ctx.db, input.planId).currentVersionId
      const diff = previousVersionId === null ? null : diffPlans(readVersionPlan(ctx.db, previousVersionId), plan)
      const stored = inTransaction(ctx.db, () => {
        // another import of this plan landed meanwhile: the diff is against the wrong version, compute it again
        if (input.planId !== undefined && requirePlanRow(ctx.db, input.planId).currentVersionId !== previousVersionId) return null
        const result = storePlan(ctx.db, {
          plan,
          sourceName: source.name,
          sourceBytes: source.bytes,
          sourceSha256: source.sha256,
          planId: input.planId,
          startDate: input.startDate,
          importProfile: input.options?.profile,
          now: ctx.now(),
          diff: diff ?? undefined,
          ...(input.rebaseline && input.planId !== undefined ? { rebaseline: input.rebaseline } : {}),
          onTaskStored: (taskId, task, isNew) => storeDerivedChecks(ctx, taskId, derived.get(task)!, isNew),
        })
        if (input.options?.daysPerWeek || input.options?.hoursPerDay) {
          ctx.db
            .update(plans)
            .set({ daysPerWeek: input.options.daysPerWeek ?? null, hoursPerDay: input.options.hoursPerDay ?? null })
            .where(eq(plans.id, result.planId))
            .run()
        }
        return result
      })
      if (stored) {
        ctx.emit('plans.changed', { planId: stored.planId })
        return { ...stored, taskCount: plan.tasks.length, totalHours: plan.totals.estimateHours, diff }
      }
      if (attempt === MAX_ATTEMPTS) throw new AppError('conflict', 'The plan kept changing while this version was stored; import it again')
    }
  },
  'plans.list': (_input, ctx) => listPlanIds(ctx.db).map((id) => summarizePlan(ctx.db, id)),
  'plans.get': (input, ctx) => {
    const row = requirePlanRow(ctx.db, input.planId)
    const versions = ctx.db
      .select({ id: planVersions.id, versionNo: planVersions.versionNo, sourceName: planVersions.sourceName, importedAt: planVersions.importedAt })
      .from(planVersions)
      .where(eq(planVersions.planId, input.planId))
      .orderBy(planVersions.versionNo)
      .all()
    return {
      summary: summarizePlan(ctx.db, input.planId),
      settings: { startDate: row.startDate, daysPerWeek: row.daysPerWeek, hoursPerDay: row.hoursPerDay, profile: readImportProfile(ctx.db, input.planId) },
      plan: readVersionPlan(ctx.db, row.currentVersionId),
      versions,
      baselines: listBaselines(ctx.db, input.planId).map(baselineRefOf),
      taskIds: taskIdsByKey(ctx.db, input.planId),
    }
  },
  'plans.update': (input, ctx) => {
    requirePlanRow(ctx.db, input.planId)
    const patch: Partial<typeof plans.$inferInsert> = { updatedAt: ctx.now().toISOString() }
    if (input.title !== undefined) patch.title = input.title
    if (input.startDate !== undefined) patch.startDate = input.startDate
    if (input.daysPerWeek !== undefined) patch.daysPerWeek = input.daysPerWeek
    if (input.hoursPerDay !== undefined) patch.hoursPerDay = input.hoursPerDay
    // days/week and hours/day shape the schedule and derived estimates of every stored version
    const reparse = input.daysPerWeek !== undefined || input.hoursPerDay !== undefined
    if (reparse) updateWithReparse(ctx, input.planId, patch)
    else inTransaction(ctx.db, () => ctx.db.update(plans).set(patch).where(eq(plans.id, input.planId)).run())
    ctx.emit('plans.changed', { planId: input.planId })
    return summarizePlan(ctx.db, input.planId)
  },
  'plans.rebaseline': (input, ctx) => {
    const row = requirePlanRow(ctx.db, input.planId)
    const versionId = input.versionNo === undefined ? row.currentVersionId : versionIdByNo(ctx.db, input.planId, input.versionNo)
    const baseline = inTransaction(ctx.db, () => addBaseline(ctx.db, { planId: input.planId, versionId, reason: input.reason, now: ctx.now() }))
    ctx.emit('plans.changed', { planId: input.planId })
    return { baseline: baselineRefOf(baseline), baselines: listBaselines(ctx.db, input.planId).map(baselineRefOf) }
  },
  'plans.setProfile': (input, ctx) => {
    const row = requirePlanRow(ctx.db, input.planId)
    const options = optionsFor(ctx, input.planId, undefined)
    if (input.profile) options.profile = input.profile
    else delete options.profile
    // read every version with the new mapping first: a mapping that finds nothing is refused and nothing changes
    const readings = new Map(storedVersionBytes(ctx.db, input.planId).map((version) => [version.id, parseOrThrow(version.bytes, options, 'stored plan')]))
    // the checks the current version's tasks imply, derived before the (short) write
    const derived = deriveChecksForPlan(ctx, readings.get(row.currentVersionId)?.tasks ?? [])
    storeReread(ctx.db, input.planId, { value: input.profile, now: ctx.now() }, readings, diffPlans, (taskId, task, isNew) =>
      storeDerivedChecks(ctx, taskId, derived.get(task) ?? deriveChecksForPlan(ctx, [task]).get(task)!, isNew),
    )
    ctx.emit('plans.changed', { planId: input.planId })
    return { summary: summarizePlan(ctx.db, input.planId), plan: readVersionPlan(ctx.db, row.currentVersionId) }
  },
  'plans.remove': (input, ctx) => {
    const result = inTransaction(ctx.db, () => ctx.db.delete(plans).where(eq(plans.id, input.planId)).run())
    ctx.emit('plans.changed', { planId: null })
    return { removed: result.changes > 0 }
  },
}
