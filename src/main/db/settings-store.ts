import { eq } from 'drizzle-orm'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/contract/settings'
import type { AppDatabase } from './client'
import { settings } from './schema'

const SETTINGS_KEY = 'app'

export function readSettings(db: AppDatabase): Settings {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get()
  if (!row) return DEFAULT_SETTINGS
  // a value written by an older version may miss newer fields: defaults fill them
  const stored = SettingsSchema.partial().safeParse(JSON.parse(row.valueJson))
  return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.data : {}) }
}

export function writeSettings(db: AppDatabase, patch: Partial<Settings>): Settings {
  const next = SettingsSchema.parse({ ...readSettings(db), ...patch })
  const valueJson = JSON.stringify(next)
  db.insert(settings)
    .values({ key: SETTINGS_KEY, valueJson })
    .onConflictDoUpdate({ target: settings.key, set: { valueJson } })
    .run()
  return next
}
