import type { Paper } from '../../../../shared/contract/report'
import type { SliceCreator } from '../../app/store-types'
import type { ExportKind, ExportResult } from './report-export'

/** The Report screen's export, shown next to its buttons (the menu's Export commands land here too). */
export type ReportExportState =
  | { id: number; kind: ExportKind; status: 'running' }
  | { id: number; kind: ExportKind; status: 'failed'; message: string }
  | { id: number; kind: ExportKind; status: 'done'; result: ExportResult; openError?: string }

export interface ReportSlice {
  paper: Paper
  reportExport: ReportExportState | null
  setPaper(paper: Paper): void
  setReportExport(state: ReportExportState | null): void
  /** updates the export only if it is still the one on screen (not replaced, not cleared by a plan switch) */
  settleReportExport(state: ReportExportState): void
}

const PAPER_KEY = 'readiness-paper'

function rememberedPaper(): Paper {
  try {
    return localStorage.getItem(PAPER_KEY) === 'Letter' ? 'Letter' : 'A4'
  } catch {
    return 'A4'
  }
}

export const createReportSlice: SliceCreator<ReportSlice> = (set, get) => ({
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
  setReportExport: (reportExport) => set({ reportExport }),
  settleReportExport(state) {
    if (get().reportExport?.id === state.id) set({ reportExport: state })
  },
})
