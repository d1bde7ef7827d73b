/**
 * Progress, burndown and forecast: pure functions over a plan, its tasks' evidence and
 * manual statuses, and a calendar. No clock, no I/O, no electron.
 */
export { computeProgress } from './compute'
export { planCalendar, calendarInputFor, type PlanCalendar, type WeekSpan, type CalendarSettings } from './calendar'
export {
  monteCarloForecast,
  velocityForecast,
  mulberry32,
  type MonteCarloInput,
  type MonteCarloResult,
  type VelocityProjection,
} from './forecast'
export { DEFAULT_FORECAST } from './forecast-report'
export { resolveTaskState, type ResolvedTaskState } from './task-state'
export { scopeChangesBetween } from './scope'
export { progressTaskInputs, type TaskFacts } from './task-inputs'
export type {
  CalendarInput,
  ProgressInput,
  ProgressReport,
  ProgressTaskInput,
  ScopeChange,
} from '../../shared/progress-model'
