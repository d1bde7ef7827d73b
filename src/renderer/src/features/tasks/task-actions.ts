import type { CheckSpec } from '../../../../shared/check-model'
import type { TaskStatusEntry } from '../../../../shared/contract/tasks'
import { useStore } from '../../app/store'
import { queryClient } from '../../data/query-client'
import { planDetailQuery, taskEvidenceQuery, taskHistoryQuery } from '../../data/queries'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { taskDisplayName } from '../../lib/task-label'
import type { ManualStatusChoice } from './tasks-slice'

/**
 * Changes made from the task drawer. The core announces each one (plans.changed), which refreshes the drawer and
 * every figure of the plan once; nothing here reloads by itself.
 */

const selectedPlanId = () => useStore.getState().selectedPlanId
const planTasks = () => queryClient.getQueryData(planDetailQuery(selectedPlanId()).queryKey)?.plan.tasks

export function openTask(key: string): void {
  const detail = queryClient.getQueryData(planDetailQuery(selectedPlanId()).queryKey)
  useStore.getState().openTask(key, detail?.taskIds[key] ?? null)
}

/** runs a change from the drawer; a failure shows in the drawer */
async function change(action: () => Promise<unknown>): Promise<boolean> {
  const store = useStore.getState()
  store.setDrawerError(null)
  try {
    await action()
    return true
  } catch (error) {
    store.setDrawerError(errorMessage(error))
    return false
  }
}

function statusMessage(status: ManualStatusChoice, key: string): string {
  const name = taskDisplayName(planTasks(), key)
  return status === 'cleared' ? `Manual status of ${name} cleared.` : `${name} marked ${status.replace('-', ' ')}.`
}

/** undoing a manual status puts back the one before it, or clears it when there was none */
function restoreStatus(taskId: number, previous: TaskStatusEntry | null, date: string) {
  const restore = previous && previous.status !== 'cleared' ? previous : null
  return call(
    'tasks.setStatus',
    restore
      ? { taskId, status: restore.status, note: restore.note, date: restore.date }
      : { taskId, status: 'cleared', note: 'undo', date },
  )
}

export async function setManualStatus(status: ManualStatusChoice, note: string, date: string): Promise<boolean> {
  const drawer = useStore.getState().drawer
  if (!drawer?.taskId) return false
  const taskId = drawer.taskId
  const previous = queryClient.getQueryData(taskHistoryQuery(selectedPlanId(), taskId).queryKey)?.[0] ?? null
  const ok = await change(() => call('tasks.setStatus', { taskId, status, note, date }))
  if (ok) {
    useStore.getState().notify({
      tone: 'info',
      message: statusMessage(status, drawer.key),
      undo: () => restoreStatus(taskId, previous, date).then(() => undefined),
    })
  }
  return ok
}

export const setCheckEnabled = (checkId: number, enabled: boolean) =>
  change(() => call('checks.update', { checkId, enabled }))

export const updateCheckSpec = (checkId: number, spec: CheckSpec) =>
  change(() => call('checks.update', { checkId, spec }))

export function addCheck(spec: CheckSpec): Promise<boolean> {
  const taskId = useStore.getState().drawer?.taskId
  if (!taskId) return Promise.resolve(false)
  return change(() => call('checks.add', { taskId, spec }))
}

export async function removeCheck(checkId: number): Promise<void> {
  const taskId = useStore.getState().drawer?.taskId
  if (!taskId) return
  const removed = queryClient
    .getQueryData(taskEvidenceQuery(selectedPlanId(), taskId).queryKey)
    ?.checks.find((check) => check.id === checkId)
  const ok = await change(() => call('checks.remove', { checkId }))
  if (!ok || !removed) return
  useStore.getState().notify({
    tone: 'info',
    message: 'Check removed.',
    undo: () => call('checks.add', { taskId, spec: { ...removed.spec, origin: 'user' } }).then(() => undefined),
  })
}
