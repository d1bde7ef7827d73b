import { appHandlers } from './handlers/app'
import { planHandlers } from './handlers/plans'
import { taskHandlers } from './handlers/tasks'
import { dialogHandlers } from './handlers/dialogs'
import { evidenceHandlers } from './handlers/evidence'
import { progressHandlers } from './handlers/progress'
import { repoHandlers } from './handlers/repos'
import { reportHandlers } from './handlers/report'
import { sampleHandlers } from './handlers/sample'
import { createDispatch, mergeHandlers, type Dispatch } from './dispatch'
import type { CoreContext } from './context'
import type { Logger } from '../log'

export type { CoreContext, PlatformPort } from './context'
export type { Dispatch } from './dispatch'

export function createHandlers() {
  return mergeHandlers(appHandlers, dialogHandlers, planHandlers, taskHandlers, repoHandlers, evidenceHandlers, progressHandlers, sampleHandlers, reportHandlers)
}

/** Wires every contract method to its handler over one context; all transports call the returned dispatch. */
export function createCore(ctx: CoreContext, logger: Logger = ctx.logger): Dispatch {
  return createDispatch(createHandlers(), ctx, logger)
}
