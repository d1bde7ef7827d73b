import type { CommitRef } from '../../shared/check-model'
import { BlobReader } from './blob-reader'
import type { EvidenceCache } from './cache'
import { shortHash } from './check-key'
import type { CheckState, CompiledCheck } from './compile'
import { MAX_EVIDENCE_LINES, type FileFinding } from './file-eval'
import { collectRequests, FindingTable, resolveFindings, type FindingStats } from './findings'
import type { GitPort } from './git-port'
import { findWindowBase, listTree, RAW_LOG_ARGS, streamLog, throwIfAborted, type LoggedCommit, type TreeEntry } from './history'
import type { RepoInspection } from './inspect'
import { GITLINK_MODE, replay, ScopeIndex, type Transition } from './replay'
import { listWorktreeChanges, worktreeFindings } from './worktree'

/**
 * One repo's part of a sync: decide how much history has to be looked at (none, the new commits,
 * or the whole window), replay it, and produce per-check outcomes. History entries are written to
 * the cache only once everything succeeded, so a cancelled sync leaves the previous entries intact.
 */

export type WindowKind = 'base' | 'root' | 'shallow'

export interface WindowStart {
  kind: WindowKind
  /** base: last commit before the plan start; root / shallow: the oldest commit of the window */
  commit: CommitRef | null
}

export interface RepoEvidence {
  path: string
  lines: number[]
  count: number
  note: string | null
  commit: CommitRef | null
}

export interface RepoCheckOutcome {
  transitions: Transition[]
  windowStart: WindowStart
  evidence: RepoEvidence[]
  uncommitted: { holds: boolean; evidence: RepoEvidence[] } | null
  message: string | null
}

interface HistoryEntry {
  v: 1
  head: string
  window: WindowStart
  transitions: Transition[]
  touched: boolean
  evidence: RepoEvidence[]
  message: string | null
}

export interface RepoSyncStats extends FindingStats {
  commitsEvaluated: number
  historyPasses: number
}

export interface RepoSyncContext {
  git: GitPort
  cache: EvidenceCache
  repoKey: string
  prefix: string | null
  planStart: string
  maxFileBytes: number
  stats: RepoSyncStats
  signal?: AbortSignal
  progress: (phase: string, done: number, total: number) => void
}

const MAX_EVIDENCE_FILES = 50

function historyKey(ctx: RepoSyncContext, checkId: string): string {
  return `h:${ctx.planStart}:${shortHash(ctx.prefix ?? '')}:${checkId}`
}

function readEntry(ctx: RepoSyncContext, checkId: string): HistoryEntry | null {
  const raw = ctx.cache.get(ctx.repoKey, historyKey(ctx, checkId))
  if (!raw) return null
  try {
    const entry = JSON.parse(raw) as HistoryEntry
    return entry.v === 1 ? entry : null
  } catch {
    return null
  }
}

async function readLog(ctx: RepoSyncContext, dir: string, range: string, index: ScopeIndex): Promise<LoggedCommit[]> {
  const commits: LoggedCommit[] = []
  ctx.stats.historyPasses++
  await streamLog(ctx.git, dir, [...RAW_LOG_ARGS, range, '--'], {
    signal: ctx.signal,
    keepPath: (p) => index.inScope(p),
    onCommit: (commit) => {
      commits.push(commit)
      if (commits.length % 500 === 0) ctx.progress('history', commits.length, 0)
    },
  })
  return commits.reverse()
}

function evidenceFor(check: CompiledCheck, state: CheckState, lastTouched: Map<string, CommitRef>, previous: RepoEvidence[], transitions: Transition[]): RepoEvidence[] {
  const commitOf = (path: string) => lastTouched.get(path) ?? previous.find((e) => e.path === path)?.commit ?? null
  const spec = check.spec
  if (spec.kind === 'file-absent' || spec.kind === 'file-changed') {
    const path = check.exactPaths![0]
    const holds = check.holds(state)
    const commit = spec.kind === 'file-changed' ? (transitions.find((t) => t.value)?.commit ?? null) : commitOf(path)
    return [{ path, lines: [], count: spec.kind === 'file-absent' ? (holds ? 0 : 1) : holds ? 1 : 0, note: null, commit: holds ? commit : null }]
  }
  const entries = [...state.matched.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, MAX_EVIDENCE_FILES)
  return entries.map(([path, finding]: [string, FileFinding]) => ({
    path,
    lines: finding.lines.slice(0, MAX_EVIDENCE_LINES),
    count: finding.count,
    note: finding.note ?? null,
    commit: commitOf(path),
  }))
}

function submoduleMessage(check: CompiledCheck, tree: TreeEntry[]): string | null {
  if (!check.exactPaths) return null
  const gitlinks = tree.filter((e) => e.mode === GITLINK_MODE).map((e) => e.path)
  const inside = check.exactPaths.flatMap((p) => gitlinks.filter((g) => p.startsWith(`${g}/`)))
  return inside.length ? `\`${inside[0]}\` is a submodule; its files are not entered` : null
}

/** states of the given checks at HEAD rebuilt from the tree listing and the finding cache (no history) */
async function statesAtTree(ctx: RepoSyncContext, dir: string, tree: TreeEntry[], checks: CompiledCheck[], index: ScopeIndex, reader: BlobReader, touched: Map<string, boolean>) {
  const table = new FindingTable()
  await resolveFindings(collectRequests(tree, index, table), { table, cache: ctx.cache, repoKey: ctx.repoKey, reader, stats: ctx.stats, signal: ctx.signal })
  return replay({ checks, index, startTree: tree, commits: [], planStart: ctx.planStart, lookup: table, touched })
}

export async function syncRepo(ctx: RepoSyncContext, dir: string, inspection: RepoInspection, checks: CompiledCheck[]): Promise<Map<string, RepoCheckOutcome>> {
  const head = inspection.head!
  const outcomes = new Map<string, RepoCheckOutcome>()
  const entries = new Map(checks.map((c) => [c.id, readEntry(ctx, c.id)]))
  const fresh = checks.filter((c) => entries.get(c.id)?.head === head.sha)
  const stale = checks.filter((c) => entries.get(c.id)?.head !== head.sha)
  const reader = new BlobReader(ctx.git, dir, ctx.maxFileBytes)
  const newEntries = new Map<string, HistoryEntry>()
  let headTree: TreeEntry[] | null = null
  let headStates: Map<string, { state: CheckState }> | null = null
  try {
    if (stale.length > 0) {
      const replayed = await replayStale(ctx, dir, head, inspection, stale, entries, reader)
      headTree = replayed.headTree
      headStates = replayed.states
      for (const [id, entry] of replayed.entries) newEntries.set(id, entry)
    }
    for (const check of fresh) newEntries.set(check.id, entries.get(check.id)!)

    throwIfAborted(ctx.signal)
    const changes = await listWorktreeChanges(ctx.git, dir)
    const index = new ScopeIndex(checks)
    const relevant = changes.filter((c) => index.inScope(c.path))
    if (relevant.length > 0) {
      ctx.progress('worktree', 0, relevant.length)
      headTree ??= await listTree(ctx.git, dir, head.sha)
      const missing = checks.filter((c) => !headStates?.has(c.id))
      const touched = new Map(checks.map((c) => [c.id, newEntries.get(c.id)?.touched ?? false]))
      const rebuilt = missing.length ? await statesAtTree(ctx, dir, headTree, missing, new ScopeIndex(missing), reader, touched) : new Map()
      const wt = worktreeFindings(inspection.dir, relevant, index, ctx.maxFileBytes)
      for (const check of checks) {
        const overrides = wt.get(check.id)
        if (!overrides) continue
        const state = headStates?.get(check.id)?.state ?? rebuilt.get(check.id)!.state
        const wtState: CheckState = { matched: new Map(state.matched), touched: true }
        for (const [path, finding] of overrides) {
          if (finding && check.keep(finding)) wtState.matched.set(path, finding)
          else wtState.matched.delete(path)
        }
        const evidence = evidenceFor(check, wtState, new Map(), [], []).map((e) => (overrides.has(e.path) ? { ...e, commit: null } : e))
        const holds = check.holds(wtState)
        // only working-tree changes that say something different from HEAD are shown
        if (holds === check.holds(state) && !evidence.some((e) => overrides.has(e.path))) continue
        outcomes.set(check.id, { ...toOutcome(newEntries.get(check.id)!), uncommitted: { holds, evidence } })
      }
      ctx.progress('worktree', relevant.length, relevant.length)
    }
  } finally {
    reader.close()
  }
  throwIfAborted(ctx.signal)
  for (const [id, entry] of newEntries) {
    if (!fresh.some((c) => c.id === id)) ctx.cache.set(ctx.repoKey, historyKey(ctx, id), JSON.stringify(entry))
    if (!outcomes.has(id)) outcomes.set(id, toOutcome(entry))
  }
  return outcomes
}

function toOutcome(entry: HistoryEntry): RepoCheckOutcome {
  return { transitions: entry.transitions, windowStart: entry.window, evidence: entry.evidence, uncommitted: null, message: entry.message }
}

/** incremental when every stale check was last synced at the same first-parent ancestor of HEAD */
async function replayStale(
  ctx: RepoSyncContext,
  dir: string,
  head: CommitRef,
  inspection: RepoInspection,
  stale: CompiledCheck[],
  entries: Map<string, HistoryEntry | null>,
  reader: BlobReader,
) {
  const index = new ScopeIndex(stale)
  const previousHeads = new Set(stale.map((c) => entries.get(c.id)?.head ?? null))
  const previous = previousHeads.size === 1 ? [...previousHeads][0] : null
  let commits: LoggedCommit[] | null = null
  let startTree: TreeEntry[] = []
  let window: WindowStart | null = null
  let incremental = false
  if (previous !== null) {
    ctx.progress('history', 0, 0)
    const candidate = await readLog(ctx, dir, `${previous}..${head.sha}`, index).catch(() => null)
    if (candidate && candidate.length > 0 && candidate[0].parents[0] === previous) {
      commits = candidate
      startTree = await listTree(ctx.git, dir, previous)
      window = entries.get(stale[0].id)!.window
      incremental = true
    }
  }
  if (commits === null) {
    ctx.progress('history', 0, 0)
    const { base, oldest } = await findWindowBase(ctx.git, dir, head.sha, ctx.planStart, ctx.signal)
    throwIfAborted(ctx.signal)
    commits = await readLog(ctx, dir, base ? `${base.sha}..${head.sha}` : head.sha, index)
    startTree = base ? await listTree(ctx.git, dir, base.sha) : []
    const kind: WindowKind = base ? 'base' : inspection.shallow ? 'shallow' : 'root'
    const start = base ?? oldest
    window = { kind, commit: start ? { sha: start.sha, date: start.date, subject: start.subject } : null }
  }
  throwIfAborted(ctx.signal)

  const table = new FindingTable()
  const requests = collectRequests([...startTree, ...commits.flatMap((c) => c.changes)], index, table)
  ctx.progress('read', 0, requests.size)
  await resolveFindings(requests, {
    table,
    cache: ctx.cache,
    repoKey: ctx.repoKey,
    reader,
    stats: ctx.stats,
    signal: ctx.signal,
    onProgress: (done, total) => ctx.progress('read', done, total),
  })

  const carried = new Map(stale.map((c) => [c.id, entries.get(c.id)]))
  const touched = new Map(stale.map((c) => [c.id, incremental ? (carried.get(c.id)?.touched ?? false) : false]))
  const total = commits.length
  ctx.progress('replay', 0, total)
  const replayed = replay({
    checks: stale,
    index,
    startTree,
    commits,
    planStart: ctx.planStart,
    lookup: table,
    touched,
    signal: ctx.signal,
    onCommit: (done) => done % 1000 === 0 && ctx.progress('replay', done, total),
  })
  ctx.stats.commitsEvaluated += total
  ctx.progress('replay', total, total)

  const headTree = commits.length === 0 ? startTree : null
  const result = new Map<string, HistoryEntry>()
  const tree = headTree ?? (await listTree(ctx.git, dir, head.sha))
  for (const check of stale) {
    const r = replayed.get(check.id)!
    const before = incremental ? carried.get(check.id)! : null
    const transitions = before ? mergeTransitions(before.transitions, r.transitions) : r.transitions
    result.set(check.id, {
      v: 1,
      head: head.sha,
      window: window!,
      transitions,
      touched: r.state.touched,
      evidence: evidenceFor(check, r.state, r.lastTouched, before?.evidence ?? [], transitions),
      message: submoduleMessage(check, tree) ?? check.describe(r.state),
    })
  }
  return { entries: result, headTree: tree, states: replayed }
}

/** previous history + the new commits' transitions (the new replay's first entry restates the old end) */
function mergeTransitions(before: Transition[], after: Transition[]): Transition[] {
  const merged = [...before]
  for (const t of after) {
    if (t.commit === null) continue
    if (t.value !== merged[merged.length - 1].value) merged.push(t)
  }
  return merged
}
