import type { SliceCreator } from '../../app/store-types'

export interface SettingsSlice {
  /** the last save of settings (global or the plan's) failed */
  settingsError: string | null
  setSettingsError(error: string | null): void
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settingsError: null,
  setSettingsError: (settingsError) => set({ settingsError }),
})
