import type { CalendarInput } from '../../shared/progress-model'
import type { ParsedPlan } from '../../shared/plan-model'

export interface CalendarSettings {
  start?: string
  firstWeekday?: number
  daysPerWeek?: number
  hoursPerDay?: number
  nonWorkingDates?: string[]
}

/**
 * Calendar input for a plan: the lead's settings win, then the plan's own values; the
 * start falls back to `fallbackStart` (e.g. the import date) when neither gives one.
 */
export function calendarInputFor(plan: ParsedPlan, settings: CalendarSettings, fallbackStart: string): CalendarInput {
  return {
    start: settings.start ?? plan.date ?? fallbackStart,
    firstWeekday: settings.firstWeekday ?? 1,
    daysPerWeek: settings.daysPerWeek ?? plan.daysPerWeek,
    hoursPerDay: settings.hoursPerDay ?? plan.hoursPerDay,
    nonWorkingDates: settings.nonWorkingDates ?? [],
  }
}
