import type { SliceCreator } from '../../app/store-types'
import { DEFAULT_TASK_FILTERS, type TaskFilters, type TaskSort } from './task-rows'

export type ManualStatusChoice = 'done' | 'not-done' | 'blocked' | 'cleared'

/** The open work item; its evidence, history and explanation are queries keyed by its task id. */
export interface TaskDrawerState {
  key: string
  /** null: the plan has no stored id for it */
  taskId: number | null
  /** the last change made from the drawer failed */
  actionError: string | null
}

export interface TasksSlice {
  taskFilters: TaskFilters
  taskSort: TaskSort
  drawer: TaskDrawerState | null
  setTaskFilters(patch: Partial<TaskFilters>): void
  setTaskSort(sort: TaskSort): void
  openTask(key: string, taskId: number | null): void
  closeTask(): void
  setDrawerError(actionError: string | null): void
}

export const createTasksSlice: SliceCreator<TasksSlice> = (set, get) => ({
  taskFilters: DEFAULT_TASK_FILTERS,
  taskSort: { by: 'plan', direction: 'asc' },
  drawer: null,
  setTaskFilters: (patch) => set({ taskFilters: { ...get().taskFilters, ...patch } }),
  setTaskSort: (taskSort) => set({ taskSort }),
  openTask: (key, taskId) => set({ drawer: { key, taskId, actionError: null } }),
  closeTask: () => set({ drawer: null }),
  setDrawerError(actionError) {
    const drawer = get().drawer
    if (drawer) set({ drawer: { ...drawer, actionError } })
  },
})
