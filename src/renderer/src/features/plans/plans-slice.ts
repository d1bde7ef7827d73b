import type { MethodOutput } from '../../../../shared/contract'
import type { PlanSource, PlanSummary } from '../../../../shared/contract/plans'
import type { ImportProfile } from '../../../../shared/plan-model'
import type { SliceCreator } from '../../app/store-types'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { sourceLabel } from '../../lib/file-source'
import { rememberedPlanId } from '../../lib/plan-labels'
import { readRecentFiles, rememberRecentFile, type RecentFile } from './recent-files'

export interface ImportOptions {
  /** null: the plan's own value */
  startDate: string | null
  daysPerWeek: number | null
  hoursPerDay: number | null
}

export interface ImportDraft {
  source: PlanSource
  label: string
  /** set when this is a re-import (a new version of an existing plan) */
  targetPlanId: number | null
  options: ImportOptions
  /** re-import only: make the new version the baseline (null: keep the plan's baseline) */
  rebaseline: { reason: string } | null
  /** the lead's corrections to how the plan is read (mapping step); null until the lead changes something */
  profile: ImportProfile | null
  preview: MethodOutput<'plans.preview'> | null
  status: 'parsing' | 'ready' | 'importing'
  error: string | null
}

export type PlanFigures =
  | { ok: true; verifiedPercent: number; remainingHours: number; scheduleVarianceWeeks: number; asOfWeek: number }
  | { ok: false; error: string }

export interface PlansSlice {
  plans: PlanSummary[]
  /** headline progress per plan id, for the library */
  planFigures: Record<number, PlanFigures>
  plansError: string | null
  selectedPlanId: number | null
  importDraft: ImportDraft | null
  recentFiles: RecentFile[]
  /** set while "Open the sample" runs */
  sampleStatus: 'idle' | 'opening'
  loadPlans(): Promise<void>
  loadPlanFigures(): Promise<void>
  selectPlan(id: number | null): void
  startImport(source: PlanSource, targetPlanId?: number | null): Promise<void>
  setImportOptions(patch: Partial<ImportOptions>): Promise<void>
  setImportBaseline(choice: { reason: string } | null): void
  /** change the mapping (null: read the plan as written) and read it again */
  setImportProfile(profile: ImportProfile | null): Promise<void>
  confirmImport(): Promise<void>
  cancelImport(): void
  removePlan(planId: number): Promise<void>
  openSample(): Promise<void>
}

function parseOptions(options: ImportOptions, profile: ImportProfile | null) {
  const parsed: { daysPerWeek?: number; hoursPerDay?: number; profile?: ImportProfile } = {}
  if (options.daysPerWeek) parsed.daysPerWeek = options.daysPerWeek
  if (options.hoursPerDay) parsed.hoursPerDay = options.hoursPerDay
  if (profile) parsed.profile = profile
  return parsed
}

export const createPlansSlice: SliceCreator<PlansSlice> = (set, get) => {
  async function refreshPreview() {
    const draft = get().importDraft
    if (!draft) return
    set({ importDraft: { ...draft, status: 'parsing', error: null } })
    try {
      const preview = await call('plans.preview', {
        source: draft.source,
        options: parseOptions(draft.options, draft.profile),
        ...(draft.targetPlanId !== null ? { planId: draft.targetPlanId } : {}),
      })
      const current = get().importDraft
      // a re-import starts from the mapping stored with the plan
      if (current?.source === draft.source) set({ importDraft: { ...current, profile: current.profile ?? preview.profile, preview, status: 'ready', error: null } })
    } catch (error) {
      const current = get().importDraft
      if (current?.source === draft.source) set({ importDraft: { ...current, status: 'ready', error: errorMessage(error) } })
    }
  }

  return {
    plans: [],
    planFigures: {},
    plansError: null,
    selectedPlanId: rememberedPlanId(),
    importDraft: null,
    recentFiles: readRecentFiles(),
    sampleStatus: 'idle',

    async loadPlans() {
      try {
        const plans = await call('plans.list', {})
        const selected = get().selectedPlanId
        const selectedPlanId = selected !== null && plans.some((p) => p.id === selected) ? selected : (plans[0]?.id ?? null)
        set({ plans, plansError: null, selectedPlanId })
        if (selectedPlanId !== selected) {
          get().resetPlanScopedState()
          if (selectedPlanId !== null && get().ready) void get().loadPlanData()
        }
      } catch (error) {
        set({ plansError: errorMessage(error) })
      }
    },

    async loadPlanFigures() {
      const entries = await Promise.all(
        get().plans.map(async (plan): Promise<[number, PlanFigures]> => {
          try {
            const { summary, asOfWeek } = await call('progress.get', { planId: plan.id })
            return [plan.id, { ok: true, verifiedPercent: summary.verifiedPercent, remainingHours: summary.remainingHours, scheduleVarianceWeeks: summary.scheduleVarianceWeeks, asOfWeek }]
          } catch (error) {
            return [plan.id, { ok: false, error: errorMessage(error) }]
          }
        }),
      )
      set({ planFigures: Object.fromEntries(entries) })
    },

    selectPlan(id) {
      if (id === get().selectedPlanId) {
        if (id !== null && !get().report && !get().planDataLoading) void get().loadPlanData()
        return
      }
      set({ selectedPlanId: id })
      get().resetPlanScopedState()
      if (id !== null) void get().loadPlanData()
    },

    async startImport(source, targetPlanId = null) {
      // a plan stored with no hours has nothing to measure against: offer its replacement as the baseline
      const target = get().plans.find((plan) => plan.id === targetPlanId)
      set({
        importDraft: {
          source,
          label: sourceLabel(source),
          targetPlanId,
          options: { startDate: null, daysPerWeek: null, hoursPerDay: null },
          rebaseline: target && target.totalHours === 0 ? { reason: '' } : null,
          profile: null,
          preview: null,
          status: 'parsing',
          error: null,
        },
      })
      await refreshPreview()
    },

    async setImportOptions(patch) {
      const draft = get().importDraft
      if (!draft) return
      const options = { ...draft.options, ...patch }
      set({ importDraft: { ...draft, options } })
      if ('daysPerWeek' in patch || 'hoursPerDay' in patch) await refreshPreview()
    },

    setImportBaseline(choice) {
      const draft = get().importDraft
      if (draft) set({ importDraft: { ...draft, rebaseline: choice } })
    },

    async setImportProfile(profile) {
      const draft = get().importDraft
      if (!draft) return
      set({ importDraft: { ...draft, profile } })
      await refreshPreview()
    },

    async confirmImport() {
      const draft = get().importDraft
      if (!draft || !draft.preview) return
      set({ importDraft: { ...draft, status: 'importing', error: null } })
      try {
        const result = await call('plans.import', {
          source: draft.source,
          options: parseOptions(draft.options, draft.profile),
          ...(draft.targetPlanId !== null ? { planId: draft.targetPlanId } : {}),
          ...(draft.options.startDate ? { startDate: draft.options.startDate } : {}),
          ...(draft.targetPlanId !== null && draft.rebaseline ? { rebaseline: draft.rebaseline } : {}),
        })
        if ('path' in draft.source) set({ recentFiles: rememberRecentFile(draft.source.path) })
        set({ importDraft: null })
        await get().loadPlans()
        set({ selectedPlanId: result.planId })
        get().resetPlanScopedState()
        get().navigate('dashboard')
        await get().loadPlanData()
        get().notify({
          tone: 'info',
          message:
            result.versionNo > 1
              ? `Imported version ${result.versionNo} of the plan (${result.taskCount} work items)${draft.rebaseline ? '; it is now the baseline' : ''}.`
              : `Imported ${draft.label}: ${result.taskCount} work items, ${result.totalHours} h.`,
        })
      } catch (error) {
        const current = get().importDraft
        if (current) set({ importDraft: { ...current, status: 'ready', error: errorMessage(error) } })
      }
    },

    cancelImport: () => set({ importDraft: null }),

    async removePlan(planId) {
      try {
        await call('plans.remove', { planId })
        if (get().selectedPlanId === planId) {
          set({ selectedPlanId: null })
          get().resetPlanScopedState()
        }
        await get().loadPlans()
        if (get().selectedPlanId !== null) void get().loadPlanData()
        get().notify({ tone: 'info', message: 'Plan deleted.' })
      } catch (error) {
        get().notify({ tone: 'error', message: `Could not delete the plan: ${errorMessage(error)}` })
      }
    },

    async openSample() {
      set({ sampleStatus: 'opening', plansError: null })
      try {
        const { planId } = await call('sample.open', {})
        await get().loadPlans()
        set({ selectedPlanId: planId })
        get().resetPlanScopedState()
        get().navigate('dashboard')
        await get().loadPlanData()
      } catch (error) {
        set({ plansError: `Could not open the sample: ${errorMessage(error)}` })
      } finally {
        set({ sampleStatus: 'idle' })
      }
    },
  }
}
