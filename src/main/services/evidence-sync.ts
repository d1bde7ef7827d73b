import { CheckResultSchema, type CheckResult, type CheckSpec } from '../../shared/check-model'
import type { SyncSummary } from '../../shared/contract/repos'
import { inTransaction, type AppDatabase } from '../db/client'
import { createSqliteEvidenceCache, type BufferedEvidenceCache } from '../db/evidence-cache-store'
import { linkRows, recordRepoState, type LinkRow } from '../db/repo-store'
import { updatePlanRow } from '../db/plan-store'
import type { GitPort } from '../evidence/git-port'
import type { RepoInspection } from '../evidence/inspect'
import type { SyncProgress, SyncResult } from '../evidence/sync'
import { loadEvidenceSync } from '../engines'
import { checkInputsOf, resultsByCheck, storeCheckResults, type CheckResultValues } from '../db/check-store'
import { checkRepoFolder, isReadable } from './repo-health'
import { localIsoDate } from '../../shared/calendar'
import { evidenceWeekEnds, loadPlanContext, type PlanContext } from './plan-context'

export interface SyncDeps {
  db: AppDatabase
  now: () => Date
  git: GitPort
  onProgress?: (progress: SyncProgress) => void
  signal?: AbortSignal
  /**
   * evaluate only these checks (a check just added, edited or enabled): from the cached history of the others,
   * without a sync of the plan (repos and the plan keep their last sync time)
   */
  onlyCheckIds?: number[]
}

/**
 * Each connected folder's health before the sync. A repository that cannot be read now (moved, unmounted, no
 * longer a repository…) but was read before is stale: it is left out of the sync and keeps its last results.
 */
async function inspectLinks(links: LinkRow[], git: GitPort) {
  const health = new Map<number, RepoInspection>()
  for (const { repo, link } of links) health.set(repo.id, await checkRepoFolder(git, repo.path, link.branch))
  const stale = new Set(
    links
      .filter(({ repo, link }) => !isReadable(health.get(repo.id)!) && link.lastHeadSha !== null)
      .map(({ repo }) => repo.id),
  )
  return { health, stale }
}

/** a stored result that came from (or cites) a stale repository is kept as it is */
function keptResults(db: AppDatabase, checkIds: number[], stale: Set<number>): Set<number> {
  const kept = new Set<number>()
  if (stale.size === 0) return kept
  const staleKeys = new Set([...stale].map(String))
  for (const [checkId, result] of resultsByCheck(db, checkIds)) {
    if (
      (result.repoId !== null && staleKeys.has(result.repoId)) ||
      result.evidence.some((e) => staleKeys.has(e.repoId))
    )
      kept.add(checkId)
  }
  return kept
}

/** What a sync reads before evaluating: the plan, its links and their health, the checks to evaluate. */
interface SyncPlan {
  planId: number
  context: PlanContext
  links: LinkRow[]
  health: Map<number, RepoInspection>
  stale: Set<number>
  checkInputs: Array<{ row: { id: number }; spec: CheckSpec }>
  /** only some checks (a check just added or edited): the repos and the plan keep their last sync */
  partial: boolean
}

async function prepareSync(planId: number, deps: SyncDeps): Promise<SyncPlan> {
  const context = loadPlanContext(deps.db, planId)
  const links = linkRows(deps.db, planId)
  const only = deps.onlyCheckIds ? new Set(deps.onlyCheckIds) : null
  const checkInputs = checkInputsOf(
    deps.db,
    context.taskRows.map((t) => t.id),
  ).filter(({ row }) => !only || only.has(row.id))
  const { health, stale } = await inspectLinks(links, deps.git)
  return { planId, context, links, health, stale, checkInputs, partial: only !== null }
}

async function evaluate(plan: SyncPlan, deps: SyncDeps, cache: BufferedEvidenceCache): Promise<SyncResult> {
  const today = localIsoDate(deps.now())
  const { syncEvidence } = await loadEvidenceSync()
  return syncEvidence({
    repos: plan.links
      .filter(({ repo }) => !plan.stale.has(repo.id))
      .map(({ link, repo }) => ({
        id: String(repo.id),
        dir: repo.path,
        branch: link.branch,
        prefix: link.pathPrefix,
        inspection: plan.health.get(repo.id),
      })),
    checks: plan.checkInputs.map(({ row, spec }) => ({ id: String(row.id), spec })),
    planStart: plan.context.calendar.week1Start,
    weekEnds: evidenceWeekEnds(plan.context, today),
    today,
    cache,
    git: deps.git,
    onProgress: deps.onProgress,
    signal: deps.signal,
  })
}

/** The evidence cache, every check's result and each link's state, in one short transaction. */
function storeSync(
  plan: SyncPlan,
  result: SyncResult,
  cache: BufferedEvidenceCache,
  db: AppDatabase,
  evaluatedAt: string,
): void {
  const kept = keptResults(
    db,
    plan.checkInputs.map(({ row }) => row.id),
    plan.stale,
  )
  inTransaction(db, () => {
    cache.flush()
    cache.dropLegacyEntries()
    storeCheckResults(db, resultValues(plan, result, kept), evaluatedAt)
    if (plan.partial) return
    storeRepoStates(plan, result, db, evaluatedAt)
    updatePlanRow(db, plan.planId, { lastSyncAt: evaluatedAt })
  })
}

/** what each evaluated check's row should now hold; results kept from a stale repository are left out */
function resultValues(plan: SyncPlan, result: SyncResult, kept: Set<number>): CheckResultValues[] {
  const byId = new Map<string, CheckResult>(result.checks.map((r) => [r.checkId, r]))
  const heads = new Map(result.repos.map((r) => [r.id, r.head?.sha ?? null]))
  return plan.checkInputs.flatMap(({ row }) => {
    const checkResult = byId.get(String(row.id))
    if (!checkResult || kept.has(row.id)) return []
    const repoId = checkResult.repoId ? Number(checkResult.repoId) : null
    const headSha = checkResult.repoId ? (heads.get(checkResult.repoId) ?? null) : null
    return [{ checkId: row.id, repoId, headSha, resultJson: storableResult(checkResult) }]
  })
}

export const MALFORMED_RESULT_MESSAGE =
  'This check could not be evaluated: the engine produced a result outside its format (a bug). Sync again; if it stays, report it.'

/**
 * The JSON stored for a check's result. What is read back must pass the result schema, else the read drops it and
 * the task shows "not synced yet" forever without a word of why: a result outside the schema (a bug, e.g. a date
 * left at Infinity, which JSON turns into null) is stored as "could not be evaluated", with a message saying so.
 */
export function storableResult(result: CheckResult): string {
  const json = JSON.stringify(result)
  if (CheckResultSchema.safeParse(JSON.parse(json)).success) return json
  const unevaluated: CheckResult = {
    checkId: result.checkId,
    holdsNow: null,
    since: null,
    weekStates: (Array.isArray(result.weekStates) ? result.weekStates : []).map(() => null),
    evidence: [],
    uncommitted: null,
    repoId: null,
    message: MALFORMED_RESULT_MESSAGE,
  }
  return JSON.stringify(unevaluated)
}

function storeRepoStates(plan: SyncPlan, result: SyncResult, db: AppDatabase, evaluatedAt: string): void {
  for (const repoResult of result.repos) {
    const link = plan.links.find((l) => String(l.repo.id) === repoResult.id)
    if (!link) continue
    // the sync's own inspection says "not a git repository" where ours can say why
    const message =
      repoResult.state === 'ok' ? repoResult.message : (plan.health.get(link.repo.id)?.message ?? repoResult.message)
    recordRepoState(db, link, repoResult.state, message, {
      lastSyncAt: evaluatedAt,
      lastHeadSha: repoResult.head?.sha ?? null,
    })
  }
  for (const link of plan.links.filter(({ repo }) => plan.stale.has(repo.id))) {
    const inspection = plan.health.get(link.repo.id)!
    recordRepoState(db, link, inspection.state, inspection.message, null)
  }
}

function summaryOf(plan: SyncPlan, result: SyncResult, durationMs: number): SyncSummary {
  return {
    planId: plan.planId,
    cancelled: false,
    durationMs,
    commitsEvaluated: result.stats.commitsEvaluated,
    checksEvaluated: result.checks.length,
    repos: plan.links.map(({ repo, link }) => {
      const synced = result.repos.find((r) => r.id === String(repo.id))
      const inspection = plan.health.get(repo.id)!
      if (synced) {
        const message = synced.state === 'ok' ? synced.message : inspection.message
        return { repoId: repo.id, state: synced.state, message, headSha: synced.head?.sha ?? null, stale: false }
      }
      return {
        repoId: repo.id,
        state: inspection.state,
        message: inspection.message,
        headSha: link.lastHeadSha,
        stale: true,
      }
    }),
  }
}

function nothingSynced(planId: number, started: number, cancelled: boolean): SyncSummary {
  return { planId, cancelled, durationMs: Date.now() - started, commitsEvaluated: 0, checksEvaluated: 0, repos: [] }
}

/**
 * Replays the plan's connected repositories and stores every check's result. The evaluation runs outside any
 * transaction; the evidence cache and the results land together in one short transaction at the end; a cancelled
 * sync stores nothing. Results from a repository that cannot be read now are kept, marked stale on its link.
 */
export async function syncPlanEvidence(planId: number, deps: SyncDeps): Promise<SyncSummary> {
  const started = Date.now()
  const plan = await prepareSync(planId, deps)
  // nothing connected: nothing is replayed and nothing stored (the plan is not "synced"); the summary lists no repo
  if (plan.links.length === 0) return nothingSynced(planId, started, false)
  const cache = createSqliteEvidenceCache(deps.db)
  let result: SyncResult
  try {
    result = await evaluate(plan, deps, cache)
  } catch (error) {
    cache.discard()
    if (!deps.signal?.aborted) throw error
    return nothingSynced(planId, started, true)
  }
  storeSync(plan, result, cache, deps.db, deps.now().toISOString())
  return summaryOf(plan, result, Date.now() - started)
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
