import { checkRole, type TaskEvidenceState } from '../../shared/check-model'
import type { CheckRow } from '../../shared/contract/checks'
import { taskEvidenceAt, type TaskEvidenceSummary } from '../evidence/task-state'

/** A task's evidence as its stored checks say at a cutoff (null: now). */
export interface TaskVerdict {
  summary: TaskEvidenceSummary
  /** some enabled criterion was never evaluated (no sync since it was added): the task is undecided */
  unsynced: boolean
  state: TaskEvidenceState
  /** the day the task became done (null unless done and synced) */
  doneDay: string | null
  reason: 'no-criteria' | 'not-synced' | 'inconclusive' | 'partly-read' | null
}

/**
 * The one rule for a task's evidence state from its stored checks, shared by the task drawer, "why (not) done" and
 * the progress computation: the evidence engine's verdict, except that criteria never evaluated leave the task
 * undecided ("unknown", not-synced) rather than "not started". `partlyRead`: the unread parts of the task's criterion
 * sentences whose other parts became checks (partlyReadCriteriaOf).
 */
export function taskVerdict(rows: CheckRow[], cutoffMs: number | null, partlyRead = 0): TaskVerdict {
  const summary = taskEvidenceAt(
    rows.map((r) => ({ spec: { ...r.spec, origin: r.origin }, enabled: r.enabled, result: r.result })),
    cutoffMs,
    partlyRead,
  )
  const unsynced = rows.some((r) => r.enabled && r.result === null && checkRole(r.spec) === 'criterion')
  return {
    summary,
    unsynced,
    state: unsynced ? 'unknown' : summary.state,
    doneDay: unsynced ? null : (summary.doneAt?.day ?? null),
    reason: summary.reason === 'no-criteria' ? 'no-criteria' : unsynced ? 'not-synced' : summary.reason,
  }
}
