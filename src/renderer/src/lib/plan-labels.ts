import type { PlanSummary } from '../../../shared/contract/plans'
import { formatDate } from './format'

/**
 * The name of each plan in pickers. Titles are not unique (a lead imports a second copy, two teams use the
 * same template), so a title that appears more than once says what tells the copies apart: the file name
 * when the files differ, else the import date, and always the plan's number.
 */
export function planPickerLabels(
  plans: Pick<PlanSummary, 'id' | 'title' | 'sourceName' | 'importedAt'>[],
): Map<number, string> {
  const byTitle = new Map<string, typeof plans>()
  for (const plan of plans) {
    const key = plan.title.trim().toLowerCase()
    byTitle.set(key, [...(byTitle.get(key) ?? []), plan])
  }
  const labels = new Map<number, string>()
  for (const group of byTitle.values()) {
    const sourcesDiffer = new Set(group.map((plan) => plan.sourceName)).size === group.length
    for (const plan of group) {
      if (group.length === 1) labels.set(plan.id, plan.title)
      else
        labels.set(
          plan.id,
          `${plan.title} — ${sourcesDiffer ? plan.sourceName : `imported ${formatDate(plan.importedAt)}`} (#${plan.id})`,
        )
    }
  }
  return labels
}

const SELECTED_PLAN_KEY = 'readiness.selectedPlanId'

/** The plan chosen last time, so a reload opens where the lead was. */
export function rememberedPlanId(): number | null {
  try {
    const value = Number(globalThis.localStorage?.getItem(SELECTED_PLAN_KEY))
    return Number.isInteger(value) && value > 0 ? value : null
  } catch {
    return null
  }
}

export function rememberPlanId(id: number | null): void {
  try {
    if (id === null) globalThis.localStorage?.removeItem(SELECTED_PLAN_KEY)
    else globalThis.localStorage?.setItem(SELECTED_PLAN_KEY, String(id))
  } catch {
    // storage may be unavailable (private mode); remembering is a convenience
  }
}
