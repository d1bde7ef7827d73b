import type { Notice } from '../../app/app-slice'
import { queryClient } from '../../data/query-client'
import { appInfoQuery } from '../../data/queries'
import { ApiError, call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { localIsoDate } from '../../../../shared/calendar'

export type Notify = (notice: Omit<Notice, 'id'>) => void

/** where a backup goes: the app's backups folder, a file chosen in the save dialog, or a path the lead typed */
export type BackupTarget = { to: 'app-folder' } | { to: 'dialog' } | { to: 'path'; path: string; overwrite?: boolean }

export type BackupOutcome =
  | { kind: 'written'; path: string }
  | { kind: 'exists'; path: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }

/** the save dialog in the desktop app, the app's backups folder in browser mode */
export function defaultBackupTarget(): BackupTarget {
  return queryClient.getQueryData(appInfoQuery().queryKey)?.native.dialogs ? { to: 'dialog' } : { to: 'app-folder' }
}

/**
 * A consistent copy of the database. A typed path never replaces a file silently: the core answers "exists" and the
 * caller asks the lead before trying again with overwrite. The save dialog asks by itself.
 */
export async function backupDatabase(target: BackupTarget, notify: Notify): Promise<BackupOutcome> {
  try {
    let input: { path?: string; overwrite?: boolean } = {}
    if (target.to === 'dialog') {
      const chosen = await call('dialogs.chooseSavePath', {
        defaultName: `readiness-backup-${localIsoDate(new Date())}.db`,
        kind: 'db',
      })
      if (!chosen.path) return { kind: 'cancelled' }
      input = { path: chosen.path }
    } else if (target.to === 'path') input = { path: target.path, overwrite: target.overwrite }
    const result = await call('app.backup', input)
    notify({ tone: 'info', message: `Backup written to ${result.path} (${Math.round(result.bytes / 1024)} KB).` })
    return { kind: 'written', path: result.path }
  } catch (error) {
    if (target.to === 'path' && error instanceof ApiError && error.error.code === 'conflict')
      return { kind: 'exists', path: target.path }
    const message = errorMessage(error)
    notify({ tone: 'error', message: `Backup failed: ${message}` })
    return { kind: 'failed', message }
  }
}
