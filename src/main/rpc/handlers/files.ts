import type { fileMethods } from '../../../shared/contract/files'
import { openFile, revealFile } from '../../usecases/host'
import type { HandlersFor } from '../dispatch'

export const fileHandlers = {
  'files.reveal': (input, ctx) => revealFile(ctx, input.path),
  'files.open': (input, ctx) => openFile(ctx, input.path),
} satisfies HandlersFor<typeof fileMethods>
