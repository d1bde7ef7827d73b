import type { CommitRef, Flip } from '../../shared/check-model'
import { emptyState, type CheckState, type CompiledCheck } from './compile'
import { NOT_A_LINK, skippedFinding, type FileEvaluator, type FileFinding } from './file-eval'
import type { Change, LoggedCommit, TreeEntry } from './history'

/**
 * History replay. Each check's value along the first-parent chain is kept as flips (the commits where it
 * changed), never as one row per commit. A batch of commits is replayed in three stages: `plan` turns the raw
 * changes into per-check events (following renamed files, asking git for a rename only when a followed file
 * disappears), the caller resolves the file findings those events need, and `apply` replays them in order.
 */

export const SYMLINK_MODE = '120000'
export const GITLINK_MODE = '160000'
const MAX_SUBJECT = 160

export interface FindingLookup {
  get(evaluator: FileEvaluator, oid: string): FileFinding | undefined
}

/** which checks each path concerns: exact paths are indexed, patterns tested once per distinct path */
export class ScopeIndex {
  private readonly exact = new Map<string, CompiledCheck[]>()
  private readonly patterned: CompiledCheck[] = []
  private readonly memo = new Map<string, CompiledCheck[]>()

  constructor(checks: CompiledCheck[]) {
    for (const check of checks) {
      if (check.follows) continue
      if (check.exactPaths) for (const p of check.exactPaths) this.exact.set(p, [...(this.exact.get(p) ?? []), check])
      else this.patterned.push(check)
    }
  }

  /** checks with a fixed scope that include the path (followed files are tracked by the Replayer) */
  checksFor(path: string): CompiledCheck[] {
    let found = this.memo.get(path)
    if (!found) {
      found = [...(this.exact.get(path) ?? []), ...this.patterned.filter((c) => c.matches(path))]
      if (this.memo.size > 200_000) this.memo.clear()
      this.memo.set(path, found)
    }
    return found
  }
}

/** what a check remembers between syncs: enough to go on replaying from the last synced head */
export interface PersistedState {
  alias: string | null
  touched: boolean
  /** [path, blob id, finding, last commit that changed it] of the remembered findings */
  kept: Array<[string, string, FileFinding, CommitRef | null]>
}

export interface CheckRun {
  check: CompiledCheck
  state: CheckState
  /** the repo path a followed file is at now */
  alias: string | null
  flips: Flip[]
  oids: Map<string, string>
  lastTouched: Map<string, CommitRef>
}

interface CheckEvent {
  run: CheckRun
  path: string
  oid: string | null
  mode: string
  /** a modification of a file-changed check's file (not a move, not a deletion) */
  touch: boolean
  /** the followed file moved here from this path */
  renamedFrom?: string
}

export interface PlannedCommit {
  ref: CommitRef
  at: number
  afterStart: boolean
  events: CheckEvent[]
}

/** finds where a file went in a commit (git diff-tree -M against the first parent); null when it was deleted */
export type RenameLookup = (
  commit: LoggedCommit,
  path: string,
) => Promise<{ path: string; oid: string; mode: string } | null>

export function commitRef(commit: { sha: string; date: string; subject: string }): CommitRef {
  return {
    sha: commit.sha,
    date: commit.date,
    subject: commit.subject.length > MAX_SUBJECT ? `${commit.subject.slice(0, MAX_SUBJECT - 1)}…` : commit.subject,
  }
}

export function findingFor(
  check: CompiledCheck,
  path: string,
  oid: string,
  mode: string,
  lookup: FindingLookup,
): FileFinding {
  const evaluator = check.evaluatorFor(path)
  if (!evaluator) return { count: 1, lines: [] }
  if (mode === SYMLINK_MODE && !evaluator.readsLinks) return skippedFinding('symlink')
  if (mode !== SYMLINK_MODE && mode !== GITLINK_MODE && evaluator.readsLinks) return NOT_A_LINK
  if (mode === GITLINK_MODE) return skippedFinding('submodule')
  return lookup.get(evaluator, oid) ?? skippedFinding('missing')
}

/** a content question raised by an event: (evaluator, blob) */
export function eventRequests(
  planned: Iterable<{
    path: string
    oid: string | null
    mode: string
    check?: CompiledCheck
    run?: { check: CompiledCheck }
  }>,
  add: (evaluator: FileEvaluator, oid: string) => void,
): void {
  for (const e of planned) {
    if (e.oid === null || e.mode === GITLINK_MODE) continue
    const evaluator = (e.check ?? e.run!.check).evaluatorFor(e.path)
    // a link's blob is read only by a question about link targets, and only a link's
    if (evaluator && (e.mode === SYMLINK_MODE) === Boolean(evaluator.readsLinks)) add(evaluator, e.oid)
  }
}

export class Replayer {
  readonly runs: CheckRun[]
  private readonly index: ScopeIndex
  /** followed file path -> the runs following it */
  private readonly followed = new Map<string, Set<CheckRun>>()
  private maxAt = -Infinity
  /**
   * flips with no dated commit yet (the window start of a young repo or a shallow clone): the next commit dates them,
   * even when that same commit flips the value (a repo whose first commit meets the criterion)
   */
  private readonly unanchored = new Set<Flip>()

  constructor(
    checks: CompiledCheck[],
    private readonly planStartMs: number,
  ) {
    this.index = new ScopeIndex(checks)
    this.runs = checks.map((check) => ({
      check,
      state: emptyState(),
      alias: check.follows ? check.exactPaths![0] : null,
      flips: [],
      oids: new Map(),
      lastTouched: new Map(),
    }))
    for (const run of this.runs) if (run.alias) this.follow(run, run.alias)
  }

  /** a path any check may care about (used to drop the rest of `log --raw` while parsing) */
  inScope(path: string): boolean {
    return this.followed.has(path) || this.index.checksFor(path).length > 0
  }

  private follow(run: CheckRun, path: string | null): void {
    if (run.alias) this.followed.get(run.alias)?.delete(run)
    run.alias = path
    if (path) {
      let set = this.followed.get(path)
      if (!set) this.followed.set(path, (set = new Set()))
      set.add(run)
    }
  }

  /** continue following where the previous sync left a followed file */
  followFrom(run: CheckRun, saved: PersistedState): void {
    if (run.check.follows) this.follow(run, saved.alias)
  }

  /** every check concerned by a path now (fixed scopes and followed files) */
  checksFor(path: string): CompiledCheck[] {
    return this.runsFor(path).map((r) => r.check)
  }

  /** the runs concerned by a path of the start tree */
  private runsFor(path: string): CheckRun[] {
    const byCheck = this.index.checksFor(path)
    const followers = this.followed.get(path)
    const out: CheckRun[] = []
    if (byCheck.length) {
      const ids = new Set(byCheck.map((c) => c.id))
      for (const run of this.runs) if (ids.has(run.check.id)) out.push(run)
    }
    if (followers) out.push(...followers)
    return out
  }

  private runById = new Map<string, CheckRun>()
  private runOf(check: CompiledCheck): CheckRun {
    if (this.runById.size === 0) for (const run of this.runs) this.runById.set(run.check.id, run)
    return this.runById.get(check.id)!
  }

  /** start-tree events (for findings) */
  treeEvents(
    tree: TreeEntry[],
  ): Array<{ path: string; oid: string | null; mode: string; check: CompiledCheck; run: CheckRun }> {
    const out = []
    for (const entry of tree)
      for (const run of this.runsFor(entry.path))
        out.push({ path: entry.path, oid: entry.oid, mode: entry.mode, check: run.check, run })
    return out
  }

  /** the state at the window start: from the tree, or restored from what the previous sync remembered */
  start(tree: TreeEntry[], lookup: FindingLookup, windowAt: number, restored?: Map<string, PersistedState>): void {
    for (const run of this.runs) {
      const saved = restored?.get(run.check.id)
      if (saved) {
        this.followFrom(run, saved)
        run.state.touched = saved.touched
      }
    }
    const savedFindings = new Map<
      string,
      Map<string, { oid: string; finding: FileFinding; commit: CommitRef | null }>
    >()
    for (const [id, saved] of restored ?? [])
      savedFindings.set(id, new Map(saved.kept.map(([p, oid, finding, commit]) => [p, { oid, finding, commit }])))
    for (const entry of tree) {
      for (const run of this.runsFor(entry.path)) {
        const saved = savedFindings.get(run.check.id)
        const remembered = saved?.get(entry.path)
        let finding: FileFinding | null
        if (remembered && remembered.oid === entry.oid) finding = remembered.finding
        else if (saved && run.check.evaluatorFor(entry.path))
          finding = null // not remembered: its finding was not kept
        else finding = findingFor(run.check, entry.path, entry.oid, entry.mode, lookup)
        run.state.present.add(entry.path)
        if (finding && run.check.keep(finding)) {
          run.state.matched.set(entry.path, finding)
          run.oids.set(entry.path, entry.oid)
          if (remembered?.commit) run.lastTouched.set(entry.path, remembered.commit)
        }
      }
    }
    for (const run of this.runs) {
      if (run.flips.length === 0) run.flips.push({ commit: null, value: run.check.holds(run.state), minAt: windowAt })
      const last = run.flips[run.flips.length - 1]
      if (last.minAt === Infinity) this.unanchored.add(last)
    }
    if (Number.isFinite(windowAt)) this.maxAt = Math.max(this.maxAt, windowAt)
  }

  /** stage 1: raw changes -> per-check events, renames of followed files resolved */
  async plan(batch: LoggedCommit[], renames: RenameLookup): Promise<PlannedCommit[]> {
    const out: PlannedCommit[] = []
    for (const commit of batch) {
      const at = Date.parse(commit.date)
      const events: CheckEvent[] = []
      const added = new Map<string, Change>()
      for (const change of commit.changes)
        if (change.srcOid === null && change.oid !== null) added.set(change.oid, change)
      const movedHere = (change: Change) =>
        change.srcOid === null &&
        change.oid !== null &&
        commit.changes.some((c) => c.oid === null && c.srcOid === change.oid)
      for (const change of commit.changes) {
        for (const check of this.index.checksFor(change.path)) {
          const touch = check.spec.kind === 'file-changed' && change.oid !== null && !movedHere(change)
          events.push({ run: this.runOf(check), path: change.path, oid: change.oid, mode: change.mode, touch })
        }
        const followers = this.followed.get(change.path)
        if (!followers?.size) continue
        if (change.oid !== null) {
          for (const run of followers)
            events.push({ run, path: change.path, oid: change.oid, mode: change.mode, touch: false })
          continue
        }
        const exactTarget = change.srcOid ? added.get(change.srcOid) : undefined
        const target = exactTarget
          ? { path: exactTarget.path, oid: exactTarget.oid!, mode: exactTarget.mode }
          : added.size > 0
            ? await renames(commit, change.path)
            : null
        for (const run of [...followers]) {
          if (target) {
            events.push({
              run,
              path: target.path,
              oid: target.oid,
              mode: target.mode,
              touch: false,
              renamedFrom: change.path,
            })
            this.follow(run, target.path)
          } else events.push({ run, path: change.path, oid: null, mode: change.mode, touch: false })
        }
      }
      out.push({ ref: commitRef(commit), at, afterStart: at >= this.planStartMs, events })
    }
    return out
  }

  /** stage 3: replay the planned commits in order */
  apply(planned: PlannedCommit[], lookup: FindingLookup): void {
    for (const commit of planned) {
      const dirty = new Set<CheckRun>()
      for (const event of commit.events) {
        this.applyEvent(event, commit, lookup)
        dirty.add(event.run)
      }
      for (const run of dirty) {
        const value = run.check.holds(run.state)
        const last = run.flips[run.flips.length - 1]
        if (value !== last.value) run.flips.push({ commit: commit.ref, value, minAt: commit.at })
      }
      for (const flip of this.unanchored) flip.minAt = Math.min(flip.minAt, commit.at)
      this.unanchored.clear()
      if (commit.at < this.maxAt) {
        // a committer date earlier than one before it on the chain: it lowers the earliest date of every open run
        for (const run of this.runs) {
          const last = run.flips[run.flips.length - 1]
          if (commit.at < last.minAt) last.minAt = commit.at
        }
      }
      this.maxAt = Math.max(this.maxAt, commit.at)
    }
  }

  private applyEvent(event: CheckEvent, commit: PlannedCommit, lookup: FindingLookup): void {
    const { run, path, oid } = event
    const { state } = run
    let carried: CommitRef | undefined
    if (event.renamedFrom !== undefined) {
      carried = run.lastTouched.get(event.renamedFrom)
      state.present.delete(event.renamedFrom)
      state.matched.delete(event.renamedFrom)
      run.oids.delete(event.renamedFrom)
      run.lastTouched.delete(event.renamedFrom)
    }
    if (oid === null) {
      state.present.delete(path)
      state.matched.delete(path)
      run.oids.delete(path)
      run.lastTouched.delete(path)
      return
    }
    state.present.add(path)
    if (event.touch && commit.afterStart) state.touched = true
    const finding = findingFor(run.check, path, oid, event.mode, lookup)
    if (run.check.keep(finding)) {
      state.matched.set(path, finding)
      run.oids.set(path, oid)
      // the move itself is not a change of the file: it keeps the commit that last changed it
      const when = event.renamedFrom !== undefined ? carried : commit.ref
      if (when) run.lastTouched.set(path, when)
      else run.lastTouched.delete(path)
    } else {
      state.matched.delete(path)
      run.oids.delete(path)
      run.lastTouched.delete(path)
    }
  }

  /** what to remember for the next sync (findings only where they cannot be rebuilt from a tree listing) */
  persisted(run: CheckRun): PersistedState {
    const kept: PersistedState['kept'] = []
    const remember = run.check.exactPaths !== null || run.check.follows
    for (const [path, finding] of run.state.matched) {
      if (!remember && !run.check.evaluatorFor(path)) continue
      kept.push([path, run.oids.get(path) ?? '', finding, run.lastTouched.get(path) ?? null])
    }
    return { alias: run.alias, touched: run.state.touched, kept }
  }
}
