import { z } from 'zod'
import type { MethodGroup } from '../method-spec'
import { ManualStateSchema } from '../progress-model'

/** a manual status entry: a mark (done / not-done / blocked), or `cleared` to remove the current one */
export const StatusEntryKindSchema = z.enum([...ManualStateSchema.options, 'cleared'])

export const TaskStatusEntrySchema = z.object({
  id: z.number().int(),
  status: StatusEntryKindSchema,
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
        status: StatusEntryKindSchema,
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
