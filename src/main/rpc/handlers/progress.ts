import type { progressMethods } from '../../../shared/contract/progress'
import { getProgress } from '../../usecases/progress'
import type { HandlersFor } from '../dispatch'

export const progressHandlers = {
  'progress.get': (input, ctx) => getProgress(ctx, input),
} satisfies HandlersFor<typeof progressMethods>
