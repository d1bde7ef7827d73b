import type { CheckResult, Since, TaskEvidenceState } from '../../shared/check-model'

export interface TaskEvidenceSummary {
  state: TaskEvidenceState
  /** when the last check started holding (the task's done date); null unless done */
  doneAt: Since | null
  holding: number
  total: number
  /** checks that could not be evaluated (repo unavailable, unsafe path, ...) */
  unknown: number
  /** the working tree has evidence that differs from HEAD (never counts as done) */
  hasUncommitted: boolean
  /** per plan week: all checks held at the end of it (null: unknown) */
  weekDone: Array<boolean | null>
}

/**
 * Task state from its enabled checks' results: all hold -> done (dated by the last one to start
 * holding); some -> in progress; none -> not started; no checks -> needs confirmation by hand.
 * A task whose undecided checks could still make it done is unknown rather than not done.
 */
export function taskStateFromChecks(results: CheckResult[], opts: { weeks?: number } = {}): TaskEvidenceSummary {
  const total = results.length
  const holding = results.filter((r) => r.holdsNow === true).length
  const unknown = results.filter((r) => r.holdsNow === null).length
  const weeks = opts.weeks ?? Math.max(0, ...results.map((r) => r.weekStates.length))
  const weekDone = Array.from({ length: weeks }, (_, w) => {
    if (total === 0) return null
    const states = results.map((r) => r.weekStates[w] ?? null)
    return states.includes(false) ? false : states.includes(null) ? null : true
  })
  const hasUncommitted = results.some((r) => r.uncommitted !== null)
  const base = { holding, total, unknown, hasUncommitted, weekDone }
  if (total === 0) return { ...base, state: 'needs-confirmation', doneAt: null }
  if (holding === total) {
    const sinces = results.map((r) => r.since)
    const doneAt = sinces.every((s) => s !== null) ? sinces.reduce((a, b) => (a!.date >= b!.date ? a : b)) : null
    return { ...base, state: 'done', doneAt }
  }
  if (unknown > 0 && holding + unknown === total) return { ...base, state: 'unknown', doneAt: null }
  if (holding > 0) return { ...base, state: 'in-progress', doneAt: null }
  return { ...base, state: unknown > 0 ? 'unknown' : 'not-started', doneAt: null }
}
