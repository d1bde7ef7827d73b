import type { appMethods } from '../../../shared/contract/app'
import { appInfo, backupDatabase } from '../../usecases/app'
import type { HandlersFor } from '../dispatch'

export const appHandlers = {
  'app.getInfo': (_input, ctx) => appInfo(ctx),
  'app.backup': (input, ctx) => backupDatabase(ctx, input),
} satisfies HandlersFor<typeof appMethods>
