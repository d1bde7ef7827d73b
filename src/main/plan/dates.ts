import { isoDateOf } from '../../shared/calendar'
import { bounded } from './text'
import { MONTH_NUMBER_BY_NAME } from './grammar/words'

/**
 * Absolute dates in a heading or schedule line: "Week of 2025-02-03", "(2025-02-03 – 2025-02-14)",
 * "Feb 3 – Feb 14, 2025", "February 3-14, 2025", "Due: 2025-02-14", "Deadline: March 7, 2025".
 * Every regex runs on at most SCAN characters and uses only bounded quantifiers, so each attempt
 * costs a constant and a scan stays linear.
 */

export type AbsoluteDateKind = 'week-of' | 'range' | 'due' | 'on'

/** ISO yyyy-mm-dd dates, start <= end; a week-of or due date has start === end. */
export type AbsoluteDates = { kind: AbsoluteDateKind; start: string; end: string; text: string }

const SCAN = 400

// any word of three to ten letters: monthNumber tells whether it names a month
const MONTH = '(\\p{L}{3,10})\\.?'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const YEAR = '(\\d{4})'
// 2024-03-04, and 2024/03/04 as East Asian plans write it
const ISO = '(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})'
const TO = '\\s{0,3}(?:-|–|—|to|through|thru|until)\\s{0,3}'
const GAP = '\\s{1,3}'
const YEAR_AFTER = `,?${GAP}${YEAR}`

type RangeForm = { pattern: RegExp; read: (match: RegExpExecArray) => AbsoluteDates | null }

/** In order of preference; the first form with a valid match wins. */
const RANGE_FORMS: RangeForm[] = [
  {
    pattern: new RegExp(`\\b${ISO}${TO}${ISO}\\b`, 'gi'),
    read: ([whole, y1, m1, d1, y2, m2, d2]) => range(whole, validDate(y1, m1, d1), validDate(y2, m2, d2)),
  },
  {
    // "Feb 3 – Feb 14, 2025", "Dec 29, 2025 – Jan 9, 2026"
    pattern: new RegExp(`\\b${MONTH}${GAP}${DAY}(?:${YEAR_AFTER})?${TO}${MONTH}${GAP}${DAY}${YEAR_AFTER}\\b`, 'giu'),
    read: ([whole, startMonth, startDay, startYear, endMonth, endDay, endYear]) =>
      withInferredStartYear(
        whole,
        startYear,
        (year) => validDate(year, monthNumber(startMonth), startDay),
        validDate(endYear, monthNumber(endMonth), endDay),
      ),
  },
  {
    // "February 3-14, 2025"
    pattern: new RegExp(`\\b${MONTH}${GAP}${DAY}${TO}${DAY}${YEAR_AFTER}\\b`, 'giu'),
    read: ([whole, month, startDay, endDay, year]) =>
      range(whole, validDate(year, monthNumber(month), startDay), validDate(year, monthNumber(month), endDay)),
  },
  {
    // "3 Feb – 14 Feb 2025"
    pattern: new RegExp(`\\b${DAY}${GAP}${MONTH}(?:${YEAR_AFTER})?${TO}${DAY}${GAP}${MONTH}${YEAR_AFTER}\\b`, 'giu'),
    read: ([whole, startDay, startMonth, startYear, endDay, endMonth, endYear]) =>
      withInferredStartYear(
        whole,
        startYear,
        (year) => validDate(year, monthNumber(startMonth), startDay),
        validDate(endYear, monthNumber(endMonth), endDay),
      ),
  },
  {
    // "16-20 décembre 2025", "16–20 December 2025", "du 16 au 20 décembre 2025": a tight dash or "au", since
    // "Phase 1 - 15 March 2025" is a phase and a date, not a range
    pattern: new RegExp(
      `(?<![\\d.,])${DAY}(?:[-–]|${GAP}(?:au|to|bis|al)${GAP})${DAY}${GAP}${MONTH}${YEAR_AFTER}\\b`,
      'giu',
    ),
    read: ([whole, startDay, endDay, month, year]) =>
      range(whole, validDate(year, monthNumber(month), startDay), validDate(year, monthNumber(month), endDay)),
  },
]

/** "Week of", and the same phrase in the other languages: "Semaine du", "Woche vom", "Semana del", "Settimana del" */
const WEEK_OF =
  /\b(?:week\s{1,3}(?:of|starting|beginning|commencing|van)|semaine\s{1,3}du|woche\s{1,3}vom|semana\s{1,3}(?:del?|do)|settimana\s{1,3}del)\s{1,3}(?:on\s{1,3})?/gi
const DUE = /\b(?:due(?:\s{1,3}(?:date|by|on))?|deadline|target\s{1,3}date)\s{0,3}:?\s{0,3}/gi

const ISO_AT_START = new RegExp(`^${ISO}\\b`)
const MONTH_DAY_AT_START = new RegExp(`^${MONTH}${GAP}${DAY}${YEAR_AFTER}\\b`, 'iu')
// "3. März 2026": German writes the day as an ordinal with a dot
const DAY_MONTH_AT_START = new RegExp(`^${DAY}\\.?${GAP}${MONTH}${YEAR_AFTER}\\b`, 'iu')

/** The first absolute schedule a line states: a range beats "Week of", which beats a due date. */
export function parseAbsoluteDates(raw: string): AbsoluteDates | null {
  const text = bounded(raw, SCAN).replace(/\*\*|__|`/g, '')
  return parseRange(text) ?? parseAnchored(text, WEEK_OF, 'week-of') ?? parseAnchored(text, DUE, 'due')
}

/** A schedule line inside an item's body: "Timeline:", "Schedule:", "Dates:", "Due:", "Deadline:", "Week of ...". */
export function isDatedScheduleLine(raw: string): boolean {
  return /^\W{0,6}(?:(?:timeline|schedule|when|dates?|due(?:\s{1,3}(?:date|by|on))?|deadline|target\s{1,3}date)\W{0,4}:|week\s{1,3}(?:of|starting|beginning|commencing)\s)/i.test(
    bounded(raw, 100),
  )
}

/** every range form ends on a four-digit year */
const HAS_YEAR = /\d{4}/

function parseRange(text: string): AbsoluteDates | null {
  if (!HAS_YEAR.test(text)) return null
  for (const form of RANGE_FORMS) {
    for (const match of text.matchAll(form.pattern)) {
      const dates = form.read(match)
      if (dates) return dates
    }
  }
  return null
}

/** "Dec 29 – Jan 9, 2026": a start without a year takes the end's, or the year before when it would fall after the end. */
function withInferredStartYear(
  whole: string,
  startYear: string | undefined,
  startIn: (year: string) => string | null,
  end: string | null,
): AbsoluteDates | null {
  if (!end) return null
  if (startYear !== undefined) return range(whole, startIn(startYear), end)
  const endYear = Number(end.slice(0, 4))
  const sameYear = startIn(String(endYear))
  return range(whole, sameYear !== null && sameYear > end ? startIn(String(endYear - 1)) : sameYear, end)
}

function range(text: string, start: string | null, end: string | null): AbsoluteDates | null {
  if (!start || !end || end < start) return null
  return { kind: 'range', start, end, text }
}

function parseAnchored(text: string, keyword: RegExp, kind: AbsoluteDateKind): AbsoluteDates | null {
  for (const match of text.matchAll(keyword)) {
    const after = match.index + match[0].length
    const date = dateAtStart(text.slice(after, after + 40))
    if (date) return { kind, start: date.iso, end: date.iso, text: match[0] + date.text }
  }
  return null
}

function dateAtStart(text: string): { iso: string; text: string } | null {
  const iso = ISO_AT_START.exec(text)
  if (iso) return found(iso[0], validDate(iso[1], iso[2], iso[3]))
  const monthDay = MONTH_DAY_AT_START.exec(text)
  if (monthDay) return found(monthDay[0], validDate(monthDay[3], monthNumber(monthDay[1]), monthDay[2]))
  const dayMonth = DAY_MONTH_AT_START.exec(text)
  if (dayMonth) return found(dayMonth[0], validDate(dayMonth[3], monthNumber(dayMonth[2]), dayMonth[1]))
  return null
}

function found(text: string, iso: string | null): { iso: string; text: string } | null {
  return iso ? { iso, text } : null
}

function monthNumber(name: string): number {
  return MONTH_NUMBER_BY_NAME.get(name.toLowerCase()) ?? 0
}

function validDate(yearText: string, month: string | number, dayText: string): string | null {
  const year = Number(yearText)
  if (year < 1900 || year > 2999) return null
  return isoDateOf(year, Number(month), Number(dayText))
}
