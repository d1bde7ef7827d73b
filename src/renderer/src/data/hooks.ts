import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { PlanSummary } from '../../../shared/contract/plans'
import { useStore } from '../app/store'
import { appInfoQuery, planDetailQuery, plansQuery, progressQuery, reposQuery, settingsQuery } from './queries'

/** Server data for the screens: the query cache, keyed by the selected plan and the dashboard's view of it. */

export const usePlans = () => useQuery(plansQuery())

export const useAppInfo = () => useQuery(appInfoQuery()).data

export const useSettings = () => useQuery(settingsQuery())

/** the desktop app has native open/save dialogs; browser mode has file inputs and downloads */
export const useNativeDialogs = () => useAppInfo()?.native.dialogs ?? false

export function useSelectedPlan(): PlanSummary | undefined {
  const planId = useStore((s) => s.selectedPlanId)
  const { data: plans } = usePlans()
  return plans?.find((plan) => plan.id === planId)
}

/** the selected plan's parsed version, settings and task ids */
export const usePlanDetail = () => useQuery(planDetailQuery(useStore((s) => s.selectedPlanId)))

export const useRepos = () => useQuery(reposQuery(useStore((s) => s.selectedPlanId)))

/**
 * The selected plan's progress as the dashboard views it (as-of date, baseline). While another date or baseline is
 * read, the figures on screen stay; another plan's never do.
 */
export function useProgress() {
  const planId = useStore((s) => s.selectedPlanId)
  const asOf = useStore((s) => s.asOf)
  const baselineId = useStore((s) => s.baselineId)
  return useQuery({
    ...progressQuery(planId, { asOf, baselineId }),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === planId ? previous : undefined),
  })
}

/**
 * Keys of the selected plan's items that have a number ("1.2"). Unnumbered items get a generated key
 * (phase/title slug) that means nothing to a reader, so the UI shows their title alone.
 */
export function useNumberedKeys(): ReadonlySet<string> {
  const tasks = usePlanDetail().data?.plan.tasks
  return useMemo(() => new Set((tasks ?? []).filter((task) => task.number !== null).map((task) => task.key)), [tasks])
}
