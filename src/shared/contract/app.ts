import { z } from 'zod'
import type { MethodSpec } from '../contract'

export const ThemeSchema = z.enum(['system', 'light', 'dark'])

export const SettingsSchema = z.object({
  hoursPerDay: z.number().positive().max(24),
  daysPerWeek: z.number().int().min(1).max(7),
  /** 0 = Sunday … 6 = Saturday */
  firstWeekday: z.number().int().min(0).max(6),
  nonWorkingDates: z.array(z.iso.date()),
  theme: ThemeSchema,
  autoSync: z.boolean(),
})
export type Settings = z.infer<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  hoursPerDay: 8,
  daysPerWeek: 5,
  firstWeekday: 1,
  nonWorkingDates: [],
  theme: 'system',
  autoSync: true,
}

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

const empty = z.object({}).strict()

export const appMethods = {
  'app.getInfo': {
    summary: 'Version, mode and where the data lives',
    input: empty,
    output: AppInfoSchema,
  },
  'settings.get': {
    summary: 'Global settings (hours/day, days/week, first weekday, non-working dates, theme)',
    input: empty,
    output: SettingsSchema,
  },
  'settings.update': {
    summary: 'Change some settings; returns all of them',
    input: SettingsSchema.partial().strict(),
    output: SettingsSchema,
  },
  'dialogs.openPlanFile': {
    summary: 'Native "open plan" dialog (desktop app only)',
    input: empty,
    output: z.object({ path: z.string().nullable() }),
  },
  'dialogs.chooseFolder': {
    summary: 'Native folder picker, e.g. to connect a repository (desktop app only)',
    input: empty,
    output: z.object({ path: z.string().nullable() }),
  },
  'dialogs.chooseSavePath': {
    summary: 'Native save dialog for an export (desktop app only)',
    input: z.object({ defaultName: z.string().min(1).max(255), kind: z.enum(['pdf', 'csv', 'json', 'db']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
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
  'app.backup': {
    summary: "Write a consistent copy of the database: to the app's backups folder, or to a chosen file (replacing one only with overwrite)",
    input: z.object({ path: z.string().min(1).max(4096).optional(), overwrite: z.boolean().optional() }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  'sample.open': {
    summary: 'Import the sample plan with a generated sample repository, synced, so the dashboard has data',
    input: empty,
    output: z.object({ planId: z.number().int() }),
  },
} satisfies Record<string, MethodSpec>
