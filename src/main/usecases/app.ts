import type { MethodOutput, ParsedInput } from '../../shared/contract'
import { AppError } from '../../shared/rpc'
import { backupWithApi, takeBackup } from '../db/backups'
import { inTransaction } from '../db/client'
import { readSettings, writeSettings } from '../db/settings-store'
import type { CoreContext } from './context'

export function appInfo(ctx: CoreContext): MethodOutput<'app.getInfo'> {
  return {
    name: 'Readiness Cockpit',
    version: ctx.appVersion,
    mode: ctx.platform.mode,
    dbPath: ctx.dbPath,
    platform: process.platform,
    native: { dialogs: ctx.platform.dialogs !== null, pdf: ctx.platform.mode === 'electron' },
    notice: ctx.platform.notice ?? null,
  }
}

/** A consistent copy of the database: to the backups folder, or to a file the lead chose. */
export async function backupDatabase(
  ctx: CoreContext,
  input: ParsedInput<'app.backup'>,
): Promise<MethodOutput<'app.backup'>> {
  if (ctx.dbPath === ':memory:') throw new AppError('unsupported', 'An in-memory database has nothing to back up')
  if (input.path === undefined) {
    const backup = await takeBackup(ctx.db.$client, ctx.dbPath, 'manual', ctx.now())
    return { path: backup.path, bytes: backup.bytes }
  }
  const target = ctx.files.checkWriteTarget(input.path, 'backup', input.overwrite)
  const bytes = await backupWithApi(ctx.db.$client, target)
  ctx.files.recordWritten(target)
  return { path: target, bytes }
}

export function getSettings(ctx: CoreContext): MethodOutput<'settings.get'> {
  return readSettings(ctx.db)
}

export function updateSettings(
  ctx: CoreContext,
  patch: ParsedInput<'settings.update'>,
): MethodOutput<'settings.update'> {
  return inTransaction(ctx.db, () => writeSettings(ctx.db, patch))
}
