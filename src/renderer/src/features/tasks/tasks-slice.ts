import type { CheckSpec } from '../../../../shared/check-model'
import type { TaskEvidenceView } from '../../../../shared/contract/evidence'
import type { TaskStatusEntry } from '../../../../shared/contract/tasks'
import type { SliceCreator } from '../../app/store-types'
import { call } from '../../lib/api'
import { taskDisplayName } from '../../lib/task-label'
import { errorMessage } from '../../lib/errors'
import { DEFAULT_TASK_FILTERS, type TaskFilters, type TaskSort } from './task-rows'

export type ManualStatusChoice = 'done' | 'not-done' | 'blocked' | 'cleared'

export interface TaskDrawerState {
  key: string
  taskId: number | null
  evidence: TaskEvidenceView | null
  evidenceError: string | null
  history: TaskStatusEntry[] | null
  historyError: string | null
  loading: boolean
  /** the last change made from the drawer failed */
  actionError: string | null
}

export interface TasksSlice {
  taskFilters: TaskFilters
  taskSort: TaskSort
  drawer: TaskDrawerState | null
  setTaskFilters(patch: Partial<TaskFilters>): void
  setTaskSort(sort: TaskSort): void
  openTask(key: string): Promise<void>
  closeTask(): void
  reloadDrawer(): Promise<void>
  setManualStatus(status: ManualStatusChoice, note: string, date: string): Promise<boolean>
  setCheckEnabled(checkId: number, enabled: boolean): Promise<void>
  updateCheckSpec(checkId: number, spec: CheckSpec): Promise<boolean>
  addCheck(spec: CheckSpec): Promise<boolean>
  removeCheck(checkId: number): Promise<void>
}

export const createTasksSlice: SliceCreator<TasksSlice> = (set, get) => {
  function patchDrawer(patch: Partial<TaskDrawerState>) {
    const drawer = get().drawer
    if (drawer) set({ drawer: { ...drawer, ...patch } })
  }

  /** runs a change from the drawer, then refreshes the drawer and the figures it affects */
  async function change(action: () => Promise<unknown>): Promise<boolean> {
    patchDrawer({ actionError: null })
    try {
      await action()
      await Promise.all([get().reloadDrawer(), get().reloadReport()])
      return true
    } catch (error) {
      patchDrawer({ actionError: errorMessage(error) })
      return false
    }
  }

  return {
    taskFilters: DEFAULT_TASK_FILTERS,
    taskSort: { by: 'plan', direction: 'asc' },
    drawer: null,

    setTaskFilters: (patch) => set({ taskFilters: { ...get().taskFilters, ...patch } }),
    setTaskSort: (taskSort) => set({ taskSort }),

    async openTask(key) {
      const taskId = get().detail?.taskIds[key] ?? null
      set({ drawer: { key, taskId, evidence: null, evidenceError: null, history: null, historyError: null, loading: true, actionError: null } })
      await get().reloadDrawer()
    },

    closeTask: () => set({ drawer: null }),

    async reloadDrawer() {
      const drawer = get().drawer
      if (!drawer) return
      if (drawer.taskId === null) {
        patchDrawer({ loading: false, evidenceError: 'This work item has no stored task id (re-open the plan).' })
        return
      }
      const taskId = drawer.taskId
      const [evidence, history] = await Promise.allSettled([call('evidence.forTask', { taskId }), call('tasks.history', { taskId })])
      if (get().drawer?.taskId !== taskId) return
      patchDrawer({
        loading: false,
        evidence: evidence.status === 'fulfilled' ? evidence.value : null,
        evidenceError: evidence.status === 'rejected' ? errorMessage(evidence.reason) : null,
        history: history.status === 'fulfilled' ? history.value : null,
        historyError: history.status === 'rejected' ? errorMessage(history.reason) : null,
      })
    },

    async setManualStatus(status, note, date) {
      const drawer = get().drawer
      if (!drawer?.taskId) return false
      const taskId = drawer.taskId
      const previous = drawer.history?.[0] ?? null
      const ok = await change(() => call('tasks.setStatus', { taskId, status, note, date }))
      if (ok) {
        get().notify({
          tone: 'info',
          message: status === 'cleared' ? `Manual status of ${taskDisplayName(get().detail?.plan.tasks, drawer.key)} cleared.` : `${taskDisplayName(get().detail?.plan.tasks, drawer.key)} marked ${status.replace('-', ' ')}.`,
          undo: async () => {
            const restore = previous && previous.status !== 'cleared' ? previous : null
            await call('tasks.setStatus', restore ? { taskId, status: restore.status, note: restore.note, date: restore.date } : { taskId, status: 'cleared', note: 'undo', date })
            await Promise.all([get().reloadDrawer(), get().reloadReport()])
          },
        })
      }
      return ok
    },

    async setCheckEnabled(checkId, enabled) {
      await change(() => call('checks.update', { checkId, enabled }))
    },

    updateCheckSpec: (checkId, spec) => change(() => call('checks.update', { checkId, spec })),

    async addCheck(spec) {
      const taskId = get().drawer?.taskId
      if (!taskId) return false
      return change(() => call('checks.add', { taskId, spec }))
    },

    async removeCheck(checkId) {
      const drawer = get().drawer
      const removed = drawer?.evidence?.checks.find((check) => check.id === checkId)
      const ok = await change(() => call('checks.remove', { checkId }))
      if (ok && removed && drawer?.taskId) {
        const taskId = drawer.taskId
        get().notify({
          tone: 'info',
          message: 'Check removed.',
          undo: async () => {
            await call('checks.add', { taskId, spec: { ...removed.spec, origin: 'user' } })
            await Promise.all([get().reloadDrawer(), get().reloadReport()])
          },
        })
      }
    },
  }
}
