import type { Milestone } from '../../shared/plan-model'
import type { BurndownPoint, MilestoneProgress } from '../../shared/progress-model'
import type { PlanCalendar } from '../../shared/calendar'
import { round2 } from '../../shared/rounding'

export interface MilestoneTaskFacts {
  estimateHours: number
  /** week the task became done, null when not done on asOf */
  doneWeek: number | null
}

export interface MilestoneContext {
  calendar: PlanCalendar
  /** the overall burndown (covers every milestone week) */
  burndown: BurndownPoint[]
  basis: 'hours' | 'tasks'
  asOfWeek: number
  lastCompletedWeek: number
  taskFacts: Map<string, MilestoneTaskFacts>
}

/**
 * The plan's milestones ("Week 2: backend refactoring 100%", "Week 3: 60% complete") as
 * points with a status. A milestone naming a task is met when the task is done by the end
 * of the week; a partial target on a task that is not done cannot be verified (evidence is
 * all-or-nothing), nor can a task milestone without a percentage. A plan-wide percentage
 * is met when done ≥ that share of the scope.
 */
export function milestoneProgress(milestones: Milestone[], context: MilestoneContext): MilestoneProgress[] {
  return milestones.map((milestone) => {
    const base = {
      week: milestone.week,
      weekEnding: context.calendar.week(milestone.week).end,
      label: milestone.label,
      percent: milestone.percent,
      taskKey: milestone.taskKey,
    }
    const weekPassed = milestone.week <= context.lastCompletedWeek
    if (milestone.taskKey !== null) {
      const task = context.taskFacts.get(milestone.taskKey)
      if (!task) return { ...base, targetDoneHours: null, targetRemainingHours: null, status: 'unverifiable' }
      // A milestone naming a task without a percentage ("Docs: audit complete") may be a
      // part of it: it is met once the task is done, but never called missed.
      const share = (milestone.percent ?? 100) / 100
      const wholeTask = milestone.percent !== null && milestone.percent >= 100
      const doneInTime = task.doneWeek !== null && task.doneWeek <= milestone.week
      const status = doneInTime ? 'met' : !weekPassed ? 'pending' : wholeTask ? 'missed' : 'unverifiable'
      return { ...base, targetDoneHours: round2(task.estimateHours * share), targetRemainingHours: null, status }
    }
    if (milestone.percent === null) {
      return { ...base, targetDoneHours: null, targetRemainingHours: null, status: 'unverifiable' }
    }
    const row = context.burndown[Math.max(0, Math.min(milestone.week, context.asOfWeek, context.burndown.length - 1))]
    const byHours = context.basis === 'hours'
    const scope = byHours ? row.scopeHours : row.scopeTasks
    const done = (byHours ? row.doneHours : row.doneTasks) ?? 0
    const target = (scope * milestone.percent) / 100
    const status = done >= target - 1e-9 ? 'met' : weekPassed ? 'missed' : 'pending'
    return {
      ...base,
      targetDoneHours: byHours ? round2(target) : null,
      targetRemainingHours: byHours ? round2(scope - target) : null,
      status,
    }
  })
}
