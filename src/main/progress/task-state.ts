import type { TaskEvidenceState } from '../../shared/check-model'
import type { EvidenceItem, ProgressTaskInput, StateSource, TaskState } from '../../shared/progress-model'
import { calendarDate } from '../../shared/calendar'

export interface ResolvedTaskState {
  state: TaskState
  source: StateSource
  /** ISO date the task counts as done (null unless state = done) */
  doneAt: string | null
  /** the evidence's verdict as it stood on asOf (null: no evidence) */
  evidenceState: TaskEvidenceState | null
  disagreement: boolean
  /** evidence items known on asOf (items from later commits are dropped) */
  evidenceItems: EvidenceItem[]
}

/**
 * Merges git evidence, a manual status and the plan's claim into one state, as it stood
 * at the end of `asOf`:
 * - a manual status set on or before asOf overrides; it is flagged as a disagreement when
 *   it says done and the evidence says not done, or the reverse;
 * - otherwise the evidence decides when it knows (state ≠ unknown);
 * - otherwise a plan claim is shown as a claim (state unknown, source claim), never as done.
 * "needs-confirmation" and "blocked" never count as done.
 */
export function resolveTaskState(task: ProgressTaskInput, asOf: string): ResolvedTaskState {
  const asOfDate = calendarDate(asOf)
  const evidenceItems = (task.evidence?.items ?? []).filter(
    (item) => !item.commit || calendarDate(item.commit.date) <= asOfDate,
  )
  const evidence = evidenceAsOf(task, asOfDate)
  const manual = task.manual && calendarDate(task.manual.date) <= asOfDate ? task.manual : null

  if (manual) {
    const evidenceKnows = evidence !== null && evidence.state !== 'unknown' && evidence.state !== 'needs-confirmation'
    const evidenceSaysDone = evidence?.state === 'done'
    const manualSaysDone = manual.status === 'done'
    return {
      state: manualSaysDone ? 'done' : manual.status === 'blocked' ? 'blocked' : notDoneState(evidence?.state),
      source: 'manual',
      doneAt: manualSaysDone ? manualDoneAt(manual.date, evidence) : null,
      evidenceState: evidence?.state ?? null,
      disagreement: evidenceKnows && evidenceSaysDone !== manualSaysDone,
      evidenceItems,
    }
  }

  if (evidence && evidence.state !== 'unknown') {
    return {
      state: evidence.state,
      source: 'evidence',
      doneAt: evidence.doneAt,
      evidenceState: evidence.state,
      disagreement: false,
      evidenceItems,
    }
  }

  return {
    state: 'unknown',
    source: task.claimedDone ? 'claim' : 'none',
    doneAt: null,
    evidenceState: evidence?.state ?? null,
    disagreement: false,
    evidenceItems,
  }
}

interface EvidenceVerdict {
  state: TaskEvidenceState
  doneAt: string | null
}

/**
 * The evidence verdict as it stood on asOf. Evidence is computed from today's repository,
 * so work finished after asOf was not done then: it was in progress when some dated
 * holding item predates asOf, else not started.
 */
function evidenceAsOf(task: ProgressTaskInput, asOfDate: string): EvidenceVerdict | null {
  const evidence = task.evidence
  if (!evidence) return null
  const holding = evidence.items.filter((item) => item.holds)
  const datedHolding = holding.filter((item) => item.commit)
  const heldBeforeAsOf = datedHolding.some((item) => calendarDate(item.commit!.date) <= asOfDate)

  if (evidence.state === 'done') {
    const doneAt = evidence.doneAt ? calendarDate(evidence.doneAt) : latestCommitDate(datedHolding)
    // Done with no date anywhere: it is known done on asOf, so it counts from then.
    if (doneAt === null) return { state: 'done', doneAt: asOfDate }
    if (doneAt <= asOfDate) return { state: 'done', doneAt }
    return { state: heldBeforeAsOf ? 'in-progress' : 'not-started', doneAt: null }
  }
  const allHoldingAfterAsOf = holding.length > 0 && holding.length === datedHolding.length && !heldBeforeAsOf
  if ((evidence.state === 'in-progress' || evidence.state === 'needs-confirmation') && allHoldingAfterAsOf) {
    return { state: 'not-started', doneAt: null }
  }
  return { state: evidence.state, doneAt: null }
}

function latestCommitDate(items: EvidenceItem[]): string | null {
  let latest: string | null = null
  for (const item of items) {
    const date = calendarDate(item.commit!.date)
    if (latest === null || date > latest) latest = date
  }
  return latest
}

/** When git already shows the work done earlier, a later manual "done" keeps git's date. */
function manualDoneAt(manualDate: string, evidence: EvidenceVerdict | null): string {
  const manualDay = calendarDate(manualDate)
  if (evidence?.state === 'done' && evidence.doneAt && evidence.doneAt < manualDay) return evidence.doneAt
  return manualDay
}

function notDoneState(evidenceState: TaskEvidenceState | undefined): TaskState {
  return evidenceState === 'in-progress' ? 'in-progress' : 'not-started'
}
