import type { CheckSpec } from '../../shared/check-model'
import type { ParseOptions, ParsedPlan, Task } from '../../shared/plan-model'
import { AppError } from '../../shared/rpc'
import { readImportProfile, requirePlanRow, type PlanOptions } from '../db/plan-store'
import { readSettings } from '../db/settings-store'
import { deriveTaskChecks, type DerivedChecks } from '../evidence'
import { basename } from 'node:path'
import { parsePlanBytes, UNTITLED_PLAN } from '../plan'
import { criteriaWarnings } from '../services/criteria-lint'
import type { CoreContext } from './context'

/** How plans are read for the use cases: parse options, the parse itself, the criteria lint, derived checks. */

/** A plan without a title heading is named after its file ("rollout-plan.md" → "rollout-plan"). */
export function titledAfterFile(plan: ParsedPlan, fileName: string): ParsedPlan {
  if (plan.title !== UNTITLED_PLAN) return plan
  const stem = basename(fileName)
    .replace(/\.[^.]+$/, '')
    .trim()
  return stem ? { ...plan, title: stem } : plan
}

export function parseOrThrow(bytes: Uint8Array, options: ParseOptions | undefined, name: string): ParsedPlan {
  const outcome = parsePlanBytes(bytes, options)
  if (!outcome.ok) throw new AppError('bad-input', `${name}: ${outcome.error.message}`)
  return outcome.plan
}

/** the plan with the criteria lint added: each criterion sentence no check could be compiled from */
/** The plan with a warning for each criterion sentence no check could be derived from; `derived` reuses derivations. */
export function withCriteriaLint(plan: ParsedPlan, ctx: CoreContext, derived?: Map<Task, DerivedChecks>): ParsedPlan {
  const toolMap = ctx.toolMap()
  const derivationOf = (task: Task) => derived?.get(task) ?? deriveTaskChecks(task, { toolMap })
  return { ...plan, warnings: [...plan.warnings, ...criteriaWarnings(plan, derivationOf)] }
}

/**
 * Parse options: the caller's explicit choice, else the plan's own settings (as stored, or as about to be stored);
 * the global settings only fill in what the plan does not say (the parser lets the plan's stated days/week win over
 * a default).
 */
export function optionsFor(
  ctx: CoreContext,
  planId: number | undefined,
  explicit: ParseOptions | undefined,
  pending: Partial<PlanOptions> = {},
): ParseOptions {
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

/** The checks each task's plan text implies (computation only: done before the import's transaction). */
export function deriveChecksForPlan(ctx: CoreContext, list: Task[]): Map<Task, CheckSpec[]> {
  return new Map([...deriveAllForPlan(ctx, list)].map(([task, derived]) => [task, derived.checks]))
}

/** Each task's checks and the criterion sentences none could be read from, derived once. */
export function deriveAllForPlan(ctx: CoreContext, list: Task[]): Map<Task, DerivedChecks> {
  const toolMap = ctx.toolMap()
  return new Map(list.map((task) => [task, deriveTaskChecks(task, { toolMap })]))
}
