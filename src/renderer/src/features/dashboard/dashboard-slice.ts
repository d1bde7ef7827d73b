import type { PlanDetail } from '../../../../shared/contract/plans'
import type { ProgressReport } from '../../../../shared/progress-model'
import type { SliceCreator } from '../../app/store-types'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'

export interface DashboardSlice {
  /** the selected plan's parsed version, settings and task ids */
  detail: PlanDetail | null
  detailError: string | null
  /** what progress.get answered for the selected plan */
  report: ProgressReport | null
  reportError: string | null
  planDataLoading: boolean
  /** null = today (the core's clock); else a yyyy-mm-dd "as of" date */
  asOf: string | null
  /** how long the last progress.get took, in ms (shown for large plans) */
  reportMillis: number | null
  /** the baseline the dashboard measures against; null = the plan's newest */
  baselineId: number | null
  loadPlanData(): Promise<void>
  reloadReport(): Promise<void>
  setAsOf(date: string | null): Promise<void>
  setBaselineId(id: number | null): Promise<void>
  /** freezes a version (default: the current one) as the plan's new baseline */
  rebaseline(args: { versionNo?: number; reason: string }): Promise<boolean>
  resetPlanScopedState(): void
}

let loadGeneration = 0

export const createDashboardSlice: SliceCreator<DashboardSlice> = (set, get) => ({
  detail: null,
  detailError: null,
  report: null,
  reportError: null,
  planDataLoading: false,
  asOf: null,
  reportMillis: null,
  baselineId: null,

  async loadPlanData() {
    const planId = get().selectedPlanId
    if (planId === null) return
    const generation = ++loadGeneration
    set({ planDataLoading: true })
    const [detail] = await Promise.allSettled([call('plans.get', { planId }), get().reloadReport(), get().loadRepos()])
    if (generation !== loadGeneration) return
    if (detail.status === 'fulfilled') set({ detail: detail.value, detailError: null })
    else set({ detailError: errorMessage(detail.reason) })
    set({ planDataLoading: false })
  },

  async reloadReport() {
    const planId = get().selectedPlanId
    if (planId === null) return
    const { asOf, baselineId } = get()
    const started = performance.now()
    try {
      const report = await call('progress.get', { planId, ...(asOf ? { asOf } : {}), ...(baselineId !== null ? { baselineId } : {}) })
      if (get().selectedPlanId === planId) set({ report, reportError: null, reportMillis: Math.round(performance.now() - started) })
    } catch (error) {
      if (get().selectedPlanId === planId) set({ reportError: errorMessage(error) })
    }
  },

  async setAsOf(date) {
    set({ asOf: date })
    await get().reloadReport()
  },

  async setBaselineId(id) {
    set({ baselineId: id })
    await get().reloadReport()
  },

  async rebaseline({ versionNo, reason }) {
    const planId = get().selectedPlanId
    if (planId === null) return false
    try {
      const { baseline } = await call('plans.rebaseline', { planId, reason, ...(versionNo !== undefined ? { versionNo } : {}) })
      set({ baselineId: null })
      await get().loadPlanData()
      get().notify({ tone: 'info', message: `Rebaselined: progress is now measured against version ${baseline.versionNo}.` })
      return true
    } catch (error) {
      get().notify({ tone: 'error', message: `Could not rebaseline: ${errorMessage(error)}` })
      return false
    }
  },

  resetPlanScopedState() {
    set({ baselineId: null, detail: null, detailError: null, report: null, reportError: null, reportMillis: null, repos: [], reposError: null, sync: null, reportExport: null })
    get().closeTask()
  },
})
