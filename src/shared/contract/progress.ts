import { z } from 'zod'
import type { MethodGroup } from '../method-spec'
import { ProgressReportSchema } from '../progress-model'

export const progressMethods = {
  'progress.get': {
    summary: 'Status, burndown/burnup series, phases, milestones and forecast of a plan (as of a date)',
    input: z
      .object({
        planId: z.number().int().positive(),
        asOf: z.iso.date().optional(),
        /** measure against this baseline (plans.get lists them); absent: the plan's newest */
        baselineId: z.number().int().positive().optional(),
      })
      .strict(),
    output: ProgressReportSchema,
  },
} satisfies MethodGroup
