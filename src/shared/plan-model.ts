import { z } from 'zod'

/**
 * The structured plan produced by the importer (src/main/plan). Everything downstream
 * (DB, evidence, progress, report, UI) reads this shape. Line numbers are 1-based lines
 * of the decoded (and repaired) text.
 */

export const FileRoleSchema = z.enum(['create', 'modify', 'remove', 'mention'])
export type FileRole = z.infer<typeof FileRoleSchema>

export const FileRefSchema = z.object({
  path: z.string(),
  role: FileRoleSchema,
  line: z.number().int(),
  /** true when the path would resolve outside the repository (absolute, `..`, leading `-`) */
  unsafe: z.boolean().default(false),
})
export type FileRef = z.infer<typeof FileRefSchema>

export const TextLineSchema = z.object({ text: z.string(), line: z.number().int() })
export type TextLine = z.infer<typeof TextLineSchema>

export const SubtaskSchema = z.object({
  text: z.string(),
  line: z.number().int(),
  /** null: plain bullet; true/false: GFM task-list checkbox state (a claim, not evidence) */
  checked: z.boolean().nullable(),
})
export type Subtask = z.infer<typeof SubtaskSchema>

export const CodeBlockSchema = z.object({
  lang: z.string().nullable(),
  text: z.string(),
  line: z.number().int(),
})
export type CodeBlock = z.infer<typeof CodeBlockSchema>

export const PhaseSchema = z.object({
  title: z.string(),
  weekStart: z.number().int().nullable(),
  weekEnd: z.number().int().nullable(),
  dayStart: z.number().int().nullable(),
  dayEnd: z.number().int().nullable(),
  line: z.number().int(),
})
export type Phase = z.infer<typeof PhaseSchema>

export const TaskSchema = z.object({
  /** stable key: the item's number when it has one (e.g. "1.2"), else a normalized title within its phase */
  key: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  /** index into phases, or null when the item is outside any phase */
  phase: z.number().int().nullable(),
  weekStart: z.number().int().nullable(),
  weekEnd: z.number().int().nullable(),
  /** plan working days (1-based from the plan start) when the plan schedules by day */
  dayStart: z.number().int().nullable(),
  dayEnd: z.number().int().nullable(),
  estimateHours: z.number().nullable(),
  /** true when the estimate was derived from the day span instead of stated */
  estimateDerived: z.boolean(),
  /** the text the estimate was read from, for the UI ("Estimated Time: 4 hours") */
  estimateText: z.string().nullable(),
  /** the plan claims the item is done (✅ in heading, all boxes [x], "Status: done") — a claim, never evidence */
  claimedDone: z.boolean(),
  files: z.array(FileRefSchema),
  criteria: z.array(TextLineSchema),
  subtasks: z.array(SubtaskSchema),
  codeBlocks: z.array(CodeBlockSchema),
  /** the item's heading/body lines as written (for check derivation and display) */
  body: z.array(TextLineSchema),
  line: z.number().int(),
  lineEnd: z.number().int(),
  /** where the item was read from: a heading, a list line or a table row */
  source: z.enum(['heading', 'list', 'table']).default('heading'),
  /** a stated range ("4-6 hours"); estimateHours is its midpoint */
  estimateRange: z.object({ low: z.number(), high: z.number() }).nullable().default(null),
  /** story points as written, when the estimate was given in points */
  estimatePoints: z.number().nullable().default(null),
  owner: z.string().nullable().default(null),
})
export type Task = z.infer<typeof TaskSchema>

/** A task's estimate and place in the schedule: what a re-read under other calendar settings may change. */
export function taskSchedule(task: Task) {
  return {
    estimateHours: task.estimateHours,
    estimateDerived: task.estimateDerived,
    weekStart: task.weekStart,
    weekEnd: task.weekEnd,
    dayStart: task.dayStart,
    dayEnd: task.dayEnd,
  }
}

export const GateSchema = z.object({
  title: z.string(),
  week: z.number().int().nullable(),
  day: z.number().int().nullable(),
  items: z.array(SubtaskSchema),
  line: z.number().int(),
})
export type Gate = z.infer<typeof GateSchema>

export const BacklogSchema = z.object({
  title: z.string(),
  items: z.array(TextLineSchema),
  line: z.number().int(),
})
export type Backlog = z.infer<typeof BacklogSchema>

export const RecapSchema = z.object({
  title: z.string(),
  line: z.number().int(),
  /** each restating entry and the task it restates (null when no task matched) */
  links: z.array(z.object({ text: z.string(), line: z.number().int(), taskKey: z.string().nullable() })),
  /** the recap's own stated total ("Total: ~22 hours") in hours, when it states one */
  statedHours: z.number().nullable().optional(),
  /** the summed estimates of the distinct tasks its top-level entries restate */
  linkedHours: z.number().optional(),
})
export type Recap = z.infer<typeof RecapSchema>

export const MilestoneSchema = z.object({
  week: z.number().int(),
  label: z.string(),
  percent: z.number().nullable(),
  taskKey: z.string().nullable(),
  line: z.number().int(),
})
export type Milestone = z.infer<typeof MilestoneSchema>

export const PlanClaimSchema = z.object({
  kind: z.enum(['score', 'percent', 'status', 'metric']),
  text: z.string(),
  value: z.number().nullable(),
  line: z.number().int(),
})
export type PlanClaim = z.infer<typeof PlanClaimSchema>

export const RepairSchema = z.object({
  line: z.number().int(),
  kind: z.string(),
  before: z.string(),
  after: z.string(),
})
export type Repair = z.infer<typeof RepairSchema>

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
  taskKey: z.string().nullable(),
})
export type PlanWarning = z.infer<typeof WarningSchema>

/** A heading, list line or table row that looked like work but did not become an item, and why. */
export const SkippedSchema = z.object({
  line: z.number().int(),
  text: z.string(),
  kind: z.enum(['heading', 'list-item', 'table-row']),
  reason: z.string(),
})

export const SectionRoleSchema = z.enum([
  'work',
  'backlog',
  'gate',
  'criteria',
  'metrics',
  'risks',
  'people',
  'cadence',
  'next-actions',
  'reference',
  'status',
  'milestones',
  'recap',
  'ignore',
])
export const ItemLayerSchema = z.enum(['headings', 'list', 'table', 'mixed', 'none'])
export type ItemLayer = z.infer<typeof ItemLayerSchema>
export const ConfidenceSchema = z.enum(['high', 'medium', 'low'])

/** How the reader understood the plan, section by section, and how sure it is. */
export const InterpretationSchema = z.object({
  confidence: ConfidenceSchema,
  /** 0..1 */
  score: z.number(),
  reasons: z.array(z.string()),
  sections: z.array(
    z.object({
      title: z.string(),
      line: z.number().int(),
      depth: z.number(),
      role: SectionRoleSchema,
      layer: ItemLayerSchema,
      items: z.number().int(),
      hours: z.number().nullable(),
      isPhase: z.boolean(),
      why: z.string(),
    }),
  ),
  /** the estimate columns the plan's tables have (for the mapping step) */
  estimateColumns: z.array(z.string()),
  /** how estimates were converted: the unit of bare numbers, hours per point */
  units: z.object({
    defaultUnit: z.string(),
    hoursPerPoint: z.number().nullable(),
    pointScale: z.array(z.tuple([z.number(), z.number()])).nullable(),
    hoursPerDayStated: z.number().nullable(),
  }),
})
export type Interpretation = z.infer<typeof InterpretationSchema>

export const ParsedPlanSchema = z.object({
  title: z.string(),
  /** ISO yyyy-mm-dd, or null when the plan states no date */
  date: z.string().nullable(),
  encoding: z.string(),
  daysPerWeek: z.number().int().min(1).max(7),
  daysPerWeekSource: z.enum(['plan', 'nesting', 'default', 'option']),
  hoursPerDay: z.number().positive(),
  /** the plan's span in weeks (last scheduled week, gates included) */
  weeks: z.number().int(),
  /** plan day (index 0 = day 1) -> week, when the plan schedules by day; empty otherwise */
  dayWeeks: z.array(z.number().int()),
  phases: z.array(PhaseSchema),
  tasks: z.array(TaskSchema),
  gates: z.array(GateSchema),
  backlog: z.array(BacklogSchema),
  recaps: z.array(RecapSchema),
  milestones: z.array(MilestoneSchema),
  claims: z.array(PlanClaimSchema),
  totals: z.object({
    estimateHours: z.number(),
    statedHours: z.number().nullable(),
    statedDays: z.number().nullable(),
  }),
  repairs: z.array(RepairSchema),
  warnings: z.array(WarningSchema),
  /** work-looking lines that did not become items, with the reason ("not imported") */
  skipped: z.array(SkippedSchema).default([]),
  interpretation: InterpretationSchema.nullable().default(null),
})
export type ParsedPlan = z.infer<typeof ParsedPlanSchema>

/**
 * The lead's corrections to how a plan is read, stored with the plan and reapplied on re-import.
 * Sections are named by heading text; `*` matches any run of characters ("Sprint *").
 */
export const ImportProfileSchema = z.object({
  version: z.literal(1).default(1),
  /** the plan's start date, yyyy-mm-dd */
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  hoursPerDay: z.number().positive().max(24).optional(),
  daysPerWeek: z.number().int().min(1).max(7).optional(),
  hoursPerPoint: z.number().positive().max(1000).optional(),
  sprintWeeks: z.number().int().min(1).max(12).optional(),
  estimate: z
    .object({
      /** the table column that holds estimates (header text) */
      column: z.string().min(1).optional(),
      unit: z.enum(['hours', 'days', 'weeks', 'points', 'minutes']).optional(),
    })
    .optional(),
  /** which layer holds the items everywhere unless a section says otherwise */
  items: z.enum(['auto', 'headings', 'list', 'table']).optional(),
  /** headings that are the plan's phases (others are not phases) */
  phases: z.array(z.string().min(1)).optional(),
  sections: z
    .array(
      z.object({
        heading: z.string().min(1),
        role: z.enum(['work', 'backlog', 'gate', 'criteria', 'recap', 'ignore']).optional(),
        items: z.enum(['headings', 'list', 'table', 'none']).optional(),
      }),
    )
    .default([]),
})
export type ImportProfile = z.infer<typeof ImportProfileSchema>

export const ParseOptionsSchema = z.object({
  /** the lead's explicit choice: wins over what the plan states (only the plan's own nesting beats it) */
  daysPerWeek: z.number().int().min(1).max(7).optional(),
  /** the global setting: used only when the plan says nothing */
  defaultDaysPerWeek: z.number().int().min(1).max(7).optional(),
  hoursPerDay: z.number().positive().max(24).optional(),
  /** the lead's reading of the plan (mapping step) */
  profile: ImportProfileSchema.optional(),
})
export type ParseOptions = z.infer<typeof ParseOptionsSchema>

/** The largest plan file the cockpit reads, and what it says about a larger one (the CLI, the core and the UI alike). */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024

export function planTooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1048576).toFixed(1)} MB; plans over 20 MB are refused`
}
