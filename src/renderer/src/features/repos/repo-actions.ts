import type { RepoLink } from '../../../../shared/contract/repos'
import { useStore } from '../../app/store'
import { refreshAfter } from '../../data/core-events'
import { queryClient } from '../../data/query-client'
import { ApiError, call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'

export interface RepoChange {
  branch?: string | null
  prefix?: string | null
  autoSync?: boolean
}

/** Connecting and editing links are not announced by the core: they refresh the repositories themselves. */
export async function connectRepo(
  path: string,
  branch: string | null,
  prefix: string | null,
): Promise<RepoLink | null> {
  const store = useStore.getState()
  const planId = store.selectedPlanId
  if (planId === null) return null
  store.setRepoAction({ repoBusy: true, repoActionError: null })
  try {
    const link = await call('repos.connect', { planId, path, branch: branch || null, prefix: prefix || null })
    await refreshAfter.reposEdited(queryClient, planId, false)
    return link
  } catch (error) {
    store.setRepoAction({ repoActionError: errorMessage(error) })
    return null
  } finally {
    store.setRepoAction({ repoBusy: false })
  }
}

export async function updateRepo(repoId: number, change: RepoChange): Promise<boolean> {
  const store = useStore.getState()
  const planId = store.selectedPlanId
  if (planId === null) return false
  store.setRepoAction({ repoActionError: null })
  try {
    await call('repos.update', { planId, repoId, ...change })
    // another branch or prefix drops the plan's results
    await refreshAfter.reposEdited(queryClient, planId, change.branch !== undefined || change.prefix !== undefined)
    return true
  } catch (error) {
    store.setRepoAction({ repoActionError: errorMessage(error) })
    return false
  }
}

export async function disconnectRepo(repoId: number): Promise<void> {
  const store = useStore.getState()
  const planId = store.selectedPlanId
  if (planId === null) return
  store.setRepoAction({ repoActionError: null })
  try {
    await call('repos.disconnect', { planId, repoId })
    await refreshAfter.reposEdited(queryClient, planId, true)
  } catch (error) {
    store.setRepoAction({ repoActionError: errorMessage(error) })
  }
}

/** Points a repository at the folder it moved to (announced by repos.changed); the answer's error is returned for the card to show. */
export async function relinkRepo(
  repoId: number,
  path: string,
  force: boolean,
): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  const planId = useStore.getState().selectedPlanId
  if (planId === null) return { ok: false, code: 'not-found', message: 'No plan selected' }
  try {
    await call('repos.relink', { planId, repoId, path, force })
    return { ok: true }
  } catch (error) {
    return { ok: false, code: error instanceof ApiError ? error.error.code : 'internal', message: errorMessage(error) }
  }
}

/** Runs a sync; its progress arrives as events, and its end (plans.changed) refreshes what it changed. */
export async function syncNow(): Promise<void> {
  const store = useStore.getState()
  const planId = store.selectedPlanId
  if (planId === null) return
  store.setSync({ planId, running: true, phase: 'starting', done: 0, total: 0, summary: null, error: null })
  try {
    const summary = await call('repos.sync', { planId })
    const current = useStore.getState().sync ?? { planId, phase: 'done', done: 0, total: 0, error: null }
    store.setSync({ ...current, running: false, summary, error: null })
  } catch (error) {
    store.setSync({
      planId,
      running: false,
      phase: 'failed',
      done: 0,
      total: 0,
      summary: null,
      error: errorMessage(error),
    })
  }
}

export async function cancelSync(): Promise<void> {
  const planId = useStore.getState().selectedPlanId
  if (planId === null) return
  try {
    await call('repos.cancelSync', { planId })
  } catch (error) {
    const sync = useStore.getState().sync
    if (sync) useStore.getState().setSync({ ...sync, error: errorMessage(error) })
  }
}
