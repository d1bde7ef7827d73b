import type { CheckSpec } from '../../shared/check-model'
import type { ParseOptions, ParsedPlan, Task } from '../../shared/plan-model'
import { AppError } from '../../shared/rpc'
import { readImportProfile, requirePlanRow, type PlanOptions } from '../db/plan-store'
import { readSettings } from '../db/settings-store'
import type { DerivedChecks } from '../evidence/derive'
import { basename } from 'node:path'
import { loadCheckDerivation, loadPlanReader } from '../engines'
import type { ParseOutcome } from '../plan'
import { UNTITLED_PLAN } from '../plan/untitled'
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

/** The plan reader and check derivation, for one use case: loaded on first use (../engines). */
export interface PlanReading {
  /** the reader's outcome: a failed read that got as far as a reading keeps it (the mapping step shows it) */
  outcome(bytes: Uint8Array, options: ParseOptions | undefined): ParseOutcome
  /** the plan, or a bad-input error naming the source */
  parse(bytes: Uint8Array, options: ParseOptions | undefined, name: string): ParsedPlan
  /** The plan with a warning for each criterion sentence no check could be derived from; `derived` reuses derivations. */
  withCriteriaLint(plan: ParsedPlan, derived?: Map<Task, DerivedChecks>): ParsedPlan
  /** each task's checks and the criterion sentences none could be read from, derived once */
  deriveAll(list: Task[]): Map<Task, DerivedChecks>
  /** the checks each task's plan text implies (computation only: done before the import's transaction) */
  checksOf(list: Task[]): Map<Task, CheckSpec[]>
}

export async function planReading(ctx: CoreContext): Promise<PlanReading> {
  const [{ parsePlanBytes }, { deriveTaskChecks }] = await Promise.all([loadPlanReader(), loadCheckDerivation()])
  const derive = (task: Task) => deriveTaskChecks(task, { toolMap: ctx.toolMap() })
  const deriveAll = (list: Task[]) => new Map(list.map((task) => [task, derive(task)]))
  return {
    outcome: (bytes, options) => parsePlanBytes(bytes, options),
    parse(bytes, options, name) {
      const outcome = parsePlanBytes(bytes, options)
      if (!outcome.ok) throw new AppError('bad-input', `${name}: ${outcome.error.message}`)
      return outcome.plan
    },
    withCriteriaLint: (plan, derived) => ({
      ...plan,
      warnings: [...plan.warnings, ...criteriaWarnings(plan, (task) => derived?.get(task) ?? derive(task))],
    }),
    deriveAll,
    checksOf: (list) => new Map([...deriveAll(list)].map(([task, derived]) => [task, derived.checks])),
  }
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
