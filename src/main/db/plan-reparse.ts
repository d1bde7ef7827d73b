import { and, eq, isNull } from 'drizzle-orm'
import type { ParseOptions, ParsedPlan } from '../../shared/plan-model'
import type { AppDatabase } from './client'
import { planVersions, plans, tasks } from './schema'

/**
 * Re-reads every stored version of a plan with new parse options (days/week, hours/day) from the bytes kept at
 * import, and updates the current tasks' schedule and estimates. Task identity, statuses and checks are untouched.
 */
export function reparsePlanVersions(db: AppDatabase, planId: number, options: ParseOptions, parse: (bytes: Uint8Array, options: ParseOptions) => ParsedPlan): void {
  const plan = db.select().from(plans).where(eq(plans.id, planId)).get()
  if (!plan) return
  for (const version of db.select().from(planVersions).where(eq(planVersions.planId, planId)).all()) {
    const parsed = parse(version.sourceBytes, options)
    db.update(planVersions).set({ parsedJson: JSON.stringify(parsed) }).where(eq(planVersions.id, version.id)).run()
    if (version.id !== plan.currentVersionId) continue
    for (const task of parsed.tasks) {
      db.update(tasks)
        .set({ estimateHours: task.estimateHours, estimateDerived: task.estimateDerived, weekStart: task.weekStart, weekEnd: task.weekEnd, dayStart: task.dayStart, dayEnd: task.dayEnd })
        .where(and(eq(tasks.planId, planId), eq(tasks.key, task.key), isNull(tasks.removedInVersionId)))
        .run()
    }
  }
}
