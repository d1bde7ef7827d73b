import { and, asc, eq, isNull } from 'drizzle-orm'
import type { CalendarInput } from '../../shared/progress-model'
import type { ParsedPlan } from '../../shared/plan-model'
import type { AppDatabase } from '../db/client'
import { planVersions, tasks } from '../db/schema'
import { readSettings } from '../db/settings-store'
import { readVersionPlan, requirePlanRow } from '../db/plan-store'
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
  taskRows: (typeof tasks.$inferSelect)[]
}

/** Everything the evidence sync and the progress computation need to know about a stored plan. */
export function loadPlanContext(db: AppDatabase, planId: number): PlanContext {
  const row = requirePlanRow(db, planId)
  const settings = readSettings(db)
  const current = readVersionPlan(db, row.currentVersionId)
  // after a rebaseline on the current version both are one plan: parse it once
  const baseline = row.baselineVersionId === row.currentVersionId ? current : readVersionPlan(db, row.baselineVersionId)
  // the first import dates a plan without a date of its own (a rebaseline does not move its start)
  const firstImport = db
    .select({ importedAt: planVersions.importedAt })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.versionNo))
    .get()
  const calendarInput = calendarInputFor(
    current,
    { start: row.startDate ?? undefined, firstWeekday: settings.firstWeekday, nonWorkingDates: settings.nonWorkingDates },
    (firstImport?.importedAt ?? new Date(0).toISOString()).slice(0, 10),
  )
  const taskRows = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedInVersionId)))
    .orderBy(asc(tasks.sortOrder))
    .all()
  return { planId, baselineVersionId: row.baselineVersionId, currentVersionId: row.currentVersionId, baseline, current, calendarInput, calendar: planCalendar(calendarInput), taskRows }
}

/** Exclusive end dates of plan weeks 1..n, n reaching past both the plan's end and today. */
export function evidenceWeekEnds(context: PlanContext, today: string): string[] {
  const weeks = Math.max(context.current.weeks, context.baseline.weeks, context.calendar.weekOfDate(today), 1)
  return Array.from({ length: weeks }, (_, i) => context.calendar.week(i + 2).start)
}
