import type { ParsedPlan } from '../../shared/plan-model'
import type { PlanCalendar } from '../../shared/calendar'

/** The scheduling fields shared by plan tasks and progress task inputs. */
export interface Schedulable {
  weekStart: number | null
  weekEnd: number | null
  dayStart: number | null
  dayEnd: number | null
}

export type WeekOfPlanDay = (day: number) => number

/**
 * Plan day → week: the plan's own dayWeeks (dayWeeks[d − 1] = week of day d) when it maps
 * the day, else the calendar (working days per week, non-working dates).
 */
export function weekOfPlanDayFor(plan: ParsedPlan, calendar: PlanCalendar): WeekOfPlanDay {
  return (day) => (day >= 1 && day <= plan.dayWeeks.length ? plan.dayWeeks[day - 1] : calendar.weekOfPlanDay(day))
}

const planMapsDays = (plan: ParsedPlan, first: number, last: number) => first >= 1 && last <= plan.dayWeeks.length

/**
 * Spreads `amount` over the task's schedule, calling add(week, share) per week:
 * evenly over its scheduled days when it has a day span the plan's dayWeeks maps, else
 * evenly over weeks weekStart..weekEnd, else over its days through the calendar.
 * Returns false (and adds nothing) when the task has no schedule.
 */
export function spreadOverSchedule(
  task: Schedulable,
  amount: number,
  plan: ParsedPlan,
  weekOfDay: WeekOfPlanDay,
  add: (week: number, share: number) => void,
): boolean {
  const daySpan = dayRange(task)
  if (daySpan && (planMapsDays(plan, daySpan.first, daySpan.last) || task.weekStart === null)) {
    const days = daySpan.last - daySpan.first + 1
    let runWeek = weekOfDay(daySpan.first)
    let runDays = 0
    // Consecutive days share a week, so add once per run of days instead of once per day.
    for (let day = daySpan.first; day <= daySpan.last; day++) {
      const week = weekOfDay(day)
      if (week !== runWeek) {
        add(runWeek, (amount * runDays) / days)
        runWeek = week
        runDays = 0
      }
      runDays++
    }
    add(runWeek, (amount * runDays) / days)
    return true
  }
  const weekSpan = weekRange(task)
  if (weekSpan) {
    const weeks = weekSpan.last - weekSpan.first + 1
    for (let week = weekSpan.first; week <= weekSpan.last; week++) add(week, amount / weeks)
    return true
  }
  return false
}

/** first and last scheduled week of the task, by the same rule as spreadOverSchedule */
export function scheduledWeeks(
  task: Schedulable,
  plan: ParsedPlan,
  weekOfDay: WeekOfPlanDay,
): { first: number; last: number } | null {
  const daySpan = dayRange(task)
  if (daySpan && (planMapsDays(plan, daySpan.first, daySpan.last) || task.weekStart === null)) {
    return { first: weekOfDay(daySpan.first), last: weekOfDay(daySpan.last) }
  }
  return weekRange(task)
}

function dayRange(task: Schedulable): { first: number; last: number } | null {
  if (task.dayStart === null || task.dayStart < 1) return null
  const last = task.dayEnd !== null && task.dayEnd >= task.dayStart ? task.dayEnd : task.dayStart
  return { first: task.dayStart, last }
}

function weekRange(task: Schedulable): { first: number; last: number } | null {
  if (task.weekStart === null) return null
  const first = Math.max(0, task.weekStart)
  const last = task.weekEnd !== null && task.weekEnd >= first ? task.weekEnd : first
  return { first, last }
}
