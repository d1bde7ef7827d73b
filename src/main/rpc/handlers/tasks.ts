import type { taskMethods } from '../../../shared/contract/tasks'
import { setTaskStatus, taskHistory } from '../../usecases/tasks'
import type { HandlersFor } from '../dispatch'

export const taskHandlers = {
  'tasks.setStatus': (input, ctx) => setTaskStatus(ctx, input),
  'tasks.history': (input, ctx) => taskHistory(ctx, input.taskId),
} satisfies HandlersFor<typeof taskMethods>
