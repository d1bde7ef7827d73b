import { z } from 'zod'
import type { MethodGroup } from '../method-spec'
import { WarningSchema } from '../plan-model'
import { ProgressReportSchema, TaskStateSchema } from '../progress-model'
import { LinkStateSchema } from '../repo-model'

/**
 * The status report: what the print view renders (and the PDF shows), what the JSON export writes.
 * Built by src/main/report/model.ts from a ProgressReport, the plan and its connected repositories.
 */

export const PaperSchema = z.enum(['A4', 'Letter'])
export type Paper = z.infer<typeof PaperSchema>

export const ReportRepoSchema = z.object({
  name: z.string(),
  path: z.string(),
  /** the branch the evidence was read from (the chosen one, else the repo's current branch) */
  branch: z.string().nullable(),
  /** HEAD at the last sync */
  headSha: z.string().nullable(),
  state: LinkStateSchema,
  lastSyncAt: z.string().nullable(),
})
export type ReportRepo = z.infer<typeof ReportRepoSchema>

export const ReportTaskRowSchema = z.object({
  key: z.string(),
  /** the plan's own number for the item ("1.2"); null when the plan does not number it (its key is generated) */
  label: z.string().nullable(),
  title: z.string(),
  phaseTitle: z.string().nullable(),
  state: TaskStateSchema,
  estimateHours: z.number().nullable(),
  scheduledWeekStart: z.number().int().nullable(),
  scheduledWeekEnd: z.number().int().nullable(),
  doneAt: z.string().nullable(),
  /** the lead's note with a manual status, or why the task is listed */
  note: z.string().nullable(),
})
export type ReportTaskRow = z.infer<typeof ReportTaskRowSchema>

export const PhaseStatusSchema = z.enum(['done', 'late', 'behind', 'on-track', 'upcoming', 'unscheduled'])
export type PhaseStatus = z.infer<typeof PhaseStatusSchema>

export const ReportPhaseRowSchema = z.object({
  title: z.string(),
  weekStart: z.number().int().nullable(),
  weekEnd: z.number().int().nullable(),
  verifiedPercent: z.number(),
  claimedPercent: z.number(),
  remainingHours: z.number(),
  taskCount: z.number().int(),
  doneTaskCount: z.number().int(),
  status: PhaseStatusSchema,
})
export type ReportPhaseRow = z.infer<typeof ReportPhaseRowSchema>

export const ReportEvidenceRowSchema = z.object({
  taskKey: z.string(),
  /** the plan's own number for the item, null when unnumbered */
  taskLabel: z.string().nullable(),
  taskTitle: z.string(),
  doneAt: z.string().nullable(),
  check: z.string(),
  holds: z.boolean(),
  commitSha: z.string().nullable(),
  commitDate: z.string().nullable(),
  commitSubject: z.string().nullable(),
  /** `path:lines` (or the path alone) */
  location: z.string().nullable(),
})
export type ReportEvidenceRow = z.infer<typeof ReportEvidenceRowSchema>

/** The importer's repairs of one kind and text, together (a mis-decoded plan has the same repair on many lines). */
export const ReportRepairGroupSchema = z.object({
  kind: z.string(),
  before: z.string(),
  after: z.string(),
  count: z.number().int(),
  lines: z.array(z.number().int()),
})
export type ReportRepairGroup = z.infer<typeof ReportRepairGroupSchema>

/** One of the biggest risks on the executive page. */
export const ReportRiskSchema = z.object({
  /** the item's number, when the risk is one item of a numbered plan */
  label: z.string().nullable(),
  title: z.string(),
  /** why it is a risk, in a few words */
  why: z.string(),
})
export type ReportRisk = z.infer<typeof ReportRiskSchema>

/** The first page, for stakeholders: where the plan stands, what could hurt, what moved. */
export const ReportExecutiveSchema = z.object({
  /** the status in one sentence */
  status: z.string(),
  /** at most three, biggest first */
  risks: z.array(ReportRiskSchema),
  /** what changed in the 7 days up to asOf */
  changes: z.array(z.string()),
})
export type ReportExecutive = z.infer<typeof ReportExecutiveSchema>

/** A commit the report cites, for the appendix: the tables show the short SHA. */
export const ReportCommitSchema = z.object({
  sha: z.string(),
  shortSha: z.string(),
  date: z.string().nullable(),
  subject: z.string().nullable(),
})
export type ReportCommit = z.infer<typeof ReportCommitSchema>

/** "Why (not) done": one check's true/false runs over history, with the commits that flipped them. */
export const ReportCheckHistorySchema = z.object({
  taskKey: z.string(),
  taskLabel: z.string().nullable(),
  taskTitle: z.string(),
  state: TaskStateSchema,
  check: z.string(),
  /** its value as of the report's date */
  holds: z.boolean().nullable(),
  /** "created 25 Nov 2023 a1b2c3d · deleted 26 Nov 2023 d4e5f6a" (the latest runs when there are many) */
  history: z.string(),
})

export const ReportDataSchema = z.object({
  planId: z.number().int(),
  title: z.string(),
  sourceName: z.string(),
  planDate: z.string().nullable(),
  asOf: z.string(),
  repos: z.array(ReportRepoSchema),
  /** the full status, exactly as `progress.get` / `readiness status --json` give it */
  progress: ProgressReportSchema,
  phases: z.array(ReportPhaseRowSchema),
  doneThisWeek: z.array(ReportTaskRowSchema),
  overdue: z.array(ReportTaskRowSchema),
  /** not done, not yet overdue, and due by the end of next week */
  atRisk: z.array(ReportTaskRowSchema),
  needsConfirmation: z.array(ReportTaskRowSchema),
  blocked: z.array(ReportTaskRowSchema),
  /** per done task: each check with the commit that made it hold */
  evidence: z.array(ReportEvidenceRowSchema),
  warnings: z.array(WarningSchema),
  /** every repair, grouped (the JSON export's detail; the printed report says repairSummary) */
  repairs: z.array(ReportRepairGroupSchema),
  /** the repairs in one line, null when there were none */
  repairSummary: z.string().nullable(),
  executive: ReportExecutiveSchema,
  /** commits cited by the report (evidence and repository HEADs), with their full SHA */
  commits: z.array(ReportCommitSchema),
  /** every criterion check that changed value over history: its runs with the flipping commits (appendix) */
  checkHistories: z.array(ReportCheckHistorySchema).default([]),
})
export type ReportData = z.infer<typeof ReportDataSchema>

const planId = z.number().int().positive()
const asOf = z.iso.date().optional()
/** absolute path to write; without it the content comes back for a browser download */
const path = z.string().min(1).max(4096).optional()

export const TextExportSchema = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  /** the written file (null when the content is returned instead) */
  path: z.string().nullable(),
  content: z.string().nullable(),
})

export const PdfExportSchema = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
  path: z.string().nullable(),
  /** the PDF's bytes when no path was given */
  base64: z.string().nullable(),
})
export type PdfExport = z.infer<typeof PdfExportSchema>

export const reportMethods = {
  'report.get': {
    summary: 'The status report of a plan (what the PDF shows), as of a date',
    input: z.object({ planId, asOf }).strict(),
    output: ReportDataSchema,
  },
  'report.exportPdf': {
    summary: 'Render the status report to PDF (A4 or Letter): to a file, or returned as base64',
    input: z.object({ planId, asOf, path, paper: PaperSchema.default('A4') }).strict(),
    output: PdfExportSchema,
  },
  'report.exportCsv': {
    summary: 'CSV of the tasks with their verified state and evidence: to a file, or returned',
    input: z.object({ planId, asOf, path }).strict(),
    output: TextExportSchema,
  },
  'report.exportJson': {
    summary: 'JSON of the full status report: to a file, or returned',
    input: z.object({ planId, asOf, path }).strict(),
    output: TextExportSchema,
  },
} satisfies MethodGroup
