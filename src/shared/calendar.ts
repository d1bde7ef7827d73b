import { UTCDate } from '@date-fns/utc'
import { addDays } from 'date-fns/addDays'
import { addYears } from 'date-fns/addYears'
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays'
import { formatISO } from 'date-fns/formatISO'
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth'
import { startOfWeek } from 'date-fns/startOfWeek'
import type { CalendarInput } from './progress-model'

/**
 * The one calendar every domain counts dates and weeks with. Dates are yyyy-mm-dd strings; a timestamp counts by
 * the calendar date it was written with (`2025-02-03T23:30:00-05:00` is 2025-02-03). Arithmetic runs in date-fns on
 * UTC dates, so a day is a day whatever the machine's time zone and its daylight-saving changes.
 */

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/

/** yyyy-mm-dd of a date that exists (month 1-12), else null */
export function isoDateOf(year: number, month: number, day: number): string | null {
  const date = existingDate(year, month, day)
  return date ? dateText(date) : null
}

/** the calendar-date part of an ISO date or timestamp; throws on anything that is not one */
export function calendarDate(isoDateOrTimestamp: string): string {
  dayNumber(isoDateOrTimestamp) // validates
  return isoDateOrTimestamp.slice(0, 10)
}

/**
 * Days since 1970-01-01 of the dates seen, and the reverse. Progress reads the same few hundred dates for thousands
 * of tasks; a date-fns conversion on every read would be most of its time. Both are pure, so they are remembered
 * (and forgotten when large).
 */
const MEMO_LIMIT = 20_000
const EPOCH = new UTCDate(1970, 0, 1)
const dayNumbers = new Map<string, number>()
const datesOfDays = new Map<number, string>()

function dayNumber(isoDateOrTimestamp: string): number {
  const key = isoDateOrTimestamp.slice(0, 10)
  let day = dayNumbers.get(key)
  if (day === undefined) {
    day = differenceInCalendarDays(utcDate(isoDateOrTimestamp), EPOCH)
    if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear()
    dayNumbers.set(key, day)
  }
  return day
}

function dateOfDay(day: number): string {
  let date = datesOfDays.get(day)
  if (date === undefined) {
    date = dateText(addDays(EPOCH, day))
    if (datesOfDays.size >= MEMO_LIMIT) datesOfDays.clear()
    datesOfDays.set(day, date)
  }
  return date
}

function utcDate(isoDateOrTimestamp: string): UTCDate {
  const match = ISO_DATE_PREFIX.exec(isoDateOrTimestamp)
  const date = match && existingDate(Number(match[1]), Number(match[2]), Number(match[3]))
  if (!date) throw new Error(`not an ISO date: ${JSON.stringify(isoDateOrTimestamp)}`)
  return date
}

/** the UTC date, when the day exists in that month (a UTC date never falls in a gap the local clock skipped) */
function existingDate(year: number, month: number, day: number): UTCDate | null {
  const date = new UTCDate(year, month - 1, day)
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null
}

function dateText(date: Date): string {
  return formatISO(date, { representation: 'date' })
}

export function addDaysTo(isoDate: string, days: number): string {
  return dateOfDay(dayNumber(isoDate) + days)
}

/** the last day of a month (1-12) */
export function monthEndOf(year: number, month: number): string {
  return dateText(lastDayOfMonth(new UTCDate(year, month - 1, 1)))
}

export function addYearsTo(isoDate: string, years: number): string {
  return dateText(addYears(utcDate(isoDate), years))
}

/** whole calendar days from `from` to `to` (negative when `to` is earlier) */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** the first day of the date's week, weeks starting on `firstWeekday` (0 = Sunday … 6 = Saturday) */
export function weekStartOf(isoDate: string, firstWeekday: number): string {
  return dateText(startOfWeek(utcDate(isoDate), { weekStartsOn: firstWeekday as 0 | 1 | 2 | 3 | 4 | 5 | 6 }))
}

/** plan week of a date when week 1 starts on `week1Start`: 1, 2, … after it; 0, -1, … before it */
export function weekNumberOf(isoDate: string, week1Start: string): number {
  return Math.floor(daysBetween(week1Start, isoDate) / 7) + 1
}

/** the local calendar date of an instant (what the lead means by "today") */
export function localIsoDate(instant: Date): string {
  return dateText(instant)
}

/** the UTC calendar date of a timestamp: commit days, done dates and as-of cutoffs are counted in UTC */
export function utcDay(timestamp: string): string {
  return new Date(Date.parse(timestamp)).toISOString().slice(0, 10)
}

/** the instant a date starts in UTC (cutoffs and the plan start are compared as instants) */
export function dayStartMs(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`)
}

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

/** Days are counted as offsets from the first day of week 1, so the working-day rules are plain integer arithmetic. */
export function planCalendar(input: CalendarInput): PlanCalendar {
  const week1Start = weekStartOf(input.start, input.firstWeekday)
  const week1Day = dayNumber(week1Start)
  const offsetOf = (isoDate: string) => dayNumber(isoDate) - week1Day
  const dateAt = (offset: number) => dateOfDay(week1Day + offset)
  const nonWorking = new Set(input.nonWorkingDates.map(offsetOf))
  const weekOfOffset = (offset: number) => Math.floor(offset / 7) + 1
  const firstOffsetOfWeek = (week: number) => 7 * (week - 1)
  const isWorkingOffset = (offset: number) => positiveModulo(offset, 7) < input.daysPerWeek && !nonWorking.has(offset)
  const workingDaysInWeek = (week: number) =>
    workingOffsetsBetween(firstOffsetOfWeek(week), firstOffsetOfWeek(week) + 6, isWorkingOffset)
  const offsetOfPlanDay = planDayFinder(isWorkingOffset)
  const week = (w: number): WeekSpan => ({
    week: w,
    start: dateAt(firstOffsetOfWeek(w)),
    end: dateAt(firstOffsetOfWeek(w) + 6),
  })

  return {
    input,
    week1Start,
    week,
    weeks: (fromWeek, toWeek) => {
      const spans: WeekSpan[] = []
      for (let w = fromWeek; w <= toWeek; w++) spans.push(week(w))
      return spans
    },
    weekOfDate: (isoDate) => weekOfOffset(offsetOf(isoDate)),
    progressWeekOfDate: (isoDate) => Math.max(0, weekOfOffset(offsetOf(isoDate))),
    isWorkingDate: (isoDate) => isWorkingOffset(offsetOf(isoDate)),
    workingDaysInWeek,
    dateOfPlanDay: (planDay) => dateAt(offsetOfPlanDay(planDay)),
    weekOfPlanDay: (planDay) => weekOfOffset(offsetOfPlanDay(planDay)),
    elapsedWeeksAt: (isoDate) => {
      const offset = offsetOf(isoDate)
      const w = weekOfOffset(offset)
      if (w < 1) return 0
      const elapsedWorking = workingOffsetsBetween(firstOffsetOfWeek(w), offset, isWorkingOffset)
      const working = workingDaysInWeek(w)
      const share = working > 0 ? elapsedWorking / working : (offset - firstOffsetOfWeek(w) + 1) / 7
      return w - 1 + share
    },
  }
}

function workingOffsetsBetween(first: number, last: number, isWorking: (offset: number) => boolean): number {
  let count = 0
  for (let offset = first; offset <= last; offset++) if (isWorking(offset)) count++
  return count
}

/** offset of plan day d (1-based), the d-th working day from week 1; the days found are kept for the next call */
function planDayFinder(isWorking: (offset: number) => boolean): (planDay: number) => number {
  const found: number[] = []
  return (planDay) => {
    if (planDay < 1) throw new Error(`plan days start at 1, got ${planDay}`)
    // Ten years of calendar without one working day means the settings exclude every day.
    const giveUpAt = 3650 + planDay * 7
    let candidate = found.length ? found[found.length - 1] + 1 : 0
    while (found.length < planDay) {
      if (candidate > giveUpAt) throw new Error('the calendar has no working days')
      if (isWorking(candidate)) found.push(candidate)
      candidate++
    }
    return found[planDay - 1]
  }
}

const positiveModulo = (value: number, divisor: number) => ((value % divisor) + divisor) % divisor
