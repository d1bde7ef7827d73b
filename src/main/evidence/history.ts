import { StringDecoder } from 'node:string_decoder'
import { dayStartMs } from '../../shared/calendar'
import type { CommitRef } from '../../shared/check-model'
import { GitCommandError, type GitPort } from './git-port'

/** Reading git history and trees as data: one streamed `log --raw` pass, `ls-tree` listings. */

export interface CommitInfo extends CommitRef {
  parents: string[]
}

export interface Change {
  path: string
  /** new blob id, or null when the path was deleted */
  oid: string | null
  mode: string
  /** the blob id before the commit, or null when the path was added */
  srcOid: string | null
}

export interface LoggedCommit extends CommitInfo {
  changes: Change[]
}

export interface TreeEntry {
  path: string
  oid: string
  mode: string
  /** blob size in bytes; -1 for submodules (gitlinks) */
  size: number
}

const ZERO_OID = /^0+$/
const RECORD = '\x1e'
const FIELD = '\x1f'
export const COMMIT_FORMAT = `--format=${RECORD}C%H${FIELD}%cI${FIELD}%P${FIELD}%s`

export class AbortedError extends Error {
  constructor() {
    super('sync cancelled')
    this.name = 'AbortError'
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError()
}

function parseHeader(header: string): CommitInfo {
  const [sha, date, parents, ...subject] = header.slice(2).split(FIELD)
  return { sha, date, parents: parents ? parents.split(' ') : [], subject: subject.join(FIELD) }
}

function parseRecord(record: string, keepPath: (path: string) => boolean): LoggedCommit {
  // (all changes are kept when keepPath is absent: followed files may move into paths not in scope yet)
  const headerEnd = record.indexOf('\0')
  const commit: LoggedCommit = {
    ...parseHeader(headerEnd < 0 ? record.replace(/\n+$/, '') : record.slice(0, headerEnd)),
    changes: [],
  }
  if (headerEnd < 0) return commit
  const tokens = record.slice(headerEnd + 1).split('\0')
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    const meta = tokens[i].replace(/^\n+/, '')
    const path = tokens[i + 1]
    if (!meta.startsWith(':') || !keepPath(path)) continue
    const [, dstMode, srcOid, dstOid] = meta.slice(1).split(' ')
    commit.changes.push({
      path,
      oid: ZERO_OID.test(dstOid) ? null : dstOid,
      mode: dstMode,
      srcOid: ZERO_OID.test(srcOid) ? null : srcOid,
    })
  }
  return commit
}

/**
 * Streams `git log` output commit by commit. `onCommit` returning false stops the walk early
 * (the process is killed). Paths not kept are dropped while parsing, so memory follows the checks.
 */
export function streamLog(
  git: GitPort,
  dir: string,
  args: string[],
  opts: {
    keepPath?: (path: string) => boolean
    onCommit: (commit: LoggedCommit) => boolean | void
    signal?: AbortSignal
  },
): Promise<void> {
  const keepPath = opts.keepPath ?? (() => true)
  return new Promise((resolve, reject) => {
    const child = git.spawn(dir, ['log', ...args])
    const decoder = new StringDecoder('utf8')
    let pending = ''
    let stopped = false
    let stderr = ''
    const stop = () => {
      stopped = true
      child.kill()
    }
    const onAbort = () => stop()
    opts.signal?.addEventListener('abort', onAbort)
    const flush = (final: boolean) => {
      const records = pending.split(RECORD)
      pending = final ? '' : (records.pop() ?? '')
      for (const record of records) {
        if (stopped || record === '') continue
        if (opts.onCommit(parseRecord(RECORD + record, keepPath)) === false) stop()
      }
    }
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped) return
      pending += decoder.write(chunk)
      flush(false)
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', (error) => {
      opts.signal?.removeEventListener('abort', onAbort)
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      reject(new GitCommandError(missing ? 'git is not installed' : error.message, null, '', missing))
    })
    child.on('close', (code) => {
      opts.signal?.removeEventListener('abort', onAbort)
      if (opts.signal?.aborted) return reject(new AbortedError())
      if (!stopped) {
        pending += decoder.end()
        flush(true)
      }
      if (stopped || code === 0) resolve()
      else reject(new GitCommandError(stderr.trim() || `git log exited with ${code}`, code, stderr))
    })
  })
}

/**
 * Streams `git log` oldest first (`--reverse`) in batches of commits: the consumer finishes a batch before the
 * next is parsed, and the pipe's backpressure holds git meanwhile, so memory follows the batch, not the history.
 */
export async function* logBatches(
  git: GitPort,
  dir: string,
  args: string[],
  opts: { keepPath?: (path: string) => boolean; batchSize?: number; signal?: AbortSignal },
): AsyncGenerator<LoggedCommit[]> {
  const keepPath = opts.keepPath ?? (() => true)
  const batchSize = opts.batchSize ?? 1000
  const child = git.spawn(dir, ['log', ...args])
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) => {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      reject(new GitCommandError(missing ? 'git is not installed' : error.message, null, '', missing))
    })
    child.on('close', (code) => resolve(code))
  })
  exited.catch(() => undefined)
  const onAbort = () => child.kill()
  opts.signal?.addEventListener('abort', onAbort)
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let batch: LoggedCommit[] = []
  let finished = false
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      throwIfAborted(opts.signal)
      pending += decoder.write(chunk)
      const records = pending.split(RECORD)
      pending = records.pop() ?? ''
      for (const record of records) if (record !== '') batch.push(parseRecord(RECORD + record, keepPath))
      if (batch.length >= batchSize) {
        const full = batch
        batch = []
        yield full
      }
    }
    throwIfAborted(opts.signal)
    pending += decoder.end()
    if (pending !== '') batch.push(parseRecord(RECORD + pending, keepPath))
    const code = await exited
    if (code !== 0) throw new GitCommandError(stderr.trim() || `git log exited with ${code}`, code, stderr)
    finished = true
    if (batch.length > 0) yield batch
  } finally {
    opts.signal?.removeEventListener('abort', onAbort)
    if (!finished) child.kill()
  }
}

export const RAW_LOG_ARGS = [
  '--first-parent',
  '--diff-merges=first-parent',
  '--raw',
  '--no-renames',
  '--no-abbrev',
  '--no-ext-diff',
  '--no-textconv',
  '-z',
  '--root',
  COMMIT_FORMAT,
]

/**
 * Walks the first-parent chain from `head` back to the newest commit whose committer date is before the plan
 * start (UTC midnight). Returns null when the whole chain is inside the window (young repo, shallow boundary).
 */
export async function findWindowBase(
  git: GitPort,
  dir: string,
  head: string,
  planStart: string,
  signal?: AbortSignal,
): Promise<{ base: CommitInfo | null; oldest: CommitInfo | null }> {
  let base: CommitInfo | null = null
  let oldest: CommitInfo | null = null
  const cutoff = dayStartMs(planStart)
  await streamLog(git, dir, ['--first-parent', COMMIT_FORMAT, head, '--'], {
    signal,
    onCommit: (commit) => {
      oldest = commit
      if (Date.parse(commit.date) < cutoff) {
        base = commit
        return false
      }
    },
  })
  return { base, oldest }
}

export async function listTree(git: GitPort, dir: string, commit: string): Promise<TreeEntry[]> {
  const out = await git.run(dir, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--'])
  const entries: TreeEntry[] = []
  for (const record of out.split('\0')) {
    if (!record) continue
    const tab = record.indexOf('\t')
    const [mode, , oid, size] = record.slice(0, tab).split(/ +/)
    entries.push({ path: record.slice(tab + 1), oid, mode, size: size === '-' ? -1 : Number(size) })
  }
  return entries
}
