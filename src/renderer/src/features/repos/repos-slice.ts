import type { RepoLink, SyncSummary } from '../../../../shared/contract/repos'
import type { EventPayload } from '../../../../shared/events'
import type { SliceCreator } from '../../app/store-types'
import { ApiError, call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'

export interface SyncState {
  planId: number
  running: boolean
  phase: string
  done: number
  total: number
  summary: SyncSummary | null
  error: string | null
}

export interface RepoChange {
  branch?: string | null
  prefix?: string | null
  autoSync?: boolean
}

export interface ReposSlice {
  repos: RepoLink[]
  reposError: string | null
  /** the last problem connecting or changing a repo, shown next to the form */
  repoActionError: string | null
  repoBusy: boolean
  sync: SyncState | null
  loadRepos(): Promise<void>
  connectRepo(path: string, branch: string | null, prefix: string | null): Promise<RepoLink | null>
  updateRepo(repoId: number, change: RepoChange): Promise<boolean>
  disconnectRepo(repoId: number): Promise<void>
  /** points a repository at the folder it moved to; the answer's error is returned for the card to show */
  relinkRepo(repoId: number, path: string, force: boolean): Promise<{ ok: true } | { ok: false; code: string; message: string }>
  syncNow(): Promise<void>
  cancelSync(): Promise<void>
  receiveSyncProgress(payload: EventPayload<'repos.syncProgress'>): void
}

export const createReposSlice: SliceCreator<ReposSlice> = (set, get) => ({
  repos: [],
  reposError: null,
  repoActionError: null,
  repoBusy: false,
  sync: null,

  async loadRepos() {
    const planId = get().selectedPlanId
    if (planId === null) return
    try {
      const repos = await call('repos.list', { planId })
      if (get().selectedPlanId === planId) set({ repos, reposError: null })
    } catch (error) {
      set({ reposError: errorMessage(error) })
    }
  },

  async connectRepo(path, branch, prefix) {
    const planId = get().selectedPlanId
    if (planId === null) return null
    set({ repoBusy: true, repoActionError: null })
    try {
      const link = await call('repos.connect', { planId, path, branch: branch || null, prefix: prefix || null })
      await get().loadRepos()
      return link
    } catch (error) {
      set({ repoActionError: errorMessage(error) })
      return null
    } finally {
      set({ repoBusy: false })
    }
  },

  async updateRepo(repoId, change) {
    const planId = get().selectedPlanId
    if (planId === null) return false
    set({ repoActionError: null })
    try {
      await call('repos.update', { planId, repoId, ...change })
      await get().loadRepos()
      return true
    } catch (error) {
      set({ repoActionError: errorMessage(error) })
      return false
    }
  },

  async disconnectRepo(repoId) {
    const planId = get().selectedPlanId
    if (planId === null) return
    set({ repoActionError: null })
    try {
      await call('repos.disconnect', { planId, repoId })
      await Promise.all([get().loadRepos(), get().reloadReport(), get().loadPlans()])
    } catch (error) {
      set({ repoActionError: errorMessage(error) })
    }
  },

  async relinkRepo(repoId, path, force) {
    const planId = get().selectedPlanId
    if (planId === null) return { ok: false, code: 'not-found', message: 'No plan selected' }
    try {
      await call('repos.relink', { planId, repoId, path, force })
      await get().loadRepos()
      return { ok: true }
    } catch (error) {
      return { ok: false, code: error instanceof ApiError ? error.error.code : 'internal', message: errorMessage(error) }
    }
  },

  async syncNow() {
    const planId = get().selectedPlanId
    if (planId === null) return
    set({ sync: { planId, running: true, phase: 'starting', done: 0, total: 0, summary: null, error: null } })
    try {
      const summary = await call('repos.sync', { planId })
      set({ sync: { ...(get().sync ?? { planId, phase: 'done', done: 0, total: 0, error: null }), running: false, summary, error: null } })
    } catch (error) {
      set({ sync: { planId, running: false, phase: 'failed', done: 0, total: 0, summary: null, error: errorMessage(error) } })
    }
    await Promise.all([get().loadRepos(), get().reloadReport(), get().loadPlans()])
  },

  async cancelSync() {
    const planId = get().selectedPlanId
    if (planId === null) return
    try {
      await call('repos.cancelSync', { planId })
    } catch (error) {
      const sync = get().sync
      if (sync) set({ sync: { ...sync, error: errorMessage(error) } })
    }
  },

  receiveSyncProgress(payload) {
    if (payload.planId !== get().selectedPlanId) return
    const current = get().sync
    set({
      sync: {
        planId: payload.planId,
        running: !payload.finished && (current?.running ?? true),
        phase: payload.phase,
        done: payload.done,
        total: payload.total,
        summary: current?.summary ?? null,
        error: current?.error ?? null,
      },
    })
  },
})
