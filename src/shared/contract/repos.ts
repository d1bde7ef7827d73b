import { z } from 'zod'
import type { MethodGroup } from '../method-spec'
import { LinkStateSchema, RepoStateSchema } from '../repo-model'

const planId = z.number().int().positive()
const repoId = z.number().int().positive()

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
  state: LinkStateSchema,
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
      state: RepoStateSchema,
      message: z.string().nullable(),
      headSha: z.string().nullable(),
      /** left out of this sync (cannot be read); its last results are kept */
      stale: z.boolean(),
    }),
  ),
})
export type SyncSummary = z.infer<typeof SyncSummarySchema>

export const repoMethods = {
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
    summary:
      'Point a connected repository at its new folder (moved, renamed, remounted); its history and results are kept',
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
} satisfies MethodGroup
