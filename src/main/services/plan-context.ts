import type { CalendarInput } from '../../shared/progress-model'
import type { ParsedPlan } from '../../shared/plan-model'
import type { AppDatabase } from '../db/client'
import { readSettings } from '../db/settings-store'
import { firstImportedAt, readVersionPlan, requirePlanRow } from '../db/plan-store'
import { liveTaskRows, type TaskRow } from '../db/task-store'
import { calendarInputFor, planCalendar, type PlanCalendar } from '../progress'

export interface PlanContext {
  planId: number
  /** the plan version of `baseline` (the newest baseline's) */
  baselineVersionId: number
  currentVersionId: number
  baseline: ParsedPlan
  current: ParsedPlan
  calendarInput: CalendarInput
  calendar: PlanCalendar
  taskRows: TaskRow[]
}

/** Everything the evidence sync and the progress computation need to know about a stored plan. */
export function loadPlanContext(db: AppDatabase, planId: number): PlanContext {
  const row = requirePlanRow(db, planId)
  const settings = readSettings(db)
  const current = readVersionPlan(db, row.currentVersionId)
  // after a rebaseline on the current version both are one plan: parse it once
  const baseline = row.baselineVersionId === row.currentVersionId ? current : readVersionPlan(db, row.baselineVersionId)
  // the first import dates a plan without a date of its own (a rebaseline does not move its start)
  const calendarInput = calendarInputFor(
    current,
    {
      start: row.startDate ?? undefined,
      firstWeekday: settings.firstWeekday,
      nonWorkingDates: settings.nonWorkingDates,
    },
    (firstImportedAt(db, planId) ?? new Date(0).toISOString()).slice(0, 10),
  )
  const taskRows = liveTaskRows(db, planId)
  return {
    planId,
    baselineVersionId: row.baselineVersionId,
    currentVersionId: row.currentVersionId,
    baseline,
    current,
    calendarInput,
    calendar: planCalendar(calendarInput),
    taskRows,
  }
}

/** Exclusive end dates of plan weeks 1..n, n reaching past both the plan's end and today. */
export function evidenceWeekEnds(context: PlanContext, today: string): string[] {
  const weeks = Math.max(context.current.weeks, context.baseline.weeks, context.calendar.weekOfDate(today), 1)
  return Array.from({ length: weeks }, (_, i) => context.calendar.week(i + 2).start)
}
