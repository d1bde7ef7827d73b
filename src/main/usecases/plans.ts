import type { MethodOutput, ParsedInput } from '../../shared/contract'
import type { ParsedPlan } from '../../shared/plan-model'
import { AppError } from '../../shared/rpc'
import { addBaseline, baselineRefOf, listBaselines, versionIdByNo } from '../db/baseline-store'
import { storeDerivedChecks } from '../db/check-store'
import { inTransaction } from '../db/client'
import { reparseBasis, reparsePlanVersions, storeReparsedPlan } from '../db/plan-reparse'
import {
  deletePlan,
  listPlanIds,
  listVersions,
  readImportProfile,
  readVersionPlan,
  requirePlanRow,
  storePlan,
  storeReread,
  storedVersionBytes,
  summarizePlan,
  taskIdsByKey,
  updatePlanRow,
  type PlanOptions,
  type PlanPatch,
} from '../db/plan-store'
import { readSettings } from '../db/settings-store'
import { diffPlans } from '../plan/diff'
import type { CoreContext } from './context'
import { optionsFor, planReading, titledAfterFile, type PlanReading } from './plan-reading'
import { loadPlanSource, type LoadedSource } from './plan-source'
import { evaluateNewChecks } from './repos'

/** How often a write that found the plan changed under it (a concurrent import or edit) is computed again. */
const MAX_ATTEMPTS = 5

export async function previewPlan(
  ctx: CoreContext,
  input: ParsedInput<'plans.preview'>,
): Promise<MethodOutput<'plans.preview'>> {
  const source = loadPlanSource(input.source, ctx.files)
  const options = optionsFor(ctx, input.planId, input.options)
  const reading = await planReading(ctx)
  // a plan with no items found is still shown, with what the reader saw, so the lead can map it
  const outcome = reading.outcome(source.bytes, options)
  if (!outcome.ok && !outcome.reading) throw new AppError('bad-input', `${source.name}: ${outcome.error.message}`)
  const plan = titledAfterFile(
    reading.withCriteriaLint(outcome.ok ? outcome.plan : (outcome.reading as ParsedPlan)),
    source.name,
  )
  const profile = options.profile ?? null
  if (input.planId === undefined) return { plan, diff: null, profile }
  const previous = readVersionPlan(ctx.db, requirePlanRow(ctx.db, input.planId).currentVersionId)
  return { plan, diff: diffPlans(previous, plan), profile }
}

/** the days/week and hours/day the lead chose at import, stored with the version (one given resets the other) */
function importedPlanOptions(input: ParsedInput<'plans.import'>): PlanOptions | undefined {
  const options = input.options
  if (!options?.daysPerWeek && !options?.hoursPerDay) return undefined
  return { daysPerWeek: options.daysPerWeek ?? null, hoursPerDay: options.hoursPerDay ?? null }
}

/**
 * Stores a plan, or a new version of one: parsed and its checks derived first, then one short transaction holds the
 * version, its tasks and checks, the scope log and the plan's options. Another import of the same plan landing
 * meanwhile makes the diff stale: it is computed again.
 */
export async function importPlan(
  ctx: CoreContext,
  input: ParsedInput<'plans.import'>,
): Promise<MethodOutput<'plans.import'>> {
  const source = loadPlanSource(input.source, ctx.files)
  const reading = await planReading(ctx)
  const parsed = titledAfterFile(
    reading.parse(source.bytes, optionsFor(ctx, input.planId, input.options), source.name),
    source.name,
  )
  // the heavy part (checks derived from the plan's text, once for the lint and the store) before the write
  const derivations = reading.deriveAll(parsed.tasks)
  const plan = reading.withCriteriaLint(parsed, derivations)
  for (let attempt = 1; ; attempt++) {
    const stored = tryStoreImport(ctx, input, source, plan, derivations)
    if (stored) {
      await evaluateNewChecks(ctx, stored.planId)
      ctx.emit('plans.changed', { planId: stored.planId })
      return { ...stored, taskCount: plan.tasks.length, totalHours: plan.totals.estimateHours }
    }
    if (attempt === MAX_ATTEMPTS)
      throw new AppError('conflict', 'The plan kept changing while this version was stored; import it again')
  }
}

function tryStoreImport(
  ctx: CoreContext,
  input: ParsedInput<'plans.import'>,
  source: LoadedSource,
  plan: ParsedPlan,
  derivations: ReturnType<PlanReading['deriveAll']>,
) {
  const previousVersionId = input.planId === undefined ? null : requirePlanRow(ctx.db, input.planId).currentVersionId
  const diff = previousVersionId === null ? null : diffPlans(readVersionPlan(ctx.db, previousVersionId), plan)
  return inTransaction(ctx.db, () => {
    // another import of this plan landed meanwhile: the diff is against the wrong version, compute it again
    if (input.planId !== undefined && requirePlanRow(ctx.db, input.planId).currentVersionId !== previousVersionId)
      return null
    const stored = storePlan(ctx.db, {
      plan,
      sourceName: source.name,
      sourceBytes: source.bytes,
      sourceSha256: source.sha256,
      planId: input.planId,
      startDate: input.startDate,
      importProfile: input.options?.profile,
      planOptions: importedPlanOptions(input),
      now: ctx.now(),
      diff: diff ?? undefined,
      ...(input.rebaseline && input.planId !== undefined ? { rebaseline: input.rebaseline } : {}),
      onTasksStored: (stored) =>
        storeDerivedChecks(
          ctx.db,
          stored.map(({ taskId, task, isNew }) => ({ taskId, derived: derivations.get(task)!.checks, isNew })),
        ),
    })
    return { ...stored, diff }
  })
}

export function listPlans(ctx: CoreContext): MethodOutput<'plans.list'> {
  return listPlanIds(ctx.db).map((id) => summarizePlan(ctx.db, id))
}

export function getPlan(ctx: CoreContext, planId: number): MethodOutput<'plans.get'> {
  const row = requirePlanRow(ctx.db, planId)
  return {
    summary: summarizePlan(ctx.db, planId),
    settings: {
      startDate: row.startDate,
      daysPerWeek: row.daysPerWeek,
      hoursPerDay: row.hoursPerDay,
      profile: readImportProfile(ctx.db, planId),
    },
    plan: readVersionPlan(ctx.db, row.currentVersionId),
    versions: listVersions(ctx.db, planId),
    baselines: listBaselines(ctx.db, planId).map(baselineRefOf),
    taskIds: taskIdsByKey(ctx.db, planId),
  }
}

export async function updatePlan(
  ctx: CoreContext,
  input: ParsedInput<'plans.update'>,
): Promise<MethodOutput<'plans.update'>> {
  requirePlanRow(ctx.db, input.planId)
  const patch: PlanPatch = { updatedAt: ctx.now().toISOString() }
  if (input.title !== undefined) patch.title = input.title
  if (input.startDate !== undefined) patch.startDate = input.startDate
  if (input.daysPerWeek !== undefined) patch.daysPerWeek = input.daysPerWeek
  if (input.hoursPerDay !== undefined) patch.hoursPerDay = input.hoursPerDay
  // days/week and hours/day shape the schedule and derived estimates of every stored version
  const reparse = input.daysPerWeek !== undefined || input.hoursPerDay !== undefined
  if (reparse) updateWithReparse(ctx, input.planId, patch, await planReading(ctx))
  else inTransaction(ctx.db, () => updatePlanRow(ctx.db, input.planId, patch))
  ctx.emit('plans.changed', { planId: input.planId })
  return summarizePlan(ctx.db, input.planId)
}

/**
 * A days/week or hours/day change: every stored version is re-read first, outside any transaction (seconds for a
 * large plan); the write is then a quick swap. If the plan changed meanwhile (a new version, other settings), the
 * re-read is done again, so a concurrent edit is never overwritten and never waits on the re-read.
 */
function updateWithReparse(ctx: CoreContext, planId: number, patch: PlanPatch, reading: PlanReading) {
  const pending: Partial<PlanOptions> = {}
  if (patch.daysPerWeek !== undefined) pending.daysPerWeek = patch.daysPerWeek
  if (patch.hoursPerDay !== undefined) pending.hoursPerDay = patch.hoursPerDay
  for (let attempt = 1; ; attempt++) {
    const basis = reparseBasis(ctx.db, planId)
    const settingsBefore = JSON.stringify(readSettings(ctx.db))
    const options = optionsFor(ctx, planId, undefined, pending)
    // the criteria lint goes with every stored reading: a task's partly read criteria keep it from done (partlyReadCriteriaOf)
    const reparsed = reparsePlanVersions(ctx.db, planId, options, (bytes, parseOptions) =>
      reading.withCriteriaLint(reading.parse(bytes, parseOptions, 'stored plan')),
    )
    const stored = inTransaction(ctx.db, () => {
      if (reparseBasis(ctx.db, planId) !== basis || JSON.stringify(readSettings(ctx.db)) !== settingsBefore)
        return false
      updatePlanRow(ctx.db, planId, patch)
      if (reparsed) storeReparsedPlan(ctx.db, reparsed)
      return true
    })
    if (stored) return
    if (attempt === MAX_ATTEMPTS)
      throw new AppError('conflict', 'The plan kept changing while its versions were re-read; try again')
  }
}

export function rebaselinePlan(
  ctx: CoreContext,
  input: ParsedInput<'plans.rebaseline'>,
): MethodOutput<'plans.rebaseline'> {
  const row = requirePlanRow(ctx.db, input.planId)
  const versionId =
    input.versionNo === undefined ? row.currentVersionId : versionIdByNo(ctx.db, input.planId, input.versionNo)
  const baseline = inTransaction(ctx.db, () =>
    addBaseline(ctx.db, { planId: input.planId, versionId, reason: input.reason, now: ctx.now() }),
  )
  ctx.emit('plans.changed', { planId: input.planId })
  return { baseline: baselineRefOf(baseline), baselines: listBaselines(ctx.db, input.planId).map(baselineRefOf) }
}

/** The lead's reading of the plan: every stored version is read with it first; one that finds nothing changes nothing. */
export async function setPlanProfile(
  ctx: CoreContext,
  input: ParsedInput<'plans.setProfile'>,
): Promise<MethodOutput<'plans.setProfile'>> {
  const row = requirePlanRow(ctx.db, input.planId)
  const reading = await planReading(ctx)
  const options = optionsFor(ctx, input.planId, undefined)
  if (input.profile) options.profile = input.profile
  else delete options.profile
  const parsed = new Map(
    storedVersionBytes(ctx.db, input.planId).map((version) => [
      version.id,
      reading.parse(version.bytes, options, 'stored plan'),
    ]),
  )
  // the checks the current version's tasks imply, derived before the (short) write; every reading keeps its lint
  const derivations = reading.deriveAll(parsed.get(row.currentVersionId)?.tasks ?? [])
  const derived = new Map([...derivations].map(([task, d]) => [task, d.checks]))
  const readings = new Map(
    [...parsed].map(([id, plan]) => [
      id,
      reading.withCriteriaLint(plan, id === row.currentVersionId ? derivations : undefined),
    ]),
  )
  storeReread(ctx.db, input.planId, { value: input.profile, now: ctx.now() }, readings, diffPlans, (stored) =>
    storeDerivedChecks(
      ctx.db,
      stored.map(({ taskId, task, isNew }) => ({
        taskId,
        derived: derived.get(task) ?? reading.checksOf([task]).get(task)!,
        isNew,
      })),
    ),
  )
  await evaluateNewChecks(ctx, input.planId)
  ctx.emit('plans.changed', { planId: input.planId })
  return { summary: summarizePlan(ctx.db, input.planId), plan: readVersionPlan(ctx.db, row.currentVersionId) }
}

export function removePlan(ctx: CoreContext, planId: number): MethodOutput<'plans.remove'> {
  const removed = inTransaction(ctx.db, () => deletePlan(ctx.db, planId))
  ctx.emit('plans.changed', { planId: null })
  return { removed }
}
