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
} satisfies Record<string, MethodSpec>
