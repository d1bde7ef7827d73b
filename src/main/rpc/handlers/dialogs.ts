import { AppError } from '../../../shared/rpc'
import { backupWithApi, takeBackup } from '../../db/backups'
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
  'dialogs.chooseSavePath': async (input, ctx) => {
    const path = await nativeDialogs(ctx).saveFile({ title: input.kind === 'db' ? 'Back up the database' : 'Export', defaultPath: input.defaultName, filters: FILTERS[input.kind] })
    // the next write to this path is the lead's choice (the dialog asked before replacing a file)
    if (path) ctx.files.grantFromDialog(path)
    return { path }
  },
  'files.reveal': (input, ctx) => {
    if (!ctx.platform.revealInFolder) throw new AppError('unsupported', 'Showing files is only available in the desktop app')
    ctx.files.checkOpenable(input.path)
    ctx.platform.revealInFolder(input.path)
    return { done: true }
  },
  'files.open': async (input, ctx) => {
    if (!ctx.platform.openPath) throw new AppError('unsupported', 'Opening files is only available in the desktop app')
    ctx.files.checkOpenable(input.path)
    await ctx.platform.openPath(input.path)
    return { done: true }
  },
  'app.backup': async (input, ctx) => {
    if (ctx.dbPath === ':memory:') throw new AppError('unsupported', 'An in-memory database has nothing to back up')
    if (input.path === undefined) {
      const backup = await takeBackup(ctx.db.$client, ctx.dbPath, 'manual', ctx.now())
      return { path: backup.path, bytes: backup.bytes }
    }
    const target = ctx.files.checkWriteTarget(input.path, 'backup', input.overwrite)
    const bytes = await backupWithApi(ctx.db.$client, target)
    ctx.files.recordWritten(target)
    return { path: target, bytes }
  },
}
