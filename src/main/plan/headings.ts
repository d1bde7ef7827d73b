import { parseDayRange, parseHourBlock, parseLooseEstimate, parseWeekRange, type Estimate, type Range, type Units } from './patterns'
import { parseAbsoluteDates, type AbsoluteDates } from './dates'
import { bounded, cleanTitle, headingClaimsDone } from './text'

/** What a heading (or a checklist line) says about itself: number, schedule, estimate. */
export type HeadingInfo = {
  number: string | null
  /** display title: no emoji, no leading number, no trailing estimate */
  title: string
  /** title without a leading schedule prefix ("Day 1-2:", "Hour 3-4:"), for keys and matching */
  coreTitle: string
  hours: Range | null
  days: Range | null
  weeks: Range | null
  /** absolute dates ("Week of 2025-02-03", "Due: March 7, 2025"); relative days/weeks win over them */
  dates: AbsoluteDates | null
  openEndedWeeks: boolean
  estimate: Estimate | null
  isPhase: boolean
  /** could be a work item (numbered, Hour/Day/Week block, or estimated) */
  candidate: boolean
  claimsDone: boolean
}

const NUMBERED = /^(?:(?:step|task|item|workstream|ws)\s*)?#?(\d{1,3}(?:\.\d{1,3}){0,3})(?:[.):]\s*|\s+)(?=\S)/i
const UNIT_AFTER_NUMBER = /^\d[\d.]*\s*(?:(?:days?|weeks?|hours?|months?|h|d)\b|%|\/)/i
const PHASE = /^(?:phase|stage|milestone|sprint|part)\s+\d+/i
const SCHEDULE_PREFIX = /^(?:(?:hours?|days?|weeks?)\s+\d{1,3}(?:\s*(?:-|–|—|to)\s*\d{1,3})?(?:\s+focus)?|phase\s+\d+)\s*[:.–—-]?\s*/i

export function analyzeHeading(rawText: string, units: Units): HeadingInfo {
  const full = cleanTitle(rawText)
  const isPhase = PHASE.test(full)
  let number: string | null = null
  let title = full
  const numbered = UNIT_AFTER_NUMBER.test(full) ? null : NUMBERED.exec(full)
  if (numbered && !isPhase) {
    number = numbered[1].replace(/\.$/, '')
    title = full.slice(numbered[0].length).replace(/^[\s:.)–—-]+/, '')
  }
  const hours = parseHourBlock(full)
  const days = parseDayRange(full)
  const weekRange = parseWeekRange(full)
  const dates = parseAbsoluteDates(full)
  const estimate = parseLooseEstimate(full, units)
  if (estimate) {
    const stripped = title.replace(estimate.text, '').replace(/\s+/g, ' ').replace(/[\s:–—-]+$/, '').trim()
    if (stripped) title = stripped
  }
  const datedBlock = dates !== null && title.startsWith(dates.text)
  const scheduleBlock = hours !== null || /^(?:days?|weeks?)\s+\d/i.test(full) || datedBlock
  const coreTitle = (datedBlock ? title.slice(dates.text.length).replace(/^[\s:.–—-]+/, '') : title.replace(SCHEDULE_PREFIX, '')).trim() || title
  return {
    number,
    title: bounded(title, 300),
    coreTitle: bounded(coreTitle, 300),
    hours,
    days,
    weeks: weekRange ? { start: weekRange.start, end: weekRange.end } : null,
    dates,
    openEndedWeeks: weekRange?.openEnded ?? false,
    estimate,
    isPhase,
    candidate: isPhase || number !== null || scheduleBlock || estimate !== null,
    claimsDone: headingClaimsDone(rawText),
  }
}
