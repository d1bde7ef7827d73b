import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { TaskStatusEntry } from '../../shared/contract/tasks'
import type { ManualStatus } from '../../shared/progress-model'
import { AppError } from '../../shared/rpc'
import type { AppDatabase } from './client'
import { taskStatuses, tasks } from './schema'

export type TaskRow = typeof tasks.$inferSelect

export function requireTask(db: AppDatabase, taskId: number): TaskRow {
  const task = db.select().from(tasks).where(eq(tasks.id, taskId)).get()
  if (!task) throw new AppError('not-found', `No task with id ${taskId}`)
  return task
}

/** A plan's task by key, as the current version has it (removed tasks are not found). */
export function requireLiveTask(db: AppDatabase, planId: number, taskKey: string): TaskRow {
  const row = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.planId, planId), eq(tasks.key, taskKey), isNull(tasks.removedInVersionId)))
    .get()
  if (!row) throw new AppError('not-found', `Plan ${planId} has no task "${taskKey}"`)
  return row
}

/** The tasks of the plan's current version, in the plan's order. */
export function liveTaskRows(db: AppDatabase, planId: number): TaskRow[] {
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedInVersionId)))
    .orderBy(asc(tasks.sortOrder))
    .all()
}

const statusColumns = {
  id: taskStatuses.id,
  status: taskStatuses.status,
  note: taskStatuses.note,
  date: taskStatuses.date,
  createdAt: taskStatuses.createdAt,
}

export function addTaskStatus(
  db: AppDatabase,
  entry: Omit<TaskStatusEntry, 'id'> & { taskId: number },
): TaskStatusEntry {
  return db.insert(taskStatuses).values(entry).returning(statusColumns).get()
}

/** A task's manual statuses, newest first. */
export function taskStatusHistory(db: AppDatabase, taskId: number): TaskStatusEntry[] {
  return db
    .select(statusColumns)
    .from(taskStatuses)
    .where(eq(taskStatuses.taskId, taskId))
    .orderBy(desc(taskStatuses.id))
    .all()
}

/** Each task's current manual status: its newest entry, unless that one cleared it. */
export function latestManualStatuses(db: AppDatabase, taskIds: number[]): Map<number, ManualStatus> {
  const map = new Map<number, ManualStatus>()
  if (taskIds.length === 0) return map
  const rows = db
    .select()
    .from(taskStatuses)
    .where(inArray(taskStatuses.taskId, taskIds))
    .orderBy(asc(taskStatuses.id))
    .all()
  for (const row of rows) {
    if (row.status === 'cleared') map.delete(row.taskId)
    else map.set(row.taskId, { status: row.status, note: row.note, date: row.date })
  }
  return map
}
