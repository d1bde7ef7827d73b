import type { CheckRow } from '../../shared/contract/checks'
import type { EvidenceItem, ProgressInput, TaskEvidence } from '../../shared/progress-model'
import type { AppDatabase } from '../db/client'
import { checkRowsForTasks } from '../db/check-store'
import { baselineRefOf, chooseBaseline } from '../db/baseline-store'
import { readVersionPlan, scopeChangesOf } from '../db/plan-store'
import { latestManualStatuses } from '../db/task-store'
import { localIsoDate, utcDay } from '../../shared/calendar'
import { cutoffOf } from '../evidence/as-of'
import { loadPlanContext } from './plan-context'
import { partlyReadCriteriaOf } from './criteria-lint'
import { taskVerdict } from './task-evidence'

/**
 * Evidence of a task as it stood at the cutoff instant (null: now), from its checks' stored histories; null when
 * it has criteria that were never synced against a repo. `partlyRead`: see taskVerdict.
 */
export function taskEvidenceOf(rows: CheckRow[], cutoffMs: number | null = null, partlyRead = 0): TaskEvidence | null {
  const { summary, unsynced } = taskVerdict(rows, cutoffMs, partlyRead)
  if (unsynced) return null
  const items: EvidenceItem[] = rows.flatMap((row, i) => {
    if (!row.enabled) return []
    const result = row.result
    const at = summary.values[i]
    const holds = at?.value === true
    if (!result) return [{ checkSentence: row.spec.sentence, holds: false }]
    const since =
      holds && at?.since ? { sha: at.since.sha, date: utcDay(at.since.date), subject: at.since.subject } : undefined
    if (result.evidence.length === 0 || cutoffMs !== null) {
      const item: EvidenceItem = { checkSentence: row.spec.sentence, holds }
      if (since) item.commit = since
      const repoId = at?.repoId ?? result.repoId
      if (repoId !== null) item.repoId = repoId
      // a past cutoff: HEAD's file:line evidence may not have existed then; the path stays, dated by the run
      const path = result.evidence[0]?.path
      if (cutoffMs !== null && path && holds) item.path = path
      return [item]
    }
    return result.evidence.map((e) => ({
      checkSentence: row.spec.sentence,
      holds,
      repoId: e.repoId,
      path: e.path,
      lines: e.lines.length > 0 ? e.lines.join(',') : undefined,
      commit:
        since ?? (e.commit ? { sha: e.commit.sha, date: utcDay(e.commit.date), subject: e.commit.subject } : undefined),
    }))
  })
  return { state: summary.state, doneAt: summary.doneAt?.day ?? null, items }
}

/** Gathers a stored plan's baseline, current tasks with their evidence and manual status, scope log and calendar. */
export function buildProgressInput(
  db: AppDatabase,
  planId: number,
  asOf: string | undefined,
  now: Date,
  baselineId?: number,
): ProgressInput {
  const context = loadPlanContext(db, planId)
  const ids = context.taskRows.map((t) => t.id)
  const checksByTask = checkRowsForTasks(db, ids)
  const manual = latestManualStatuses(db, ids)
  const cutoff = cutoffOf(asOf, localIsoDate(now))
  const byKey = new Map(context.current.tasks.map((t) => [t.key, t]))
  const partlyRead = partlyReadCriteriaOf(context.current)
  const tasks = context.taskRows.map((row) => {
    const parsed = byKey.get(row.key)
    return {
      key: row.key,
      title: row.title,
      phase: row.phaseIdx,
      estimateHours: row.estimateHours,
      estimateDerived: row.estimateDerived,
      weekStart: row.weekStart,
      weekEnd: row.weekEnd,
      dayStart: row.dayStart ?? parsed?.dayStart ?? null,
      dayEnd: row.dayEnd ?? parsed?.dayEnd ?? null,
      claimedDone: row.claimedDone,
      evidence: taskEvidenceOf(checksByTask.get(row.id) ?? [], cutoff, partlyRead.get(row.key) ?? 0),
      manual: manual.get(row.id) ?? null,
    }
  })
  const changes = scopeChangesOf(db, planId)
  const baselines = chooseBaseline(db, planId, baselineId)
  const planOfVersion = (versionId: number) =>
    versionId === context.baselineVersionId
      ? context.baseline
      : versionId === context.currentVersionId
        ? context.current
        : readVersionPlan(db, versionId)
  const baseline = baselines ? planOfVersion(baselines.chosen.versionId) : context.baseline
  const overlayOriginal = baselines !== null && baselines.chosen.id !== baselines.original.id
  return {
    baseline,
    ...(baselines ? { baselineRef: baselineRefOf(baselines.chosen) } : {}),
    ...(overlayOriginal ? { originalBaseline: planOfVersion(baselines.original.versionId) } : {}),
    current: context.current,
    tasks,
    scopeChanges: changes,
    calendar: context.calendarInput,
    asOf: asOf ?? localIsoDate(now),
  }
}
