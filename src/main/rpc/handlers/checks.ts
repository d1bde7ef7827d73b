import type { checkMethods } from '../../../shared/contract/checks'
import { addCheck, removeCheck, updateCheckSpec } from '../../usecases/evidence'
import type { HandlersFor } from '../dispatch'

export const checkHandlers = {
  'checks.add': (input, ctx) => addCheck(ctx, input),
  'checks.update': (input, ctx) => updateCheckSpec(ctx, input),
  'checks.remove': (input, ctx) => removeCheck(ctx, input.checkId),
} satisfies HandlersFor<typeof checkMethods>
