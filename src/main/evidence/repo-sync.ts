import type { CheckHistory, CommitRef, Flip } from '../../shared/check-model'
import type { EngineSyncPhase } from '../../shared/repo-model'
import { BlobReader } from './blob-reader'
import type { EvidenceCache } from './cache'
import { checkKey, shortHash } from './check-key'
import type { CheckState, CompiledCheck } from './compile'
import { MAX_EVIDENCE_LINES } from './file-eval'
import { FindingMemo, FindingRequests, resolveFindings, type FindingStats } from './findings'
import type { GitPort } from './git-port'
import { dayStartMs } from '../../shared/calendar'
import {
  findWindowBase,
  listTree,
  logBatches,
  RAW_LOG_ARGS,
  throwIfAborted,
  type LoggedCommit,
  type TreeEntry,
} from './history'
import type { RepoInspection } from './inspect'
import {
  commitRef,
  eventRequests,
  GITLINK_MODE,
  Replayer,
  type CheckRun,
  type PersistedState,
  type RenameLookup,
} from './replay'
import { listWorktreeChanges, worktreeFindings } from './worktree'

/**
 * One repo's part of a sync: decide how much history has to be looked at (none, the new commits, or the whole
 * window), replay it batch by batch, and produce per-check outcomes. Entries are written to the cache only
 * once everything succeeded, so a cancelled sync leaves the previous entries intact.
 */

export type WindowKind = CheckHistory['windowKind']

export interface RepoEvidence {
  path: string
  lines: number[]
  count: number
  note: string | null
  commit: CommitRef | null
}

export interface RepoCheckOutcome {
  history: CheckHistory
  evidence: RepoEvidence[]
  uncommitted: { holds: boolean; evidence: RepoEvidence[] } | null
  message: string | null
  /** the repo has files in the check's scope at HEAD */
  applies: boolean
}

interface HistoryEntry {
  v: 2
  head: string
  windowKind: WindowKind
  windowCommit: CommitRef | null
  flips: Flip[]
  state: PersistedState
  evidence: RepoEvidence[]
  message: string | null
  applies: boolean
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
  progress: (phase: EngineSyncPhase, done: number, total: number) => void
}

const MAX_EVIDENCE_FILES = 50
const BATCH_COMMITS = 250

/** per check and what it asks (an edited check is a new question), plan start and repo prefix */
function historyKey(ctx: RepoSyncContext, check: CompiledCheck): string {
  return `h2:${ctx.planStart}:${shortHash(ctx.prefix ?? '')}:${check.id}:${checkKey(check.spec).split(':')[1]}`
}

function readEntry(ctx: RepoSyncContext, check: CompiledCheck): HistoryEntry | null {
  const raw = ctx.cache.get(ctx.repoKey, historyKey(ctx, check))
  if (!raw) return null
  try {
    const entry = JSON.parse(raw) as HistoryEntry
    return entry.v === 2 ? entry : null
  } catch {
    return null
  }
}

/** where a followed file went in a commit: `git diff-tree -M` against the first parent (asked once per commit) */
function renameLookup(git: GitPort, dir: string): RenameLookup {
  const perCommit = new Map<string, Promise<Map<string, { path: string; oid: string; mode: string }>>>()
  const renamesOf = async (commit: LoggedCommit) => {
    const map = new Map<string, { path: string; oid: string; mode: string }>()
    if (!commit.parents[0]) return map
    const out = await git.run(dir, [
      'diff-tree',
      '-r',
      '-M',
      '--raw',
      '-z',
      '--no-commit-id',
      '--no-ext-diff',
      commit.parents[0],
      commit.sha,
      '--',
    ])
    const tokens = out.split('\0')
    for (let i = 0; i < tokens.length;) {
      const meta = tokens[i].replace(/^\n+/, '')
      if (!meta.startsWith(':')) {
        i++
        continue
      }
      const [, dstMode, , dstOid, status] = meta.slice(1).split(' ')
      if (status?.startsWith('R') || status?.startsWith('C')) {
        if (status.startsWith('R')) map.set(tokens[i + 1], { path: tokens[i + 2], oid: dstOid, mode: dstMode })
        i += 3
      } else i += 2
    }
    return map
  }
  return async (commit, path) => {
    let pending = perCommit.get(commit.sha)
    if (!pending) {
      if (perCommit.size > 64) perCommit.clear()
      perCommit.set(commit.sha, (pending = renamesOf(commit)))
    }
    return (await pending).get(path) ?? null
  }
}

function evidenceOf(run: CheckRun, previous: RepoEvidence[]): RepoEvidence[] {
  const spec = run.check.spec
  const lastFlip = run.flips[run.flips.length - 1]
  if (spec.kind === 'file-absent' || spec.kind === 'file-changed') {
    const path = run.check.exactPaths![0]
    const holds = run.check.holds(run.state)
    const count = spec.kind === 'file-absent' ? (holds ? 0 : 1) : holds ? 1 : 0
    return [{ path, lines: [], count, note: null, commit: holds ? lastFlip.commit : null }]
  }
  const commitOf = (path: string) => run.lastTouched.get(path) ?? previous.find((e) => e.path === path)?.commit ?? null
  return [...run.state.matched.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(0, MAX_EVIDENCE_FILES)
    .map(([path, finding]) => ({
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

function toOutcome(entry: HistoryEntry): RepoCheckOutcome {
  return {
    history: { windowKind: entry.windowKind, windowCommit: entry.windowCommit, flips: entry.flips },
    evidence: entry.evidence,
    uncommitted: null,
    message: entry.message,
    applies: entry.applies,
  }
}

export async function syncRepo(
  ctx: RepoSyncContext,
  dir: string,
  inspection: RepoInspection,
  checks: CompiledCheck[],
): Promise<Map<string, RepoCheckOutcome>> {
  const head = inspection.head!
  const entries = new Map(checks.map((c) => [c.id, readEntry(ctx, c)]))
  const stale = checks.filter((c) => entries.get(c.id)?.head !== head.sha)
  const reader = new BlobReader(ctx.git, dir, ctx.maxFileBytes)
  const memo = new FindingMemo()
  const written = new Map<string, HistoryEntry>()
  const outcomes = new Map<string, RepoCheckOutcome>()
  try {
    if (stale.length > 0) {
      for (const [id, entry] of await replayStale(ctx, dir, head, inspection, stale, entries, reader, memo)) {
        written.set(id, entry)
        entries.set(id, entry)
      }
    }
    throwIfAborted(ctx.signal)
    const uncommitted = await uncommittedOutcomes(ctx, dir, head, inspection, checks, entries, memo)
    for (const check of checks) {
      const entry = entries.get(check.id)!
      outcomes.set(check.id, { ...toOutcome(entry), uncommitted: uncommitted.get(check.id) ?? null })
    }
  } finally {
    reader.close()
  }
  throwIfAborted(ctx.signal)
  for (const check of checks) {
    const entry = written.get(check.id)
    if (entry) ctx.cache.set(ctx.repoKey, historyKey(ctx, check), JSON.stringify(entry))
  }
  return outcomes
}

interface Window {
  kind: WindowKind
  commit: CommitRef | null
  at: number
  range: string
  treeOf: string | null
}

async function fullWindow(
  ctx: RepoSyncContext,
  dir: string,
  head: CommitRef,
  inspection: RepoInspection,
): Promise<Window> {
  const { base, oldest } = await findWindowBase(ctx.git, dir, head.sha, ctx.planStart, ctx.signal)
  const start = base ?? oldest
  const kind: WindowKind = base ? 'base' : inspection.shallow ? 'shallow' : 'root'
  return {
    kind,
    commit: start ? commitRef(start) : null,
    // before the first commit of a young repo or a shallow boundary nothing is known
    at: base ? Date.parse((base as LoggedCommit).date) : Infinity,
    range: base ? `${(base as LoggedCommit).sha}..${head.sha}` : head.sha,
    treeOf: base ? (base as LoggedCommit).sha : null,
  }
}

/** replays the stale checks: from their common last head when it is a first-parent ancestor, else the whole window */
async function replayStale(
  ctx: RepoSyncContext,
  dir: string,
  head: CommitRef,
  inspection: RepoInspection,
  stale: CompiledCheck[],
  entries: Map<string, HistoryEntry | null>,
  reader: BlobReader,
  memo: FindingMemo,
): Promise<Map<string, HistoryEntry>> {
  const previousHeads = new Set(stale.map((c) => entries.get(c.id)?.head ?? null))
  const previous = previousHeads.size === 1 ? [...previousHeads][0] : null
  if (previous !== null) {
    const incremental = await replayWindow(
      ctx,
      dir,
      head,
      stale,
      reader,
      memo,
      { kind: 'base', commit: null, at: -Infinity, range: `${previous}..${head.sha}`, treeOf: previous },
      entries,
      previous,
    )
    if (incremental) return incremental
  }
  ctx.progress('history', 0, 0)
  const window = await fullWindow(ctx, dir, head, inspection)
  return (await replayWindow(ctx, dir, head, stale, reader, memo, window, null, null))!
}

/**
 * One pass over a range of the first-parent chain. With `previous`, the checks go on from what the last sync
 * remembered; the pass gives up (null) when the range does not continue the previous head's chain.
 */
async function replayWindow(
  ctx: RepoSyncContext,
  dir: string,
  head: CommitRef,
  checks: CompiledCheck[],
  reader: BlobReader,
  memo: FindingMemo,
  window: Window,
  entries: Map<string, HistoryEntry | null> | null,
  previous: string | null,
): Promise<Map<string, HistoryEntry> | null> {
  const replayer = new Replayer(checks, dayStartMs(ctx.planStart))
  const tree = window.treeOf ? await listTree(ctx.git, dir, window.treeOf) : []
  const pass: ReplayPass = { ctx, dir, replayer, reader, memo }
  await startReplay(pass, tree, window, entries && previous ? entries : null)
  ctx.stats.historyPasses++
  const replayed = await replayCommits(pass, window, previous)
  // nothing new on the previous head's chain: HEAD moved back or sideways, replay the whole window
  if (replayed === null || (previous !== null && replayed === 0)) return null
  ctx.stats.commitsEvaluated += replayed
  throwIfAborted(ctx.signal)
  const headTree = replayed === 0 ? tree : await listTree(ctx.git, dir, head.sha)
  return historyEntries(replayer, head, window, entries, headTree)
}

interface ReplayPass {
  ctx: RepoSyncContext
  dir: string
  replayer: Replayer
  reader: BlobReader
  memo: FindingMemo
}

/** The checks' state at the window start: as the last sync left it, or read from the window's first tree. */
async function startReplay(
  { ctx, replayer, reader, memo }: ReplayPass,
  tree: TreeEntry[],
  window: Window,
  entries: Map<string, HistoryEntry | null> | null,
) {
  if (entries) {
    const restored = new Map(replayer.runs.map((run) => [run.check.id, entries.get(run.check.id)!.state]))
    for (const run of replayer.runs) run.flips = entries.get(run.check.id)!.flips.map((f) => ({ ...f }))
    replayer.start(tree, memo, window.at, restored)
    return
  }
  const requests = new FindingRequests(memo)
  eventRequests(replayer.treeEvents(tree), requests.add)
  ctx.progress('read', 0, requests.size)
  const onProgress = (done: number, total: number) => ctx.progress('read', done, total)
  await resolveFindings(requests, { reader, memo, stats: ctx.stats, signal: ctx.signal, onProgress })
  replayer.start(tree, memo, window.at)
}

/** Replays the window's commits in batches; null when they do not continue the previous head's chain. */
async function replayCommits(
  { ctx, dir, replayer, reader, memo }: ReplayPass,
  window: Window,
  previous: string | null,
): Promise<number | null> {
  const stats = { reader, memo, stats: ctx.stats, signal: ctx.signal }
  ctx.progress('replay', 0, 0)
  let replayed = 0
  const renames = renameLookup(ctx.git, dir)
  // the next batch is parsed while this one's blobs are read and replayed (git log and cat-file work in parallel)
  const args = [...RAW_LOG_ARGS, '--reverse', window.range, '--']
  const batches = logBatches(ctx.git, dir, args, { batchSize: BATCH_COMMITS, signal: ctx.signal })[
    Symbol.asyncIterator
  ]()
  try {
    let next = batches.next()
    for (;;) {
      const { value: batch, done } = await next
      if (done) return replayed
      next = batches.next()
      if (previous !== null && replayed === 0 && batch[0]?.parents[0] !== previous) return null
      memo.trim()
      const planned = await replayer.plan(batch, renames)
      const requests = new FindingRequests(memo)
      for (const commit of planned) eventRequests(commit.events, requests.add)
      await resolveFindings(requests, stats)
      replayer.apply(planned, memo)
      replayed += batch.length
      ctx.progress('replay', replayed, 0)
    }
  } finally {
    await batches.return?.(undefined)
  }
}

/** What the pass leaves for the next sync and for the results: flips, state and evidence per check. */
function historyEntries(
  replayer: Replayer,
  head: CommitRef,
  window: Window,
  entries: Map<string, HistoryEntry | null> | null,
  headTree: TreeEntry[],
) {
  const result = new Map<string, HistoryEntry>()
  for (const run of replayer.runs) {
    const before = entries?.get(run.check.id) ?? null
    result.set(run.check.id, {
      v: 2,
      head: head.sha,
      windowKind: before?.windowKind ?? window.kind,
      windowCommit: before ? before.windowCommit : window.commit,
      flips: run.flips,
      state: replayer.persisted(run),
      evidence: evidenceOf(run, before?.evidence ?? []),
      message: submoduleMessage(run.check, headTree) ?? run.check.describe(run.state),
      applies: run.state.present.size > 0,
    })
  }
  return result
}

/** working-tree changes that say something different from HEAD, per check (never counted as done) */
async function uncommittedOutcomes(
  ctx: RepoSyncContext,
  dir: string,
  head: CommitRef,
  inspection: RepoInspection,
  checks: CompiledCheck[],
  entries: Map<string, HistoryEntry | null>,
  memo: FindingMemo,
): Promise<Map<string, { holds: boolean; evidence: RepoEvidence[] }>> {
  const out = new Map<string, { holds: boolean; evidence: RepoEvidence[] }>()
  const changes = await listWorktreeChanges(ctx.git, dir)
  if (changes.length === 0) return out
  const probe = new Replayer(checks, dayStartMs(ctx.planStart))
  const restored = new Map(checks.map((c) => [c.id, entries.get(c.id)!.state]))
  for (const run of probe.runs) if (restored.get(run.check.id)) probe.followFrom(run, restored.get(run.check.id)!)
  const relevant = changes.filter((c) => probe.inScope(c.path))
  if (relevant.length === 0) return out
  ctx.progress('worktree', 0, relevant.length)
  const tree = await listTree(ctx.git, dir, head.sha)
  probe.start(tree, memo, 0, restored)
  const overridesByCheck = worktreeFindings(inspection.dir, relevant, probe, ctx.maxFileBytes)
  for (const run of probe.runs) {
    const overrides = overridesByCheck.get(run.check.id)
    if (!overrides) continue
    const headHolds = run.check.holds(run.state)
    const state: CheckState = {
      present: new Set(run.state.present),
      matched: new Map(run.state.matched),
      touched: true,
    }
    for (const [path, finding] of overrides) {
      if (finding) state.present.add(path)
      else state.present.delete(path)
      if (finding && run.check.keep(finding)) state.matched.set(path, finding)
      else state.matched.delete(path)
    }
    const wtRun: CheckRun = { ...run, state, lastTouched: new Map() }
    const evidence = evidenceOf(wtRun, []).map((e) => (overrides.has(e.path) ? { ...e, commit: null } : e))
    const holds = run.check.holds(state)
    if (holds === headHolds && !evidence.some((e) => overrides.has(e.path))) continue
    out.set(run.check.id, { holds, evidence })
  }
  ctx.progress('worktree', relevant.length, relevant.length)
  return out
}
