import { addDays } from 'date-fns/addDays'
import { differenceInCalendarWeeks } from 'date-fns/differenceInCalendarWeeks'
import { format } from 'date-fns/format'
import { formatISO } from 'date-fns/formatISO'
import { parseISO } from 'date-fns/parseISO'
import { startOfWeek } from 'date-fns/startOfWeek'
import type { CalendarInput } from '../../../src/shared/progress-model'
import type { PlanCalendar, WeekSpan } from '../../../src/shared/calendar'

/**
 * The three calendars src/shared/calendar.ts replaced, kept verbatim as reference oracles for its property tests:
 * progress's hand-written day numbers (Hinnant's days-from-civil), the plan reader's date-fns weeks in local time,
 * and the evidence engine's week ends.
 */

// ---- progress/dates.ts and progress/calendar.ts (planCalendar)

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/

export function toDayNumber(isoDateOrTimestamp: string): number {
  if (!ISO_DATE_PREFIX.test(isoDateOrTimestamp)) {
    throw new Error(`not an ISO date: ${JSON.stringify(isoDateOrTimestamp)}`)
  }
  const year = Number(isoDateOrTimestamp.slice(0, 4))
  const month = Number(isoDateOrTimestamp.slice(5, 7))
  const day = Number(isoDateOrTimestamp.slice(8, 10))
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    throw new Error(`not an ISO date: ${JSON.stringify(isoDateOrTimestamp)}`)
  }
  const shiftedYear = month <= 2 ? year - 1 : year
  const era = Math.floor(shiftedYear / 400)
  const yearOfEra = shiftedYear - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function toIsoDate(dayNumber: number): string {
  const shifted = dayNumber + 719468
  const era = Math.floor(shifted / 146097)
  const dayOfEra = shifted - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday) */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

/** the calendar-date part of an ISO date or timestamp */
export function isoDatePart(isoDateOrTimestamp: string): string {
  toDayNumber(isoDateOrTimestamp) // validates
  return isoDateOrTimestamp.length === 10 ? isoDateOrTimestamp : isoDateOrTimestamp.slice(0, 10)
}

export function referencePlanCalendar(input: CalendarInput): PlanCalendar {
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

// ---- plan/calendar.ts: Monday of a date's week, and plan week numbers (week 1 contains the plan date)

export function referenceMondayOf(date: string): string {
  return formatISO(startOfWeek(parseISO(date), { weekStartsOn: 1 }), { representation: 'date' })
}

export function referencePlanWeek(date: string, planDate: string): number {
  return differenceInCalendarWeeks(parseISO(date), parseISO(planDate), { weekStartsOn: 1 }) + 1
}

// ---- evidence/results.ts: exclusive end date of each plan week, and the week before an end

export function referencePlanWeekEnds(planStart: string, weeks: number): string[] {
  const start = parseISO(planStart)
  return Array.from({ length: weeks }, (_, i) => format(addDays(start, 7 * (i + 1)), 'yyyy-MM-dd'))
}

export function referenceWeekStartOf(weekEnd: string): string {
  return format(addDays(parseISO(weekEnd), -7), 'yyyy-MM-dd')
}

// ---- the two localIsoDate functions (services/plan-context.ts, renderer lib/format.ts)

export function referenceLocalIsoDateMain(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return shifted.toISOString().slice(0, 10)
}

export function referenceLocalIsoDateRenderer(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
