import { z } from 'zod'
import type { MethodGroup } from '../method-spec'
import { ImportProfileSchema, ParsedPlanSchema, ParseOptionsSchema } from '../plan-model'
import { BaselineRefSchema } from '../progress-model'

/** Where plan bytes come from: a file path (CLI, Electron drop/dialog) or the bytes themselves (browser upload). */
export const PlanSourceSchema = z.union([
  z.object({ path: z.string().min(1) }).strict(),
  z
    .object({
      name: z.string().min(1).max(500),
      /** base64 of the file's bytes; capped a little above the 20 MB plan limit */
      base64: z.string().max(28_000_000),
    })
    .strict(),
])
export type PlanSource = z.infer<typeof PlanSourceSchema>

const TaskBriefSchema = z.object({
  key: z.string(),
  title: z.string(),
  estimateHours: z.number().nullable(),
  weekStart: z.number().int().nullable(),
})

export const PlanDiffSchema = z.object({
  mapping: z.array(
    z.object({
      previousKey: z.string(),
      nextKey: z.string(),
      how: z.enum(['same-key', 'renumbered', 'retitled', 'moved']),
    }),
  ),
  added: z.array(TaskBriefSchema),
  removed: z.array(TaskBriefSchema),
  reestimated: z.array(
    z.object({
      previousKey: z.string(),
      nextKey: z.string(),
      title: z.string(),
      from: z.number().nullable(),
      to: z.number().nullable(),
    }),
  ),
})
export type PlanDiffData = z.infer<typeof PlanDiffSchema>

export const PlanSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  sourceName: z.string(),
  /** the plan's own date */
  planDate: z.string().nullable(),
  /** the start the cockpit uses: the lead's date, else the plan's date */
  startDate: z.string().nullable(),
  taskCount: z.number().int(),
  totalHours: z.number(),
  weeks: z.number().int(),
  versionCount: z.number().int(),
  importedAt: z.string(),
  lastSyncAt: z.string().nullable(),
  repoCount: z.number().int(),
})
export type PlanSummary = z.infer<typeof PlanSummarySchema>

export const PlanVersionSchema = z.object({
  id: z.number().int(),
  versionNo: z.number().int(),
  sourceName: z.string(),
  importedAt: z.string(),
})

export const PlanDetailSchema = z.object({
  summary: PlanSummarySchema,
  settings: z.object({
    startDate: z.string().nullable(),
    daysPerWeek: z.number().int().nullable(),
    hoursPerDay: z.number().nullable(),
    /** the lead's reading of the plan (mapping step), reapplied on every re-import */
    profile: ImportProfileSchema.nullable(),
  }),
  plan: ParsedPlanSchema,
  versions: z.array(PlanVersionSchema),
  /** the baselines, oldest (the original) first; the last one is the plan's baseline */
  baselines: z.array(BaselineRefSchema),
  /** task ids by key, for calls that take a task id */
  taskIds: z.record(z.string(), z.number().int()),
})
export type PlanDetail = z.infer<typeof PlanDetailSchema>

const planId = z.number().int().positive()
const isoDate = z.iso.date()

export const RebaselineChoiceSchema = z.object({ reason: z.string().max(500).default('') }).strict()

export const planMethods = {
  'plans.preview': {
    summary: 'Parse a plan without storing it (with the changes a re-import would make)',
    input: z
      .object({
        source: PlanSourceSchema,
        options: ParseOptionsSchema.optional(),
        /** preview as a re-import of this plan: the answer includes the diff */
        planId: planId.optional(),
      })
      .strict(),
    output: z.object({
      plan: ParsedPlanSchema,
      diff: PlanDiffSchema.nullable(),
      /** the reading applied: the profile given, else the one stored with the plan */
      profile: ImportProfileSchema.nullable(),
    }),
  },
  'plans.import': {
    summary: 'Store a plan (a new plan, or a new version of planId) in one transaction',
    input: z
      .object({
        source: PlanSourceSchema,
        options: ParseOptionsSchema.optional(),
        planId: planId.optional(),
        startDate: isoDate.optional(),
        /** re-import only: make the new version the plan's baseline (absent: keep the baseline) */
        rebaseline: RebaselineChoiceSchema.optional(),
      })
      .strict(),
    output: z.object({
      planId,
      versionId: z.number().int(),
      versionNo: z.number().int(),
      taskCount: z.number().int(),
      totalHours: z.number(),
      diff: PlanDiffSchema.nullable(),
    }),
  },
  'plans.list': {
    summary: 'All plans with their headline figures',
    input: z.object({}).strict(),
    output: z.array(PlanSummarySchema),
  },
  'plans.get': {
    summary: 'One plan: its current parsed version, settings and versions',
    input: z.object({ planId }).strict(),
    output: PlanDetailSchema,
  },
  'plans.update': {
    summary: 'Set a plan’s start date, days/week or hours/day (null = back to the plan’s own)',
    input: z
      .object({
        planId,
        title: z.string().min(1).max(300).optional(),
        startDate: isoDate.nullable().optional(),
        daysPerWeek: z.number().int().min(1).max(7).nullable().optional(),
        hoursPerDay: z.number().positive().max(24).nullable().optional(),
      })
      .strict(),
    output: PlanSummarySchema,
  },
  'plans.rebaseline': {
    summary:
      'Freeze a version of the plan (default: the current one) as its new baseline, with a reason; earlier baselines stay viewable',
    input: z
      .object({
        planId,
        /** the version to freeze (plans.get lists them); absent: the current version */
        versionNo: z.number().int().positive().optional(),
        reason: z.string().max(500).default(''),
      })
      .strict(),
    output: z.object({ baseline: BaselineRefSchema, baselines: z.array(BaselineRefSchema) }),
  },
  'plans.setProfile': {
    summary:
      'Store the lead’s reading of a plan (mapping step) and re-read every stored version with it; null clears it',
    input: z.object({ planId, profile: ImportProfileSchema.nullable() }).strict(),
    output: z.object({ summary: PlanSummarySchema, plan: ParsedPlanSchema }),
  },
  'plans.remove': {
    summary: 'Delete a plan and everything recorded about it',
    input: z.object({ planId }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
} satisfies MethodGroup
