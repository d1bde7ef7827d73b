import type { CheckHistory, CheckSpec, CommitRef } from '../../shared/check-model'
import { utcDay } from '../../shared/calendar'

/** "Why (not) done": a check's history as runs of true/false, each with the commit that started it. */

export interface ExplainedRun {
  value: boolean
  /** the commit that flipped the value (null: the value at the window start) */
  start: CommitRef | null
  /** the window start commit, for a run already there when the window opened */
  startCommit: CommitRef | null
  beforePlan: boolean
  /** the commit that ended the run (null: still running at HEAD) */
  end: CommitRef | null
  /** "created 25 Nov 2023 a1b2c3d" */
  label: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function shortDay(isoDate: string): string {
  const day = utcDay(isoDate)
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`
}

/** the words for a check turning true / false */
function verbs(spec: CheckSpec): [string, string] {
  switch (spec.kind) {
    case 'file-exists':
    case 'path-match':
      return ['created', 'deleted']
    case 'file-absent':
      return ['deleted', 'created']
    case 'file-changed':
      return ['changed', 'not changed']
    case 'package':
      return spec.present ? ['added', 'removed'] : ['removed', 'added']
    case 'dependency':
      return ['added', 'removed']
    case 'file-contains':
    case 'text-present':
      return ['added', 'removed']
    case 'file-lacks':
    case 'text-absent':
      return ['cleared', 'reintroduced']
    default:
      return ['holds', 'broken']
  }
}

export function explainHistory(spec: CheckSpec, history: CheckHistory): ExplainedRun[] {
  const [on, off] = verbs(spec)
  return history.flips.map((flip, i) => {
    const next = history.flips[i + 1]
    const beforePlan = flip.commit === null && history.windowKind === 'base'
    const startCommit = flip.commit ?? history.windowCommit
    const at = startCommit ? `${shortDay(startCommit.date)} ${startCommit.sha.slice(0, 7)}` : ''
    let label: string
    if (flip.commit === null) {
      const when = beforePlan ? 'before the plan start' : 'at the first commit'
      label = `${flip.value ? 'holds' : 'does not hold'} ${when}${at ? ` (${at})` : ''}`
    } else label = `${flip.value ? on : off} ${at}`
    return { value: flip.value, start: flip.commit, startCommit, beforePlan, end: next?.commit ?? null, label }
  })
}

/** one line: "created 25 Nov 2023 a1b2c3d · deleted 26 Nov 2023 d4e5f6a" */
export function historyLine(runs: ExplainedRun[]): string {
  const shown = runs.filter((r, i) => i > 0 || r.value || runs.length === 1)
  return shown.map((r) => r.label).join(' · ')
}
