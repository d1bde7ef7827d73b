import { addDays } from 'date-fns/addDays'
import { format } from 'date-fns/format'
import { parseISO } from 'date-fns/parseISO'
import type { CheckResult, Evidence, Since } from '../../shared/check-model'
import { commitDay } from './history'
import type { RepoCheckOutcome } from './repo-sync'

/** Turning replayed transitions into what the UI shows: since, week states, and one result per check. */

/** exclusive end date of each plan week: week w covers [start + 7(w-1), start + 7w) */
export function planWeekEnds(planStart: string, weeks: number): string[] {
  const start = parseISO(planStart)
  return Array.from({ length: weeks }, (_, i) => format(addDays(start, 7 * (i + 1)), 'yyyy-MM-dd'))
}

/** 0 = before the plan start, 1..n = plan week, n+1 = after the last week */
export function weekOf(isoDate: string, planStart: string, weekEnds: string[]): number {
  const day = commitDay(isoDate)
  if (day < planStart) return 0
  const index = weekEnds.findIndex((end) => day < end)
  return index < 0 ? weekEnds.length + 1 : index + 1
}

function weekStartOf(weekEnd: string): string {
  return format(addDays(parseISO(weekEnd), -7), 'yyyy-MM-dd')
}

export interface Timeline {
  planStart: string
  weekEnds: string[]
  today: string | null
}

export function sinceOf(outcome: RepoCheckOutcome, timeline: Timeline): Since | null {
  const { transitions, windowStart } = outcome
  const last = transitions[transitions.length - 1]
  if (!last?.value) return null
  const commit = last.commit ?? windowStart.commit
  if (!commit) return null
  const atWindowStart = last.commit === null || (windowStart.kind === 'shallow' && commit.sha === windowStart.commit?.sha)
  return { ...commit, week: weekOf(commit.date, timeline.planStart, timeline.weekEnds), atWindowStart }
}

export function weekStatesOf(outcome: RepoCheckOutcome, timeline: Timeline): Array<boolean | null> {
  const { transitions, windowStart } = outcome
  return timeline.weekEnds.map((end) => {
    if (timeline.today !== null && weekStartOf(end) > timeline.today) return null
    // before the first commit of a young repo or a shallow clone's boundary: unknown
    if (windowStart.kind !== 'base' && (!windowStart.commit || commitDay(windowStart.commit.date) >= end)) return null
    let value: boolean | null = null
    let latestDay = ''
    for (const t of transitions) {
      const day = t.commit ? commitDay(t.commit.date) : ''
      latestDay = day > latestDay ? day : latestDay // first-parent dates can go backwards: clamp
      if (latestDay >= end && t.commit !== null) break
      value = t.value
    }
    return value
  })
}

export interface RepoOutcome {
  repoId: string
  prefix: string | null
  outcome: RepoCheckOutcome
}

function toEvidence(repo: RepoOutcome, items: RepoCheckOutcome['evidence']): Evidence[] {
  const prefix = repo.prefix ? (repo.prefix.endsWith('/') ? repo.prefix : `${repo.prefix}/`) : ''
  return items.map((e) => ({ ...e, path: prefix + e.path, repoId: repo.repoId }))
}

function resultFor(checkId: string, repo: RepoOutcome, timeline: Timeline): CheckResult {
  const { outcome } = repo
  return {
    checkId,
    holdsNow: outcome.transitions[outcome.transitions.length - 1]?.value ?? null,
    since: sinceOf(outcome, timeline),
    weekStates: weekStatesOf(outcome, timeline),
    evidence: toEvidence(repo, outcome.evidence),
    uncommitted: outcome.uncommitted ? { holds: outcome.uncommitted.holds, evidence: toEvidence(repo, outcome.uncommitted.evidence) } : null,
    repoId: repo.repoId,
    message: outcome.message,
  }
}

export function unresolvedResult(checkId: string, weeks: number, message: string): CheckResult {
  return { checkId, holdsNow: null, since: null, weekStates: Array(weeks).fill(null), evidence: [], uncommitted: null, repoId: null, message }
}

/**
 * One result per check across the repos it maps into. `every`: the check must hold in all of them
 * ("no `console.log`"); otherwise the plan path resolves in the repo that has it.
 */
export function combineRepos(checkId: string, repos: RepoOutcome[], mode: 'every' | 'resolve', timeline: Timeline): CheckResult {
  const results = repos.map((r) => resultFor(checkId, r, timeline))
  if (results.length === 1) return results[0]
  if (mode === 'resolve') {
    return results.find((r) => r.holdsNow === true) ?? results.find((r) => r.evidence.some((e) => e.count > 0)) ?? results[0]
  }
  const holdsNow = results.some((r) => r.holdsNow === false) ? false : results.some((r) => r.holdsNow === null) ? null : true
  const sinces = results.map((r) => r.since)
  const since = holdsNow && sinces.every((s) => s !== null) ? sinces.reduce((a, b) => (a!.date >= b!.date ? a : b)) : null
  const weekStates = timeline.weekEnds.map((_, w) => {
    const states = results.map((r) => r.weekStates[w])
    return states.includes(false) ? false : states.includes(null) ? null : true
  })
  const uncommittedParts = results.filter((r) => r.uncommitted)
  return {
    checkId,
    holdsNow,
    since,
    weekStates,
    evidence: results.flatMap((r) => r.evidence),
    uncommitted: uncommittedParts.length
      ? { holds: results.every((r) => r.uncommitted?.holds ?? r.holdsNow === true), evidence: uncommittedParts.flatMap((r) => r.uncommitted!.evidence) }
      : null,
    repoId: results.find((r) => r.holdsNow === false)?.repoId ?? results[0].repoId,
    message: results.map((r) => r.message).filter(Boolean).join('; ') || null,
  }
}
