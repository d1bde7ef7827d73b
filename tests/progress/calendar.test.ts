import { describe, expect, it } from 'vitest'
import { planCalendar } from '../../src/main/progress'
import { mondayCalendar } from './fixtures'

describe('planCalendar', () => {
  it('moves the start back to the first weekday; week w is 7 days from there', () => {
    const calendar = planCalendar({ ...mondayCalendar, start: '2025-01-29' }) // a Wednesday
    expect(calendar.week1Start).toBe('2025-01-27')
    expect(calendar.week(1)).toEqual({ week: 1, start: '2025-01-27', end: '2025-02-02' })
    expect(calendar.week(3)).toEqual({ week: 3, start: '2025-02-10', end: '2025-02-16' })
    expect(calendar.week(0).end).toBe('2025-01-26')
    expect(calendar.weekOfDate('2025-01-27')).toBe(1)
    expect(calendar.weekOfDate('2025-02-02')).toBe(1)
    expect(calendar.weekOfDate('2025-02-03')).toBe(2)
    expect(calendar.weekOfDate('2025-01-20')).toBe(0)
    expect(calendar.weekOfDate('2025-01-19')).toBe(-1)
    expect(calendar.progressWeekOfDate('2024-12-01')).toBe(0)
  })

  it('reads timestamps by their written date, whatever the offset', () => {
    const calendar = planCalendar(mondayCalendar)
    expect(calendar.weekOfDate('2025-01-12T23:59:00-11:00')).toBe(1)
    expect(calendar.weekOfDate('2025-01-13T00:30:00+14:00')).toBe(2)
  })

  it('honours a Sunday first weekday', () => {
    const calendar = planCalendar({ ...mondayCalendar, start: '2025-01-29', firstWeekday: 0 })
    expect(calendar.week1Start).toBe('2025-01-26')
    expect(calendar.weekOfDate('2025-02-01')).toBe(1)
    expect(calendar.weekOfDate('2025-02-02')).toBe(2)
  })

  it('maps plan days to dates over working days, skipping non-working dates', () => {
    const calendar = planCalendar({ ...mondayCalendar, nonWorkingDates: ['2025-01-08'] })
    expect(calendar.dateOfPlanDay(1)).toBe('2025-01-06')
    expect(calendar.dateOfPlanDay(2)).toBe('2025-01-07')
    expect(calendar.dateOfPlanDay(3)).toBe('2025-01-09') // the 8th is a holiday
    expect(calendar.dateOfPlanDay(5)).toBe('2025-01-13') // weekend skipped
    expect(calendar.weekOfPlanDay(4)).toBe(1)
    expect(calendar.weekOfPlanDay(5)).toBe(2)
    expect(calendar.workingDaysInWeek(1)).toBe(4)
    expect(calendar.workingDaysInWeek(2)).toBe(5)
    expect(calendar.isWorkingDate('2025-01-11')).toBe(false)
  })

  it('measures elapsed plan time by working days', () => {
    const calendar = planCalendar(mondayCalendar)
    expect(calendar.elapsedWeeksAt('2025-01-05')).toBe(0)
    expect(calendar.elapsedWeeksAt('2025-01-06')).toBeCloseTo(0.2)
    expect(calendar.elapsedWeeksAt('2025-01-10')).toBe(1) // Friday: week 1 fully worked
    expect(calendar.elapsedWeeksAt('2025-01-12')).toBe(1) // Sunday
    expect(calendar.elapsedWeeksAt('2025-01-15')).toBeCloseTo(1.6)
  })

  it('lists week spans', () => {
    const calendar = planCalendar({ ...mondayCalendar, daysPerWeek: 7 })
    expect(calendar.weeks(1, 2).map((span) => span.end)).toEqual(['2025-01-12', '2025-01-19'])
    expect(calendar.dateOfPlanDay(7)).toBe('2025-01-12')
  })
})
