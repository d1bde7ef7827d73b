import { inTransaction } from '../../db/client'
import { readSettings, writeSettings } from '../../db/settings-store'
import type { HandlerGroup } from '../dispatch'

export const appHandlers: HandlerGroup = {
  'app.getInfo': (_input, ctx) => ({
    name: 'Readiness Cockpit',
    version: ctx.appVersion,
    mode: ctx.platform.mode,
    dbPath: ctx.dbPath,
    platform: process.platform,
    native: { dialogs: ctx.platform.dialogs !== null, pdf: ctx.platform.mode === 'electron' },
    notice: ctx.platform.notice ?? null,
  }),
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (input, ctx) => inTransaction(ctx.db, () => writeSettings(ctx.db, input)),
}
