import type { QueryClient } from '@tanstack/react-query'
import type { PlanSummary } from '../../../shared/contract/plans'
import { appInfoQuery, plansQuery, settingsQuery } from '../data/queries'
import { errorMessage } from '../lib/errors'
import { useStore } from './store'

/** The plan to show: the one chosen (or remembered) when it still exists, else the first. */
export function planToShow(plans: readonly PlanSummary[], chosen: number | null): number | null {
  return chosen !== null && plans.some((plan) => plan.id === chosen) ? chosen : (plans[0]?.id ?? null)
}

/** The first reads: the host, the settings and the plans; a lead with plans lands on the dashboard. */
export async function boot(client: QueryClient): Promise<void> {
  const store = useStore.getState()
  try {
    // a failed plans list shows on the Plans screen (its query keeps the error); the host and settings are vital
    const [, , plans] = await Promise.all([
      client.fetchQuery(appInfoQuery()),
      client.fetchQuery(settingsQuery()),
      client.fetchQuery(plansQuery()).catch(() => null),
    ])
    const planId = planToShow(plans ?? [], store.selectedPlanId)
    store.selectPlan(planId)
    if (planId !== null) store.navigate('dashboard')
  } catch (error) {
    useStore.setState({ bootError: errorMessage(error) })
  } finally {
    useStore.setState({ ready: true })
  }
}
