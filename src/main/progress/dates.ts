/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so date arithmetic never
 * depends on the machine's time zone. A timestamp counts by the calendar date it was
 * written with (`2025-02-03T23:30:00-05:00` is 2025-02-03).
 */

const MS_PER_DAY = 86_400_000
const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/

export function toDayNumber(isoDateOrTimestamp: string): number {
  const match = ISO_DATE_PREFIX.exec(isoDateOrTimestamp)
  if (!match) throw new Error(`not an ISO date: ${JSON.stringify(isoDateOrTimestamp)}`)
  const [, year, month, day] = match
  return Math.round(Date.UTC(Number(year), Number(month) - 1, Number(day)) / MS_PER_DAY)
}

export function toIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday) */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

/** the calendar-date part of an ISO date or timestamp */
export function isoDatePart(isoDateOrTimestamp: string): string {
  return toIsoDate(toDayNumber(isoDateOrTimestamp))
}
