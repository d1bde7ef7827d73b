import { z } from 'zod'
import type { MethodGroup } from '../method-spec'
import { CheckOriginSchema, CheckResultSchema, CheckSpecSchema } from '../check-model'

const taskId = z.number().int().positive()
const checkId = z.number().int().positive()

export const CheckRowSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  spec: CheckSpecSchema,
  origin: CheckOriginSchema,
  enabled: z.boolean(),
  edited: z.boolean(),
  result: CheckResultSchema.nullable(),
})
export type CheckRow = z.infer<typeof CheckRowSchema>

export const checkMethods = {
  'checks.add': {
    summary: 'Add a user-authored check to a task (survives re-import)',
    input: z.object({ taskId, spec: CheckSpecSchema }).strict(),
    output: CheckRowSchema,
  },
  'checks.update': {
    summary: 'Edit or enable/disable a check (an edited derived check survives re-import)',
    input: z.object({ checkId, spec: CheckSpecSchema.optional(), enabled: z.boolean().optional() }).strict(),
    output: CheckRowSchema,
  },
  'checks.remove': {
    summary: 'Remove a check',
    input: z.object({ checkId }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
} satisfies MethodGroup
