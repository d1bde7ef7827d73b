import type { Settings } from '../../../../shared/contract/settings'
import type { SliceCreator } from '../../app/store-types'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'

export interface PlanSettingsPatch {
  title?: string
  startDate?: string | null
  daysPerWeek?: number | null
  hoursPerDay?: number | null
}

export interface SettingsSlice {
  settings: Settings | null
  settingsError: string | null
  saveSettings(patch: Partial<Settings>): Promise<boolean>
  savePlanSettings(patch: PlanSettingsPatch): Promise<boolean>
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: null,
  settingsError: null,

  async saveSettings(patch) {
    const before = get().settings
    set({ settingsError: null })
    try {
      const settings = await call('settings.update', patch)
      set({ settings })
      void get().reloadReport()
      if (before) {
        const restore = Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof Settings]])) as Partial<Settings>
        get().notify({
          tone: 'info',
          message: 'Settings saved.',
          undo: async () => {
            set({ settings: await call('settings.update', restore) })
            await get().reloadReport()
          },
        })
      }
      return true
    } catch (error) {
      set({ settingsError: errorMessage(error) })
      return false
    }
  },

  async savePlanSettings(patch) {
    const planId = get().selectedPlanId
    const before = get().detail
    if (planId === null) return false
    set({ settingsError: null })
    try {
      await call('plans.update', { planId, ...patch })
      await Promise.all([get().loadPlans(), get().loadPlanData()])
      if (before) {
        const restore: PlanSettingsPatch = {}
        if ('startDate' in patch) restore.startDate = before.settings.startDate
        if ('daysPerWeek' in patch) restore.daysPerWeek = before.settings.daysPerWeek
        if ('hoursPerDay' in patch) restore.hoursPerDay = before.settings.hoursPerDay
        if ('title' in patch) restore.title = before.summary.title
        get().notify({
          tone: 'info',
          message: 'Plan settings saved.',
          undo: async () => {
            await call('plans.update', { planId, ...restore })
            await Promise.all([get().loadPlans(), get().loadPlanData()])
          },
        })
      }
      return true
    } catch (error) {
      set({ settingsError: errorMessage(error) })
      return false
    }
  },
})
