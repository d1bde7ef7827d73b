import { round2 } from '../../../shared/rounding'
import { bounded } from '../text'
import { parseTime, hasTime } from './time'
import { DAY_WORDS, EFFORT_LABEL_WORDS, HOUR_WORDS, MINUTE_WORDS, POINT_WORDS, WEEK_WORDS } from './words'

/**
 * One effort grammar: how long a piece of work takes, as the plan states it. "(3h)", "~6h", "1.5d",
 * "2 days", "(2 hours)", "est. 4 hours", "— 3h", "Estimated Time: 4 hours", "Effort: 4-6 hours"
 * (a range keeps both ends; its midpoint is the estimate), "**3 days**" alone on a line, table
 * cells, story points on the plan's own scale ("1 ≈ ½ d, 2 ≈ 1 d"), minutes. A clock position
 * ("(24-48h)") or a countdown ("(4 Weeks Before)") is schedule, never effort.
 */

export type EffortUnit = 'hours' | 'days' | 'weeks' | 'minutes' | 'points'
export type Effort = { value: number; low: number; high: number; unit: EffortUnit; text: string }
/** points -> hours pairs the plan defines, ascending */
export type PointScale = Array<[number, number]>
export type EffortScale = { hoursPerDay: number; daysPerWeek: number; points: PointScale | null }

const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3 }
// a decimal comma ("1,5 Tage") takes one or two digits, so "1,127" is never 1.127
// "1/2 day": a simple fraction of one or two digits each
const AMOUNT = '(\\d{1,2}/\\d{1,2}|\\d{1,4}(?:[.,]\\d{1,2}(?!\\d))?\\s?[½¼¾]?|[½¼¾⅓⅔])'
const RANGE = `${AMOUNT}(?:\\s*(?:-|–|—|to)\\s*${AMOUNT})?`
const ADJECTIVE =
  '(?:(?:working|work|engineering|eng|dev|developer|person|focused|agent|ideal|calendar|business|man)[-\\s])?'
const UNIT_WORD = `(${HOUR_WORDS}|${DAY_WORDS}|${WEEK_WORDS}|${MINUTE_WORDS}|${POINT_WORDS})`
const UNIT = `${ADJECTIVE}${UNIT_WORD}(?![a-z0-9/])`
// "3h / week" is a rate and "14h / 40h" a progress fraction: neither is the size of a piece of work
const NOT_RATE = '(?!\\s*(?:/|per\\s)\\s*(?:week|wk|day|month|sprint|person)|\\s*/\\s*~?\\d)'

const PARENTHETICAL = new RegExp(
  `\\(\\s*(?:(?:est(?:imate[ds]?)?|effort|size)\\.?\\s*[:=]?\\s*|~|≈|about\\s+|approx\\.?\\s+|circa\\s+)?${RANGE}\\s*${UNIT}${NOT_RATE}[^()]{0,60}\\)`,
  'gi',
)
const SEPARATED = new RegExp(`(?:^|\\s)[-–—·|:]\\s*(?:~|≈)?\\s*${RANGE}\\s*${UNIT}${NOT_RATE}`, 'i')
const TILDE = new RegExp(`(?:~|≈)\\s?${RANGE}\\s*${UNIT}${NOT_RATE}`, 'i')
const INLINE_LABEL = new RegExp(
  `\\b(?:est(?:imate[ds]?)?|effort)\\.?\\s*[:=]?\\s*(?:~|≈)?\\s*${RANGE}\\s*${UNIT}${NOT_RATE}`,
  'i',
)
const BRACKETED = new RegExp(`\\[\\s*${RANGE}\\s*${UNIT}\\s*\\]`, 'i')
const VALUE = new RegExp(`^\\s*(?:~|≈|about\\s+|approx\\.?\\s+)?${RANGE}\\s*(?:${UNIT})?(?=\\s|\\(|$|[,;.])`, 'i')
const STANDALONE = new RegExp(`^[\\s*_]*(?:~|≈)?\\s*${RANGE}\\s*${UNIT}[\\s*_.]*$`, 'i')

/** "(4 Weeks Before)", "(2 days prior to launch)": a countdown, not a size. */
const COUNTDOWN_WORDS = /\b(?:before|prior|ahead\s+of|after|post)\b/i
const DAY_MARK = /\bdays?\s*#?\d/i

/** An estimate written into a title or item line. The first form found wins; a range counts at its midpoint. */
export function parseEffortInTitle(raw: string): Effort | null {
  const text = bounded(raw, 600).replace(/\*\*|__/g, '')
  for (const match of text.matchAll(PARENTHETICAL)) {
    if (COUNTDOWN_WORDS.test(match[0])) continue
    const first = effortFrom(match, 1, match[0])
    const effort =
      first && (first.unit === 'days' || first.unit === 'weeks') ? (spanWithHours(match[0]) ?? first) : first
    if (effort && !(effort.unit === 'hours' && effort.low !== effort.high && isClockRange(effort, DAY_MARK.test(text))))
      return effort
  }
  for (const pattern of [INLINE_LABEL, TILDE, SEPARATED, BRACKETED]) {
    const match = pattern.exec(text)
    if (!match) continue
    const effort = effortFrom(match, 1, match[0].trim())
    if (effort && !isClock(text, match.index, effort)) return effort
  }
  return null
}

/** ", 30 hours" after a span in the same bracket */
const HOURS_BESIDE = new RegExp(`[,;/+]\\s*(?:~|≈)?\\s*${RANGE}\\s*(${HOUR_WORDS})(?![\\p{L}])`, 'iu')

/** "(2 weeks, 30 hours)": after a span of days or weeks, the hours figure is the effort; the span is how long it runs. */
function spanWithHours(bracket: string): Effort | null {
  const match = HOURS_BESIDE.exec(bracket)
  return match ? effortFrom(match, 1, bracket) : null
}

/** A paragraph or line that is only an estimate: "**3 days**", "*** 10 days ***", "_2h_". */
export function parseStandaloneEffort(raw: string): Effort | null {
  const text = bounded(raw, 80).trim()
  const match = STANDALONE.exec(text)
  return match ? effortFrom(match, 1, text) : null
}

/** A cell or a labeled value: "4-6 hours", "2", "½", "**40**", "1d". Bare numbers take `defaultUnit`. */
export function parseEffortValue(raw: string, defaultUnit: EffortUnit): Effort | null {
  // "1,127" with a thousands separator is 1127, never 1.127
  const text = bounded(raw, 120)
    .replace(/\*\*|__|`/g, '')
    .trim()
    .replace(/^(\d{1,3}(?:,\d{3})+)(?!\d)/, (whole) => whole.replace(/,/g, ''))
  if (!text || /^(?:-|–|—|n\/?a|tbd|\?|none)$/i.test(text)) return null
  const match = VALUE.exec(text)
  if (!match) return null
  const effort = effortFrom(match, 1, text, defaultUnit)
  if (!effort) return null
  // "2 engineers", "3 PRs": a bare number followed by another word is a count, not an effort
  if (match[3] === undefined && /^[a-z]/i.test(text.slice(match[0].length).trim())) return null
  return effort
}

const LABELED = new RegExp(
  `^\\W{0,6}(estimated\\s+(?:time|effort|hours|duration)|time\\s+estimate|estimate[ds]?|est\\.?|effort|level\\s+of\\s+effort|loe|size|story\\s+points|points|duration|hours|time|timeline|${EFFORT_LABEL_WORDS})\\s*\\**\\s*(?:\\([^)]{0,30}\\))?\\s*[:=：]\\s*\\**\\s*(.*)$`,
  'i',
)

/**
 * "Estimated Time: 4 hours", "**Effort:** 4-6 hours", "Duration: 16 hours", "Timeline: Week 1-2 (10 days)".
 * A timeline states a span, so only its parenthetical duration is read.
 */
export function parseLabeledEffort(line: string): { effort: Effort; label: string } | null {
  const match = LABELED.exec(bounded(line, 400).replace(/\*\*|__/g, ''))
  if (!match) return null
  const label = match[1].toLowerCase()
  const rest = match[2]
  // the value must open the rest ("Effort: 4-6 hours"); a number later in a sentence is not the item's size
  const effort =
    label === 'timeline'
      ? parseEffortInTitle(rest)
      : parseEffortValue(rest, label.includes('point') ? 'points' : 'hours')
  if (!effort) return null
  if (label === 'duration' || label === 'time' || label === 'hours') {
    const time = parseTime(rest)
    if (hasTime(time) && !/\d\s*(?:h|hours?|d|days?)\b/i.test(rest)) return null
  }
  return { effort: { ...effort, text: bounded(line.replace(/\*\*/g, '').trim(), 120) }, label }
}

export function effortHours(effort: Effort, scale: EffortScale): number | null {
  const hours = (value: number): number | null => {
    switch (effort.unit) {
      case 'hours':
        return value
      case 'minutes':
        return value / 60
      case 'days':
        return value * scale.hoursPerDay
      case 'weeks':
        return value * scale.daysPerWeek * scale.hoursPerDay
      case 'points':
        return scale.points ? pointsToHours(value, scale.points) : null
    }
  }
  const value = hours(effort.value)
  return value === null ? null : round2(value)
}

/** Points on the plan's scale; between defined points linearly, beyond them at the nearest pair's rate. */
export function pointsToHours(points: number, scale: PointScale): number {
  const exact = scale.find(([p]) => p === points)
  if (exact) return exact[1]
  if (points < scale[0][0]) return (points * scale[0][1]) / scale[0][0]
  const last = scale[scale.length - 1]
  if (points > last[0]) return (points * last[1]) / last[0]
  for (let index = 1; index < scale.length; index++) {
    const [p0, h0] = scale[index - 1]
    const [p1, h1] = scale[index]
    if (points <= p1) return h0 + ((points - p0) * (h1 - h0)) / (p1 - p0)
  }
  return (points * last[1]) / last[0]
}

const SCALE_PAIR = new RegExp(
  `${AMOUNT}\\s*(?:pts?|points?|sp)?\\s*(?:≈|=|~|:|->|→|equals|is|means)\\s*${AMOUNT}\\s*(hours?|hrs?|h|days?|d)\\b`,
  'gi',
)

/** "Est.: Story points (1 ≈ ½ d, 2 ≈ 1 d, 3 ≈ 2 d)", "1 point = 4 hours", "1 SP ≈ 1 day". */
export function parsePointScale(text: string, hoursPerDay: number): PointScale | null {
  const pairs = new Map<number, number>()
  for (const line of bounded(text, 400_000).split('\n')) {
    if (!/\b(?:points?|pts?|sp|story)\b|\best\./i.test(line)) continue
    for (const match of bounded(line, 600).matchAll(SCALE_PAIR)) {
      const points = amount(match[1])
      const value = amount(match[2])
      if (!(points > 0) || !(value > 0)) continue
      const hours = /^d/i.test(match[3]) ? value * hoursPerDay : value
      if (!pairs.has(points)) pairs.set(points, hours)
    }
  }
  if (pairs.size === 0) return null
  return [...pairs.entries()].sort((a, b) => a[0] - b[0])
}

/** T-shirt sizes the plan defines in hours ("S = 2h, M = 1 day, L = 3 days"), by canonical size (XS, S, M, L, XL…) */
export type SizeScale = Map<string, number>

const SIZE_WORDS: Record<string, string> = {
  'extra small': 'XS',
  'x-small': 'XS',
  small: 'S',
  medium: 'M',
  large: 'L',
  'extra large': 'XL',
  'x-large': 'XL',
}
const SIZE_TOKEN = '(XXS|XS|S|M|L|XL|XXL|extra\\s+small|x-small|small|medium|large|extra\\s+large|x-large)'
const SIZE_PAIR = new RegExp(
  `(?:^|[\\s,;(|*])${SIZE_TOKEN}\\s*(?:\\([^)]{0,12}\\))?\\**\\s*(?:≈|=|~|:|->|→|equals|is|means)\\s*(?:~|≈|up\\s+to|<=|≤|about)?\\s*${AMOUNT}\\s*(hours?|hrs?|h|days?|d|weeks?|w)\\b`,
  'gi',
)

/** a row of a table of sizes: the size in its first cell, what it means in the second ("| M | 1 day |") */
const SIZE_ROW = new RegExp(
  `^\\s*\\|?\\s*\\**${SIZE_TOKEN}\\**\\s*\\|\\s*(?:~|≈|up\\s+to|<=|≤|about)?\\s*${AMOUNT}\\s*(hours?|hrs?|h|days?|d|weeks?|w)\\b`,
  'i',
)

/** The canonical size a cell or a word names ("M", "medium", "Medium"), or null. */
export function sizeOf(raw: string): string | null {
  const text = raw.replace(/\*\*|__|`/g, '').trim()
  if (/^(?:XXS|XS|S|M|L|XL|XXL)$/i.test(text)) return text.toUpperCase()
  return SIZE_WORDS[text.toLowerCase().replace(/\s+/g, ' ')] ?? null
}

/** A plan that sizes its work states what each size means; two sizes or more make a scale. */
export function parseSizeScale(text: string, hoursPerDay: number, daysPerWeek: number): SizeScale | null {
  const scale: SizeScale = new Map()
  for (const line of bounded(text, 400_000).split('\n')) {
    if (!/\b(?:XXS|XS|S|M|L|XL|XXL|small|medium|large)\b/i.test(line)) continue
    const row = SIZE_ROW.exec(bounded(line, 600))
    for (const match of row ? [row] : bounded(line, 600).matchAll(SIZE_PAIR)) {
      const size = sizeOf(match[1])
      const value = amount(match[2])
      if (!size || !(value > 0) || scale.has(size)) continue
      const unit = match[3].toLowerCase()
      scale.set(
        size,
        unit.startsWith('w') ? value * daysPerWeek * hoursPerDay : unit.startsWith('d') ? value * hoursPerDay : value,
      )
    }
  }
  return scale.size >= 2 ? scale : null
}

/** "All times are given in days", "Estimates are in story points": the unit of bare numbers. */
export function parseUnitStatement(text: string): EffortUnit | null {
  const match =
    /\b(?:times|estimates?|durations|efforts?|numbers|figures|values)\s+(?:are\s+)?(?:all\s+)?(?:given\s+|expressed\s+|shown\s+|listed\s+|stated\s+|measured\s+)?in\s+(?:focused\s+|engineering\s+|working\s+|ideal\s+)?(hours|days|weeks|story\s+points|points)\b/i.exec(
      bounded(text, 400_000),
    )
  if (!match) return null
  return unitOf(match[1]) ?? null
}

/** "a day (d) is 8 h", "1 day = 6 hours", "6-hour days": the plan's own hours per day. */
export function parseHoursPerDayStatement(text: string): number | null {
  const source = bounded(text, 400_000)
  const forms = [
    /\b(?:a|one|1)\s+(?:working\s+|work\s+)?day\s*(?:\(d\)\s*)?(?:is|=|equals|means|≈)\s*(\d{1,2}(?:\.\d)?)\s*(?:h|hrs?|hours?)\b/i,
    /\b1\s*d\s*=\s*(\d{1,2}(?:\.\d)?)\s*(?:h|hrs?|hours?)\b/i,
    /\b(\d{1,2}(?:\.\d)?)[-\s]hour\s+(?:work(?:ing)?\s*)?days\b/i,
  ]
  for (const form of forms) {
    const match = form.exec(source)
    if (match) {
      const value = Number(match[1])
      if (value > 0 && value <= 24) return value
    }
  }
  return null
}

function effortFrom(
  match: RegExpMatchArray | RegExpExecArray,
  first: number,
  text: string,
  defaultUnit?: EffortUnit,
): Effort | null {
  const low = amount(match[first])
  const highText = match[first + 1]
  const high = highText === undefined ? low : amount(highText)
  const unitText = match[first + 2]
  const unit = unitText === undefined ? defaultUnit : unitOf(unitText)
  if (!unit || !(low > 0) || !(high >= low) || high > 10_000) return null
  return { value: (low + high) / 2, low, high, unit, text }
}

const UNIT_NAMES: Array<[RegExp, EffortUnit]> = [
  [new RegExp(`^(?:${HOUR_WORDS})$`, 'i'), 'hours'],
  [new RegExp(`^(?:${DAY_WORDS})$`, 'i'), 'days'],
  [new RegExp(`^(?:${WEEK_WORDS})$`, 'i'), 'weeks'],
  [new RegExp(`^(?:${MINUTE_WORDS})$`, 'i'), 'minutes'],
  [new RegExp(`^(?:${POINT_WORDS})$`, 'i'), 'points'],
]

function unitOf(word: string): EffortUnit | undefined {
  const u = word
    .toLowerCase()
    .replace(
      /^(?:working|work|engineering|eng|dev|developer|person|focused|agent|ideal|calendar|business|man)[-\s]/,
      '',
    )
  return UNIT_NAMES.find(([pattern]) => pattern.test(u))?.[1]
}

function amount(text: string): number {
  const trimmed = text.replace(/\s+/g, '').replace(',', '.')
  const simple = /^(\d{1,2})\/(\d{1,2})$/.exec(trimmed)
  if (simple) return Number(simple[2]) > 0 ? Number(simple[1]) / Number(simple[2]) : NaN
  const fraction = /[½¼¾⅓⅔]$/.exec(trimmed)
  if (fraction) {
    const whole = trimmed.slice(0, -1)
    return (whole ? Number(whole) : 0) + FRACTIONS[fraction[0]]
  }
  return Number(trimmed)
}

/** "Day 2 (24-48h)": hours counted from the plan start in whole days are a position, not an effort. */
function isClockRange(effort: Effort, afterDay: boolean): boolean {
  if (effort.unit !== 'hours' || effort.low === effort.high) return false
  const dayAligned = effort.low % 24 === 0 && (effort.high - effort.low) % 24 === 0
  return dayAligned && (afterDay || effort.low === 0)
}

/** "Day 1 (0-24h)" or "at 14:00 - 2h": a number that reads as a clock, not an effort. */
function isClock(text: string, index: number, effort: Effort): boolean {
  if (effort.unit !== 'hours') return false
  const before = text.slice(Math.max(0, index - 3), index)
  return /\d:$/.test(before)
}
