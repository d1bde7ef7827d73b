import { isoDateOf } from '../../../shared/calendar'
import { bounded } from '../text'
import { DAY_NAMES, MONTH_NUMBER_BY_NAME } from './words'
import type { AbsoluteDates } from '../dates'

/**
 * Single dates and year-less ranges the stricter schedule forms do not cover: "2024-03-04",
 * "14.03.2023", "14/03/2023", "Tuesday 14th March 2023", "March 14, 2023", "Jan 18-21",
 * "Monday, Jan 20". A year-less date takes the plan's reference year; numeric dates are read
 * day-first unless the plan writes month-first (a second number above 12 somewhere).
 */

/** How a plan writes dates it does not spell out: the year to assume, and day-first or month-first numbers. */
export type DateContext = {
  referenceYear: number | null
  referenceMonth?: number | null
  dayFirst: boolean
  /** the plan counts its days from "Day 0" ("Day 0", "Day 1", …): Day N is its (N+1)th day */
  daysFromZero?: boolean
  /** the plan is written in Chinese, Japanese or Korean, whose short dates put the month first ("01.06 ~ 01.07") */
  eastAsian?: boolean
}
export const DEFAULT_DATE_CONTEXT: DateContext = { referenceYear: null, dayFirst: true }

const MONTHS: Record<string, number> = {
  // German: "4. März 2026", "Jän.", "Maerz"
  jän: 1,
  mär: 3,
  mae: 3,
}

/** every month name the words list knows, longest first so "janvier" is not read as "jan" */
const MONTH = `(${[...MONTH_NUMBER_BY_NAME.keys(), ...Object.keys(MONTHS)]
  .sort((left, right) => right.length - left.length)
  .join('|')})\\.?`
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const TO = '\\s{0,3}(?:-|–|—|to|through|thru)\\s{0,3}'

// 2024-03-04, and 2024/03/04 as East Asian plans write it
const ISO = /\b(\d{4})([-/])(\d{1,2})\2(\d{1,2})\b/
const NUMERIC = /\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/
/** "13–20.05.2025", "14.04–14.05.2026", "28.12.2025 - 09.01.2026": numeric ranges that state the year at the end */
const NUMERIC_RANGE =
  /\b(\d{1,2})(?:([./])(\d{1,2})(?:\2(\d{4}))?)?\.?\s{0,2}[-–—]\s{0,2}(\d{1,2})([./])(\d{1,2})\6(\d{4})\b/
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s{1,3}${DAY},?\\s{1,3}(\\d{4})\\b`, 'i')
// "4. März 2026": German writes the day as an ordinal with a dot
const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}\\.?\\s{1,3}(?:of\\s{1,3})?${MONTH},?\\s{1,3}(\\d{4})\\b`, 'i')
const MONTH_DAY_RANGE = new RegExp(
  `\\b${MONTH}\\s{1,3}${DAY}${TO}(?:${MONTH}\\s{1,3})?${DAY}\\b(?!\\s*,?\\s*\\d{4})`,
  'i',
)
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s{1,3}${DAY}\\b(?![.:/]\\d)(?!\\s*,?\\s*\\d{4})`, 'i')
const DAY_MONTH = new RegExp(`\\b${DAY}\\s{1,3}${MONTH}\\b(?!\\s*,?\\s*\\d{4})`, 'i')

export function parseLooseDate(raw: string, context: DateContext): AbsoluteDates | null {
  const text = bounded(raw, 400)
  const iso = ISO.exec(text)
  if (iso) return on(iso[0], valid(Number(iso[1]), Number(iso[3]), Number(iso[4])))
  const numericRange = readNumericRange(text, context)
  if (numericRange) return numericRange
  const numeric = NUMERIC.exec(text)
  if (numeric) {
    const [first, second, year] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])]
    const dayFirst = first > 12 ? true : second > 12 ? false : context.dayFirst
    return on(numeric[0], dayFirst ? valid(year, second, first) : valid(year, first, second))
  }
  const monthDayYear = MONTH_DAY_YEAR.exec(text)
  if (monthDayYear)
    return on(monthDayYear[0], valid(Number(monthDayYear[3]), month(monthDayYear[1]), Number(monthDayYear[2])))
  const dayMonthYear = DAY_MONTH_YEAR.exec(text)
  if (dayMonthYear)
    return on(dayMonthYear[0], valid(Number(dayMonthYear[3]), month(dayMonthYear[2]), Number(dayMonthYear[1])))
  if (context.referenceYear === null) return null
  const dotted = readDottedRange(text, context)
  if (dotted) return dotted
  const yearlessRange = MONTH_DAY_RANGE.exec(text)
  if (yearlessRange) {
    const startMonth = month(yearlessRange[1])
    const endMonth = yearlessRange[3] ? month(yearlessRange[3]) : startMonth
    const year = yearOf(startMonth, context)
    const start = valid(year, startMonth, Number(yearlessRange[2]))
    const end = valid(endMonth < startMonth ? year + 1 : year, endMonth, Number(yearlessRange[4]))
    if (start && end && end >= start) return { kind: 'range', start, end, text: yearlessRange[0] }
  }
  const monthDay = MONTH_DAY.exec(text)
  if (monthDay)
    return on(monthDay[0], valid(yearOf(month(monthDay[1]), context), month(monthDay[1]), Number(monthDay[2])))
  const dayMonth = DAY_MONTH.exec(text)
  if (dayMonth)
    return on(dayMonth[0], valid(yearOf(month(dayMonth[2]), context), month(dayMonth[2]), Number(dayMonth[1])))
  return null
}

const DAY_MONTH_CELL =
  /^(\d{1,2})(?:\s{0,2}[-–]\s{0,2}(\d{1,2}))?\/(\d{1,2})(?:\s{0,3}[-–]\s{0,3}(\d{1,2})\/(\d{1,2}))?$/

/**
 * A cell that is only a year-less day and month: "02/03", "02-03/03", "01/03 - 07/03" (day first, as the plans
 * that write them do). Read only where every cell of a when-column is one and the plan states its year; alone,
 * "24/7" or "6/6" are not dates.
 */
export function parseDayMonthCell(raw: string, context: DateContext): AbsoluteDates | null {
  if (context.referenceYear === null) return null
  const match = DAY_MONTH_CELL.exec(bounded(raw, 40).trim())
  if (!match) return null
  const [, day, toDay, monthText, endDay, endMonthText] = match
  const startMonth = Number(monthText)
  const endMonth = endMonthText === undefined ? startMonth : Number(endMonthText)
  const year = yearOf(startMonth, context)
  const start = valid(year, startMonth, Number(day))
  const end = valid(endMonth < startMonth ? year + 1 : year, endMonth, Number(endDay ?? toDay ?? day))
  if (!start || !end || end < start) return null
  return start === end ? on(raw.trim(), start) : { kind: 'range', start, end, text: raw.trim() }
}

function readNumericRange(text: string, context: DateContext): AbsoluteDates | null {
  const match = NUMERIC_RANGE.exec(text)
  if (!match) return null
  const [whole, a, startSeparator, b, startYearText, c, separator, d, yearText] = match
  if (startSeparator !== undefined && startSeparator !== separator) return null
  const dayFirst = separator === '.' || Number(c) > 12 ? true : Number(d) > 12 ? false : context.dayFirst
  const [endDay, endMonth] = dayFirst ? [Number(c), Number(d)] : [Number(d), Number(c)]
  const endYear = Number(yearText)
  const end = valid(endYear, endMonth, endDay)
  // "13–20.05.2025": the start shares the end's month; "14.04–14.05.2026": it has its own
  const startMonth = b === undefined ? endMonth : dayFirst ? Number(b) : Number(a)
  const startDay = b === undefined ? Number(a) : dayFirst ? Number(a) : Number(b)
  const startYear = startYearText !== undefined ? Number(startYearText) : startMonth > endMonth ? endYear - 1 : endYear
  const start = valid(startYear, startMonth, startDay)
  if (!start || !end || end < start) return null
  return { kind: 'range', start, end, text: whole }
}

/** "01.06 ~ 01.13", "12.16-12.20": two year-less dotted day-and-month pairs; no digit, dot or letter around them */
const DOTTED_RANGE =
  /(?<![\p{L}\d.])(\d{1,2})\.(\d{1,2})\.?\s{0,3}([~〜～]|-|–|—)\s{0,3}(\d{1,2})\.(\d{1,2})\.?(?![\p{L}\d]|\.\d)/u
const TILDES = /[~〜～]/

/**
 * A range of two year-less dotted dates. Version numbers look the same ("3.8 - 3.12"), so a dash range counts only
 * when it is the whole text (a table cell, a label's value) and writes every number with two digits ("16.12 -
 * 20.12"); the tilde, which version ranges do not use, may stand inside a longer phrase. Month first in Chinese, Japanese and Korean plans, day first elsewhere, unless a
 * number above 12 says which.
 */
function readDottedRange(text: string, context: DateContext): AbsoluteDates | null {
  const match = DOTTED_RANGE.exec(text)
  if (!match) return null
  const [whole, a, b, separator, c, d] = match
  if (!TILDES.test(separator) && !dashRangeStandsAlone(text, whole)) return null
  const numbers = [a, b, c, d].map(Number)
  const monthFirst =
    numbers[0] > 12 || numbers[2] > 12 ? false : numbers[1] > 12 || numbers[3] > 12 ? true : Boolean(context.eastAsian)
  const [startMonth, startDay, endMonth, endDay] = monthFirst
    ? numbers
    : [numbers[1], numbers[0], numbers[3], numbers[2]]
  const year = yearOf(startMonth, context)
  const start = valid(year, startMonth, startDay)
  const end = valid(endMonth < startMonth ? year + 1 : year, endMonth, endDay)
  if (!start || !end || end < start) return null
  return { kind: 'range', start, end, text: whole }
}

function dashRangeStandsAlone(text: string, whole: string): boolean {
  const compact = whole.replace(/\s/g, '')
  return text.replace(/[*_`()[\]\s]/g, '') === compact && /^\d\d\.\d\d\.?\D\d\d\.\d\d\.?$/.test(compact)
}

/**
 * The year of a year-less month: the one that puts it from two months before the plan's first full date to nine
 * after ("Dec 10" in a plan dated "Jan 6, 2026" is December 2025; "Aug 3" in a plan starting Jan 2026 is August 2026).
 */
function yearOf(monthNumber: number, context: DateContext): number {
  const year = context.referenceYear as number
  if (!context.referenceMonth) return year
  const ahead = monthNumber - context.referenceMonth
  if (ahead >= 10) return year - 1
  if (ahead <= -3) return year + 1
  return year
}

/** The plan's own habits: the year of its first full date, and whether numeric dates are month-first. */
export function dateContextOf(text: string): DateContext {
  const sample = bounded(text, 200_000)
  const dayFirst = writesDayFirst(sample)
  let referenceYear: number | null = null
  let referenceMonth: number | null = null
  let firstIndex = Number.POSITIVE_INFINITY
  // the year's group, and the month of the date (a numeric date's by its numbers, or the plan's habit)
  const groups: Array<[RegExp, number, (match: RegExpExecArray) => number | null]> = [
    [ISO, 1, (match) => Number(match[3])],
    [MONTH_DAY_YEAR, 3, (match) => month(match[1])],
    [DAY_MONTH_YEAR, 3, (match) => month(match[2])],
    [NUMERIC, 4, (match) => numericMonth(Number(match[1]), Number(match[3]), dayFirst)],
  ]
  for (const [pattern, group, monthOf] of groups) {
    const match = pattern.exec(sample)
    if (!match || match.index >= firstIndex) continue
    const year = Number(match[group])
    if (year < 1990 || year > 2100) continue
    referenceYear = year
    referenceMonth = monthOf(match) || null
    firstIndex = match.index
  }
  return {
    referenceYear,
    referenceMonth,
    dayFirst,
    daysFromZero: countsDaysFromZero(sample),
    eastAsian: EAST_ASIAN_SCRIPT.test(sample),
  }
}

/** numeric dates are day-first unless more of them can only be month-first ("12/31/2025") */
function writesDayFirst(sample: string): boolean {
  let monthFirst = 0
  let dayFirst = 0
  for (const match of sample.matchAll(/\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g)) {
    if (Number(match[1]) > 12) dayFirst++
    else if (Number(match[2]) > 12) monthFirst++
  }
  return monthFirst <= dayFirst
}

function numericMonth(first: number, second: number, dayFirst: boolean): number {
  if (first > 12) return second
  if (second > 12) return first
  return dayFirst ? second : first
}

const EAST_ASIAN_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

const DAY_LABEL_AT_LINE_START = (day: number) =>
  new RegExp(`^[\\s#>*_|-]{0,12}(?:${DAY_NAMES})\\s{0,2}${day}(?![\\d.,:]\\d|\\s{0,2}(?:-|–|—|to)\\s{0,2}\\d)`, 'imu')

/**
 * "Day 0" opens a sequence of day labels ("### Day 0", "### Day 1", …) at the start of lines: the plan counts
 * its days from zero. "Day 0" alone, or only in prose, is not a position.
 */
function countsDaysFromZero(sample: string): boolean {
  return DAY_LABEL_AT_LINE_START(0).test(sample) && DAY_LABEL_AT_LINE_START(1).test(sample)
}

function on(text: string, iso: string | null): AbsoluteDates | null {
  return iso ? { kind: 'on', start: iso, end: iso, text } : null
}

function month(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '')
  return (
    MONTH_NUMBER_BY_NAME.get(lower) ?? MONTHS[lower.slice(0, 3)] ?? MONTH_NUMBER_BY_NAME.get(lower.slice(0, 3)) ?? 0
  )
}

function valid(year: number, monthNumber: number, day: number): string | null {
  return year < 1900 || year > 2999 ? null : isoDateOf(year, monthNumber, day)
}
