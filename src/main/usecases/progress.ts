import type { MethodOutput, ParsedInput } from '../../shared/contract'
import { computeProgress } from '../progress'
import { buildProgressInput } from '../services/progress-input'
import type { CoreContext } from './context'

export function getProgress(ctx: CoreContext, input: ParsedInput<'progress.get'>): MethodOutput<'progress.get'> {
  return computeProgress(buildProgressInput(ctx.db, input.planId, input.asOf, ctx.now(), input.baselineId))
}
