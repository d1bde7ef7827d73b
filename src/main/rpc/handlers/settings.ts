import type { settingsMethods } from '../../../shared/contract/settings'
import { getSettings, updateSettings } from '../../usecases/app'
import type { HandlersFor } from '../dispatch'

export const settingsHandlers = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
} satisfies HandlersFor<typeof settingsMethods>
