import { useStore } from '../../app/store'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'

/** freezes a version (default: the current one) as the plan's new baseline; announced by plans.changed */
export async function rebaseline({ versionNo, reason }: { versionNo?: number; reason: string }): Promise<boolean> {
  const store = useStore.getState()
  const planId = store.selectedPlanId
  if (planId === null) return false
  try {
    const { baseline } = await call('plans.rebaseline', {
      planId,
      reason,
      ...(versionNo !== undefined ? { versionNo } : {}),
    })
    store.setBaselineId(null)
    store.notify({
      tone: 'info',
      message: `Rebaselined: progress is now measured against version ${baseline.versionNo}.`,
    })
    return true
  } catch (error) {
    store.notify({ tone: 'error', message: `Could not rebaseline: ${errorMessage(error)}` })
    return false
  }
}
