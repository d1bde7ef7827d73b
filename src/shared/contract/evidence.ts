import { z } from 'zod'
import type { MethodGroup } from '../method-spec'
import { CheckOriginSchema, CommitRefSchema, TaskEvidenceStateSchema } from '../check-model'
import { CheckRowSchema } from './checks'

const planId = z.number().int().positive()
const taskId = z.number().int().positive()

export const TaskEvidenceViewSchema = z.object({
  taskId: z.number().int(),
  key: z.string(),
  title: z.string(),
  state: TaskEvidenceStateSchema,
  doneAt: z.string().nullable(),
  checks: z.array(CheckRowSchema),
  /** working-tree changes that would satisfy checks; never counted as done */
  hasUncommittedEvidence: z.boolean(),
  /** why the state is undecided: no criterion check yet, never synced, or some criterion could not be evaluated */
  reason: z.enum(['no-criteria', 'not-synced', 'inconclusive', 'partly-read']).nullable().default(null),
})
export type TaskEvidenceView = z.infer<typeof TaskEvidenceViewSchema>

export const ExplainedRunSchema = z.object({
  value: z.boolean(),
  /** the commit that flipped the check to this value (null: the value at the window start) */
  start: CommitRefSchema.nullable(),
  /** the window start commit for a run already there when the replayed window opened */
  startCommit: CommitRefSchema.nullable(),
  /** the run began before the plan start */
  beforePlan: z.boolean(),
  /** the commit that ended it (null: still running at HEAD) */
  end: CommitRefSchema.nullable(),
  /** "created 25 Nov 2023 a1b2c3d" */
  label: z.string(),
})

export const CheckExplanationSchema = z.object({
  checkId: z.number().int(),
  sentence: z.string(),
  /** the criterion sentence (plan text) the check came from, and its line; null for checks the lead wrote */
  source: z.string().nullable(),
  sourceLine: z.number().int().nullable(),
  role: z.enum(['criterion', 'progress', 'supporting']),
  origin: CheckOriginSchema,
  enabled: z.boolean(),
  /** the value at the as-of cutoff (null: not evaluated / unknown then) */
  holds: z.boolean().nullable(),
  /** start of the true run covering the cutoff */
  since: CommitRefSchema.nullable(),
  sinceBeforePlan: z.boolean(),
  /** its runs per connected repo, oldest first */
  repos: z.array(z.object({ repoId: z.string(), runs: z.array(ExplainedRunSchema), line: z.string() })),
  message: z.string().nullable(),
})
export type CheckExplanation = z.infer<typeof CheckExplanationSchema>

export const TaskExplanationSchema = z.object({
  planId: z.number().int(),
  taskId: z.number().int(),
  taskKey: z.string(),
  title: z.string(),
  /** null: now (HEAD) */
  asOf: z.string().nullable(),
  state: TaskEvidenceStateSchema,
  doneAt: z.string().nullable(),
  doneBeforePlan: z.boolean(),
  reason: z.enum(['no-criteria', 'not-synced', 'inconclusive', 'partly-read']).nullable(),
  checks: z.array(CheckExplanationSchema),
  /** criterion sentences no phrasing of the criteria language could read */
  notCheckable: z.array(z.object({ text: z.string(), line: z.number().int() })),
})
export type TaskExplanation = z.infer<typeof TaskExplanationSchema>

export const evidenceMethods = {
  'evidence.forTask': {
    summary: 'A task’s checks with their results and evidence (commit, date, file:line)',
    input: z.object({ taskId }).strict(),
    output: TaskEvidenceViewSchema,
  },
  'evidence.explain': {
    summary:
      'Why (not) done: per check of a task, its true/false runs over history with the commits that flipped them (as of a date)',
    input: z.object({ planId, taskKey: z.string().min(1).max(200), asOf: z.iso.date().optional() }).strict(),
    output: TaskExplanationSchema,
  },
} satisfies MethodGroup
