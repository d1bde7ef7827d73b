import { computeProgress } from '../../progress'
import { buildProgressInput } from '../../services/progress-input'
import type { HandlerGroup } from '../dispatch'

export const progressHandlers: HandlerGroup = {
  'progress.get': (input, ctx) => computeProgress(buildProgressInput(ctx.db, input.planId, input.asOf, ctx.now(), input.baselineId)),
}
