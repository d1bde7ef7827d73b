import { addDaysTo, monthEndOf } from '../../../shared/calendar'
import type { ImportProfile } from '../../../shared/plan-model'
import type { AbsoluteDates } from '../dates'
import { bounded } from '../text'
import { DEFAULT_DATE_CONTEXT, parseLooseDate } from '../grammar/loose-dates'
import type { Countdown, Range, TimeMarker } from '../grammar/time'

/**
 * Turns what a marker says into plan weeks and days, with what only the whole plan knows: how long
 * its sprints are and which number the first one has ("Sprint 0"), how many weeks its countdown
 * runs before launch ("(4 Weeks Before)" is week 1 of a 5-week countdown), 4-week months.
 */
export type TimeResolver = {
  /** relative weeks: Week/Sprint/Month/Quarter (without a year)/countdown; null when the marker has none */
  weeks: (marker: TimeMarker) => Range | null
  /** plan days: Day N, or the day an hour offset falls on */
  days: (marker: TimeMarker) => Range | null
  /** absolute dates, quarters of a given year included */
  dates: (marker: TimeMarker) => AbsoluteDates | null
}

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 }
const WEEKS_PER_MONTH = 4

export function makeTimeResolver(
  markers: TimeMarker[],
  text: string,
  profile: ImportProfile | undefined,
): TimeResolver {
  const statedSprint = profile?.sprintWeeks ?? statedSprintWeeks(text)
  const sprintWeeks = statedSprint ?? 2
  const sprintStarts = markers.flatMap((marker) => (marker.sprints ? [marker.sprints.start] : []))
  const sprintBase = sprintStarts.length > 0 ? Math.min(...sprintStarts) : 1
  const before = markers.flatMap((marker) => (marker.countdown?.kind === 'before' ? [marker.countdown.weeks] : []))
  const countdownWeeks = before.length > 0 ? Math.max(...before) : 0
  const launch = statedLaunchDate(text)
  const namedWeeks = sprintWeeksNamed(markers)
  return {
    weeks: (marker) => {
      if (marker.weeks) return marker.weeks
      // "Sprint: 3" where the plan says "Sprint 3 (Weeks 3-4)": the plan's own weeks for that sprint
      const named = marker.sprints ? namedWeeks(marker.sprints) : null
      if (named) return named
      // a sprint's length is a guess unless the plan states it; its own dates beat the guess
      if (marker.sprints && (statedSprint !== null || marker.dates === null)) {
        const start = (marker.sprints.start - sprintBase) * sprintWeeks + 1
        const end = (marker.sprints.end - sprintBase + 1) * sprintWeeks
        return start >= 1 ? { start, end } : null
      }
      if (marker.months)
        return { start: (marker.months.start - 1) * WEEKS_PER_MONTH + 1, end: marker.months.end * WEEKS_PER_MONTH }
      if (marker.quarter && marker.quarter.year === null)
        return { start: (marker.quarter.quarter - 1) * 13 + 1, end: marker.quarter.quarter * 13 }
      if (marker.countdown && !launch) {
        if (marker.countdown.kind === 'before') {
          const week = countdownWeeks - marker.countdown.weeks + 1
          return { start: week, end: week }
        }
        const week = countdownWeeks + (marker.countdown.kind === 'launch' ? 1 : marker.countdown.weeks)
        return { start: week, end: week }
      }
      return null
    },
    days: (marker) => {
      if (marker.days) return marker.days
      if (marker.hourOffset)
        return {
          start: Math.floor(marker.hourOffset.start / 24) + 1,
          end: Math.max(Math.floor(marker.hourOffset.start / 24) + 1, Math.ceil(marker.hourOffset.end / 24)),
        }
      return null
    },
    dates: (marker) => {
      if (marker.dates) return marker.dates
      if (marker.countdown && launch) return countdownDate(marker.countdown, launch)
      if (marker.quarter && marker.quarter.year !== null) {
        const { quarter, year } = marker.quarter
        const startMonth = (quarter - 1) * 3 + 1
        const endMonth = startMonth + 2
        const start = `${year}-${String(startMonth).padStart(2, '0')}-01`
        return { kind: 'range', start, end: monthEndOf(year, endMonth), text: `Q${quarter} ${year}` }
      }
      return null
    },
  }
}

/**
 * "**Go-live:** 2026-03-06", "Launch date: March 6, 2026", "Cutover Target: 06.03.2026": the day a countdown
 * ("T-24h", "(2 Weeks Before)", "Launch Day") counts from. Only a label at the start of a line states it.
 */
export function statedLaunchDate(text: string): string | null {
  const source = bounded(text, 400_000)
  for (const match of source.matchAll(LAUNCH_LABEL)) {
    const after = match.index + match[0].length
    const found = parseLooseDate(source.slice(after, after + 40).split('\n')[0], DEFAULT_DATE_CONTEXT)
    if (found) return found.start
  }
  return null
}

const LAUNCH_LABEL =
  /^[\s>*_#-]{0,8}(?:go[-\s]?live|launch|release|cut[-\s]?over)(?:[-\s](?:date|target|day|termin|datum))?[\s*_]{0,4}[:=][\s*_]{0,4}/gim

/** The day a countdown names once the launch day is known: a week before is seven days before. */
function countdownDate(countdown: Countdown, launch: string): AbsoluteDates {
  const days =
    countdown.days ??
    (countdown.kind === 'before' ? -7 * countdown.weeks : countdown.kind === 'after' ? 7 * countdown.weeks : 0)
  const date = addDaysTo(launch, days)
  return { kind: 'on', start: date, end: date, text: `${days >= 0 ? '+' : ''}${days} days from launch ${launch}` }
}

/** Sprints whose weeks the plan states once ("Sprint 2 (Weeks 3-4)"): a sprint range maps to those weeks. */
function sprintWeeksNamed(markers: TimeMarker[]): (sprints: Range) => Range | null {
  const weeksOf = new Map<number, Range>()
  for (const marker of markers)
    if (marker.sprints && marker.weeks && marker.sprints.start === marker.sprints.end)
      weeksOf.set(marker.sprints.start, marker.weeks)
  return (sprints) => {
    const first = weeksOf.get(sprints.start)
    const last = weeksOf.get(sprints.end)
    return first && last ? { start: first.start, end: Math.max(first.end, last.end) } : null
  }
}

/** "two-week sprints", "2-week sprint", "sprints of 3 weeks", "Sprint length: 1 week". */
export function statedSprintWeeks(text: string): number | null {
  const source = bounded(text, 400_000)
  const forms = [
    /\b(\d|one|two|three|four|five|six)[-\s]weeks?\s+sprints?\b/i,
    /\bsprints?\s+(?:of|are|last(?:s)?|lengths?\s*:?|=)\s*(\d|one|two|three|four|five|six)\s+weeks?\b/i,
    /\bsprint\s+length\s*[:=]?\s*(\d|one|two|three|four|five|six)\s*weeks?\b/i,
  ]
  for (const form of forms) {
    const match = form.exec(source)
    if (match) {
      const value = WORD_NUMBERS[match[1].toLowerCase()] ?? Number(match[1])
      if (value >= 1 && value <= 12) return value
    }
  }
  return null
}
