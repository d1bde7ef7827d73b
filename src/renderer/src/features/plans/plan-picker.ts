import { useStore } from '../../app/store'
import { queryClient } from '../../data/query-client'
import { appInfoQuery } from '../../data/queries'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { startImport } from './plan-actions'

export const PLAN_FILE_INPUT_ID = 'plan-file-input'

/** "Import a plan…": the native dialog in the desktop app, the browser's file picker otherwise. */
export async function pickPlanFile(targetPlanId: number | null = null) {
  if (queryClient.getQueryData(appInfoQuery().queryKey)?.native.dialogs) {
    try {
      const { path } = await call('dialogs.openPlanFile', {})
      if (path) startImport({ path }, targetPlanId)
    } catch (error) {
      useStore.getState().notify({ tone: 'error', message: `Could not open the file dialog: ${errorMessage(error)}` })
    }
    return
  }
  const input = document.getElementById(PLAN_FILE_INPUT_ID) as HTMLInputElement | null
  if (!input) return
  input.dataset.targetPlanId = targetPlanId === null ? '' : String(targetPlanId)
  input.click()
}
