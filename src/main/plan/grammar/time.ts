import { bounded } from '../text'
import { parseAbsoluteDates, type AbsoluteDates } from '../dates'
import { DEFAULT_DATE_CONTEXT, parseLooseDate, type DateContext } from './loose-dates'
import { CJK_DAY, CJK_WEEK, DAY_NAMES, WEEK_NAMES } from './words'

/**
 * One time grammar for headings, items and table cells. It reads what a phrase says about *when*
 * (never how long): relative weeks, days, sprints, months and quarters, countdowns before a launch,
 * hour offsets inside a day ("Day 2 (24-48h)") and absolute dates. Turning these into plan weeks
 * needs the whole plan (sprint length, countdown anchor, plan date): see schedule-context.ts.
 */

export type Range = { start: number; end: number }

/**
 * A position relative to the launch day. `days` is the signed offset when the label says it to the day or hour
 * ("T-24h", "T-7 Days", "D-3", "T+24h"), which a stated launch date turns into a date.
 */
export type Countdown =
  | { kind: 'before'; weeks: number; days?: number }
  | { kind: 'launch'; days?: number }
  | { kind: 'after'; weeks: number; days?: number }

export type TimeMarker = {
  weeks: Range | null
  /** "Week 3+" */
  openEnded: boolean
  days: Range | null
  sprints: Range | null
  months: Range | null
  quarter: { quarter: number; year: number | null } | null
  countdown: Countdown | null
  /** "Hour 1-2:" at the start of a title: a block inside a day (its length is an estimate) */
  hourBlock: Range | null
  /** "(24-48h)", "(Hour 138-144)": an offset from the plan start, schedule only */
  hourOffset: Range | null
  dates: AbsoluteDates | null
}

const SCAN = 400
const TO = '\\s*(?:-|–|—|to|through|thru|&|and)\\s*'

// a lookbehind, not \\b, so "Неделя 3" and "Tuần 3" start a match too
const WEEKS = new RegExp(
  `(?<![\\p{L}\\d_])(?:${WEEK_NAMES})\\s*#?(\\d{1,3})(?:${TO}(?:(?:${WEEK_NAMES})\\s*)?(\\d{1,3}))?(\\s*\\+)?`,
  'iu',
)
const SHORT_WEEKS = /(?:^|[\s([·|,])W(\d{1,2})(?:\s*[-–]\s*W?(\d{1,2}))?(?=$|[\s):\],.·|])/
const DAYS = new RegExp(
  `(?<![\\p{L}\\d_])(?:${DAY_NAMES})\\s*#?(\\d{1,3})(?:${TO}(?:(?:${DAY_NAMES})\\s*)?(\\d{1,3}))?`,
  'iu',
)
const TAG_DAYS = /\bTage?\s+(\d{1,3})(?:\s*(?:-|–|—|bis)\s*(\d{1,3}))?\b(?![.:]\d)/
const SPRINTS = new RegExp(
  `\\b(?:sprint|iteration)\\s*#?(\\d{1,3})(?:${TO}(?:(?:sprint|iteration)\\s*)?(\\d{1,3}))?`,
  'i',
)
const MONTHS = new RegExp(`\\bmonths?\\s*#?(\\d{1,2})(?:${TO}(?:months?\\s*)?(\\d{1,2}))?`, 'i')
const QUARTER = /\b(?:(\d{4})\s*[-/ ]?\s*)?Q([1-4])(?:\s*(?:'|’)?\s*(\d{4}|\d{2}))?\b/
const HOUR_BLOCK = new RegExp(`^\\W{0,4}hours?\\s+(\\d{1,2})(?:${TO}(\\d{1,2}))?\\b`, 'i')
const HOUR_OFFSET_PAREN = /\(\s*(?:hours?\s*)?(\d{1,4})\s*(?:-|–|—|to)\s*(\d{1,4})\s*(?:h|hrs?|hours?)?\s*\)/i
const HOUR_MARK = /\(\s*hours?\s+(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?\s*\)/i

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  a: 1,
}
const COUNT = '(\\d{1,2}|one|two|three|four|five|six|seven|eight)'
const BEFORE = new RegExp(
  `\\b${COUNT}\\s*(weeks?|days?|months?)\\s+(?:before|prior(?:\\s+to)?|ahead\\s+of|out\\b)`,
  'i',
)
/**
 * "T-24h", "T-0", "T+24h", "T-7 Days", "D-3", "L-2": an offset from the launch day. Without a unit a T/D/L offset
 * counts days. Never an item ID (see identity.ts).
 */
const COUNTDOWN_LABEL =
  /(?<![\w-])([TDL])\s?([-−–+])\s?(\d{1,3})\s*(min(?:utes?)?|mins?|h|hrs?|hours?|std\.?|d|days?|tage?n?|w|wks?|weeks?|wochen?)?(?![\p{L}\d])/iu
const AFTER_ORDINAL =
  /\b(?:post[-\s]?(?:launch|release|go[-\s]?live|deploy(?:ment)?)|after\s+(?:launch|release|go[-\s]?live))\b[^\n]{0,40}?\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+weeks?\b|\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+weeks?\s+(?:after|post)\b/i
const AFTER_COUNT = new RegExp(
  `\\b${COUNT}\\s*(weeks?|days?)\\s+(?:after|post)[-\\s]?(?:launch|release|go[-\\s]?live)`,
  'i',
)
const LAUNCH_DAY =
  /\b(?:launch|release|go[-\s]?live|cut[-\s]?over)\s+day\b|\bday\s+of\s+(?:launch|release)\b|\bD[-\s]?Day\b/i
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
}

export function emptyMarker(): TimeMarker {
  return {
    weeks: null,
    openEnded: false,
    days: null,
    sprints: null,
    months: null,
    quarter: null,
    countdown: null,
    hourBlock: null,
    hourOffset: null,
    dates: null,
  }
}

export function hasTime(marker: TimeMarker): boolean {
  return (
    marker.weeks !== null ||
    marker.days !== null ||
    marker.sprints !== null ||
    marker.months !== null ||
    marker.quarter !== null ||
    marker.countdown !== null ||
    marker.hourBlock !== null ||
    marker.hourOffset !== null ||
    marker.dates !== null
  )
}

/** Everything a phrase says about when. Never throws; unknown text gives an empty marker. */
/** Words without which a phrase cannot name a time (a digit, a month, a countdown or launch word). */
const MAY_NAME_TIME =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|one|two|three|four|five|six|seven|eight|first|second|third|fourth|launch|release|go[-\s]?live|cut[-\s]?over|d[-\s]?day)/i

const RELATIVE_MENTIONS = [WEEKS, DAYS, TAG_DAYS, SPRINTS, MONTHS].map((re) => new RegExp(re.source, `${re.flags}g`))

/**
 * The title names a week, day, sprint or month only inside its prose ("Review results of week 3 pilot", "Draw the
 * burndown chart for sprint 1"): each mention follows a word directly, outside brackets. A schedule label stands at
 * the start, after a separator ("Add pydantic · wk 4") or in brackets ("Ship it (week 8)").
 */
export function timeOnlyInProse(raw: string): boolean {
  const text = bounded(raw, SCAN).replace(/\*\*|__|`/g, '')
  const mentions = RELATIVE_MENTIONS.flatMap((re) => [...text.matchAll(re)])
  return (
    mentions.length > 0 &&
    mentions.every((mention) => followsAWord(text, mention.index) && !inBrackets(text, mention.index))
  )
}

function followsAWord(text: string, index: number): boolean {
  return /\p{L}\s+$/u.test(text.slice(Math.max(0, index - 40), index))
}

function inBrackets(text: string, index: number): boolean {
  const before = text.slice(0, index)
  return (before.match(/[([]/g)?.length ?? 0) > (before.match(/[)\]]/g)?.length ?? 0)
}

export function parseTime(raw: string, context: DateContext = DEFAULT_DATE_CONTEXT): TimeMarker {
  const text = bounded(raw, SCAN).replace(/\*\*|__|`/g, '')
  const marker = emptyMarker()
  if (!MAY_NAME_TIME.test(text)) return marker
  const weeks = WEEKS.exec(text) ?? null
  if (weeks && !isWeekOf(text, weeks.index)) {
    marker.weeks = range(weeks[1], weeks[2])
    marker.openEnded = Boolean(weeks[3])
  } else {
    const short = SHORT_WEEKS.exec(text)
    const cjk = short ? null : CJK_WEEK.exec(text)
    if (short) marker.weeks = range(short[1], short[2])
    else if (cjk) marker.weeks = range(cjk[1] ?? cjk[2], undefined)
  }
  const days = DAYS.exec(text)
  if (days && !/\bdays?\s+(?:of|before|after|prior)\b/i.test(text.slice(days.index, days.index + 20)))
    marker.days = context.daysFromZero ? fromZero(days[1], days[2]) : range(days[1], days[2])
  else {
    const other = TAG_DAYS.exec(text) ?? CJK_DAY.exec(text)
    if (other) marker.days = range(other[1] ?? other[2], other[1] !== undefined ? other[2] : undefined)
  }
  const sprints = SPRINTS.exec(text)
  if (sprints) marker.sprints = range(sprints[1], sprints[2], 0)
  const months = MONTHS.exec(text)
  if (months) marker.months = range(months[1], months[2])
  const quarter = QUARTER.exec(text)
  if (quarter) marker.quarter = { quarter: Number(quarter[2]), year: quarterYear(quarter[1] ?? quarter[3]) }
  marker.countdown = parseCountdown(text)
  const hourBlock = HOUR_BLOCK.exec(text)
  if (hourBlock) {
    const block = range(hourBlock[1], hourBlock[2])
    if (block && block.end <= 24) marker.hourBlock = block
  }
  marker.hourOffset = parseHourOffset(text, marker.days !== null)
  marker.dates = parseAbsoluteDates(text) ?? parseLooseDate(text, context)
  return marker
}

/** "(0-24h)", "(24-48h)", "(Hour 143)": a position on a clock that runs from the plan start. */
function parseHourOffset(text: string, afterDay: boolean): Range | null {
  const mark = HOUR_MARK.exec(text)
  if (mark) {
    const start = Number(mark[1])
    const end = mark[2] === undefined ? start : Number(mark[2])
    if (end >= start && (start > 24 || end > 24 || afterDay)) return { start, end }
  }
  const paren = HOUR_OFFSET_PAREN.exec(text)
  if (!paren) return null
  const start = Number(paren[1])
  const end = Number(paren[2])
  if (end <= start) return null
  const dayAligned = start % 24 === 0 && (end - start) % 24 === 0
  return dayAligned && (afterDay || start === 0 || start >= 24) ? { start, end } : null
}

function parseCountdown(text: string): Countdown | null {
  const before = BEFORE.exec(text)
  if (before) return { kind: 'before', weeks: toWeeks(before[1], before[2]) }
  const label = parseCountdownLabel(text)
  if (label) return label
  const afterOrdinal = AFTER_ORDINAL.exec(text)
  if (afterOrdinal) return { kind: 'after', weeks: ORDINALS[(afterOrdinal[1] ?? afterOrdinal[2]).toLowerCase()] ?? 1 }
  const afterCount = AFTER_COUNT.exec(text)
  if (afterCount) return { kind: 'after', weeks: Math.max(1, toWeeks(afterCount[1], afterCount[2])) }
  if (LAUNCH_DAY.test(text)) return { kind: 'launch' }
  return null
}

/** "T-24h" is the day before launch, in the launch week; "T-7 Days" is the week before; "T+1w" the week after. */
function parseCountdownLabel(text: string): Countdown | null {
  const match = COUNTDOWN_LABEL.exec(text)
  if (!match) return null
  const [, letter, sign, countText, unitText] = match
  const unit = (unitText ?? '').toLowerCase()
  // a bare "D-3" or "L-2" without a countdown letter T counts days; a "T-5" does too
  if (!unit && letter.toUpperCase() !== 'T' && !/^\s*[:.)|—–-]|^\s*$/.test(text.slice(match.index + match[0].length)))
    return null
  const count = Number(countText)
  const days = unit.startsWith('m')
    ? 0
    : /^(?:h|std)/.test(unit)
      ? Math.round(count / 24)
      : unit.startsWith('w')
        ? count * 7
        : count
  const offset = sign === '+' ? days : -days
  if (offset === 0) return { kind: 'launch', days: 0 }
  // whole weeks before or after launch; "T-24h" stays in the launch week
  const weeks = /^(?:h|std|m)/.test(unit) ? Math.floor(Math.abs(offset) / 7) : Math.ceil(Math.abs(offset) / 7)
  if (weeks === 0) return { kind: 'launch', days: offset }
  return offset < 0 ? { kind: 'before', weeks, days: offset } : { kind: 'after', weeks, days: offset }
}

/** The text opens with a countdown label ("T-24h: …", "**T-0**", "D-3:"). */
export function startsWithCountdown(raw: string): boolean {
  const text = bounded(raw, 60).replace(/^[\s*_]+/, '')
  return COUNTDOWN_LABEL.exec(text)?.index === 0 && parseCountdownLabel(text) !== null
}

function toWeeks(countText: string, unit: string): number {
  const count = NUMBER_WORDS[countText.toLowerCase()] ?? Number(countText)
  const u = unit.toLowerCase()
  if (u.startsWith('d')) return Math.max(1, Math.ceil(count / 7))
  if (u.startsWith('m')) return count * 4
  return count
}

function isWeekOf(text: string, index: number): boolean {
  return /^weeks?\s+(?:of|starting|beginning|commencing)\b/i.test(text.slice(index, index + 24))
}

/** "Day 0" in a plan that counts from zero is its first day: every day label moves up by one. */
function fromZero(startText: string, endText: string | undefined): Range | null {
  const days = range(startText, endText, 0)
  return days && { start: days.start + 1, end: days.end + 1 }
}

function range(startText: string, endText: string | undefined, min = 1): Range | null {
  const start = Number(startText)
  const end = endText === undefined ? start : Number(endText)
  if (!Number.isFinite(start) || start < min || end < start || end - start > 400) return null
  return { start, end }
}

function quarterYear(text: string | undefined): number | null {
  if (!text) return null
  const value = Number(text)
  return text.length === 2 ? 2000 + value : value
}
