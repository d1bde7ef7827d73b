import { appHandlers } from './handlers/app'
import { planHandlers } from './handlers/plans'
import { taskHandlers } from './handlers/tasks'
import { createDispatch, mergeHandlers, type Dispatch } from './dispatch'
import type { CoreContext } from './context'

export type { CoreContext, PlatformPort } from './context'
export type { Dispatch } from './dispatch'

export function createHandlers() {
  return mergeHandlers(appHandlers, planHandlers, taskHandlers)
}

/** Wires every contract method to its handler over one context; all transports call the returned dispatch. */
export function createCore(ctx: CoreContext): Dispatch {
  return createDispatch(createHandlers(), ctx)
}
