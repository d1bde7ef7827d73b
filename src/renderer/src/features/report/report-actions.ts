import { useStore } from '../../app/store'
import { queryClient } from '../../data/query-client'
import { appInfoQuery, plansQuery, progressQuery } from '../../data/queries'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { localIsoDate } from '../../../../shared/calendar'
import { downloadBlob } from './download'
import { chooseExportPath, EXPORT_LABELS, runReportExport, suggestedExportName, type ExportKind } from './report-export'

let nextExportId = 1

/** Desktop app: the save dialog first (null: the lead cancelled it); browser mode downloads, so no path. */
async function exportPath(
  kind: ExportKind,
  planTitle: string,
  asOf: string | undefined,
): Promise<string | null | undefined> {
  if (!queryClient.getQueryData(appInfoQuery().queryKey)?.native.dialogs) return undefined
  const store = useStore.getState()
  store.setReportExport(null)
  const shownAsOf = queryClient.getQueryData(
    progressQuery(store.selectedPlanId, { asOf: store.asOf, baselineId: store.baselineId }).queryKey,
  )?.asOf
  return chooseExportPath(
    call,
    kind,
    suggestedExportName(planTitle, asOf ?? shownAsOf ?? localIsoDate(new Date()), kind),
  )
}

/** Save dialog (desktop app) or download (browser), through the core's report.export* methods; shown on the Report screen. */
export async function exportReport(kind: ExportKind): Promise<void> {
  const store = useStore.getState()
  if (store.reportExport?.status === 'running') return
  store.navigate('report')
  const id = nextExportId++
  const plan = queryClient
    .getQueryData(plansQuery().queryKey)
    ?.find((candidate) => candidate.id === store.selectedPlanId)
  if (!plan) {
    store.setReportExport({ id, kind, status: 'failed', message: 'Choose or import a plan before exporting.' })
    return
  }
  const asOf = store.asOf ?? undefined
  try {
    const path = await exportPath(kind, plan.title, asOf)
    if (path === null) return
    store.setReportExport({ id, kind, status: 'running' })
    const result = await runReportExport(
      { kind, planId: plan.id, asOf, paper: useStore.getState().paper },
      path ?? null,
      { call, download: downloadBlob },
    )
    useStore.getState().settleReportExport({ id, kind, status: 'done', result })
  } catch (error) {
    const failed = {
      id,
      kind,
      status: 'failed',
      message: `${EXPORT_LABELS[kind]} export failed: ${errorMessage(error)}`,
    } as const
    if (useStore.getState().reportExport === null) store.setReportExport(failed)
    else useStore.getState().settleReportExport(failed)
  }
}

/** "Open file" / "Show in folder" for a file the desktop app wrote */
export async function openExportedFile(path: string, how: 'open' | 'reveal'): Promise<void> {
  const store = useStore.getState()
  const shown = store.reportExport
  try {
    await call(how === 'open' ? 'files.open' : 'files.reveal', { path })
    if (shown?.status === 'done') store.settleReportExport({ ...shown, openError: undefined })
  } catch (error) {
    const openError = `Could not ${how === 'open' ? 'open' : 'show'} ${path}: ${errorMessage(error)}`
    if (shown?.status === 'done') store.settleReportExport({ ...shown, openError })
    else store.notify({ tone: 'error', message: openError })
  }
}
