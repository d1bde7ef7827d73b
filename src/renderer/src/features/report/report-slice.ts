import type { Paper } from '../../../../shared/contract/report'
import type { SliceCreator } from '../../app/store-types'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { localIsoDate } from '../../../../shared/calendar'
import { downloadBlob } from './download'
import { chooseExportPath, EXPORT_LABELS, runReportExport, suggestedExportName, type ExportKind, type ExportResult } from './report-export'

/** The Report screen's export, shown next to its buttons (the menu's Export commands land here too). */
export type ReportExportState =
  | { id: number; kind: ExportKind; status: 'running' }
  | { id: number; kind: ExportKind; status: 'failed'; message: string }
  | { id: number; kind: ExportKind; status: 'done'; result: ExportResult; openError?: string }

export interface ReportSlice {
  paper: Paper
  reportExport: ReportExportState | null
  setPaper(paper: Paper): void
  /** Save dialog (desktop app) or download (browser), through the core's report.export* methods. */
  exportReport(kind: ExportKind): Promise<void>
  /** "Open file" / "Show in folder" for a file the desktop app wrote */
  openExportedFile(path: string, how: 'open' | 'reveal'): Promise<void>
  clearReportExport(): void
}

const PAPER_KEY = 'readiness-paper'

function rememberedPaper(): Paper {
  try {
    return localStorage.getItem(PAPER_KEY) === 'Letter' ? 'Letter' : 'A4'
  } catch {
    return 'A4'
  }
}

let nextExportId = 1

export const createReportSlice: SliceCreator<ReportSlice> = (set, get) => {
  /** Updates the export only if it is still the one on screen (not replaced, not cleared by a plan switch). */
  const settle = (id: number, state: ReportExportState) => {
    if (get().reportExport?.id === id) set({ reportExport: state })
  }

  return {
    paper: rememberedPaper(),
    reportExport: null,

    setPaper(paper) {
      set({ paper })
      try {
        localStorage.setItem(PAPER_KEY, paper)
      } catch {
        // private mode: the choice lasts for this session only
      }
    },

    async exportReport(kind) {
      const store = get()
      if (store.reportExport?.status === 'running') return
      store.navigate('report')
      const id = nextExportId++
      const plan = store.plans.find((candidate) => candidate.id === store.selectedPlanId)
      if (!plan) {
        set({ reportExport: { id, kind, status: 'failed', message: 'Choose or import a plan before exporting.' } })
        return
      }
      const asOf = store.asOf ?? undefined
      try {
        let path: string | null = null
        if (store.info?.native.dialogs) {
          set({ reportExport: null })
          const defaultName = suggestedExportName(plan.title, asOf ?? store.report?.asOf ?? localIsoDate(new Date()), kind)
          path = await chooseExportPath(call, kind, defaultName)
          if (!path) return
        }
        set({ reportExport: { id, kind, status: 'running' } })
        const result = await runReportExport({ kind, planId: plan.id, asOf, paper: get().paper }, path, { call, download: downloadBlob })
        settle(id, { id, kind, status: 'done', result })
      } catch (error) {
        const failed: ReportExportState = { id, kind, status: 'failed', message: `${EXPORT_LABELS[kind]} export failed: ${errorMessage(error)}` }
        if (get().reportExport === null) set({ reportExport: failed })
        else settle(id, failed)
      }
    },

    async openExportedFile(path, how) {
      const shown = get().reportExport
      try {
        await call(how === 'open' ? 'files.open' : 'files.reveal', { path })
        if (shown?.status === 'done') settle(shown.id, { ...shown, openError: undefined })
      } catch (error) {
        const openError = `Could not ${how === 'open' ? 'open' : 'show'} ${path}: ${errorMessage(error)}`
        if (shown?.status === 'done') settle(shown.id, { ...shown, openError })
        else get().notify({ tone: 'error', message: openError })
      }
    },

    clearReportExport: () => set({ reportExport: null }),
  }
}
