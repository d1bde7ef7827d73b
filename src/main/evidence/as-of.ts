import { dayStartMs } from '../../shared/calendar'
import type { CheckHistory, CheckResult, CommitRef, Flip } from '../../shared/check-model'
import { allHold, anyHolds } from './fold'

/**
 * The past as it was. A check's value at a cutoff instant T is its value at the newest first-parent commit
 * whose committer date is before T (UTC, exclusive). Its run start is where the unbroken run of that value began.
 */

export interface ValueAt {
  /** null: unknown (before the replayed window, no history) */
  value: boolean | null
  /** the flip that started the run covering the cutoff */
  run: Flip | null
  /** the run started before the window (at or before the plan start) */
  beforeWindow: boolean
  /** the run started at the window start (before the plan, or at a shallow clone's boundary: maybe earlier) */
  atWindowStart: boolean
}

/**
 * index of the flip in force at the cutoff. The newest commit dated before the cutoff lies at or after flip k
 * exactly when some commit from flip k on is dated before it (minAt is the earliest date of each flip's span),
 * so the flip in force is the last k whose suffix minimum is before the cutoff.
 */
function flipIndexAt(flips: Flip[], cutoffMs: number | null): number {
  if (cutoffMs === null) return flips.length - 1
  let suffixMin = Infinity
  const mins = new Array<number>(flips.length)
  for (let i = flips.length - 1; i >= 0; i--) mins[i] = suffixMin = Math.min(suffixMin, flips[i].minAt)
  for (let k = flips.length - 1; k >= 0; k--) if (mins[k] < cutoffMs) return k
  return -1
}

export function valueAt(history: CheckHistory, cutoffMs: number | null): ValueAt {
  const { flips } = history
  if (flips.length === 0) return { value: null, run: null, beforeWindow: false, atWindowStart: false }
  const index = flipIndexAt(flips, cutoffMs)
  if (index < 0) return { value: null, run: null, beforeWindow: false, atWindowStart: false }
  const run = flips[index]
  const beforeWindow = run.commit === null && history.windowKind === 'base'
  const atBoundary =
    history.windowKind === 'shallow' && (run.commit === null || run.commit.sha === history.windowCommit?.sha)
  return { value: run.value, run, beforeWindow, atWindowStart: beforeWindow || atBoundary }
}

/** the commit a run started at (the window start commit for a run already there when the window opened) */
export function runStartCommit(history: CheckHistory, run: Flip): CommitRef | null {
  return run.commit ?? history.windowCommit
}

export interface CheckAt {
  value: boolean | null
  /** start of the unbroken true run covering the cutoff (null unless value is true) */
  since: CommitRef | null
  /** that run began before the plan start */
  sinceBeforePlan: boolean
  /** that run was already there at the window start (it may have begun earlier) */
  sinceAtWindowStart: boolean
  repoId: string | null
}

/** a check's value at the cutoff across the repos it maps into (`every`: all must hold; `any`: one) */
export function checkAt(result: CheckResult, cutoffMs: number | null): CheckAt {
  const perRepo = (result.histories ?? []).map((h) => ({ h, at: valueAt(h, cutoffMs) }))
  if (perRepo.length === 0)
    return { value: null, since: null, sinceBeforePlan: false, sinceAtWindowStart: false, repoId: null }
  const holding = perRepo.filter((r) => r.at.value === true)
  const failing = perRepo.filter((r) => r.at.value === false)
  const unknown = perRepo.filter((r) => r.at.value === null)
  const values = perRepo.map((r) => r.at.value)
  const value = result.combine === 'every' ? allHold(values) : anyHolds(values)
  if (value !== true) {
    const shown = (failing[0] ?? unknown[0] ?? perRepo[0]).h
    return { value, since: null, sinceBeforePlan: false, sinceAtWindowStart: false, repoId: shown.repoId }
  }
  // every: the run of the conjunction starts at the latest start; any: at the earliest holding start
  const starts = holding.map((r) => ({
    commit: runStartCommit(r.h, r.at.run!),
    before: r.at.beforeWindow,
    atStart: r.at.atWindowStart,
    repoId: r.h.repoId,
  }))
  const ms = (c: CommitRef | null) => (c ? Date.parse(c.date) : -Infinity)
  const pick = starts.reduce((a, b) =>
    result.combine === 'every' ? (ms(b.commit) > ms(a.commit) ? b : a) : ms(b.commit) < ms(a.commit) ? b : a,
  )
  const all = result.combine === 'every'
  return {
    value,
    since: pick.commit,
    sinceBeforePlan: all ? starts.every((s) => s.before) : pick.before,
    sinceAtWindowStart: all ? starts.every((s) => s.atStart) : pick.atStart,
    repoId: pick.repoId,
  }
}

/** the cutoff instant of an as-of date: its UTC midnight; null when the date is today or later (everything counts) */
export function cutoffOf(asOf: string | undefined | null, today: string): number | null {
  if (!asOf) return null
  const day = asOf.slice(0, 10)
  return day >= today ? null : dayStartMs(day)
}
