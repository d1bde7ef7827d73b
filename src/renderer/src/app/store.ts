import { create } from 'zustand'
import type { PlanSummary } from '../../../shared/contract/plans'
import type { Settings } from '../../../shared/contract/app'
import { call } from '../lib/api'

export type Route = 'plans' | 'dashboard' | 'tasks' | 'repos' | 'report' | 'settings'

export interface AppSlice {
  route: Route
  ready: boolean
  error: string | null
  settings: Settings | null
  navigate(route: Route): void
  setError(message: string | null): void
  boot(): Promise<void>
}

export interface PlansSlice {
  plans: PlanSummary[]
  selectedPlanId: number | null
  loadPlans(): Promise<void>
  selectPlan(id: number | null): void
}

export type StoreState = AppSlice & PlansSlice

export const useStore = create<StoreState>()((set, get) => ({
  route: 'plans',
  ready: false,
  error: null,
  settings: null,
  navigate: (route) => set({ route }),
  setError: (error) => set({ error }),
  async boot() {
    try {
      const [settings] = await Promise.all([call('settings.get', {}), get().loadPlans()])
      set({ settings })
    } catch (error) {
      set({ error: (error as Error).message })
    } finally {
      set({ ready: true })
    }
  },

  plans: [],
  selectedPlanId: null,
  async loadPlans() {
    const plans = await call('plans.list', {})
    const selected = get().selectedPlanId
    set({ plans, selectedPlanId: selected !== null && plans.some((p) => p.id === selected) ? selected : (plans[0]?.id ?? null) })
  },
  selectPlan: (selectedPlanId) => set({ selectedPlanId }),
}))
