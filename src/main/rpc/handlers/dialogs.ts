import { statSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { AppError } from '../../../shared/rpc'
import type { CoreContext } from '../context'
import type { HandlerGroup } from '../dispatch'

function nativeDialogs(ctx: CoreContext) {
  if (!ctx.platform.dialogs) throw new AppError('unsupported', 'Native dialogs are only available in the desktop app')
  return ctx.platform.dialogs
}

const FILTERS = {
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  db: [{ name: 'SQLite database', extensions: ['db', 'sqlite'] }],
}

export const dialogHandlers: HandlerGroup = {
  'dialogs.openPlanFile': async (_input, ctx) => ({
    path: await nativeDialogs(ctx).openFile({ title: 'Import a plan', filters: [{ name: 'Plans', extensions: ['md', 'markdown', 'txt'] }, { name: 'All files', extensions: ['*'] }] }),
  }),
  'dialogs.chooseFolder': async (_input, ctx) => ({ path: await nativeDialogs(ctx).openFolder({ title: 'Connect a git repository' }) }),
  'dialogs.chooseSavePath': async (input, ctx) => ({
    path: await nativeDialogs(ctx).saveFile({ title: 'Export', defaultPath: input.defaultName, filters: FILTERS[input.kind] }),
  }),
  'files.reveal': (input, ctx) => {
    if (!ctx.platform.revealInFolder) throw new AppError('unsupported', 'Showing files is only available in the desktop app')
    ctx.platform.revealInFolder(input.path)
    return { done: true }
  },
  'files.open': async (input, ctx) => {
    if (!ctx.platform.openPath) throw new AppError('unsupported', 'Opening files is only available in the desktop app')
    await ctx.platform.openPath(input.path)
    return { done: true }
  },
  'app.backup': async (input, ctx) => {
    if (!isAbsolute(input.path)) throw new AppError('bad-input', 'The backup path must be absolute')
    await ctx.db.$client.backup(input.path)
    return { path: input.path, bytes: statSync(input.path).size }
  },
}
