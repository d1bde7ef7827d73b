import type { PlanSource } from '../../../../shared/contract/plans'
import type { ImportProfile } from '../../../../shared/plan-model'
import type { SliceCreator } from '../../app/store-types'
import { rememberedPlanId } from '../../lib/plan-labels'
import { readRecentFiles, type RecentFile } from './recent-files'

export interface ImportOptions {
  /** null: the plan's own value */
  startDate: string | null
  daysPerWeek: number | null
  hoursPerDay: number | null
}

/** The import dialog's form; what the file holds comes from the core as the preview query. */
export interface ImportDraft {
  /** a new id per opened file: the previews of one draft never answer another */
  id: number
  source: PlanSource
  label: string
  /** set when this is a re-import (a new version of an existing plan) */
  targetPlanId: number | null
  options: ImportOptions
  /** re-import only: make the new version the baseline (null: keep the plan's baseline) */
  rebaseline: { reason: string } | null
  /** the lead's corrections to how the plan is read (mapping step); null: as written, or as stored with the plan */
  profile: ImportProfile | null
  importing: boolean
  /** the last import attempt failed */
  error: string | null
}

/** What depends on the selected plan and starts afresh with another one. */
const PLAN_SCOPED_RESET = { baselineId: null, sync: null, reportExport: null, drawer: null } as const

export interface PlansSlice {
  selectedPlanId: number | null
  importDraft: ImportDraft | null
  recentFiles: RecentFile[]
  selectPlan(id: number | null): void
  resetPlanScopedState(): void
  /** changes the open import draft (nothing when none is open) */
  patchImportDraft(patch: Partial<Omit<ImportDraft, 'id' | 'source'>>): void
  setImportDraft(draft: ImportDraft | null): void
  setRecentFiles(files: RecentFile[]): void
}

export const createPlansSlice: SliceCreator<PlansSlice> = (set, get) => ({
  selectedPlanId: rememberedPlanId(),
  importDraft: null,
  recentFiles: readRecentFiles(),
  selectPlan(id) {
    if (id !== get().selectedPlanId) set({ selectedPlanId: id, ...PLAN_SCOPED_RESET })
  },
  resetPlanScopedState: () => set(PLAN_SCOPED_RESET),
  patchImportDraft(patch) {
    const draft = get().importDraft
    if (draft) set({ importDraft: { ...draft, ...patch } })
  },
  setImportDraft: (importDraft) => set({ importDraft }),
  setRecentFiles: (recentFiles) => set({ recentFiles }),
})
