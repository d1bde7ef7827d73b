import type { PlanSource } from '../../../../shared/contract/plans'
import type { ImportProfile } from '../../../../shared/plan-model'
import { useStore } from '../../app/store'
import { whenPlanListed } from '../../data/core-events'
import { queryClient } from '../../data/query-client'
import { parseOptions, plansQuery, queryKeys } from '../../data/queries'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { sourceLabel } from '../../lib/file-source'
import type { ImportDraft } from './plans-slice'
import { rememberRecentFile } from './recent-files'

let nextDraftId = 1

const listedPlans = () => queryClient.getQueryData(plansQuery().queryKey) ?? []

/** Opens the import dialog for a file; the preview query reads it. */
export function startImport(source: PlanSource, targetPlanId: number | null = null): void {
  // a plan stored with no hours has nothing to measure against: offer its replacement as the baseline
  const target = listedPlans().find((plan) => plan.id === targetPlanId)
  useStore.getState().setImportDraft({
    id: nextDraftId++,
    source,
    label: sourceLabel(source),
    targetPlanId,
    options: { startDate: null, daysPerWeek: null, hoursPerDay: null },
    rebaseline: target && target.totalHours === 0 ? { reason: '' } : null,
    profile: null,
    importing: false,
    error: null,
  })
}

/** Shows a plan that was just stored, once the plans list (refetched on the core's plans.changed) holds it. */
async function showStoredPlan(planId: number): Promise<void> {
  await whenPlanListed(queryClient, planId)
  const store = useStore.getState()
  store.selectPlan(planId)
  store.resetPlanScopedState()
  store.navigate('dashboard')
}

function importedMessage(
  draft: ImportDraft,
  result: { versionNo: number; taskCount: number; totalHours: number },
): string {
  if (result.versionNo > 1)
    return `Imported version ${result.versionNo} of the plan (${result.taskCount} work items)${draft.rebaseline ? '; it is now the baseline' : ''}.`
  return `Imported ${draft.label}: ${result.taskCount} work items, ${result.totalHours} h.`
}

/** Stores the draft's plan with the mapping the preview used (the lead's, or the one stored with the plan). */
export async function confirmImport(profile: ImportProfile | null): Promise<void> {
  const store = useStore.getState()
  const draft = store.importDraft
  if (!draft || draft.importing) return
  store.patchImportDraft({ importing: true, error: null })
  try {
    const result = await call('plans.import', {
      source: draft.source,
      options: parseOptions({ ...draft.options, profile }),
      ...(draft.targetPlanId !== null ? { planId: draft.targetPlanId } : {}),
      ...(draft.options.startDate ? { startDate: draft.options.startDate } : {}),
      ...(draft.targetPlanId !== null && draft.rebaseline ? { rebaseline: draft.rebaseline } : {}),
    })
    if ('path' in draft.source) store.setRecentFiles(rememberRecentFile(draft.source.path))
    await showStoredPlan(result.planId)
    store.setImportDraft(null)
    store.notify({ tone: 'info', message: importedMessage(draft, result), topic: 'import' })
  } catch (error) {
    store.patchImportDraft({ importing: false, error: errorMessage(error) })
  }
}

export async function removePlan(planId: number): Promise<void> {
  const store = useStore.getState()
  try {
    await call('plans.remove', { planId })
    // the list refetches on plans.changed; meanwhile nothing may show or select the deleted plan
    queryClient.setQueryData(plansQuery().queryKey, (plans) => plans?.filter((plan) => plan.id !== planId))
    queryClient.removeQueries({ queryKey: queryKeys.plan(planId) })
    if (store.selectedPlanId === planId) store.selectPlan(listedPlans()[0]?.id ?? null)
    store.notify({ tone: 'info', message: 'Plan deleted.' })
  } catch (error) {
    store.notify({ tone: 'error', message: `Could not delete the plan: ${errorMessage(error)}` })
  }
}

/** "Open the sample": the sample plan with a generated repository, synced; its dashboard once it is there. */
export async function openSample(): Promise<void> {
  try {
    const { planId } = await call('sample.open', {})
    await showStoredPlan(planId)
  } catch (error) {
    throw new Error(`Could not open the sample: ${errorMessage(error)}`, { cause: error })
  }
}
