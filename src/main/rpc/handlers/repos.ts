import { existsSync, realpathSync } from 'node:fs'
import { basename, isAbsolute } from 'node:path'
import { eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../shared/rpc'
import { inTransaction } from '../../db/client'
import { requirePlanRow } from '../../db/plan-store'
import { linkRows, moveRepo, normalizePrefix, removeLink, requireLink, toRepoLink, upsertRepo } from '../../db/repo-store'
import { checkResults, checks, planRepos, tasks } from '../../db/schema'
import { createGitPort, inspectRepo, isSafeBranchName, type GitPort } from '../../evidence'
import { syncPlanEvidence } from '../../services/evidence-sync'
import { checkRepoFolder, hasCommit, isReadable } from '../../services/repo-health'
import type { CoreContext } from '../context'
import type { HandlerGroup } from '../dispatch'

function checkedBranch(branch: string | null | undefined): string | null | undefined {
  if (branch === undefined || branch === null) return branch
  if (!isSafeBranchName(branch)) throw new AppError('bad-input', `"${branch}" is not a usable branch name`)
  return branch
}

/** Results of a plan's checks are stale once its repos change; the next sync recomputes them. */
function dropPlanResults(ctx: CoreContext, planId: number) {
  const taskIds = ctx.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId)).all().map((t) => t.id)
  if (taskIds.length === 0) return
  const checkIds = ctx.db.select({ id: checks.id }).from(checks).where(inArray(checks.taskId, taskIds)).all().map((c) => c.id)
  if (checkIds.length > 0) ctx.db.delete(checkResults).where(inArray(checkResults.checkId, checkIds)).run()
}

/** A relinked folder must hold the commit last read from the old one, unless the lead insists (rewritten history). */
async function assertSameRepository(git: GitPort, dir: string, oldPath: string, lastHeadSha: string | null) {
  if (lastHeadSha === null || (await hasCommit(git, dir, lastHeadSha))) return
  throw new AppError(
    'conflict',
    `${dir} does not contain commit ${lastHeadSha.slice(0, 10)}, the last one read from ${oldPath}, so it looks like another repository; relink with force if its history was rewritten, or connect it as a new repository`,
  )
}

export const repoHandlers: HandlerGroup = {
  'repos.connect': async (input, ctx) => {
    requirePlanRow(ctx.db, input.planId)
    if (!isAbsolute(input.path)) throw new AppError('bad-input', `Give the repository's full path (got "${input.path}")`)
    // "not there any more" is for a connected repository that went away; a path that never existed is just wrong
    if (!existsSync(input.path)) throw new AppError('bad-input', `No such file or directory: ${input.path}`)
    const branch = checkedBranch(input.branch)
    const prefix = normalizePrefix(input.prefix)
    const inspection = await checkRepoFolder(createGitPort(), input.path, branch ?? null)
    if (['unavailable', 'not-a-repo', 'git-missing'].includes(inspection.state)) throw new AppError('bad-input', inspection.message)
    if (branch && inspection.state !== 'empty' && !inspection.head) throw new AppError('bad-input', `The repository has no branch "${branch}"`)
    const topLevel = realpathSync(inspection.dir)
    const repoId = inTransaction(ctx.db, () => {
      const id = upsertRepo(ctx.db, topLevel, basename(topLevel))
      const existing = linkRows(ctx.db, input.planId).find((r) => r.repo.id === id)
      if (existing) throw new AppError('conflict', `${topLevel} is already connected to this plan`)
      ctx.db
        .insert(planRepos)
        .values({ planId: input.planId, repoId: id, branch: branch ?? null, pathPrefix: prefix, lastState: inspection.state, lastMessage: inspection.message })
        .run()
      dropPlanResults(ctx, input.planId)
      return id
    })
    ctx.reposChanged(input.planId)
    return toRepoLink(requireLink(ctx.db, input.planId, repoId), inspection.currentBranch)
  },
  'repos.list': async (input, ctx) => {
    requirePlanRow(ctx.db, input.planId)
    const git = createGitPort()
    return Promise.all(
      linkRows(ctx.db, input.planId).map(async (row) => {
        const inspection = await inspectRepo(git, row.repo.path, { branch: row.link.branch })
        return toRepoLink(row, inspection.currentBranch)
      }),
    )
  },
  'repos.update': (input, ctx) => {
    const row = requireLink(ctx.db, input.planId, input.repoId)
    const patch: Partial<typeof planRepos.$inferInsert> = {}
    if (input.branch !== undefined) patch.branch = checkedBranch(input.branch) ?? null
    if (input.prefix !== undefined) patch.pathPrefix = normalizePrefix(input.prefix)
    if (input.autoSync !== undefined) patch.autoSync = input.autoSync
    inTransaction(ctx.db, () => {
      ctx.db.update(planRepos).set(patch).where(eq(planRepos.id, row.link.id)).run()
      if (input.branch !== undefined || input.prefix !== undefined) dropPlanResults(ctx, input.planId)
    })
    ctx.reposChanged(input.planId)
    return toRepoLink(requireLink(ctx.db, input.planId, input.repoId))
  },
  'repos.relink': async (input, ctx) => {
    const row = requireLink(ctx.db, input.planId, input.repoId)
    if (!isAbsolute(input.path)) throw new AppError('bad-input', `Give the repository's full path (got "${input.path}")`)
    if (!existsSync(input.path)) throw new AppError('bad-input', `No such file or directory: ${input.path}`)
    const git = createGitPort()
    const inspection = await checkRepoFolder(git, input.path, row.link.branch)
    if (!isReadable(inspection) && inspection.state !== 'empty') throw new AppError('bad-input', inspection.message)
    if (!input.force) await assertSameRepository(git, inspection.dir, row.repo.path, row.link.lastHeadSha)
    const topLevel = realpathSync(inspection.dir)
    inTransaction(ctx.db, () => {
      moveRepo(ctx.db, row.repo.id, topLevel, basename(topLevel))
      ctx.db.update(planRepos).set({ lastState: inspection.state, lastMessage: inspection.message }).where(eq(planRepos.id, row.link.id)).run()
    })
    ctx.reposChanged(input.planId)
    ctx.emit('repos.changed', { planId: input.planId, repoId: row.repo.id, reason: `relinked to ${topLevel}` })
    return toRepoLink(requireLink(ctx.db, input.planId, input.repoId), inspection.currentBranch)
  },
  'repos.disconnect': (input, ctx) => {
    const removed = inTransaction(ctx.db, () => {
      const done = removeLink(ctx.db, input.planId, input.repoId)
      if (done) dropPlanResults(ctx, input.planId)
      return done
    })
    ctx.reposChanged(input.planId)
    return { removed }
  },
  'repos.sync': async (input, ctx) => {
    requirePlanRow(ctx.db, input.planId)
    const summary = await ctx.sync.run(input.planId, (signal) =>
      syncPlanEvidence(input.planId, {
        db: ctx.db,
        now: ctx.now,
        signal,
        onProgress: (p) => ctx.emit('repos.syncProgress', { planId: input.planId, phase: p.phase, done: p.done, total: p.total, finished: false }),
      }),
    )
    ctx.emit('repos.syncProgress', { planId: input.planId, phase: summary.cancelled ? 'cancelled' : 'done', done: 1, total: 1, finished: true })
    ctx.emit('plans.changed', { planId: input.planId })
    return summary
  },
  'repos.cancelSync': (input, ctx) => ({ cancelled: ctx.sync.cancel(input.planId) }),
}
