import type { evidenceMethods } from '../../../shared/contract/evidence'
import { explainTaskAsOf, taskEvidence } from '../../usecases/evidence'
import type { HandlersFor } from '../dispatch'

export const evidenceHandlers = {
  'evidence.forTask': (input, ctx) => taskEvidence(ctx, input.taskId),
  'evidence.explain': (input, ctx) => explainTaskAsOf(ctx, input),
} satisfies HandlersFor<typeof evidenceMethods>
