import type { CheckResult, CheckSpec, CommitRef } from '../../shared/check-model'
import type { EngineSyncPhase } from '../../shared/repo-model'
import type { EvidenceCache } from './cache'
import { compileCheck, type CompiledCheck } from './compile'
import type { GitPort } from './git-port'
import { AbortedError, throwIfAborted } from './history'
import { inspectRepo, type RepoInspection, type RepoState } from './inspect'
import { syncRepo, type RepoCheckOutcome, type RepoSyncStats } from './repo-sync'
import { combineRepos, unresolvedResult, type RepoOutcome, type Timeline } from './results'

export interface SyncRepoInput {
  id: string
  dir: string
  /** null: the repo's current branch (or detached HEAD) */
  branch: string | null
  /** where the repo sits in the plan's path space (`services/ml-service/`), or null for the plan root */
  prefix: string | null
  /** the repo as the caller just inspected it for this sync (with this branch); inspected here when absent */
  inspection?: RepoInspection
}

export interface SyncCheckInput {
  id: string
  spec: CheckSpec
}

export interface SyncProgress {
  phase: EngineSyncPhase
  repoId: string | null
  done: number
  /** 0 when not known yet */
  total: number
}

export interface SyncInput {
  repos: SyncRepoInput[]
  checks: SyncCheckInput[]
  /** ISO yyyy-mm-dd */
  planStart: string
  /** exclusive end date of each plan week (see planWeekEnds) */
  weekEnds: string[]
  /** ISO yyyy-mm-dd; weeks starting after it are unknown (null). Omit to evaluate every week. */
  today?: string
  cache: EvidenceCache
  git: GitPort
  onProgress?: (progress: SyncProgress) => void
  signal?: AbortSignal
  /** files over this size are never read (default 2 MiB) */
  maxFileBytes?: number
}

export interface RepoSyncResult {
  id: string
  state: RepoState
  message: string
  branch: string | null
  detached: boolean
  shallow: boolean
  head: CommitRef | null
}

export interface SyncStats {
  /** commits replayed (0 when nothing new: no history work) */
  commitsEvaluated: number
  /** `git log --raw` passes over history */
  historyPasses: number
  /** file findings answered from the cache */
  cacheHits: number
  blobsRead: number
  /** git processes started during this sync */
  gitCalls: number
}

export interface SyncResult {
  repos: RepoSyncResult[]
  checks: CheckResult[]
  stats: SyncStats
}

const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024

/** checks that must hold in every repo they apply to, rather than in the one that has the path */
export function combineMode(spec: CheckSpec): 'every' | 'any' {
  return spec.kind === 'text-absent' || (spec.kind === 'package' && !spec.present) ? 'every' : 'any'
}

/**
 * Replays the first-parent history of every connected repo over the plan window and evaluates every check
 * (disabled ones too: enabling a check again needs no sync). Re-syncs only look at commits made since the last sync. Cancelling (signal) rejects
 * with an AbortError and leaves the cache as the previous sync left it (file findings aside, which
 * are immutable facts about blobs).
 */
export async function syncEvidence(input: SyncInput): Promise<SyncResult> {
  const callsBefore = input.git.calls
  const stats: RepoSyncStats = { commitsEvaluated: 0, historyPasses: 0, cacheHits: 0, blobsRead: 0 }
  const gathered: Gathered = { perCheck: new Map(), reasons: new Map(), repos: [] }
  for (const [i, repo] of input.repos.entries()) {
    throwIfAborted(input.signal)
    input.onProgress?.({ phase: 'inspect', repoId: repo.id, done: i, total: input.repos.length })
    await syncOneRepo(input, repo, stats, gathered)
  }
  if (input.signal?.aborted) throw new AbortedError()
  const checks = combineOutcomes(input, gathered)
  input.onProgress?.({ phase: 'done', repoId: null, done: input.repos.length, total: input.repos.length })
  return { repos: gathered.repos, checks, stats: { ...stats, gitCalls: input.git.calls - callsBefore } }
}

/** What the repos said so far: each check's outcome per repo, why a check has none, each repo's state. */
interface Gathered {
  perCheck: Map<string, RepoOutcome[]>
  reasons: Map<string, string>
  repos: RepoSyncResult[]
}

/** The checks as they apply in this repo (a path outside its prefix, or unsafe, is a reason instead). */
function compileForRepo(input: SyncInput, repo: SyncRepoInput, reasons: Map<string, string>): CompiledCheck[] {
  const compiled: CompiledCheck[] = []
  for (const { id, spec } of input.checks) {
    const outcome = compileCheck(id, spec, repo.prefix)
    if (outcome.ok) compiled.push(outcome.check)
    else if (outcome.unsafe || !reasons.has(id)) reasons.set(id, outcome.reason)
  }
  return compiled
}

async function syncOneRepo(
  input: SyncInput,
  repo: SyncRepoInput,
  stats: RepoSyncStats,
  gathered: Gathered,
): Promise<void> {
  const inspection = repo.inspection ?? (await inspectRepo(input.git, repo.dir, { branch: repo.branch }))
  const { state, message, branch, detached, shallow, head } = inspection
  gathered.repos.push({ id: repo.id, state, message, branch, detached, shallow, head })
  const compiled = compileForRepo(input, repo, gathered.reasons)
  if (!inspection.head) {
    for (const check of compiled)
      if (!gathered.reasons.has(check.id)) gathered.reasons.set(check.id, `repo ${repo.id}: ${inspection.message}`)
    return
  }
  const context = {
    git: input.git,
    cache: input.cache,
    repoKey: repo.id,
    prefix: repo.prefix,
    planStart: input.planStart,
    maxFileBytes: input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    stats,
    signal: input.signal,
    progress: (phase: EngineSyncPhase, done: number, total: number) =>
      input.onProgress?.({ phase, repoId: repo.id, done, total }),
  }
  const outcomes: Map<string, RepoCheckOutcome> = await syncRepo(context, repo.dir, inspection, compiled)
  for (const [id, outcome] of outcomes) {
    gathered.perCheck.set(id, [...(gathered.perCheck.get(id) ?? []), { repoId: repo.id, prefix: repo.prefix, outcome }])
  }
}

/** One result per check across the repos it maps into (none: why not). */
function combineOutcomes(input: SyncInput, { perCheck, reasons }: Gathered): CheckResult[] {
  const timeline: Timeline = { planStart: input.planStart, weekEnds: input.weekEnds, today: input.today ?? null }
  return input.checks.map(({ id, spec }) => {
    const outcomes = perCheck.get(id)
    if (!outcomes?.length)
      return unresolvedResult(id, input.weekEnds.length, reasons.get(id) ?? 'no connected repository')
    const mode = combineMode(spec)
    // a check over every repo only concerns the repos that have files in its scope
    const applying = mode === 'every' ? outcomes.filter((o) => o.outcome.applies) : outcomes
    return combineRepos(id, applying.length ? applying : outcomes, mode, timeline)
  })
}
