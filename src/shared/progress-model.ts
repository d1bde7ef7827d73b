import { z } from 'zod'
import { TaskEvidenceStateSchema } from './check-model'
import { ParsedPlanSchema } from './plan-model'

/**
 * Inputs and output of the progress computation (src/main/progress). The output,
 * ProgressReportSchema, is exactly what `readiness status --json` prints and what the
 * dashboard, burndown chart and PDF report render.
 *
 * Dates are ISO `yyyy-mm-dd`; timestamps (`2025-02-03T14:00:00+01:00`) are accepted
 * wherever a date is read and count by their written calendar date.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'ISO date (yyyy-mm-dd)')

// ---------------------------------------------------------------- inputs

export const EvidenceItemSchema = z.object({
  checkSentence: z.string(),
  holds: z.boolean(),
  path: z.string().optional(),
  /** matching line numbers (as the evidence engine gives them) or a range text such as "12-30" */
  lines: z.union([z.array(z.number().int()), z.string()]).optional(),
  commit: z.object({ sha: z.string(), date: isoDate, subject: z.string() }).optional(),
  /** the connected repo (its id as a string) the check was resolved in; absent when none was */
  repoId: z.string().optional(),
})
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>

export const TaskEvidenceSchema = z.object({
  state: TaskEvidenceStateSchema,
  doneAt: isoDate.nullable(),
  items: z.array(EvidenceItemSchema),
})
export type TaskEvidence = z.infer<typeof TaskEvidenceSchema>

/** what the lead can mark a task as by hand */
export const ManualStateSchema = z.enum(['done', 'not-done', 'blocked'])

/** the lead's current mark on a task */
export const ManualStatusSchema = z.object({
  status: ManualStateSchema,
  note: z.string(),
  /** when the lead set it; ignored when computing as of an earlier date */
  date: isoDate,
})
export type ManualStatus = z.infer<typeof ManualStatusSchema>

export const ProgressTaskInputSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** index into current.phases */
  phase: z.number().int().nullable(),
  estimateHours: z.number().nullable(),
  estimateDerived: z.boolean(),
  weekStart: z.number().int().nullable(),
  weekEnd: z.number().int().nullable(),
  dayStart: z.number().int().nullable(),
  dayEnd: z.number().int().nullable(),
  claimedDone: z.boolean(),
  evidence: TaskEvidenceSchema.nullable(),
  manual: ManualStatusSchema.nullable(),
})
export type ProgressTaskInput = z.infer<typeof ProgressTaskInputSchema>

export const ScopeChangeKindSchema = z.enum(['added', 'removed', 'reestimated'])

export const ScopeChangeSchema = z.object({
  /** when the re-import that changed the scope happened */
  date: isoDate,
  kind: ScopeChangeKindSchema,
  taskKey: z.string(),
  title: z.string(),
  /** + for added work / larger estimate, − for removed work / smaller estimate */
  hoursDelta: z.number(),
  /** the plan week the work is scheduled in (display only) */
  week: z.number().int().nullable(),
  /** the plan version whose import made the change; a baseline set at or after it already includes it */
  versionNo: z.number().int().optional(),
})
export type ScopeChange = z.infer<typeof ScopeChangeSchema>

export const CalendarInputSchema = z.object({
  /** plan start: the plan's date or the date the lead sets; its week is week 1 */
  start: isoDate,
  /** 0 = Sunday, 1 = Monday, … 6 = Saturday */
  firstWeekday: z.number().int().min(0).max(6),
  daysPerWeek: z.number().int().min(1).max(7),
  hoursPerDay: z.number().positive(),
  nonWorkingDates: z.array(isoDate),
})
export type CalendarInput = z.infer<typeof CalendarInputSchema>

export const ForecastOptionsSchema = z.object({
  seed: z.number().int().optional(),
  /** Monte Carlo trials; at least 1,000 are run */
  trials: z.number().int().positive().optional(),
  /** completed weeks averaged by the velocity projection */
  velocityWindow: z.number().int().positive().optional(),
  /** forecasts further than this many weeks after the last completed week are reported as null */
  horizonWeeks: z.number().int().positive().optional(),
})
export type ForecastOptions = z.infer<typeof ForecastOptionsSchema>

export const BaselineRefSchema = z.object({
  id: z.number().int(),
  /** the plan version it was frozen from */
  versionNo: z.number().int(),
  /** when it was set (the first import, or the rebaseline) */
  setAt: z.string(),
  reason: z.string(),
  /** the plan's first baseline */
  original: z.boolean(),
  /** the newest baseline: the one the plan is measured against unless another is chosen */
  latest: z.boolean(),
})
export type BaselineRef = z.infer<typeof BaselineRefSchema>

export const ProgressInputSchema = z.object({
  /** the chosen baseline's plan version (frozen): the ideal line, planned value and SPI */
  baseline: ParsedPlanSchema,
  /** which baseline that is; scope changes of versions up to baseline.versionNo are part of it */
  baselineRef: BaselineRefSchema.optional(),
  /** the plan as first imported, drawn beside a later baseline's ideal line (absent: nothing to overlay) */
  originalBaseline: ParsedPlanSchema.optional(),
  /** the latest import: phases, milestones, day→week map for the current tasks */
  current: ParsedPlanSchema,
  tasks: z.array(ProgressTaskInputSchema),
  scopeChanges: z.array(ScopeChangeSchema),
  calendar: CalendarInputSchema,
  asOf: isoDate,
  forecast: ForecastOptionsSchema.optional(),
})
export type ProgressInput = z.infer<typeof ProgressInputSchema>

// ---------------------------------------------------------------- output

export const TaskStateSchema = z.enum([
  'done',
  'in-progress',
  'not-started',
  'needs-confirmation',
  'blocked',
  'unknown',
])
export type TaskState = z.infer<typeof TaskStateSchema>

export const StateSourceSchema = z.enum(['evidence', 'manual', 'claim', 'none'])
export type StateSource = z.infer<typeof StateSourceSchema>

export const TaskProgressSchema = z.object({
  key: z.string(),
  title: z.string(),
  phase: z.number().int().nullable(),
  phaseTitle: z.string().nullable(),
  state: TaskStateSchema,
  source: StateSourceSchema,
  /** the plan claims it is done (shown as a claim; never counts as done) */
  claimedDone: z.boolean(),
  /** a manual status contradicts the git evidence (as of `asOf`) */
  disagreement: z.boolean(),
  /** what the evidence alone said as of `asOf` (null: no evidence) */
  evidenceState: TaskEvidenceStateSchema.nullable(),
  manual: ManualStatusSchema.nullable(),
  doneAt: isoDate.nullable(),
  /** plan week of doneAt; 0 = done before the plan started */
  doneWeek: z.number().int().nullable(),
  estimateHours: z.number().nullable(),
  estimateDerived: z.boolean(),
  scheduledWeekStart: z.number().int().nullable(),
  scheduledWeekEnd: z.number().int().nullable(),
  /** its last scheduled week has passed and it is not done */
  overdue: z.boolean(),
  evidence: z.array(EvidenceItemSchema),
})
export type TaskProgress = z.infer<typeof TaskProgressSchema>

export const BurndownPointSchema = z.object({
  week: z.number().int(),
  weekStart: isoDate,
  weekEnding: isoDate,
  idealRemainingHours: z.number(),
  /** null for weeks after asOf */
  actualRemainingHours: z.number().nullable(),
  scopeHours: z.number(),
  /** burnup; null for weeks after asOf */
  doneHours: z.number().nullable(),
  idealRemainingTasks: z.number(),
  actualRemainingTasks: z.number().nullable(),
  scopeTasks: z.number(),
  doneTasks: z.number().nullable(),
  /** the original baseline's ideal line, when the chosen baseline is a later one */
  originalIdealRemainingHours: z.number().optional(),
  originalIdealRemainingTasks: z.number().optional(),
})
export type BurndownPoint = z.infer<typeof BurndownPointSchema>

const earnedValueShape = {
  /** baseline budget scheduled by asOf (hours, or tasks when basis = 'tasks') */
  plannedValue: z.number(),
  /** baseline budget of the scheduled baseline tasks done by asOf */
  earnedValue: z.number(),
  /** earnedValue / plannedValue; null when nothing was planned yet */
  spi: z.number().nullable(),
  /** earned schedule − elapsed time, in weeks: negative = behind the ideal line, positive = ahead */
  scheduleVarianceWeeks: z.number(),
  /** max(0, −scheduleVarianceWeeks), for `--fail-if-behind N` */
  behindWeeks: z.number(),
  /** false when the plan schedules no work in any week: there is no schedule to be on, behind or ahead of */
  scheduled: z.boolean(),
}

export const PhaseProgressSchema = z.object({
  title: z.string(),
  /** index in current.phases (null: only in the baseline, or tasks outside any phase) */
  index: z.number().int().nullable(),
  weekStart: z.number().int().nullable(),
  weekEnd: z.number().int().nullable(),
  scopeHours: z.number(),
  doneHours: z.number(),
  remainingHours: z.number(),
  verifiedPercent: z.number(),
  claimedPercent: z.number(),
  taskCount: z.number().int(),
  doneTaskCount: z.number().int(),
  ...earnedValueShape,
  burndown: z.array(BurndownPointSchema),
})
export type PhaseProgress = z.infer<typeof PhaseProgressSchema>

export const ScopeChangeLogEntrySchema = ScopeChangeSchema.extend({
  /** plan week in which the change happened (the week of `date`) */
  changeWeek: z.number().int(),
  /** made before (or by) the chosen baseline's version: part of the baseline, not a step of the scope line */
  inBaseline: z.boolean().optional(),
})
export type ScopeChangeLogEntry = z.infer<typeof ScopeChangeLogEntrySchema>

export const MilestoneProgressSchema = z.object({
  week: z.number().int(),
  weekEnding: isoDate,
  label: z.string(),
  percent: z.number().nullable(),
  taskKey: z.string().nullable(),
  /** hours that must be done for the milestone (of the task, or of the whole plan) */
  targetDoneHours: z.number().nullable(),
  /** for plan-wide milestones: the point to draw on the burndown */
  targetRemainingHours: z.number().nullable(),
  status: z.enum(['met', 'missed', 'pending', 'unverifiable']),
})
export type MilestoneProgress = z.infer<typeof MilestoneProgressSchema>

export const ForecastSchema = z.object({
  status: z.enum(['ok', 'done', 'not-enough-history', 'no-throughput', 'no-work']),
  basis: z.enum(['hours', 'tasks']),
  remaining: z.number(),
  p50: isoDate.nullable(),
  p85: isoDate.nullable(),
  p95: isoDate.nullable(),
  velocityDate: isoDate.nullable(),
  p50Week: z.number().int().nullable(),
  p85Week: z.number().int().nullable(),
  p95Week: z.number().int().nullable(),
  velocityWeek: z.number().int().nullable(),
  /** mean throughput of the last `velocityWindow` completed weeks */
  velocityPerWeek: z.number().nullable(),
  velocityWindow: z.number().int(),
  /** completed weeks of throughput history (week 1 .. last completed week) */
  historyWeeks: z.number().int(),
  trials: z.number().int(),
  seed: z.number().int(),
})
export type Forecast = z.infer<typeof ForecastSchema>

export const ProgressSummarySchema = z.object({
  basis: z.enum(['hours', 'tasks']),
  verifiedPercent: z.number(),
  claimedPercent: z.number(),
  scopeHours: z.number(),
  doneHours: z.number(),
  remainingHours: z.number(),
  ...earnedValueShape,
  taskCount: z.number().int(),
  doneTaskCount: z.number().int(),
  remainingTaskCount: z.number().int(),
  inProgressCount: z.number().int(),
  needsConfirmationCount: z.number().int(),
  blockedCount: z.number().int(),
  disagreementCount: z.number().int(),
  overdueCount: z.number().int(),
  overdueTaskKeys: z.array(z.string()),
  doneThisWeek: z.object({ tasks: z.number().int(), hours: z.number(), taskKeys: z.array(z.string()) }),
  /** baseline tasks with no week/day schedule: not in the ideal line */
  unscheduledTasks: z.number().int(),
  unscheduledHours: z.number(),
  /** current tasks without an estimate: in task counts only */
  unestimatedTasks: z.number().int(),
})

export const ProgressReportSchema = z.object({
  /** the plan start as given */
  start: isoDate,
  /** first day of week 1 (start moved back to the first weekday) */
  week1Start: isoDate,
  asOf: isoDate,
  /** plan week containing asOf (0 = before the plan started) */
  asOfWeek: z.number().int(),
  /** plan time at the end of asOf, in weeks ((asOfWeek − 1) + share of that week's working days): where "as of" sits on the week axis */
  asOfElapsedWeeks: z.number().optional(),
  /** last week of the plan's own schedule */
  planEndWeek: z.number().int(),
  /** the baseline the ideal line, planned value and SPI are measured against (absent: the plan as first imported) */
  baseline: BaselineRefSchema.optional(),
  calendar: CalendarInputSchema,
  summary: ProgressSummarySchema,
  forecast: ForecastSchema,
  tasks: z.array(TaskProgressSchema),
  burndown: z.array(BurndownPointSchema),
  phases: z.array(PhaseProgressSchema),
  scopeChanges: z.array(ScopeChangeLogEntrySchema),
  milestones: z.array(MilestoneProgressSchema),
})
export type ProgressReport = z.infer<typeof ProgressReportSchema>
