import { z } from 'zod'
import type { MethodGroup } from '../method-spec'

export const ManualStatusSchema = z.enum(['done', 'not-done', 'blocked', 'cleared'])

export const TaskStatusEntrySchema = z.object({
  id: z.number().int(),
  status: ManualStatusSchema,
  note: z.string(),
  date: z.string(),
  createdAt: z.string(),
})
export type TaskStatusEntry = z.infer<typeof TaskStatusEntrySchema>

const taskId = z.number().int().positive()

export const taskMethods = {
  'tasks.setStatus': {
    summary: 'Record a manual status (done / not-done / blocked, or cleared) with a note and date',
    input: z
      .object({
        taskId,
        status: ManualStatusSchema,
        note: z.string().max(5000).default(''),
        date: z.iso.date(),
      })
      .strict(),
    output: TaskStatusEntrySchema,
  },
  'tasks.history': {
    summary: 'Manual status history of a task, newest first',
    input: z.object({ taskId }).strict(),
    output: z.array(TaskStatusEntrySchema),
  },
} satisfies MethodGroup
