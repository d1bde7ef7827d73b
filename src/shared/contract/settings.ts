import { z } from 'zod'
import type { MethodGroup } from '../method-spec'

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

export const settingsMethods = {
  'settings.get': {
    summary: 'Global settings (hours/day, days/week, first weekday, non-working dates, theme)',
    input: z.object({}).strict(),
    output: SettingsSchema,
  },
  'settings.update': {
    summary: 'Change some settings; returns all of them',
    input: SettingsSchema.partial().strict(),
    output: SettingsSchema,
  },
} satisfies MethodGroup
