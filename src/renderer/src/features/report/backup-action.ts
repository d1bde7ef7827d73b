import type { StoreState } from '../../app/store-types'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { localIsoDate } from '../../lib/format'

type Store = Pick<StoreState, 'info' | 'notify'>

/** A consistent copy of the database: to a chosen file in the desktop app, or to the given path. */
export async function backupDatabase(store: Store, typedPath?: string) {
  try {
    let path = typedPath ?? null
    if (!path && store.info?.native.dialogs) {
      path = (await call('dialogs.chooseSavePath', { defaultName: `readiness-backup-${localIsoDate(new Date())}.db`, kind: 'db' })).path
    }
    if (!path) {
      if (!store.info?.native.dialogs) store.notify({ tone: 'error', message: 'Enter a backup path on the Report screen (browser mode has no save dialog).' })
      return
    }
    const result = await call('app.backup', { path })
    store.notify({ tone: 'info', message: `Backup written to ${result.path} (${Math.round(result.bytes / 1024)} KB).` })
  } catch (error) {
    store.notify({ tone: 'error', message: `Backup failed: ${errorMessage(error)}` })
  }
}
