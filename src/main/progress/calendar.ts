import type { CalendarInput } from '../../shared/progress-model'
import type { ParsedPlan } from '../../shared/plan-model'
import { toDayNumber, toIsoDate, weekdayOf } from './dates'

export type { CalendarInput }

export interface WeekSpan {
  week: number
  /** first calendar day of the week (ISO) */
  start: string
  /** last calendar day of the week (ISO) */
  end: string
}

/**
 * The plan's calendar. Week w = the 7 days starting at (start moved back to the first
 * weekday) + 7(w − 1); week 0 is everything before week 1. Working days are the first
 * `daysPerWeek` days of each week, minus the non-working dates; plan day d is the d-th
 * working day from week 1.
 */
export interface PlanCalendar {
  readonly input: CalendarInput
  /** first day of week 1 */
  readonly week1Start: string
  week(week: number): WeekSpan
  weeks(fromWeek: number, toWeek: number): WeekSpan[]
  /** plan week containing the date (≤ 0 before week 1) */
  weekOfDate(isoDate: string): number
  /** like weekOfDate, but everything before week 1 is week 0 ("before start") */
  progressWeekOfDate(isoDate: string): number
  isWorkingDate(isoDate: string): boolean
  workingDaysInWeek(week: number): number
  /** calendar date of plan working day `day` (1-based) */
  dateOfPlanDay(day: number): string
  weekOfPlanDay(day: number): number
  /**
   * Plan time at the end of the date, in weeks: (w − 1) + share of week w's working days
   * elapsed. 0 before the plan starts; an integer at the end of a week's last working day.
   */
  elapsedWeeksAt(isoDate: string): number
}

export function planCalendar(input: CalendarInput): PlanCalendar {
  const startDay = toDayNumber(input.start)
  const backToFirstWeekday = (weekdayOf(startDay) - input.firstWeekday + 7) % 7
  const week1StartDay = startDay - backToFirstWeekday
  const nonWorking = new Set(input.nonWorkingDates.map(toDayNumber))
  /** day numbers of plan days 1..n, grown on demand */
  const planDays: number[] = []

  const weekOfDay = (dayNumber: number) => Math.floor((dayNumber - week1StartDay) / 7) + 1
  const firstDayOfWeek = (week: number) => week1StartDay + 7 * (week - 1)
  const isWorkingDay = (dayNumber: number) =>
    positiveModulo(dayNumber - week1StartDay, 7) < input.daysPerWeek && !nonWorking.has(dayNumber)

  const week = (w: number): WeekSpan => ({
    week: w,
    start: toIsoDate(firstDayOfWeek(w)),
    end: toIsoDate(firstDayOfWeek(w) + 6),
  })

  const workingDaysInWeek = (w: number) => {
    let count = 0
    for (let day = firstDayOfWeek(w); day < firstDayOfWeek(w) + 7; day++) if (isWorkingDay(day)) count++
    return count
  }

  const dayNumberOfPlanDay = (planDay: number): number => {
    if (planDay < 1) throw new Error(`plan days start at 1, got ${planDay}`)
    // Ten years of calendar without one working day means the settings exclude every day.
    const giveUpAt = week1StartDay + 3650 + planDay * 7
    let candidate = planDays.length ? planDays[planDays.length - 1] + 1 : week1StartDay
    while (planDays.length < planDay) {
      if (candidate > giveUpAt) throw new Error('the calendar has no working days')
      if (isWorkingDay(candidate)) planDays.push(candidate)
      candidate++
    }
    return planDays[planDay - 1]
  }

  return {
    input,
    week1Start: toIsoDate(week1StartDay),
    week,
    weeks: (fromWeek, toWeek) => {
      const spans: WeekSpan[] = []
      for (let w = fromWeek; w <= toWeek; w++) spans.push(week(w))
      return spans
    },
    weekOfDate: (isoDate) => weekOfDay(toDayNumber(isoDate)),
    progressWeekOfDate: (isoDate) => Math.max(0, weekOfDay(toDayNumber(isoDate))),
    isWorkingDate: (isoDate) => isWorkingDay(toDayNumber(isoDate)),
    workingDaysInWeek,
    dateOfPlanDay: (planDay) => toIsoDate(dayNumberOfPlanDay(planDay)),
    weekOfPlanDay: (planDay) => weekOfDay(dayNumberOfPlanDay(planDay)),
    elapsedWeeksAt: (isoDate) => {
      const day = toDayNumber(isoDate)
      const w = weekOfDay(day)
      if (w < 1) return 0
      let elapsedWorking = 0
      for (let d = firstDayOfWeek(w); d <= day; d++) if (isWorkingDay(d)) elapsedWorking++
      const working = workingDaysInWeek(w)
      const share = working > 0 ? elapsedWorking / working : (day - firstDayOfWeek(w) + 1) / 7
      return w - 1 + share
    },
  }
}

const positiveModulo = (value: number, divisor: number) => ((value % divisor) + divisor) % divisor

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
