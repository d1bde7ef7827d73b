import { existsSync } from 'node:fs'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { RepoLink } from '../../shared/contract/evidence'
import { AppError } from '../../shared/rpc'
import type { AppDatabase } from './client'
import { planRepos, repos } from './schema'

type LinkRow = { link: typeof planRepos.$inferSelect; repo: typeof repos.$inferSelect }

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
const READABLE_STATES = new Set(['ok', 'shallow', 'never-synced'])

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
  if (holder && holder.id !== repoId) throw new AppError('conflict', `${path} is already connected as another repository (${holder.id}); disconnect that one first`)
  db.update(repos).set({ path, name, available: true, lastError: null }).where(eq(repos.id, repoId)).run()
}

/** Normalizes a path prefix to `dir/sub/` (no leading `./` or `/`), or null for none. */
export function normalizePrefix(prefix: string | null | undefined): string | null {
  if (prefix === undefined || prefix === null) return null
  const trimmed = prefix.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '')
  if (trimmed === '' || trimmed === '.') return null
  if (trimmed.split('/').some((part) => part === '..' || part === '.')) throw new AppError('bad-input', `The path prefix "${prefix}" must stay inside the plan's paths (no "..")`)
  return `${trimmed}/`
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
  return db.delete(planRepos).where(and(eq(planRepos.planId, planId), eq(planRepos.repoId, repoId))).run().changes > 0
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
