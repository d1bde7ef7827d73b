/**
 * Progress, burndown and forecast: pure functions over a plan, its tasks' evidence and
 * manual statuses, and a calendar. No clock, no I/O, no electron.
 */
export { computeProgress } from './compute'
export { planCalendar, type PlanCalendar } from '../../shared/calendar'
export { calendarInputFor } from './calendar'
export { monteCarloForecast, velocityForecast, mulberry32 } from './forecast'
export { resolveTaskState } from './task-state'
export { scopeChangesBetween } from './scope'
export { progressTaskInputs } from './task-inputs'
