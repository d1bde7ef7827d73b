import type { StoreState } from '../../app/store-types'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { localIsoDate } from '../../lib/format'
import { downloadText, safeFileName, tasksCsv } from './csv'

type Store = Pick<StoreState, 'report' | 'plans' | 'selectedPlanId' | 'info' | 'notify' | 'navigate'>

function planTitle(store: Store): string {
  return store.plans.find((plan) => plan.id === store.selectedPlanId)?.title ?? 'plan'
}

export function exportCsv(store: Store) {
  if (!store.report) {
    store.notify({ tone: 'error', message: 'Open a plan with computed progress before exporting.' })
    return
  }
  downloadText(`${safeFileName(planTitle(store))}-${store.report.asOf}.csv`, tasksCsv(store.report), 'text/csv;charset=utf-8')
  store.notify({ tone: 'info', message: 'CSV exported.' })
}

/** The printable report page; the browser's (or Electron's) print dialog saves it as PDF. */
export function exportPdf(store: Store) {
  store.navigate('report')
  setTimeout(() => window.print(), 50)
}

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
