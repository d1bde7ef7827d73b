import type { Settings } from '../../../../shared/contract/settings'
import { useStore } from '../../app/store'
import { refreshAfter } from '../../data/core-events'
import { queryClient } from '../../data/query-client'
import { planDetailQuery, settingsQuery } from '../../data/queries'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'

export interface PlanSettingsPatch {
  title?: string
  startDate?: string | null
  daysPerWeek?: number | null
  hoursPerDay?: number | null
}

/** settings.update is not announced by the core: its answer is the new settings, and every plan's progress follows the calendar */
async function writeSettings(patch: Partial<Settings>): Promise<void> {
  queryClient.setQueryData(settingsQuery().queryKey, await call('settings.update', patch))
  void refreshAfter.settingsSaved(queryClient)
}

export async function saveSettings(patch: Partial<Settings>): Promise<boolean> {
  const store = useStore.getState()
  const before = queryClient.getQueryData(settingsQuery().queryKey)
  store.setSettingsError(null)
  try {
    await writeSettings(patch)
    if (before) {
      const restore = Object.fromEntries(
        Object.keys(patch).map((key) => [key, before[key as keyof Settings]]),
      ) as Partial<Settings>
      store.notify({ tone: 'info', message: 'Settings saved.', undo: () => writeSettings(restore) })
    }
    return true
  } catch (error) {
    store.setSettingsError(errorMessage(error))
    return false
  }
}

function restorePatch(
  patch: PlanSettingsPatch,
  before: NonNullable<ReturnType<typeof currentDetail>>,
): PlanSettingsPatch {
  const restore: PlanSettingsPatch = {}
  if ('startDate' in patch) restore.startDate = before.settings.startDate
  if ('daysPerWeek' in patch) restore.daysPerWeek = before.settings.daysPerWeek
  if ('hoursPerDay' in patch) restore.hoursPerDay = before.settings.hoursPerDay
  if ('title' in patch) restore.title = before.summary.title
  return restore
}

const currentDetail = (planId: number) => queryClient.getQueryData(planDetailQuery(planId).queryKey)

/** plans.update is announced by the core (plans.changed), which refreshes the plan everywhere */
export async function savePlanSettings(patch: PlanSettingsPatch): Promise<boolean> {
  const store = useStore.getState()
  const planId = store.selectedPlanId
  if (planId === null) return false
  const before = currentDetail(planId)
  store.setSettingsError(null)
  try {
    await call('plans.update', { planId, ...patch })
    if (before) {
      const restore = restorePatch(patch, before)
      store.notify({
        tone: 'info',
        message: 'Plan settings saved.',
        undo: () => call('plans.update', { planId, ...restore }).then(() => undefined),
      })
    }
    return true
  } catch (error) {
    store.setSettingsError(errorMessage(error))
    return false
  }
}
