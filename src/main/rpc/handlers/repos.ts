import type { repoMethods } from '../../../shared/contract/repos'
import { connectRepo, disconnectRepo, listRepos, relinkRepo, syncPlan, updateRepo } from '../../usecases/repos'
import type { HandlersFor } from '../dispatch'

export const repoHandlers = {
  'repos.connect': (input, ctx) => connectRepo(ctx, input),
  'repos.list': (input, ctx) => listRepos(ctx, input.planId),
  'repos.update': (input, ctx) => updateRepo(ctx, input),
  'repos.relink': (input, ctx) => relinkRepo(ctx, input),
  'repos.disconnect': (input, ctx) => disconnectRepo(ctx, input),
  'repos.sync': (input, ctx) => syncPlan(ctx, input.planId),
  'repos.cancelSync': (input, ctx) => ({ cancelled: ctx.sync.cancel(input.planId) }),
} satisfies HandlersFor<typeof repoMethods>
