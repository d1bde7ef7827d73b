import { addDaysTo, addYearsTo, daysBetween, weekNumberOf, weekStartOf } from '../../shared/calendar'
import type { PlanWarning } from '../../shared/plan-model'
import type { AbsoluteDates } from './dates'
import { warning } from './guard'
import type { Range } from './grammar/time'

/**
 * Absolute dates to plan weeks. Week 1 is the week containing the plan's date. Weeks start on
 * Monday here, whatever the lead's calendar setting says: the importer only needs a stable,
 * documented rule, and Monday is what "Week of <date>" almost always names in a plan.
 */

const WEEK_STARTS_ON = 1
const MAX_YEARS_AHEAD = 5

/** `date` opens week 1; `earliest` (the stated weekend day it was moved from) still counts as week 1 */
export type PlanStart = { date: string | null; warning: PlanWarning | null; earliest?: string }

/**
 * The stated plan date (the Monday after, when a plan's stated start falls on a weekend); else the Monday of the earliest absolute date's week; else the Monday of the
 * week the plan was last updated. Both guesses come with a warning so the lead can set the start.
 */
export function choosePlanStart(
  statedDate: string | null,
  found: Array<{ dates: AbsoluteDates; line: number }>,
  updated: string | null = null,
  keepAsStated = false,
): PlanStart {
  if (statedDate !== null) return keepAsStated ? { date: statedDate, warning: null } : weekdayStart(statedDate)
  if (found.length === 0) {
    if (updated === null) return { date: null, warning: null }
    const monday = mondayOf(updated)
    const message = `The plan states no start date; week 1 is taken as the week it was last updated (${updated}). Set the start date in the plan's reading if the work starts elsewhere.`
    return { date: monday, warning: warning('plan-date-inferred', message, null) }
  }
  const earliest = found.reduce((best, entry) => (entry.dates.start < best.dates.start ? entry : best))
  const first = earliest.dates.start
  // a schedule that opens on a weekend starts its work on the Monday after, as a stated weekend start does
  const weekend = weekdayStart(first).earliest !== undefined
  const monday = weekend ? addDaysTo(mondayOf(first), 7) : mondayOf(first)
  const which = weekend ? 'the Monday after' : 'the Monday of the week of'
  const message = `The plan states no date; its schedule starts on ${monday}, ${which} its earliest date (${first}, "${earliest.dates.text}").`
  return {
    date: monday,
    warning: warning('plan-date-inferred', message, earliest.line),
    ...(weekend ? { earliest: first } : {}),
  }
}

/**
 * A plan that says it starts on a Saturday or Sunday ("Period: 01/03/2026 – …") starts work on the Monday after:
 * week 1 is that Monday's week, not the week that ends on the stated day.
 */
function weekdayStart(stated: string): PlanStart {
  const monday = mondayOf(stated)
  if (daysBetween(monday, stated) < 5) return { date: stated, warning: null }
  const next = addDaysTo(monday, 7)
  const message = `The plan's stated start, ${stated}, falls on a weekend; week 1 is taken as the week of the Monday after (${next}).`
  return { date: next, warning: warning('plan-date-inferred', message, null), earliest: stated }
}

function mondayOf(date: string): string {
  return weekStartOf(date, WEEK_STARTS_ON)
}

/**
 * Places absolute dates in plan weeks, once per source line, and warns about dates before the
 * plan's date or more than five years after it (those stay out of the schedule).
 */
export class WeekCalendar {
  readonly warnings: PlanWarning[] = []
  private readonly resolved = new Map<string, Range | null>()
  private readonly week1Start: string | null
  private readonly latestAllowed: string | null

  private readonly earliest: string | null

  constructor(
    private readonly planDate: string | null,
    earliest?: string,
  ) {
    this.earliest = earliest ?? planDate
    this.week1Start = planDate ? mondayOf(planDate) : null
    this.latestAllowed = planDate ? addYearsTo(planDate, MAX_YEARS_AHEAD) : null
  }

  weeksOf(dates: AbsoluteDates | null, line: number, taskKey: string | null = null, quiet = false): Range | null {
    if (!dates || !this.planDate || !this.week1Start || !this.latestAllowed) return null
    const cacheKey = `${line}:${dates.text}`
    if (this.resolved.has(cacheKey)) return this.resolved.get(cacheKey) ?? null
    const { weeks, outside } = this.place(dates, this.earliest ?? this.planDate, this.latestAllowed)
    // dates that only widen the calendar are placed without warnings or caching
    if (quiet) return outside ? null : weeks
    if (outside) {
      const why =
        outside === 'early'
          ? `before the plan's date (${this.planDate})`
          : `more than ${MAX_YEARS_AHEAD} years after the plan's date (${this.planDate})`
      this.warnings.push(
        warning('date-out-of-range', `"${dates.text}" is ${why}; it is left out of the schedule.`, line, taskKey),
      )
    }
    const placed = outside ? null : weeks
    this.resolved.set(cacheKey, placed)
    return placed
  }

  /** The weeks dates span, and whether they fall before the plan's date or too far after it. */
  private place(
    dates: AbsoluteDates,
    planDate: string,
    latestAllowed: string,
  ): { weeks: Range; outside: 'early' | 'late' | null } {
    // a range that began before the plan date but runs into the plan ("Q1 2025" for a plan of Jan 6) starts in week 1
    const start = Math.max(dates.kind === 'range' ? 1 : Number.NEGATIVE_INFINITY, this.weekNumber(dates.start))
    const end = this.weekNumber(dates.end)
    // "Week of" names a whole week, so the Monday of the plan date's own week is still in range.
    const tooEarly =
      dates.kind === 'week-of' ? start < 1 : dates.kind === 'range' ? dates.end < planDate : dates.start < planDate
    const outside = tooEarly ? 'early' : dates.end > latestAllowed ? 'late' : null
    return { weeks: { start, end }, outside }
  }

  private weekNumber(date: string): number {
    const week = weekNumberOf(date, this.week1Start as string)
    // the weekend between a stated Saturday or Sunday start and the Monday that opens week 1
    return this.earliest !== null && date >= this.earliest ? Math.max(1, week) : week
  }
}
