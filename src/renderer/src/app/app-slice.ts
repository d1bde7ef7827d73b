import type { SliceCreator } from './store-types'

export type Route = 'plans' | 'dashboard' | 'tasks' | 'repos' | 'report' | 'settings'

export interface Notice {
  id: number
  message: string
  tone: 'info' | 'error'
  /** offered as an "Undo" button next to the message */
  undo?: () => Promise<void>
  /** what the notice is about ("import"): a newer notice on the same topic replaces it rather than stacking */
  topic?: string
}

/** At most this many notices show at once; the oldest goes first. */
const MAX_NOTICES = 3

/**
 * The notices after a new one: it replaces an older one on its topic and an identical message (unless that one
 * offers Undo), and the stack keeps the newest MAX_NOTICES.
 */
export function withNotice(notices: Notice[], notice: Notice): Notice[] {
  const superseded = (older: Notice) =>
    (notice.topic !== undefined && older.topic === notice.topic) ||
    (!older.undo && older.tone === notice.tone && older.message === notice.message)
  return [...notices.filter((older) => !superseded(older)), notice].slice(-MAX_NOTICES)
}

export interface AppSlice {
  route: Route
  /** the first reads are done (or failed): screens can show */
  ready: boolean
  bootError: string | null
  notices: Notice[]
  navigate(route: Route): void
  notify(notice: Omit<Notice, 'id'>): void
  dismissNotice(id: number): void
}

let nextNoticeId = 1

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => ({
  route: 'plans',
  ready: false,
  bootError: null,
  notices: [],
  navigate: (route) => set({ route }),
  notify(notice) {
    const id = nextNoticeId++
    set({ notices: withNotice(get().notices, { ...notice, id }) })
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
})
