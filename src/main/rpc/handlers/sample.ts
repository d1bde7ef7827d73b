import type { sampleMethods } from '../../../shared/contract/sample'
import { openSample } from '../../usecases/sample'
import type { HandlersFor } from '../dispatch'

export const sampleHandlers = {
  'sample.open': (_input, ctx) => openSample(ctx),
} satisfies HandlersFor<typeof sampleMethods>
