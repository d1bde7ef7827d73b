import {
  checkRole,
  type CheckResult,
  type CheckSpec,
  type CommitRef,
  type TaskEvidenceState,
} from '../../shared/check-model'
import { utcDay } from '../../shared/calendar'
import { checkAt, type CheckAt } from './as-of'
import { allHold } from './fold'

export interface TaskCheckInput {
  spec: CheckSpec
  enabled: boolean
  /** null: never evaluated (not synced since it was added) */
  result: CheckResult | null
}

export interface TaskEvidenceSummary {
  state: TaskEvidenceState
  /** start of the task's done run: the latest start across its criteria of the true run covering the cutoff */
  doneAt: { commit: CommitRef; day: string; beforePlan: boolean } | null
  /**
   * why it is not decided: no criterion check at all, some criterion could not be evaluated, or every check holds
   * but part of a criterion sentence they come from could not be read
   */
  reason: 'no-criteria' | 'inconclusive' | 'partly-read' | null
  /** criterion checks holding / in all / undecided */
  holding: number
  total: number
  unknown: number
  /** the working tree has evidence that differs from HEAD (never counts as done) */
  hasUncommitted: boolean
  /** every enabled check's value at the cutoff, in input order (null for disabled ones) */
  values: Array<CheckAt | null>
}

/**
 * A task's evidence state at a cutoff (null: now). Done only when every enabled criterion check holds, dated by
 * the latest start of their true runs; "changed after the plan start" checks can only show it in progress;
 * supporting checks (tool mentions) never decide. No criterion check: needs confirmation. `partlyRead` counts
 * the unread parts of criterion sentences whose other parts became checks: those checks stand for only part of the
 * sentence's claim, so while any such part is left the task needs confirmation instead of done, until the lead adds a
 * criterion check of their own (or confirms by hand).
 */
export function taskEvidenceAt(checks: TaskCheckInput[], cutoffMs: number | null, partlyRead = 0): TaskEvidenceSummary {
  const values = checks.map((c) => (c.enabled && c.result ? checkAt(c.result, cutoffMs) : null))
  const enabled = checks.map((c, i) => ({ ...c, at: values[i] })).filter((c) => c.enabled)
  const criteria = enabled.filter((c) => checkRole(c.spec) === 'criterion')
  const progressing = enabled.some((c) => checkRole(c.spec) === 'progress' && c.at?.value === true)
  const holding = criteria.filter((c) => c.at?.value === true)
  const failing = criteria.filter((c) => c.at?.value === false)
  const unknown = criteria.length - holding.length - failing.length
  const hasUncommitted = enabled.some((c) => c.result?.uncommitted)
  const base = { holding: holding.length, total: criteria.length, unknown, hasUncommitted, values }
  if (criteria.length === 0)
    return { ...base, state: progressing ? 'in-progress' : 'needs-confirmation', doneAt: null, reason: 'no-criteria' }
  const verdict = allHold(criteria.map((c) => c.at?.value ?? null))
  const leadChecked = criteria.some((c) => c.spec.origin === 'user')
  if (verdict === true && partlyRead > 0 && !leadChecked)
    return { ...base, state: 'needs-confirmation', doneAt: null, reason: 'partly-read' }
  if (verdict === true) {
    const starts = holding
      .map((c) => ({ commit: c.at!.since, before: c.at!.sinceBeforePlan }))
      .filter((s) => s.commit !== null)
    if (starts.length < holding.length) return { ...base, state: 'done', doneAt: null, reason: null }
    const latest = starts.reduce((a, b) => (Date.parse(b.commit!.date) > Date.parse(a.commit!.date) ? b : a))
    return {
      ...base,
      state: 'done',
      doneAt: { commit: latest.commit!, day: utcDay(latest.commit!.date), beforePlan: starts.every((s) => s.before) },
      reason: null,
    }
  }
  if (verdict === null) return { ...base, state: 'unknown', doneAt: null, reason: 'inconclusive' }
  if (holding.length > 0 || progressing) return { ...base, state: 'in-progress', doneAt: null, reason: null }
  return { ...base, state: 'not-started', doneAt: null, reason: null }
}

/** the task's state now, from its checks' results (as the UI and the sync summary show it) */
export function taskStateFromChecks(results: CheckResult[], specs?: CheckSpec[]): TaskEvidenceSummary {
  return taskEvidenceAt(
    results.map((result, i) => ({
      spec:
        specs?.[i] ??
        ({ kind: 'file-exists', path: '', sentence: '', sourceLine: null, origin: 'user', enabled: true } as CheckSpec),
      enabled: true,
      result,
    })),
    null,
  )
}
