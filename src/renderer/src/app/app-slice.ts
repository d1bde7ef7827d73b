import type { MethodOutput } from '../../../shared/contract'
import { call } from '../lib/api'
import { errorMessage } from '../lib/errors'
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
  ready: boolean
  bootError: string | null
  info: MethodOutput<'app.getInfo'> | null
  notices: Notice[]
  navigate(route: Route): void
  boot(): Promise<void>
  notify(notice: Omit<Notice, 'id'>): void
  dismissNotice(id: number): void
}

let nextNoticeId = 1

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => ({
  route: 'plans',
  ready: false,
  bootError: null,
  info: null,
  notices: [],
  navigate: (route) => set({ route }),
  async boot() {
    try {
      const [info, settings] = await Promise.all([call('app.getInfo', {}), call('settings.get', {}), get().loadPlans()])
      set({ info, settings })
      const { plans, selectedPlanId } = get()
      if (plans.length > 0 && selectedPlanId !== null) {
        set({ route: 'dashboard' })
        void get().loadPlanData()
      }
    } catch (error) {
      set({ bootError: errorMessage(error) })
    } finally {
      set({ ready: true })
    }
  },
  notify(notice) {
    const id = nextNoticeId++
    set({ notices: [...get().notices.slice(-3), { ...notice, id }] })
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
})
