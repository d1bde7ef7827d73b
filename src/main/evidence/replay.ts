import type { CommitRef } from '../../shared/check-model'
import type { CheckState, CompiledCheck } from './compile'
import { skippedFinding, type FileEvaluator, type FileFinding } from './file-eval'
import { commitDay, throwIfAborted, type Change, type LoggedCommit, type TreeEntry } from './history'

/**
 * History replay: start from the tree at the window start, apply each first-parent commit's changes,
 * and re-decide only the checks whose paths a commit touched. Pure and synchronous: every file
 * finding it needs was resolved beforehand (see findings.ts).
 */

export interface Transition {
  /** the commit after which the value holds (null: the window start, before any replayed commit) */
  commit: CommitRef | null
  value: boolean
}

export interface ReplayedCheck {
  state: CheckState
  transitions: Transition[]
  /** last replayed commit that changed each matched path (for evidence) */
  lastTouched: Map<string, CommitRef>
}

export const SYMLINK_MODE = '120000'
export const GITLINK_MODE = '160000'

export interface FindingLookup {
  get(evaluator: FileEvaluator, oid: string): FileFinding | undefined
}

/** which checks each path concerns; exact paths are indexed, patterns tested once per distinct path */
export class ScopeIndex {
  private readonly exact = new Map<string, CompiledCheck[]>()
  private readonly patterned: CompiledCheck[] = []
  private readonly memo = new Map<string, CompiledCheck[]>()

  constructor(checks: CompiledCheck[]) {
    for (const check of checks) {
      if (check.exactPaths) for (const p of check.exactPaths) this.exact.set(p, [...(this.exact.get(p) ?? []), check])
      else this.patterned.push(check)
    }
  }

  checksFor(path: string): CompiledCheck[] {
    let found = this.memo.get(path)
    if (!found) {
      found = [...(this.exact.get(path) ?? []), ...this.patterned.filter((c) => c.matches(path))]
      this.memo.set(path, found)
    }
    return found
  }

  inScope(path: string): boolean {
    return this.checksFor(path).length > 0
  }
}

export function findingFor(check: CompiledCheck, path: string, oid: string, mode: string, lookup: FindingLookup): FileFinding {
  const evaluator = check.evaluatorFor(path)
  if (!evaluator) return { count: 1, lines: [] }
  if (mode === SYMLINK_MODE) return skippedFinding('symlink')
  if (mode === GITLINK_MODE) return skippedFinding('submodule')
  return lookup.get(evaluator, oid) ?? skippedFinding('missing')
}

function applyEntry(check: CompiledCheck, state: CheckState, path: string, oid: string | null, mode: string, lookup: FindingLookup): void {
  if (oid === null) {
    state.matched.delete(path)
    return
  }
  const finding = findingFor(check, path, oid, mode, lookup)
  if (check.keep(finding)) state.matched.set(path, finding)
  else state.matched.delete(path)
}

export interface ReplayInput {
  checks: CompiledCheck[]
  index: ScopeIndex
  startTree: TreeEntry[]
  commits: LoggedCommit[]
  planStart: string
  lookup: FindingLookup
  /** file-changed flags carried over from a previous sync */
  touched?: Map<string, boolean>
  signal?: AbortSignal
  onCommit?: (done: number) => void
}

export function replay(input: ReplayInput): Map<string, ReplayedCheck> {
  const result = new Map<string, ReplayedCheck>()
  for (const check of input.checks) {
    const state: CheckState = { matched: new Map(), touched: input.touched?.get(check.id) ?? false }
    result.set(check.id, { state, transitions: [], lastTouched: new Map() })
  }
  for (const entry of input.startTree) {
    for (const check of input.index.checksFor(entry.path)) {
      applyEntry(check, result.get(check.id)!.state, entry.path, entry.oid, entry.mode, input.lookup)
    }
  }
  for (const check of input.checks) {
    const replayed = result.get(check.id)!
    replayed.transitions.push({ commit: null, value: check.holds(replayed.state) })
  }

  input.commits.forEach((commit, i) => {
    if (i % 256 === 0) throwIfAborted(input.signal)
    const afterStart = commitDay(commit.date) >= input.planStart
    const ref: CommitRef = { sha: commit.sha, date: commit.date, subject: commit.subject }
    const dirty = new Set<CompiledCheck>()
    for (const change of commit.changes) applyChange(change, ref, afterStart, input, result, dirty)
    for (const check of dirty) {
      const replayed = result.get(check.id)!
      const value = check.holds(replayed.state)
      if (value !== replayed.transitions[replayed.transitions.length - 1].value) replayed.transitions.push({ commit: ref, value })
    }
    input.onCommit?.(i + 1)
  })
  return result
}

function applyChange(
  change: Change,
  ref: CommitRef,
  afterStart: boolean,
  input: ReplayInput,
  result: Map<string, ReplayedCheck>,
  dirty: Set<CompiledCheck>,
): void {
  for (const check of input.index.checksFor(change.path)) {
    const replayed = result.get(check.id)!
    applyEntry(check, replayed.state, change.path, change.oid, change.mode, input.lookup)
    if (check.spec.kind === 'file-changed' && afterStart) replayed.state.touched = true
    replayed.lastTouched.set(change.path, ref)
    dirty.add(check)
  }
}
