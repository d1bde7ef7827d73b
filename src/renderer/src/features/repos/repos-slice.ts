import type { SyncSummary } from '../../../../shared/contract/repos'
import type { EventPayload } from '../../../../shared/events'
import type { SliceCreator } from '../../app/store-types'

/** The selected plan's sync as this window sees it: started here, or announced by the core's progress events. */
export interface SyncState {
  planId: number
  running: boolean
  phase: string
  done: number
  total: number
  summary: SyncSummary | null
  error: string | null
}

export interface ReposSlice {
  /** the last problem connecting or changing a repo, shown next to the form */
  repoActionError: string | null
  repoBusy: boolean
  sync: SyncState | null
  setRepoAction(patch: { repoActionError?: string | null; repoBusy?: boolean }): void
  setSync(sync: SyncState | null): void
  receiveSyncProgress(payload: EventPayload<'repos.syncProgress'>): void
}

export const createReposSlice: SliceCreator<ReposSlice> = (set, get) => ({
  repoActionError: null,
  repoBusy: false,
  sync: null,
  setRepoAction: (patch) => set(patch),
  setSync: (sync) => set({ sync }),
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
