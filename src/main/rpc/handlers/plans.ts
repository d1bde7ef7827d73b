import type { planMethods } from '../../../shared/contract/plans'
import {
  getPlan,
  importPlan,
  listPlans,
  previewPlan,
  rebaselinePlan,
  removePlan,
  setPlanProfile,
  updatePlan,
} from '../../usecases/plans'
import type { HandlersFor } from '../dispatch'

export const planHandlers = {
  'plans.preview': (input, ctx) => previewPlan(ctx, input),
  'plans.import': (input, ctx) => importPlan(ctx, input),
  'plans.list': (_input, ctx) => listPlans(ctx),
  'plans.get': (input, ctx) => getPlan(ctx, input.planId),
  'plans.update': (input, ctx) => updatePlan(ctx, input),
  'plans.rebaseline': (input, ctx) => rebaselinePlan(ctx, input),
  'plans.setProfile': (input, ctx) => setPlanProfile(ctx, input),
  'plans.remove': (input, ctx) => removePlan(ctx, input.planId),
} satisfies HandlersFor<typeof planMethods>
