import { bounded } from './text'

/** Schedule and estimate phrases. Every regex runs on bounded text and has no nested quantifiers. */

export type Range = { start: number; end: number }

const DASH = '(?:-|–|—|to|through|&|and)'

const WEEK_RANGE = new RegExp(`\\bweeks?\\s+(\\d{1,3})(?:\\s*${DASH}\\s*(?:weeks?\\s+)?(\\d{1,3}))?(\\s*\\+)?`, 'i')
const DAY_RANGE = new RegExp(`\\bdays?\\s+(\\d{1,3})(?:\\s*${DASH}\\s*(?:days?\\s+)?(\\d{1,3}))?`, 'i')
const HOUR_BLOCK = new RegExp(`^hours?\\s+(\\d{1,2})(?:\\s*${DASH}\\s*(\\d{1,2}))?\\b`, 'i')
const MONTH_RANGE = /\bmonths?\s+\d{1,2}/i

function toRange(startText: string, endText: string | undefined): Range | null {
  const start = Number(startText)
  const end = endText === undefined ? start : Number(endText)
  if (!Number.isFinite(start) || start < 1 || end < start || end - start > 400) return null
  return { start, end }
}

export function parseWeekRange(text: string): (Range & { openEnded: boolean }) | null {
  const match = WEEK_RANGE.exec(bounded(text, 400))
  if (!match) return null
  const range = toRange(match[1], match[2])
  return range ? { ...range, openEnded: Boolean(match[3]) } : null
}

export function parseDayRange(text: string): Range | null {
  const match = DAY_RANGE.exec(bounded(text, 400))
  return match ? toRange(match[1], match[2]) : null
}

export function parseHourBlock(title: string): Range | null {
  const match = HOUR_BLOCK.exec(bounded(title, 200).trim())
  return match ? toRange(match[1], match[2]) : null
}

export function mentionsMonths(text: string): boolean {
  return MONTH_RANGE.test(bounded(text, 400))
}

export type Units = { hoursPerDay: number; daysPerWeek: number }
export type Estimate = { hours: number; text: string }

const AMOUNT = '(\\d{1,4}(?:\\.\\d{1,2})?)'
const UNIT = '(hours?|hrs?|h|days?|d|minutes?|mins?|m|weeks?|wks?|w)'
const ESTIMATE_AT_START = new RegExp(`^\\s*(?:~|≈|about\\s+|approx\\.?\\s+)?${AMOUNT}(?:\\s*(?:-|–|to)\\s*${AMOUNT})?\\s*${UNIT}(?![a-z])`, 'i')

function unitHours(unit: string, units: Units): number {
  const u = unit.toLowerCase()
  if (u.startsWith('h')) return 1
  if (u.startsWith('d')) return units.hoursPerDay
  if (u.startsWith('m')) return 1 / 60
  return units.daysPerWeek * units.hoursPerDay
}

/** "4 hours", "~30m", "2d", "8-12h" (the upper bound: never less than the plan says). */
export function parseEstimateAtStart(text: string, units: Units): Estimate | null {
  const match = ESTIMATE_AT_START.exec(bounded(text, 200))
  if (!match) return null
  const amount = Number(match[2] ?? match[1])
  if (!Number.isFinite(amount) || amount <= 0) return null
  const hours = Math.round(amount * unitHours(match[3], units) * 100) / 100
  return { hours, text: match[0].trim() }
}

const PARENTHETICAL = /\(([^()]{1,80})\)/g

/** An estimate written in parentheses, "(4 hours)", "(10 days)", "(5 days concurrent ...)". */
export function parseParentheticalEstimate(text: string, units: Units): Estimate | null {
  for (const match of bounded(text, 600).matchAll(PARENTHETICAL)) {
    const estimate = parseEstimateAtStart(match[1], units)
    if (estimate) return { hours: estimate.hours, text: match[0] }
  }
  return null
}

/** A bare "~2d" / "- 4h" token in a checklist item or heading (must start with ~ or follow a dash). */
export function parseLooseEstimate(text: string, units: Units): Estimate | null {
  const parenthetical = parseParentheticalEstimate(text, units)
  if (parenthetical) return parenthetical
  const match = /(?:^|\s)(~\s?|[-–—:]\s)(\d{1,4}(?:\.\d{1,2})?\s*(?:h|hrs?|hours?|d|days?|m|mins?)\b)/i.exec(bounded(text, 600))
  if (!match) return null
  const estimate = parseEstimateAtStart(match[2], units)
  return estimate ? { hours: estimate.hours, text: match[0].trim() } : null
}

const LABELED = /\b(estimated time|time estimate|estimate[d]?|duration|effort|timeline)\s*\**\s*:\s*\**\s*(.*)$/i

/** "Estimated Time: 4 hours", "Duration: 16 hours", "Timeline: Week 1-2 (10 days)". */
export function parseLabeledEstimate(line: string, units: Units): Estimate | null {
  const match = LABELED.exec(bounded(line, 400))
  if (!match) return null
  const label = match[1].toLowerCase()
  const rest = match[2].replace(/\*\*/g, '')
  const estimate = label === 'timeline' ? parseParentheticalEstimate(rest, units) : (parseEstimateAtStart(rest, units) ?? parseParentheticalEstimate(rest, units))
  return estimate ? { hours: estimate.hours, text: bounded(line.replace(/\*\*/g, '').trim(), 120) } : null
}

export function isTimelineLine(line: string): boolean {
  return /^\W{0,4}(?:timeline|schedule|when)\s*\**\s*:/i.test(bounded(line, 100))
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** ISO, "September 11, 2025", "11 September 2025" -> yyyy-mm-dd. */
export function parseDate(text: string): string | null {
  const source = bounded(text, 300)
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(source)
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(source)
  if (monthFirst) {
    const month = MONTHS.indexOf(monthFirst[1].slice(0, 3).toLowerCase())
    if (month >= 0) return validDate(Number(monthFirst[3]), month + 1, Number(monthFirst[2]))
  }
  const dayFirst = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(source)
  if (dayFirst) {
    const month = MONTHS.indexOf(dayFirst[2].slice(0, 3).toLowerCase())
    if (month >= 0) return validDate(Number(dayFirst[3]), month + 1, Number(dayFirst[1]))
  }
  return null
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

/** Days per week stated by the plan: "21 Days (3 Weeks)" -> 7, "Week 2 (Days 6-10)" -> 5. */
export function statedDaysPerWeek(line: string): number | null {
  const text = bounded(line, 400)
  const daysInWeeks = /\b(\d{1,3})\s*days?\s*\(\s*(\d{1,2})\s*weeks?\s*\)/i.exec(text)
  if (daysInWeeks) {
    const perWeek = Number(daysInWeeks[1]) / Number(daysInWeeks[2])
    if (Number.isInteger(perWeek) && perWeek >= 1 && perWeek <= 7) return perWeek
  }
  const weekOfDays = /\bweek\s+(\d{1,2})\s*\(\s*days?\s+(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*\)/i.exec(text)
  if (weekOfDays) {
    const week = Number(weekOfDays[1])
    const first = Number(weekOfDays[2])
    const perWeek = Number(weekOfDays[3]) - first + 1
    if (perWeek >= 1 && perWeek <= 7 && first === (week - 1) * perWeek + 1) return perWeek
  }
  return null
}
