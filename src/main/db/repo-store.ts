import { existsSync } from 'node:fs'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { RepoLink } from '../../shared/contract/repos'
import type { LinkState, RepoState } from '../../shared/repo-model'
import { AppError } from '../../shared/rpc'
import type { AppDatabase } from './client'
import { planRepos, repos } from './schema'

export type LinkRow = { link: typeof planRepos.$inferSelect; repo: typeof repos.$inferSelect }

export function linkRows(db: AppDatabase, planId: number): LinkRow[] {
  return db
    .select({ link: planRepos, repo: repos })
    .from(planRepos)
    .innerJoin(repos, eq(planRepos.repoId, repos.id))
    .where(eq(planRepos.planId, planId))
    .orderBy(planRepos.id)
    .all()
}

export function requireLink(db: AppDatabase, planId: number, repoId: number): LinkRow {
  const row = linkRows(db, planId).find((r) => r.repo.id === repoId)
  if (!row) throw new AppError('not-found', `Repository ${repoId} is not connected to plan ${planId}`)
  return row
}

/** states in which a repository's evidence can be read */
const READABLE_STATES = new Set<LinkState>(['ok', 'shallow', 'never-synced'])

export function toRepoLink({ link, repo }: LinkRow, currentBranch: string | null = null): RepoLink {
  // the folder can vanish between syncs; say so without waiting for the next sync
  const present = existsSync(repo.path)
  const state = !present ? 'unavailable' : (link.lastState ?? 'never-synced')
  return {
    planId: link.planId,
    repoId: repo.id,
    path: repo.path,
    name: repo.name,
    branch: link.branch,
    currentBranch,
    prefix: link.pathPrefix,
    autoSync: link.autoSync,
    available: present && repo.available,
    state,
    message: !present ? `${repo.path} is not there any more (moved or deleted?)` : link.lastMessage,
    lastSyncAt: link.lastSyncAt,
    headSha: link.lastHeadSha,
    stale: link.lastHeadSha !== null && !READABLE_STATES.has(state),
  }
}

/** Points a repository at its new folder; its id (and so its evidence cache and results) stays. */
export function moveRepo(db: AppDatabase, repoId: number, path: string, name: string): void {
  const holder = db.select({ id: repos.id }).from(repos).where(eq(repos.path, path)).get()
  if (holder && holder.id !== repoId)
    throw new AppError(
      'conflict',
      `${path} is already connected as another repository (${holder.id}); disconnect that one first`,
    )
  db.update(repos).set({ path, name, available: true, lastError: null }).where(eq(repos.id, repoId)).run()
}

export function upsertRepo(db: AppDatabase, path: string, name: string): number {
  const existing = db.select({ id: repos.id }).from(repos).where(eq(repos.path, path)).get()
  if (existing) {
    db.update(repos).set({ available: true, lastError: null }).where(eq(repos.id, existing.id)).run()
    return existing.id
  }
  return db.insert(repos).values({ path, name }).returning({ id: repos.id }).get().id
}

export function removeLink(db: AppDatabase, planId: number, repoId: number): boolean {
  return (
    db
      .delete(planRepos)
      .where(and(eq(planRepos.planId, planId), eq(planRepos.repoId, repoId)))
      .run().changes > 0
  )
}

/** Plans connected to the repository at one of these paths (exact, as stored), oldest plan first. */
export function planIdsConnectedTo(db: AppDatabase, paths: string[]): number[] {
  if (paths.length === 0) return []
  return db
    .select({ planId: planRepos.planId })
    .from(planRepos)
    .innerJoin(repos, eq(repos.id, planRepos.repoId))
    .where(inArray(repos.path, paths))
    .orderBy(asc(planRepos.planId))
    .all()
    .map((row) => row.planId)
}

export function insertLink(db: AppDatabase, link: typeof planRepos.$inferInsert): void {
  db.insert(planRepos).values(link).run()
}

export function updateLink(db: AppDatabase, linkId: number, patch: Partial<typeof planRepos.$inferInsert>): void {
  db.update(planRepos).set(patch).where(eq(planRepos.id, linkId)).run()
}

/** A link's state after a sync; `synced` is null for a stale repo (its last sync time and head stay). */
export function recordRepoState(
  db: AppDatabase,
  { link, repo }: LinkRow,
  state: RepoState,
  message: string,
  synced: { lastSyncAt: string; lastHeadSha: string | null } | null,
): void {
  updateLink(db, link.id, { ...(synced ?? {}), lastState: state, lastMessage: message })
  db.update(repos)
    .set({ available: state !== 'unavailable', lastError: state === 'ok' ? null : message })
    .where(eq(repos.id, repo.id))
    .run()
}

/** Every connection of any plan, with the folder to watch. */
export function allLinks(db: AppDatabase): Array<{ planId: number; repoId: number; path: string; autoSync: boolean }> {
  return db
    .select({ planId: planRepos.planId, repoId: repos.id, path: repos.path, autoSync: planRepos.autoSync })
    .from(planRepos)
    .innerJoin(repos, eq(planRepos.repoId, repos.id))
    .all()
}
