import { z } from 'zod'
import type { MethodGroup } from '../method-spec'

export const fileMethods = {
  'files.reveal': {
    summary: 'Show a file in its folder (desktop app only)',
    input: z.object({ path: z.string().min(1) }).strict(),
    output: z.object({ done: z.boolean() }),
  },
  'files.open': {
    summary: 'Open a file with its default application (desktop app only)',
    input: z.object({ path: z.string().min(1) }).strict(),
    output: z.object({ done: z.boolean() }),
  },
} satisfies MethodGroup
