import { z } from 'zod'
import type { MethodSpec } from '../contract'
import { CheckResultSchema, CheckSpecSchema, CommitRefSchema, TaskEvidenceStateSchema } from '../check-model'

const planId = z.number().int().positive()
const repoId = z.number().int().positive()
const taskId = z.number().int().positive()
const checkId = z.number().int().positive()

export const RepoLinkSchema = z.object({
  planId: z.number().int(),
  repoId: z.number().int(),
  path: z.string(),
  name: z.string(),
  /** the branch the lead chose; null = follow the repo's current branch */
  branch: z.string().nullable(),
  currentBranch: z.string().nullable(),
  prefix: z.string().nullable(),
  autoSync: z.boolean(),
  available: z.boolean(),
  /** ok, unavailable, not-a-repo, empty, shallow, git-missing, never-synced … */
  state: z.string(),
  message: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  headSha: z.string().nullable(),
  /** cannot be read now (state and message say why); its results are those of the last sync (lastSyncAt, headSha) */
  stale: z.boolean(),
})
export type RepoLink = z.infer<typeof RepoLinkSchema>

export const SyncSummarySchema = z.object({
  planId: z.number().int(),
  cancelled: z.boolean(),
  durationMs: z.number(),
  commitsEvaluated: z.number().int(),
  checksEvaluated: z.number().int(),
  repos: z.array(
    z.object({
      repoId: z.number().int(),
      state: z.string(),
      message: z.string().nullable(),
      headSha: z.string().nullable(),
      /** left out of this sync (cannot be read); its last results are kept */
      stale: z.boolean(),
    }),
  ),
})
export type SyncSummary = z.infer<typeof SyncSummarySchema>

export const CheckRowSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  spec: CheckSpecSchema,
  origin: z.enum(['derived', 'user']),
  enabled: z.boolean(),
  edited: z.boolean(),
  result: CheckResultSchema.nullable(),
})
export type CheckRow = z.infer<typeof CheckRowSchema>

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
  reason: z.enum(['no-criteria', 'not-synced', 'inconclusive']).nullable().default(null),
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
export type ExplainedRun = z.infer<typeof ExplainedRunSchema>

export const CheckExplanationSchema = z.object({
  checkId: z.number().int(),
  sentence: z.string(),
  /** the criterion sentence (plan text) the check came from, and its line; null for checks the lead wrote */
  source: z.string().nullable(),
  sourceLine: z.number().int().nullable(),
  role: z.enum(['criterion', 'progress', 'supporting']),
  origin: z.enum(['derived', 'user']),
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
  reason: z.enum(['no-criteria', 'not-synced', 'inconclusive']).nullable(),
  checks: z.array(CheckExplanationSchema),
  /** criterion sentences no phrasing of the criteria language could read */
  notCheckable: z.array(z.object({ text: z.string(), line: z.number().int() })),
})
export type TaskExplanation = z.infer<typeof TaskExplanationSchema>

export const evidenceMethods = {
  'repos.connect': {
    summary: 'Connect a local git repository to a plan (branch default: current; optional path prefix)',
    input: z
      .object({
        planId,
        path: z.string().min(1).max(4096),
        branch: z.string().min(1).max(255).nullable().optional(),
        prefix: z.string().max(1024).nullable().optional(),
      })
      .strict(),
    output: RepoLinkSchema,
  },
  'repos.list': {
    summary: 'Repositories connected to a plan, with their state',
    input: z.object({ planId }).strict(),
    output: z.array(RepoLinkSchema),
  },
  'repos.update': {
    summary: 'Change a connected repository’s branch, prefix or auto-sync',
    input: z
      .object({
        planId,
        repoId,
        branch: z.string().min(1).max(255).nullable().optional(),
        prefix: z.string().max(1024).nullable().optional(),
        autoSync: z.boolean().optional(),
      })
      .strict(),
    output: RepoLinkSchema,
  },
  'repos.relink': {
    summary: 'Point a connected repository at its new folder (moved, renamed, remounted); its history and results are kept',
    input: z.object({ planId, repoId, path: z.string().min(1).max(4096), force: z.boolean().optional() }).strict(),
    output: RepoLinkSchema,
  },
  'repos.disconnect': {
    summary: 'Disconnect a repository from a plan (its evidence is dropped)',
    input: z.object({ planId, repoId }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  'repos.sync': {
    summary: 'Replay the connected repositories’ history and evaluate every check (progress is pushed as events)',
    input: z.object({ planId }).strict(),
    output: SyncSummarySchema,
  },
  'repos.cancelSync': {
    summary: 'Cancel a running sync of a plan',
    input: z.object({ planId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'evidence.forTask': {
    summary: 'A task’s checks with their results and evidence (commit, date, file:line)',
    input: z.object({ taskId }).strict(),
    output: TaskEvidenceViewSchema,
  },
  'evidence.explain': {
    summary: 'Why (not) done: per check of a task, its true/false runs over history with the commits that flipped them (as of a date)',
    input: z.object({ planId, taskKey: z.string().min(1).max(200), asOf: z.iso.date().optional() }).strict(),
    output: TaskExplanationSchema,
  },
  'checks.add': {
    summary: 'Add a user-authored check to a task (survives re-import)',
    input: z.object({ taskId, spec: CheckSpecSchema }).strict(),
    output: CheckRowSchema,
  },
  'checks.update': {
    summary: 'Edit or enable/disable a check (an edited derived check survives re-import)',
    input: z.object({ checkId, spec: CheckSpecSchema.optional(), enabled: z.boolean().optional() }).strict(),
    output: CheckRowSchema,
  },
  'checks.remove': {
    summary: 'Remove a check',
    input: z.object({ checkId }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
} satisfies Record<string, MethodSpec>
