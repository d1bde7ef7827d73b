import { checkRole } from '../../shared/check-model'
import type { TaskExplanation } from '../../shared/contract/evidence'
import type { AppDatabase } from '../db/client'
import { checkRowsForTasks } from '../db/check-store'
import { requireLiveTask } from '../db/task-store'
import { checkAt, cutoffOf } from '../evidence/as-of'
import { explainHistory, historyLine } from '../evidence/explain'
import type { Task, TextLine } from '../../shared/plan-model'
import { localIsoDate } from '../../shared/calendar'
import { loadPlanContext } from './plan-context'
import { partlyReadCriteriaOf } from './criteria-lint'
import { taskVerdict } from './task-evidence'

/**
 * "Why (not) done" for one task as of a date: each check with the criterion sentence it came from, its value at
 * the cutoff and its true/false runs with the commits that flipped them.
 */
export function explainTask(
  db: AppDatabase,
  planId: number,
  taskKey: string,
  asOf: string | undefined,
  now: Date,
  /** the task's criterion sentences no phrasing of the criteria language reads */
  notCheckableOf: (task: Task) => TextLine[],
): TaskExplanation {
  const row = requireLiveTask(db, planId, taskKey)
  const cutoff = cutoffOf(asOf, localIsoDate(now))
  const rows = checkRowsForTasks(db, [row.id]).get(row.id) ?? []
  const current = loadPlanContext(db, planId).current
  const verdict = taskVerdict(rows, cutoff, partlyReadCriteriaOf(current).get(taskKey) ?? 0)
  const summary = verdict.summary
  const parsed = current.tasks.find((t) => t.key === taskKey)
  return {
    planId,
    taskId: row.id,
    taskKey,
    title: row.title,
    asOf: cutoff === null ? null : (asOf ?? null),
    state: verdict.state,
    doneAt: verdict.doneDay,
    doneBeforePlan: summary.doneAt?.beforePlan ?? false,
    reason: verdict.reason,
    checks: rows.map((r, i) => {
      const at = summary.values[i]
      const repos = (r.result?.histories ?? []).map((h) => {
        const runs = explainHistory(r.spec, h)
        return { repoId: h.repoId, runs, line: historyLine(runs) }
      })
      return {
        checkId: r.id,
        sentence: r.spec.sentence,
        source: r.spec.source ?? null,
        sourceLine: r.spec.sourceLine,
        role: checkRole(r.spec),
        origin: r.origin,
        enabled: r.enabled,
        holds: at?.value ?? null,
        since: at?.value && at.since ? at.since : null,
        sinceBeforePlan: at?.sinceBeforePlan ?? false,
        repos,
        message: r.result?.message ?? null,
      }
    }),
    notCheckable: parsed ? notCheckableOf(parsed) : [],
  }
}

const MAX_RUNS_SHOWN = 6

/**
 * The report's "why (not) done" appendix: every enabled criterion check that changed value over history, with its
 * runs and the flipping commits (the latest few when there are many), and its value at the report's cutoff.
 */
export function checkHistoriesOf(
  db: AppDatabase,
  planId: number,
  asOf: string | undefined,
  now: Date,
): Array<{ taskKey: string; check: string; holds: boolean | null; history: string }> {
  const cutoff = cutoffOf(asOf, localIsoDate(now))
  const taskRows = loadPlanContext(db, planId).taskRows
  const byTask = checkRowsForTasks(
    db,
    taskRows.map((t) => t.id),
  )
  const out: Array<{ taskKey: string; check: string; holds: boolean | null; history: string }> = []
  for (const task of taskRows) {
    for (const row of byTask.get(task.id) ?? []) {
      if (!row.enabled || checkRole(row.spec) !== 'criterion' || !row.result) continue
      const at = checkAt(row.result, cutoff)
      for (const h of row.result.histories ?? []) {
        if (h.flips.length < 2) continue
        const runs = explainHistory(row.spec, h)
        const shown = runs.length > MAX_RUNS_SHOWN ? [...runs.slice(-MAX_RUNS_SHOWN)] : runs
        out.push({
          taskKey: task.key,
          check: row.spec.sentence,
          holds: at.value,
          history: `${runs.length > MAX_RUNS_SHOWN ? '… · ' : ''}${historyLine(shown)}`,
        })
      }
    }
  }
  return out
}
