import type { Range } from './grammar/time'
import { bounded } from './text'

/** Day ranges and stated days per week. Every regex runs on bounded text and has no nested quantifiers. */

const DASH = '(?:-|–|—|to|through|&|and)'

const DAY_RANGE = new RegExp(`\\bdays?\\s+(\\d{1,3})(?:\\s*${DASH}\\s*(?:days?\\s+)?(\\d{1,3}))?`, 'i')

function toRange(startText: string, endText: string | undefined): Range | null {
  const start = Number(startText)
  const end = endText === undefined ? start : Number(endText)
  if (!Number.isFinite(start) || start < 1 || end < start || end - start > 400) return null
  return { start, end }
}

export function parseDayRange(text: string): Range | null {
  const match = DAY_RANGE.exec(bounded(text, 400))
  return match ? toRange(match[1], match[2]) : null
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
