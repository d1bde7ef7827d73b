import { z } from 'zod'
import { SyncPhaseSchema } from './repo-model'

/** Events pushed from core to UI (Electron: webContents.send; browser mode: server-sent events). */
export const events = {
  'repos.changed': z.object({ planId: z.number().int(), repoId: z.number().int(), reason: z.string() }),
  'repos.syncProgress': z.object({
    planId: z.number().int(),
    phase: SyncPhaseSchema,
    done: z.number(),
    total: z.number(),
    finished: z.boolean(),
  }),
  'plans.changed': z.object({ planId: z.number().int().nullable() }),
  /** a command from the Electron application menu */
  'app.menuCommand': z.object({ command: z.lazy(() => MenuCommandSchema) }),
}

export const MenuCommandSchema = z.enum([
  'import-plan',
  'export-pdf',
  'export-csv',
  'backup',
  'go-plans',
  'go-dashboard',
  'go-tasks',
  'go-repos',
  'go-report',
])
export type MenuCommand = z.infer<typeof MenuCommandSchema>

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
export const eventNames = Object.keys(events) as EventName[]
