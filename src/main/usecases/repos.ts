import { existsSync, realpathSync } from 'node:fs'
import { basename, isAbsolute } from 'node:path'
import type { MethodOutput, ParsedInput } from '../../shared/contract'
import { AppError } from '../../shared/rpc'
import { dropPlanResults, unevaluatedCheckIds } from '../db/check-store'
import { inTransaction } from '../db/client'
import { requirePlanRow } from '../db/plan-store'
import {
  insertLink,
  linkRows,
  moveRepo,
  removeLink,
  requireLink,
  toRepoLink,
  updateLink,
  upsertRepo,
} from '../db/repo-store'
import type { GitPort } from '../evidence/git-port'
import { inspectRepo, isSafeBranchName } from '../evidence/inspect'
import { normalizePrefix } from '../evidence/paths'
import type { SyncProgress } from '../evidence/sync'
import { syncPlanEvidence } from '../services/evidence-sync'
import { checkRepoFolder, hasCommit, isReadable } from '../services/repo-health'
import type { CoreContext } from './context'

function checkedBranch(branch: string | null | undefined): string | null | undefined {
  if (branch === undefined || branch === null) return branch
  if (!isSafeBranchName(branch)) throw new AppError('bad-input', `"${branch}" is not a usable branch name`)
  return branch
}

/** A repository's path prefix as stored (`dir/sub/`, or null for none); one that leaves the plan's paths is refused. */
function checkedPrefix(prefix: string | null | undefined): string | null {
  const normalized = normalizePrefix(prefix)
  if (normalized === null)
    throw new AppError('bad-input', `The path prefix "${prefix}" must stay inside the plan's paths (no "..")`)
  return normalized || null
}

/** A folder given by the lead: absolute, and there ("not there any more" is for a connected repo that went away). */
function checkedFolder(path: string): void {
  if (!isAbsolute(path)) throw new AppError('bad-input', `Give the repository's full path (got "${path}")`)
  if (!existsSync(path)) throw new AppError('bad-input', `No such file or directory: ${path}`)
}

export async function connectRepo(
  ctx: CoreContext,
  input: ParsedInput<'repos.connect'>,
): Promise<MethodOutput<'repos.connect'>> {
  requirePlanRow(ctx.db, input.planId)
  checkedFolder(input.path)
  const branch = checkedBranch(input.branch)
  const prefix = checkedPrefix(input.prefix)
  const inspection = await checkRepoFolder(ctx.git, input.path, branch ?? null)
  if (['unavailable', 'not-a-repo', 'git-missing'].includes(inspection.state))
    throw new AppError('bad-input', inspection.message)
  if (branch && inspection.state !== 'empty' && !inspection.head)
    throw new AppError('bad-input', `The repository has no branch "${branch}"`)
  const topLevel = realpathSync(inspection.dir)
  const repoId = inTransaction(ctx.db, () => {
    const id = upsertRepo(ctx.db, topLevel, basename(topLevel))
    if (linkRows(ctx.db, input.planId).some((r) => r.repo.id === id))
      throw new AppError('conflict', `${topLevel} is already connected to this plan`)
    const state = { lastState: inspection.state, lastMessage: inspection.message }
    insertLink(ctx.db, { planId: input.planId, repoId: id, branch: branch ?? null, pathPrefix: prefix, ...state })
    dropPlanResults(ctx.db, input.planId)
    return id
  })
  ctx.reposChanged(input.planId)
  return toRepoLink(requireLink(ctx.db, input.planId, repoId), inspection.currentBranch)
}

export async function listRepos(ctx: CoreContext, planId: number): Promise<MethodOutput<'repos.list'>> {
  requirePlanRow(ctx.db, planId)
  return Promise.all(
    linkRows(ctx.db, planId).map(async (row) => {
      const inspection = await inspectRepo(ctx.git, row.repo.path, { branch: row.link.branch })
      return toRepoLink(row, inspection.currentBranch)
    }),
  )
}

export function updateRepo(ctx: CoreContext, input: ParsedInput<'repos.update'>): MethodOutput<'repos.update'> {
  const row = requireLink(ctx.db, input.planId, input.repoId)
  const patch: Parameters<typeof updateLink>[2] = {}
  if (input.branch !== undefined) patch.branch = checkedBranch(input.branch) ?? null
  if (input.prefix !== undefined) patch.pathPrefix = checkedPrefix(input.prefix)
  if (input.autoSync !== undefined) patch.autoSync = input.autoSync
  inTransaction(ctx.db, () => {
    updateLink(ctx.db, row.link.id, patch)
    if (input.branch !== undefined || input.prefix !== undefined) dropPlanResults(ctx.db, input.planId)
  })
  ctx.reposChanged(input.planId)
  return toRepoLink(requireLink(ctx.db, input.planId, input.repoId))
}

/** A relinked folder must hold the commit last read from the old one, unless the lead insists (rewritten history). */
async function assertSameRepository(git: GitPort, dir: string, oldPath: string, lastHeadSha: string | null) {
  if (lastHeadSha === null || (await hasCommit(git, dir, lastHeadSha))) return
  throw new AppError(
    'conflict',
    `${dir} does not contain commit ${lastHeadSha.slice(0, 10)}, the last one read from ${oldPath}, so it looks like another repository; relink with force if its history was rewritten, or connect it as a new repository`,
  )
}

export async function relinkRepo(
  ctx: CoreContext,
  input: ParsedInput<'repos.relink'>,
): Promise<MethodOutput<'repos.relink'>> {
  const row = requireLink(ctx.db, input.planId, input.repoId)
  checkedFolder(input.path)
  const inspection = await checkRepoFolder(ctx.git, input.path, row.link.branch)
  if (!isReadable(inspection) && inspection.state !== 'empty') throw new AppError('bad-input', inspection.message)
  if (!input.force) await assertSameRepository(ctx.git, inspection.dir, row.repo.path, row.link.lastHeadSha)
  const topLevel = realpathSync(inspection.dir)
  inTransaction(ctx.db, () => {
    moveRepo(ctx.db, row.repo.id, topLevel, basename(topLevel))
    updateLink(ctx.db, row.link.id, { lastState: inspection.state, lastMessage: inspection.message })
  })
  ctx.reposChanged(input.planId)
  ctx.emit('repos.changed', { planId: input.planId, repoId: row.repo.id, reason: `relinked to ${topLevel}` })
  return toRepoLink(requireLink(ctx.db, input.planId, input.repoId), inspection.currentBranch)
}

export function disconnectRepo(
  ctx: CoreContext,
  input: ParsedInput<'repos.disconnect'>,
): MethodOutput<'repos.disconnect'> {
  const removed = inTransaction(ctx.db, () => {
    const done = removeLink(ctx.db, input.planId, input.repoId)
    if (done) dropPlanResults(ctx.db, input.planId)
    return done
  })
  ctx.reposChanged(input.planId)
  return { removed }
}

/** Replays the plan's repositories (one sync per plan at a time), pushing its progress as events. */
export async function syncPlan(ctx: CoreContext, planId: number): Promise<MethodOutput<'repos.sync'>> {
  requirePlanRow(ctx.db, planId)
  const onProgress = (p: SyncProgress) =>
    ctx.emit('repos.syncProgress', { planId, phase: p.phase, done: p.done, total: p.total, finished: false })
  const summary = await ctx.sync.run(planId, (signal) =>
    syncPlanEvidence(planId, { db: ctx.db, now: ctx.now, git: ctx.git, signal, onProgress }),
  )
  ctx.emit('repos.syncProgress', {
    planId,
    phase: summary.cancelled ? 'cancelled' : 'done',
    done: 1,
    total: 1,
    finished: true,
  })
  ctx.emit('plans.changed', { planId })
  return summary
}

/**
 * Re-evaluates one check at once (just added, edited or enabled) over the connected repos, from the others' cached
 * history, so its task never waits for a sync. A plan with no repo, or a sync already running (it will evaluate the
 * check), leaves it for the next sync.
 */
export async function evaluateCheckNow(ctx: CoreContext, planId: number, checkId: number): Promise<void> {
  if (ctx.sync.isRunning(planId) || linkRows(ctx.db, planId).length === 0) return
  await syncPlanEvidence(planId, { db: ctx.db, now: ctx.now, git: ctx.git, onlyCheckIds: [checkId] })
}

/**
 * After an import or a re-read of a plan that has been synced: the checks no evaluation has a result for (a `Done
 * when` the new version added or changed) are evaluated at once, the same way as a check the lead adds, so their
 * tasks never wait for the next sync. A plan never synced, or a sync running, leaves them to that sync. The import
 * itself has landed: a failure here is logged, and the next sync evaluates them.
 */
export async function evaluateNewChecks(ctx: CoreContext, planId: number): Promise<void> {
  if (ctx.sync.isRunning(planId) || linkRows(ctx.db, planId).length === 0) return
  if (requirePlanRow(ctx.db, planId).lastSyncAt === null) return
  const onlyCheckIds = unevaluatedCheckIds(ctx.db, planId)
  if (onlyCheckIds.length === 0) return
  try {
    await syncPlanEvidence(planId, { db: ctx.db, now: ctx.now, git: ctx.git, onlyCheckIds })
  } catch (error) {
    ctx.logger.error(`plan ${planId}: the checks the import added are left to the next sync`, error)
  }
}
