import type { SliceCreator } from './store-types'

export type Route = 'plans' | 'dashboard' | 'tasks' | 'repos' | 'report' | 'settings'

export interface Notice {
  id: number
  message: string
  tone: 'info' | 'error'
  /** offered as an "Undo" button next to the message */
  undo?: () => Promise<void>
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
    set({ notices: [...get().notices.slice(-3), { ...notice, id }] })
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
})
