import { eq, inArray } from 'drizzle-orm'
import { CheckSpecSchema, type CheckResult } from '../../shared/check-model'
import type { SyncSummary } from '../../shared/contract/evidence'
import { AppError } from '../../shared/rpc'
import { inTransaction, type AppDatabase } from '../db/client'
import { createSqliteEvidenceCache } from '../db/evidence-cache-store'
import { linkRows } from '../db/repo-store'
import { checkResults, checks, planRepos, plans, repos } from '../db/schema'
import { createGitPort, syncEvidence, type GitPort, type RepoInspection, type SyncProgress } from '../evidence'
import { resultsByCheck } from '../db/check-store'
import { checkRepoFolder, isReadable } from './repo-health'
import { localIsoDate } from '../../shared/calendar'
import { evidenceWeekEnds, loadPlanContext } from './plan-context'

export interface SyncDeps {
  db: AppDatabase
  now: () => Date
  git?: GitPort
  onProgress?: (progress: SyncProgress) => void
  signal?: AbortSignal
  /**
   * evaluate only these checks (a check just added, edited or enabled): from the cached history of the others,
   * without a sync of the plan (repos and the plan keep their last sync time)
   */
  onlyCheckIds?: number[]
}

export function planCheckInputs(db: AppDatabase, taskIds: number[]) {
  if (taskIds.length === 0) return []
  return db
    .select()
    .from(checks)
    .where(inArray(checks.taskId, taskIds))
    .all()
    .map((row) => ({ row, spec: { ...CheckSpecSchema.parse(JSON.parse(row.specJson)), enabled: row.enabled } }))
}

type LinkRow = ReturnType<typeof linkRows>[number]

/**
 * Each connected folder's health before the sync. A repository that cannot be read now (moved, unmounted, no
 * longer a repository…) but was read before is stale: it is left out of the sync and keeps its last results.
 */
async function inspectLinks(links: LinkRow[], git: GitPort) {
  const health = new Map<number, RepoInspection>()
  for (const { repo, link } of links) health.set(repo.id, await checkRepoFolder(git, repo.path, link.branch))
  const stale = new Set(links.filter(({ repo, link }) => !isReadable(health.get(repo.id)!) && link.lastHeadSha !== null).map(({ repo }) => repo.id))
  return { health, stale }
}

/** a stored result that came from (or cites) a stale repository is kept as it is */
function keptResults(db: AppDatabase, checkIds: number[], stale: Set<number>): Set<number> {
  const kept = new Set<number>()
  if (stale.size === 0) return kept
  const staleKeys = new Set([...stale].map(String))
  for (const [checkId, result] of resultsByCheck(db, checkIds)) {
    if ((result.repoId !== null && staleKeys.has(result.repoId)) || result.evidence.some((e) => staleKeys.has(e.repoId))) kept.add(checkId)
  }
  return kept
}

/**
 * Replays the plan's connected repositories and stores every check's result. The evaluation runs outside any
 * transaction; the evidence cache and the results land together in one short transaction at the end; a cancelled
 * sync stores nothing. Results from a repository that cannot be read now are kept, marked stale on its link.
 */
export async function syncPlanEvidence(planId: number, deps: SyncDeps): Promise<SyncSummary> {
  const started = Date.now()
  const context = loadPlanContext(deps.db, planId)
  const links = linkRows(deps.db, planId)
  const today = localIsoDate(deps.now())
  const only = deps.onlyCheckIds ? new Set(deps.onlyCheckIds) : null
  const checkInputs = planCheckInputs(
    deps.db,
    context.taskRows.map((t) => t.id),
  ).filter(({ row }) => !only || only.has(row.id))
  const cache = createSqliteEvidenceCache(deps.db)
  const git = deps.git ?? createGitPort()
  const { health, stale } = await inspectLinks(links, git)
  const readable = links.filter(({ repo }) => !stale.has(repo.id))
  let result
  try {
    result = await syncEvidence({
      repos: readable.map(({ link, repo }) => ({ id: String(repo.id), dir: repo.path, branch: link.branch, prefix: link.pathPrefix })),
      checks: checkInputs.map(({ row, spec }) => ({ id: String(row.id), spec })),
      planStart: context.calendar.week1Start,
      weekEnds: evidenceWeekEnds(context, today),
      today,
      cache,
      git,
      onProgress: deps.onProgress,
      signal: deps.signal,
    })
  } catch (error) {
    cache.discard()
    if (deps.signal?.aborted) {
      return { planId, cancelled: true, durationMs: Date.now() - started, commitsEvaluated: 0, checksEvaluated: 0, repos: [] }
    }
    throw error
  }
  const kept = keptResults(
    deps.db,
    checkInputs.map(({ row }) => row.id),
    stale,
  )
  const evaluatedAt = deps.now().toISOString()
  const byId = new Map<string, CheckResult>(result.checks.map((r) => [r.checkId, r]))
  inTransaction(deps.db, () => {
    cache.flush()
    cache.dropLegacyEntries()
    for (const { row } of checkInputs) {
      const checkResult = byId.get(String(row.id))
      if (!checkResult || kept.has(row.id)) continue
      const repoId = checkResult.repoId ? Number(checkResult.repoId) : null
      const headSha = result.repos.find((r) => r.id === checkResult.repoId)?.head?.sha ?? null
      const values = { repoId, headSha, resultJson: JSON.stringify(checkResult), evaluatedAt }
      deps.db.insert(checkResults).values({ checkId: row.id, ...values }).onConflictDoUpdate({ target: checkResults.checkId, set: values }).run()
    }
    if (only) return
    for (const repoResult of result.repos) {
      const link = links.find((l) => String(l.repo.id) === repoResult.id)
      if (!link) continue
      // the sync's own inspection says "not a git repository" where ours can say why
      const message = repoResult.state === 'ok' ? repoResult.message : (health.get(link.repo.id)?.message ?? repoResult.message)
      recordRepoState(deps.db, link, repoResult.state, message, { lastSyncAt: evaluatedAt, lastHeadSha: repoResult.head?.sha ?? null })
    }
    for (const link of links.filter(({ repo }) => stale.has(repo.id))) {
      const inspection = health.get(link.repo.id)!
      recordRepoState(deps.db, link, inspection.state, inspection.message, null)
    }
    deps.db.update(plans).set({ lastSyncAt: evaluatedAt }).where(eq(plans.id, planId)).run()
  })
  return {
    planId,
    cancelled: false,
    durationMs: Date.now() - started,
    commitsEvaluated: result.stats.commitsEvaluated,
    checksEvaluated: result.checks.length,
    repos: links.map(({ repo, link }) => {
      const synced = result.repos.find((r) => r.id === String(repo.id))
      if (synced) return { repoId: repo.id, state: synced.state, message: synced.state === 'ok' ? synced.message : health.get(repo.id)!.message, headSha: synced.head?.sha ?? null, stale: false }
      const inspection = health.get(repo.id)!
      return { repoId: repo.id, state: inspection.state, message: inspection.message, headSha: link.lastHeadSha, stale: true }
    }),
  }
}

/** A link's state after a sync; `synced` is null for a stale repo (its last sync time and head stay). */
function recordRepoState(db: AppDatabase, { link, repo }: LinkRow, state: string, message: string, synced: { lastSyncAt: string; lastHeadSha: string | null } | null) {
  db.update(planRepos)
    .set({ ...(synced ?? {}), lastState: state, lastMessage: message })
    .where(eq(planRepos.id, link.id))
    .run()
  db.update(repos)
    .set({ available: state !== 'unavailable', lastError: state === 'ok' ? null : message })
    .where(eq(repos.id, repo.id))
    .run()
}

/** One sync per plan at a time; a second request while one runs waits for it; cancel aborts it. */
export class SyncCoordinator {
  private running = new Map<number, { controller: AbortController; promise: Promise<SyncSummary> }>()

  run(planId: number, start: (signal: AbortSignal) => Promise<SyncSummary>): Promise<SyncSummary> {
    const existing = this.running.get(planId)
    if (existing) return existing.promise
    const controller = new AbortController()
    const promise = start(controller.signal).finally(() => this.running.delete(planId))
    this.running.set(planId, { controller, promise })
    return promise
  }

  cancel(planId: number): boolean {
    const entry = this.running.get(planId)
    if (!entry) return false
    entry.controller.abort()
    return true
  }

  isRunning(planId: number): boolean {
    return this.running.has(planId)
  }
}

export function assertNotRunning(coordinator: SyncCoordinator, planId: number) {
  if (coordinator.isRunning(planId)) throw new AppError('conflict', 'A sync of this plan is running; wait for it or cancel it')
}
