import { addDaysTo, dayStartMs, utcDay } from '../../shared/calendar'
import type { CheckResult, Evidence, Since } from '../../shared/check-model'
import { checkAt } from './as-of'
import { repoToPlanPath } from './paths'
import type { RepoCheckOutcome } from './repo-sync'

/** Turning replayed histories into what the UI shows: since, week states, and one result per check. */

/** exclusive end date of each plan week: week w covers [start + 7(w-1), start + 7w) */
export function planWeekEnds(planStart: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, i) => addDaysTo(planStart, 7 * (i + 1)))
}

/** 0 = before the plan start, 1..n = plan week, n+1 = after the last week (by the commit's UTC date) */
export function weekOf(isoDate: string, planStart: string, weekEnds: string[]): number {
  const day = utcDay(isoDate)
  if (day < planStart) return 0
  const index = weekEnds.findIndex((end) => day < end)
  return index < 0 ? weekEnds.length + 1 : index + 1
}

export interface Timeline {
  planStart: string
  weekEnds: string[]
  today: string | null
}

/** per week: its first day and its end instant (computed once per sync, not per check) */
const weekBounds = new WeakMap<string[], Array<{ start: string; endMs: number }>>()
function boundsOf(weekEnds: string[]): Array<{ start: string; endMs: number }> {
  let bounds = weekBounds.get(weekEnds)
  if (!bounds) {
    bounds = weekEnds.map((end) => ({ start: addDaysTo(end, -7), endMs: dayStartMs(end) }))
    weekBounds.set(weekEnds, bounds)
  }
  return bounds
}

export interface RepoOutcome {
  repoId: string
  prefix: string | null
  outcome: RepoCheckOutcome
}

function toEvidence(repo: RepoOutcome, items: RepoCheckOutcome['evidence']): Evidence[] {
  return items.map((e) => ({ ...e, path: repoToPlanPath(e.path, repo.prefix), repoId: repo.repoId }))
}

export function unresolvedResult(checkId: string, weeks: number, message: string): CheckResult {
  return {
    checkId,
    holdsNow: null,
    since: null,
    weekStates: Array(weeks).fill(null),
    evidence: [],
    uncommitted: null,
    repoId: null,
    message,
    histories: [],
    combine: 'any',
  }
}

/** value at the end of every plan week (null for weeks that have not started yet) */
function weekStatesOf(result: CheckResult, timeline: Timeline): Array<boolean | null> {
  return boundsOf(timeline.weekEnds).map(({ start, endMs }) => {
    if (timeline.today !== null && start > timeline.today) return null
    return checkAt(result, endMs).value
  })
}

/**
 * One result per check across the repos it maps into. `every`: the check must hold in all of them ("no
 * `console.log`"); `any`: the plan path resolves in the repo that has it.
 */
export function combineRepos(
  checkId: string,
  repos: RepoOutcome[],
  mode: 'every' | 'any',
  timeline: Timeline,
): CheckResult {
  const base: CheckResult = {
    checkId,
    holdsNow: null,
    since: null,
    weekStates: [],
    evidence: [],
    uncommitted: null,
    repoId: null,
    message: null,
    histories: repos.map((r) => ({ ...r.outcome.history, repoId: r.repoId })),
    combine: mode,
  }
  const now = checkAt(base, null)
  const shown = repos.find((r) => r.repoId === now.repoId) ?? repos[0]
  const evidenceRepos = mode === 'every' ? repos : [shown]
  const uncommittedParts = repos.filter((r) => r.outcome.uncommitted)
  const since: Since | null =
    now.value && now.since
      ? {
          ...now.since,
          week: now.sinceBeforePlan ? 0 : weekOf(now.since.date, timeline.planStart, timeline.weekEnds),
          atWindowStart: now.sinceAtWindowStart,
        }
      : null
  const result: CheckResult = {
    ...base,
    holdsNow: now.value,
    since,
    evidence: evidenceRepos.flatMap((r) => toEvidence(r, r.outcome.evidence)),
    uncommitted: uncommittedParts.length
      ? {
          holds:
            mode === 'every'
              ? repos.every((r) => r.outcome.uncommitted?.holds ?? r.outcome.history.flips.at(-1)?.value === true)
              : uncommittedParts.some((r) => r.outcome.uncommitted!.holds),
          evidence: uncommittedParts.flatMap((r) => toEvidence(r, r.outcome.uncommitted!.evidence)),
        }
      : null,
    repoId: shown.repoId,
    message:
      (mode === 'every' ? repos : [shown])
        .map((r) => r.outcome.message)
        .filter(Boolean)
        .join('; ') || null,
  }
  result.weekStates = weekStatesOf(result, timeline)
  return result
}
