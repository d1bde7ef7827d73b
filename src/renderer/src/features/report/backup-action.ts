import type { StoreState } from '../../app/store-types'
import { ApiError, call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { localIsoDate } from '../../../../shared/calendar'

type Store = Pick<StoreState, 'info' | 'notify'>

/** where a backup goes: the app's backups folder, a file chosen in the save dialog, or a path the lead typed */
export type BackupTarget = { to: 'app-folder' } | { to: 'dialog' } | { to: 'path'; path: string; overwrite?: boolean }

export type BackupOutcome = { kind: 'written'; path: string } | { kind: 'exists'; path: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string }

/**
 * A consistent copy of the database. A typed path never replaces a file silently: the core answers "exists" and the
 * caller asks the lead before trying again with overwrite. The save dialog asks by itself.
 */
export async function backupDatabase(store: Store, target: BackupTarget = store.info?.native.dialogs ? { to: 'dialog' } : { to: 'app-folder' }): Promise<BackupOutcome> {
  try {
    let input: { path?: string; overwrite?: boolean } = {}
    if (target.to === 'dialog') {
      const chosen = await call('dialogs.chooseSavePath', { defaultName: `readiness-backup-${localIsoDate(new Date())}.db`, kind: 'db' })
      if (!chosen.path) return { kind: 'cancelled' }
      input = { path: chosen.path }
    } else if (target.to === 'path') input = { path: target.path, overwrite: target.overwrite }
    const result = await call('app.backup', input)
    store.notify({ tone: 'info', message: `Backup written to ${result.path} (${Math.round(result.bytes / 1024)} KB).` })
    return { kind: 'written', path: result.path }
  } catch (error) {
    if (target.to === 'path' && error instanceof ApiError && error.error.code === 'conflict') return { kind: 'exists', path: target.path }
    const message = errorMessage(error)
    store.notify({ tone: 'error', message: `Backup failed: ${message}` })
    return { kind: 'failed', message }
  }
}
