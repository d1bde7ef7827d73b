import { appHandlers } from './handlers/app'
import { checkHandlers } from './handlers/checks'
import { dialogHandlers } from './handlers/dialogs'
import { evidenceHandlers } from './handlers/evidence'
import { fileHandlers } from './handlers/files'
import { planHandlers } from './handlers/plans'
import { progressHandlers } from './handlers/progress'
import { repoHandlers } from './handlers/repos'
import { reportHandlers } from './handlers/report'
import { sampleHandlers } from './handlers/sample'
import { settingsHandlers } from './handlers/settings'
import { taskHandlers } from './handlers/tasks'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import type { CoreContext } from '../usecases/context'
import type { Logger } from '../log'

export type { CoreContext, PlatformPort } from '../usecases/context'
export type { Dispatch } from './dispatch'

/**
 * Every contract method's handler, one group per contract group: a group missing here, or a method missing in a
 * group, does not compile (each group `satisfies HandlersFor<its contract group>`; two groups cannot share a
 * method, since the contract refuses a name outside its prefix).
 */
export function createHandlers(): Handlers {
  return {
    ...appHandlers,
    ...settingsHandlers,
    ...dialogHandlers,
    ...fileHandlers,
    ...sampleHandlers,
    ...planHandlers,
    ...taskHandlers,
    ...repoHandlers,
    ...evidenceHandlers,
    ...checkHandlers,
    ...progressHandlers,
    ...reportHandlers,
  }
}

/** Wires every contract method to its handler over one context; all transports call the returned dispatch. */
export function createCore(ctx: CoreContext, logger: Logger = ctx.logger): Dispatch {
  return createDispatch(createHandlers(), ctx, logger)
}
