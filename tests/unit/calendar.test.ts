import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { planWeekEnds } from '../../src/main/evidence'
import {
  addDaysTo,
  calendarDate,
  daysBetween,
  isoDateOf,
  localIsoDate,
  monthEndOf,
  planCalendar,
  weekNumberOf,
  weekStartOf,
} from '../../src/shared/calendar'
import type { CalendarInput } from '../../src/shared/progress-model'
import {
  isoDatePart,
  referenceLocalIsoDateMain,
  referenceLocalIsoDateRenderer,
  referenceMondayOf,
  referencePlanCalendar,
  referencePlanWeek,
  referencePlanWeekEnds,
  referenceWeekStartOf,
  toDayNumber,
  toIsoDate,
  weekdayOf,
} from './helpers/old-calendars'

/**
 * The shared calendar against the three it replaced (tests/unit/helpers/old-calendars.ts), over many dates, in time
 * zones with daylight-saving changes (at midnight in Santiago, by 30 minutes on Lord Howe) and without.
 */

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
]
/**
 * The plan reader's and the evidence engine's old weeks ran date-fns on local dates, which misplaces a day the zone
 * skipped (Kiritimati has no 1994-12-31): compared with them only where every day exists. The shared calendar counts
 * on UTC dates, so it has no such day (last describe).
 */
const ZONES_WITHOUT_SKIPPED_DAYS = ZONES.filter((zone) => zone !== 'Pacific/Kiritimati')
const originalZone = process.env.TZ
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ
  else process.env.TZ = originalZone
})

const FIRST_DAY = toDayNumber('1990-01-01')
const LAST_DAY = toDayNumber('2100-12-31')

/** any day; a day in the months clocks change in; a day around New Year */
const isoDate: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(toIsoDate),
  fc
    .record({
      year: fc.integer({ min: 1990, max: 2100 }),
      month: fc.constantFrom(3, 4, 9, 10, 11),
      day: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
  fc
    .record({ year: fc.integer({ min: 1990, max: 2100 }), offset: fc.integer({ min: -8, max: 8 }) })
    .map(({ year, offset }) => toIsoDate(toDayNumber(`${year}-01-01`) + offset)),
)

const timestamp = fc
  .record({ date: isoDate, hour: fc.integer({ min: 0, max: 23 }), offsetHours: fc.integer({ min: -11, max: 14 }) })
  .map(({ date, hour, offsetHours }) => {
    const sign = offsetHours < 0 ? '-' : '+'
    return `${date}T${String(hour).padStart(2, '0')}:30:00${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`
  })

const calendarInput: fc.Arbitrary<CalendarInput> = isoDate.chain((start) =>
  fc.record({
    start: fc.constant(start),
    firstWeekday: fc.integer({ min: 0, max: 6 }),
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
    hoursPerDay: fc.constant(8),
    nonWorkingDates: fc.array(
      fc.integer({ min: -10, max: 60 }).map((offset) => toIsoDate(toDayNumber(start) + offset)),
      { maxLength: 6 },
    ),
  }),
)

function inEveryZone(
  name: string,
  property: fc.IProperty<never> | fc.IPropertyWithHooks<never>,
  numRuns = 300,
  zones = ZONES,
): void {
  for (const zone of zones) {
    it(`${name} (TZ=${zone})`, () => {
      process.env.TZ = zone
      fc.assert(property as fc.IProperty<unknown>, { numRuns })
    })
  }
}

describe('the shared calendar against progress day numbers', () => {
  inEveryZone(
    'counts days, adds days and finds the week start like the day-number arithmetic',
    fc.property(
      isoDate,
      isoDate,
      fc.integer({ min: -800, max: 800 }),
      fc.integer({ min: 0, max: 6 }),
      (a, b, days, firstWeekday) => {
        expect(daysBetween(a, b)).toBe(toDayNumber(b) - toDayNumber(a))
        expect(addDaysTo(a, days)).toBe(toIsoDate(toDayNumber(a) + days))
        const back = (weekdayOf(toDayNumber(a)) - firstWeekday + 7) % 7
        expect(weekStartOf(a, firstWeekday)).toBe(toIsoDate(toDayNumber(a) - back))
      },
    ) as never,
  )

  inEveryZone(
    'reads a timestamp by its written date',
    fc.property(timestamp, (stamp) => {
      expect(calendarDate(stamp)).toBe(isoDatePart(stamp))
    }) as never,
  )

  inEveryZone(
    'places dates, working days and plan days in weeks like the old plan calendar',
    fc.property(
      calendarInput,
      fc.array(fc.integer({ min: -120, max: 400 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 60 }),
      (input, offsets, planDay) => {
        const shared = planCalendar(input)
        const reference = referencePlanCalendar(input)
        expect(shared.week1Start).toBe(reference.week1Start)
        expect(shared.weeks(-1, 8)).toEqual(reference.weeks(-1, 8))
        for (let week = -1; week <= 8; week++)
          expect(shared.workingDaysInWeek(week)).toBe(reference.workingDaysInWeek(week))
        for (const offset of offsets) {
          const date = toIsoDate(toDayNumber(input.start) + offset)
          expect(shared.weekOfDate(date)).toBe(reference.weekOfDate(date))
          expect(shared.progressWeekOfDate(date)).toBe(reference.progressWeekOfDate(date))
          expect(shared.isWorkingDate(date)).toBe(reference.isWorkingDate(date))
          expect(shared.elapsedWeeksAt(date)).toBe(reference.elapsedWeeksAt(date))
        }
        expect(shared.dateOfPlanDay(planDay)).toBe(reference.dateOfPlanDay(planDay))
        expect(shared.weekOfPlanDay(planDay)).toBe(reference.weekOfPlanDay(planDay))
      },
    ) as never,
    150,
  )
})

describe('the shared calendar against the plan reader and the evidence engine', () => {
  inEveryZone(
    'finds the Monday of a week and the plan week of a date like the plan reader',
    fc.property(isoDate, fc.integer({ min: -60, max: 800 }), (planDate, offset) => {
      const date = toIsoDate(toDayNumber(planDate) + offset)
      expect(weekStartOf(planDate, 1)).toBe(referenceMondayOf(planDate))
      expect(weekNumberOf(date, weekStartOf(planDate, 1))).toBe(referencePlanWeek(date, planDate))
    }) as never,
    300,
    ZONES_WITHOUT_SKIPPED_DAYS,
  )

  inEveryZone(
    'ends plan weeks like the evidence engine',
    fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (planStart, weeks) => {
      const ends = planWeekEnds(planStart, weeks)
      expect(ends).toEqual(referencePlanWeekEnds(planStart, weeks))
      for (const end of ends) expect(addDaysTo(end, -7)).toBe(referenceWeekStartOf(end))
    }) as never,
    100,
    ZONES_WITHOUT_SKIPPED_DAYS,
  )

  inEveryZone(
    'gives the local date of an instant like both localIsoDate functions it replaced',
    fc.property(
      fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
      (instant) => {
        expect(localIsoDate(instant)).toBe(referenceLocalIsoDateMain(instant))
        expect(localIsoDate(instant)).toBe(referenceLocalIsoDateRenderer(instant))
      },
    ) as never,
  )
})

describe('the shared calendar on its own', () => {
  it('is the same in every time zone, including those that skipped a whole day (Samoa 30 Dec 2011, Kiritimati 31 Dec 1994)', () => {
    const results = ['UTC', 'Pacific/Apia', 'America/Sao_Paulo', 'Pacific/Kiritimati'].map((zone) => {
      process.env.TZ = zone
      const calendar = planCalendar({
        start: '2011-12-28',
        firstWeekday: 1,
        daysPerWeek: 5,
        hoursPerDay: 8,
        nonWorkingDates: [],
      })
      const skipped = [
        daysBetween('2011-12-30', '2011-12-31'),
        addDaysTo('2011-12-30', 1),
        calendar.weekOfDate('2011-12-30'),
        calendar.isWorkingDate('2011-12-30'),
        addDaysTo('1994-12-30', 1),
        daysBetween('1994-12-30', '1995-01-01'),
      ]
      return [
        daysBetween('2011-12-29', '2011-12-31'),
        addDaysTo('2011-12-29', 1),
        calendar.weekOfDate('2012-01-02'),
        calendar.dateOfPlanDay(4),
        addDaysTo('2018-11-03', 1),
        ...skipped,
      ]
    })
    expect(results[1]).toEqual(results[0])
    expect(results[2]).toEqual(results[0])
    expect(results[3]).toEqual(results[0])
    expect(results[0]).toEqual([
      2,
      '2011-12-30',
      2,
      '2011-12-29',
      '2018-11-04',
      1,
      '2011-12-31',
      1,
      true,
      '1994-12-31',
      2,
    ])
  })

  it('refuses what is not a date, and knows which dates exist', () => {
    expect(() => calendarDate('2025-02-30')).toThrow(/not an ISO date/)
    expect(() => calendarDate('next week')).toThrow(/not an ISO date/)
    expect(isoDateOf(2024, 2, 29)).toBe('2024-02-29')
    expect(isoDateOf(2025, 2, 29)).toBeNull()
    expect(isoDateOf(2025, 13, 1)).toBeNull()
    expect([monthEndOf(2024, 2), monthEndOf(2025, 2), monthEndOf(2025, 12), monthEndOf(2025, 6)]).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2025-12-31',
      '2025-06-30',
    ])
  })
})
