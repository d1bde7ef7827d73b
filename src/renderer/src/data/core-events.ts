import type { QueryClient } from '@tanstack/react-query'
import type { EventName, EventPayload } from '../../../shared/events'
import type { PlanSummary } from '../../../shared/contract/plans'
import { plansQuery, queryKeys } from './queries'

export interface EventContext {
  /** a sync of the plan is running: its progress is read once, when the sync's own plans.changed arrives */
  syncRunning(planId: number): boolean
}

/**
 * What a core event makes stale. plans.changed (an import, a status, a check, a sync, settings of the plan) touches the
 * plans list and everything of that plan; repos.changed (a repository moved or relinked) its repositories and progress.
 * Only queries on screen refetch at once, the others when they are next shown.
 */
export function invalidateForEvent<E extends EventName>(
  client: QueryClient,
  event: E,
  payload: EventPayload<E>,
  context: EventContext,
): void {
  if (event === 'plans.changed') {
    const { planId } = payload as EventPayload<'plans.changed'>
    void client.invalidateQueries({ queryKey: queryKeys.plans() })
    if (planId !== null) void client.invalidateQueries({ queryKey: queryKeys.plan(planId) })
  } else if (event === 'repos.changed') {
    const { planId } = payload as EventPayload<'repos.changed'>
    void client.invalidateQueries({ queryKey: queryKeys.repos(planId) })
    if (!context.syncRunning(planId)) void client.invalidateQueries({ queryKey: queryKeys.progressOf(planId) })
  }
}

/** Calls the core does not announce with an event: they refresh what they changed themselves. */
export const refreshAfter = {
  /** the calendar (hours/day, days/week, non-working dates) shapes every plan's progress */
  settingsSaved: (client: QueryClient) =>
    client.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'plan' && query.queryKey[2] === 'progress',
    }),
  /** connect, update, disconnect: the plan's repositories, the library's repository count, and (results dropped) progress */
  reposEdited: (client: QueryClient, planId: number, resultsDropped: boolean) =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.repos(planId) }),
      client.invalidateQueries({ queryKey: queryKeys.plans() }),
      resultsDropped ? client.invalidateQueries({ queryKey: queryKeys.progressOf(planId) }) : null,
    ]),
}

/**
 * Resolves once the plans list holds the plan. A stored import is announced by plans.changed, whose refetch brings
 * it; only if that event is lost is the list read here, after a while.
 */
export function whenPlanListed(client: QueryClient, planId: number, patienceMs = 4000): Promise<void> {
  const listed = () =>
    client.getQueryData<PlanSummary[]>(queryKeys.plans())?.some((plan) => plan.id === planId) ?? false
  if (listed()) return Promise.resolve()
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer)
      unsubscribe()
      resolve()
    }
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (listed()) finish()
    })
    const timer = setTimeout(
      () =>
        void client
          .fetchQuery({ ...plansQuery(), staleTime: 0 })
          .catch(() => null)
          .finally(finish),
      patienceMs,
    )
  })
}
