import type { StateCreator } from 'zustand'
import type { AppSlice } from './app-slice'
import type { PlansSlice } from '../features/plans/plans-slice'
import type { DashboardSlice } from '../features/dashboard/dashboard-slice'
import type { TasksSlice } from '../features/tasks/tasks-slice'
import type { ReposSlice } from '../features/repos/repos-slice'
import type { SettingsSlice } from '../features/settings/settings-slice'
import type { ReportSlice } from '../features/report/report-slice'

export type StoreState = AppSlice & PlansSlice & DashboardSlice & TasksSlice & ReposSlice & SettingsSlice & ReportSlice

/** Each feature contributes one slice; every slice can read and call the others through get(). */
export type SliceCreator<Slice> = StateCreator<StoreState, [], [], Slice>
