import type { dialogMethods } from '../../../shared/contract/dialogs'
import { chooseFolder, choosePlanFile, chooseSavePath } from '../../usecases/host'
import type { HandlersFor } from '../dispatch'

export const dialogHandlers = {
  'dialogs.openPlanFile': (_input, ctx) => choosePlanFile(ctx),
  'dialogs.chooseFolder': (_input, ctx) => chooseFolder(ctx),
  'dialogs.chooseSavePath': (input, ctx) => chooseSavePath(ctx, input),
} satisfies HandlersFor<typeof dialogMethods>
