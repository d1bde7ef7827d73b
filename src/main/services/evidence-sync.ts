import { eq, inArray } from 'drizzle-orm'
import { CheckSpecSchema, type CheckResult } from '../../shared/check-model'
import type { SyncSummary } from '../../shared/contract/evidence'
import { AppError } from '../../shared/rpc'
import { inTransaction, type AppDatabase } from '../db/client'
import { createSqliteEvidenceCache } from '../db/evidence-cache-store'
import { linkRows } from '../db/repo-store'
import { checkResults, checks, planRepos, plans, repos } from '../db/schema'
import { createGitPort, syncEvidence, type GitPort, type SyncProgress } from '../evidence'
import { evidenceWeekEnds, loadPlanContext, localIsoDate } from './plan-context'

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

/**
 * Replays the plan's connected repositories and stores every check's result. The evidence cache and the
 * results land together in one transaction at the end; a cancelled sync stores nothing.
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
  let result
  try {
    result = await syncEvidence({
      repos: links.map(({ link, repo }) => ({ id: String(repo.id), dir: repo.path, branch: link.branch, prefix: link.pathPrefix })),
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
  const evaluatedAt = deps.now().toISOString()
  const byId = new Map<string, CheckResult>(result.checks.map((r) => [r.checkId, r]))
  inTransaction(deps.db, () => {
    cache.flush()
    cache.dropLegacyEntries()
    for (const { row } of checkInputs) {
      const checkResult = byId.get(String(row.id))
      if (!checkResult) continue
      const repoId = checkResult.repoId ? Number(checkResult.repoId) : null
      const headSha = result.repos.find((r) => r.id === checkResult.repoId)?.head?.sha ?? null
      const values = { repoId, headSha, resultJson: JSON.stringify(checkResult), evaluatedAt }
      deps.db.insert(checkResults).values({ checkId: row.id, ...values }).onConflictDoUpdate({ target: checkResults.checkId, set: values }).run()
    }
    if (only) return
    for (const repoResult of result.repos) {
      const link = links.find((l) => String(l.repo.id) === repoResult.id)
      if (!link) continue
      deps.db
        .update(planRepos)
        .set({ lastSyncAt: evaluatedAt, lastHeadSha: repoResult.head?.sha ?? null, lastState: repoResult.state, lastMessage: repoResult.message })
        .where(eq(planRepos.id, link.link.id))
        .run()
      deps.db
        .update(repos)
        .set({ available: repoResult.state !== 'unavailable', lastError: repoResult.state === 'ok' ? null : repoResult.message })
        .where(eq(repos.id, link.repo.id))
        .run()
    }
    deps.db.update(plans).set({ lastSyncAt: evaluatedAt }).where(eq(plans.id, planId)).run()
  })
  return {
    planId,
    cancelled: false,
    durationMs: Date.now() - started,
    commitsEvaluated: result.stats.commitsEvaluated,
    checksEvaluated: result.checks.length,
    repos: result.repos.map((r) => ({ repoId: Number(r.id), state: r.state, message: r.message, headSha: r.head?.sha ?? null })),
  }
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
