import { create } from 'zustand'
import { createAppSlice } from './app-slice'
import type { StoreState } from './store-types'
import { createPlansSlice } from '../features/plans/plans-slice'
import { createDashboardSlice } from '../features/dashboard/dashboard-slice'
import { createTasksSlice } from '../features/tasks/tasks-slice'
import { createReposSlice } from '../features/repos/repos-slice'
import { createSettingsSlice } from '../features/settings/settings-slice'
import { createReportSlice } from '../features/report/report-slice'

export type { StoreState } from './store-types'
export type { Route } from './app-slice'

export const useStore = create<StoreState>()((...args) => ({
  ...createAppSlice(...args),
  ...createPlansSlice(...args),
  ...createDashboardSlice(...args),
  ...createTasksSlice(...args),
  ...createReposSlice(...args),
  ...createSettingsSlice(...args),
  ...createReportSlice(...args),
}))
