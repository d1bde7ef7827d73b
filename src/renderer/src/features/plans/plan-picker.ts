import type { StoreState } from '../../app/store-types'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'

export const PLAN_FILE_INPUT_ID = 'plan-file-input'

/** "Import a plan…": the native dialog in the desktop app, the browser's file picker otherwise. */
export async function pickPlanFile(store: Pick<StoreState, 'info' | 'startImport' | 'notify'>, targetPlanId: number | null = null) {
  if (store.info?.native.dialogs) {
    try {
      const { path } = await call('dialogs.openPlanFile', {})
      if (path) await store.startImport({ path }, targetPlanId)
    } catch (error) {
      store.notify({ tone: 'error', message: `Could not open the file dialog: ${errorMessage(error)}` })
    }
    return
  }
  const input = document.getElementById(PLAN_FILE_INPUT_ID) as HTMLInputElement | null
  if (!input) return
  input.dataset.targetPlanId = targetPlanId === null ? '' : String(targetPlanId)
  input.click()
}
