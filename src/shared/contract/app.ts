import { z } from 'zod'
import type { MethodGroup } from '../method-spec'

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web', 'cli']),
  dbPath: z.string(),
  platform: z.string(),
  /** what this transport can do natively (file dialogs, reveal in folder, ...) */
  native: z.object({ dialogs: z.boolean(), pdf: z.boolean() }),
  /** from the host, shown at the top of every screen (e.g. why the desktop app opened in the browser); null: none */
  notice: z.string().nullable().default(null),
})

export const appMethods = {
  'app.getInfo': {
    summary: 'Version, mode and where the data lives',
    input: z.object({}).strict(),
    output: AppInfoSchema,
  },
  'app.backup': {
    summary:
      "Write a consistent copy of the database: to the app's backups folder, or to a chosen file (replacing one only with overwrite)",
    input: z.object({ path: z.string().min(1).max(4096).optional(), overwrite: z.boolean().optional() }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
} satisfies MethodGroup
