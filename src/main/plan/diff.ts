import type { ParsedPlan, Task } from '../../shared/plan-model'
import { bounded, tokenize } from './text'

/**
 * Re-import: maps the previous version's items to the new version's so statuses, notes and
 * user checks carry over, and lists what was added, removed or re-estimated.
 */
export type PlanDiff = {
  mapping: Array<{ previousKey: string; nextKey: string; how: 'same-key' | 'renumbered' | 'retitled' | 'moved' }>
  added: Array<{ key: string; title: string; estimateHours: number | null; weekStart: number | null }>
  removed: Array<{ key: string; title: string; estimateHours: number | null; weekStart: number | null }>
  reestimated: Array<{ previousKey: string; nextKey: string; title: string; from: number | null; to: number | null }>
}

type How = PlanDiff['mapping'][number]['how']

const SCHEDULE_PREFIX =
  /^(?:(?:hours?|days?|weeks?)\s+\d{1,3}(?:\s*(?:-|–|—|to)\s*\d{1,3})?(?:\s+focus)?)\s*[:.–—-]?\s*/i

export function normalizedTitle(title: string): string {
  return bounded(title, 400)
    .replace(SCHEDULE_PREFIX, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function similarity(a: Task, b: Task): number {
  const left = new Set(tokenize(a.title))
  const right = new Set(tokenize(b.title))
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const token of left) if (right.has(token)) shared++
  return shared / (left.size + right.size - shared)
}

function phaseName(plan: ParsedPlan, task: Task): string {
  return task.phase === null ? '' : normalizedTitle(plan.phases[task.phase]?.title ?? '').replace(/^phase \d+ /, '')
}

export function diffPlans(previous: ParsedPlan, next: ParsedPlan): PlanDiff {
  const { mapping, unmatchedPrevious, unmatchedNext } = matchTasks(previous, next)
  const summary = (task: Task) => ({
    key: task.key,
    title: task.title,
    estimateHours: task.estimateHours,
    weekStart: task.weekStart,
  })
  return {
    mapping,
    added: [...unmatchedNext].sort((a, b) => a - b).map((index) => summary(next.tasks[index])),
    removed: [...unmatchedPrevious].sort((a, b) => a - b).map((index) => summary(previous.tasks[index])),
    reestimated: reestimatedTasks(previous, next, mapping),
  }
}

/** links each previous item to at most one new item, strongest kinds of match first */
function matchTasks(previous: ParsedPlan, next: ParsedPlan) {
  const mapping: PlanDiff['mapping'] = []
  const unmatchedPrevious = new Set(previous.tasks.map((_, index) => index))
  const unmatchedNext = new Set(next.tasks.map((_, index) => index))
  const samePhase = (p: Task, n: Task): boolean =>
    phaseName(previous, p) === phaseName(next, n) ||
    (p.phase !== null && p.phase === n.phase && p.weekStart === n.weekStart)
  const link = (p: number, n: number, how: How): void => {
    mapping.push({ previousKey: previous.tasks[p].key, nextKey: next.tasks[n].key, how })
    unmatchedPrevious.delete(p)
    unmatchedNext.delete(n)
  }
  const pass = (accept: (p: Task, n: Task) => How | null, scoreOf: (p: Task, n: Task) => number = () => 1): void => {
    for (const p of [...unmatchedPrevious]) {
      let best: { n: number; how: How; score: number } | null = null
      for (const n of unmatchedNext) {
        const how = accept(previous.tasks[p], next.tasks[n])
        if (!how) continue
        const score = scoreOf(previous.tasks[p], next.tasks[n])
        if (!best || score > best.score) best = { n, how, score }
      }
      if (best) link(p, best.n, best.how)
    }
  }
  const nextByKey = new Map(next.tasks.map((task, index) => [task.key, index]))
  const sameKey = (accept: (p: Task, n: Task) => boolean, how: How): void => {
    for (const p of [...unmatchedPrevious]) {
      const n = nextByKey.get(previous.tasks[p].key)
      if (n !== undefined && unmatchedNext.has(n) && accept(previous.tasks[p], next.tasks[n])) link(p, n, how)
    }
  }
  // 1. Same key, same title.
  sameKey((p, n) => normalizedTitle(p.title) === normalizedTitle(n.title), 'same-key')
  // 2. Same title under another key: renumbered within its phase, else moved.
  pass((p, n) =>
    normalizedTitle(p.title) === normalizedTitle(n.title) ? (samePhase(p, n) ? 'renumbered' : 'moved') : null,
  )
  // 3. Same key, title reworded (still recognisably the same item).
  sameKey((p, n) => similarity(p, n) >= 0.2, 'retitled')
  // 4. Similar title elsewhere: retitled in the same phase, moved otherwise.
  pass((p, n) => (similarity(p, n) >= 0.5 ? (samePhase(p, n) ? 'retitled' : 'moved') : null), similarity)
  return { mapping, unmatchedPrevious, unmatchedNext }
}

function reestimatedTasks(
  previous: ParsedPlan,
  next: ParsedPlan,
  mapping: PlanDiff['mapping'],
): PlanDiff['reestimated'] {
  const previousByKey = new Map(previous.tasks.map((task) => [task.key, task]))
  const nextByKey = new Map(next.tasks.map((task) => [task.key, task]))
  const reestimated: PlanDiff['reestimated'] = []
  for (const entry of mapping) {
    const before = previousByKey.get(entry.previousKey) as Task
    const after = nextByKey.get(entry.nextKey) as Task
    if (before.estimateHours === after.estimateHours) continue
    reestimated.push({
      previousKey: entry.previousKey,
      nextKey: entry.nextKey,
      title: after.title,
      from: before.estimateHours,
      to: after.estimateHours,
    })
  }
  return reestimated
}
