import { z } from 'zod'
import type { MethodGroup } from '../method-spec'

export const dialogMethods = {
  'dialogs.openPlanFile': {
    summary: 'Native "open plan" dialog (desktop app only)',
    input: z.object({}).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'dialogs.chooseFolder': {
    summary: 'Native folder picker, e.g. to connect a repository (desktop app only)',
    input: z.object({}).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'dialogs.chooseSavePath': {
    summary: 'Native save dialog for an export (desktop app only)',
    input: z.object({ defaultName: z.string().min(1).max(255), kind: z.enum(['pdf', 'csv', 'json', 'db']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} satisfies MethodGroup
