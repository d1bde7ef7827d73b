import type { MethodOutput, ParsedInput } from '../../shared/contract'
import { AppError } from '../../shared/rpc'
import type { CoreContext } from './context'

/** What the desktop app does natively: file dialogs, showing and opening files it wrote. */

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

const PLAN_FILTERS = [
  { name: 'Plans', extensions: ['md', 'markdown', 'txt'] },
  { name: 'All files', extensions: ['*'] },
]

export async function choosePlanFile(ctx: CoreContext): Promise<MethodOutput<'dialogs.openPlanFile'>> {
  return { path: await nativeDialogs(ctx).openFile({ title: 'Import a plan', filters: PLAN_FILTERS }) }
}

export async function chooseFolder(ctx: CoreContext): Promise<MethodOutput<'dialogs.chooseFolder'>> {
  return { path: await nativeDialogs(ctx).openFolder({ title: 'Connect a git repository' }) }
}

export async function chooseSavePath(
  ctx: CoreContext,
  input: ParsedInput<'dialogs.chooseSavePath'>,
): Promise<MethodOutput<'dialogs.chooseSavePath'>> {
  const title = input.kind === 'db' ? 'Back up the database' : 'Export'
  const path = await nativeDialogs(ctx).saveFile({
    title,
    defaultPath: input.defaultName,
    filters: FILTERS[input.kind],
  })
  // the next write to this path is the lead's choice (the dialog asked before replacing a file)
  if (path) ctx.files.grantFromDialog(path)
  return { path }
}

export function revealFile(ctx: CoreContext, path: string): MethodOutput<'files.reveal'> {
  if (!ctx.platform.revealInFolder)
    throw new AppError('unsupported', 'Showing files is only available in the desktop app')
  ctx.files.checkOpenable(path)
  ctx.platform.revealInFolder(path)
  return { done: true }
}

export async function openFile(ctx: CoreContext, path: string): Promise<MethodOutput<'files.open'>> {
  if (!ctx.platform.openPath) throw new AppError('unsupported', 'Opening files is only available in the desktop app')
  ctx.files.checkOpenable(path)
  await ctx.platform.openPath(path)
  return { done: true }
}
