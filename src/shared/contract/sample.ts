import { z } from 'zod'
import type { MethodGroup } from '../method-spec'

export const sampleMethods = {
  'sample.open': {
    summary: 'Import the sample plan with a generated sample repository, synced, so the dashboard has data',
    input: z.object({}).strict(),
    output: z.object({ planId: z.number().int() }),
  },
} satisfies MethodGroup
