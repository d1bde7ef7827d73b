/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so date arithmetic never
 * depends on the machine's time zone. A timestamp counts by the calendar date it was
 * written with (`2025-02-03T23:30:00-05:00` is 2025-02-03).
 *
 * Conversions are plain arithmetic (Hinnant's days-from-civil), no Date objects: they run
 * several times per task.
 */

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/

export function toDayNumber(isoDateOrTimestamp: string): number {
  if (!ISO_DATE_PREFIX.test(isoDateOrTimestamp)) {
    throw new Error(`not an ISO date: ${JSON.stringify(isoDateOrTimestamp)}`)
  }
  const year = Number(isoDateOrTimestamp.slice(0, 4))
  const month = Number(isoDateOrTimestamp.slice(5, 7))
  const day = Number(isoDateOrTimestamp.slice(8, 10))
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    throw new Error(`not an ISO date: ${JSON.stringify(isoDateOrTimestamp)}`)
  }
  const shiftedYear = month <= 2 ? year - 1 : year
  const era = Math.floor(shiftedYear / 400)
  const yearOfEra = shiftedYear - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function toIsoDate(dayNumber: number): string {
  const shifted = dayNumber + 719468
  const era = Math.floor(shifted / 146097)
  const dayOfEra = shifted - era * 146097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday) */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

/** the calendar-date part of an ISO date or timestamp */
export function isoDatePart(isoDateOrTimestamp: string): string {
  toDayNumber(isoDateOrTimestamp) // validates
  return isoDateOrTimestamp.length === 10 ? isoDateOrTimestamp : isoDateOrTimestamp.slice(0, 10)
}
