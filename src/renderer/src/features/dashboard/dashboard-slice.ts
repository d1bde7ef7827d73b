import type { SliceCreator } from '../../app/store-types'

export interface DashboardSlice {
  /** null = today (the core's clock); else a yyyy-mm-dd "as of" date */
  asOf: string | null
  /** the baseline the dashboard measures against; null = the plan's newest */
  baselineId: number | null
  setAsOf(date: string | null): void
  setBaselineId(id: number | null): void
}

export const createDashboardSlice: SliceCreator<DashboardSlice> = (set) => ({
  asOf: null,
  baselineId: null,
  setAsOf: (asOf) => set({ asOf }),
  setBaselineId: (baselineId) => set({ baselineId }),
})
