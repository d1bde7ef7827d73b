import { lstatSync, openSync, readSync, readlinkSync, closeSync, realpathSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { BlobText, NOT_A_LINK, skippedFinding, type FileEvaluator, type FileFinding } from './file-eval'
import { evaluateContent } from './findings'
import type { GitPort } from './git-port'
import type { CompiledCheck } from './compile'

/**
 * Uncommitted work: files the working tree changes relative to HEAD, read from disk with the same
 * limits as blobs (no symlinks followed, nothing outside the repo, nothing past the size limit).
 */

export interface WorktreeChange {
  path: string
  /** false when the working tree deleted the file */
  exists: boolean
}

/**
 * `git status` without walking untracked folders (walking them all is most of its time in a large work tree);
 * an untracked folder it reports is expanded with `ls-files --others`.
 */
export async function listWorktreeChanges(git: GitPort, dir: string): Promise<WorktreeChange[]> {
  const out = await git.run(dir, [
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=normal',
    '--no-renames',
    '--ignore-submodules=all',
  ])
  const changes: WorktreeChange[] = []
  const untrackedDirs: string[] = []
  for (const record of out.split('\0')) {
    if (record.length < 4) continue
    const status = record.slice(0, 2)
    const path = record.slice(3)
    if (status === '??' && path.endsWith('/')) untrackedDirs.push(path)
    else changes.push({ path, exists: !(status[1] === 'D' || (status[0] === 'D' && status[1] === ' ')) })
  }
  if (untrackedDirs.length > 0) {
    const others = await git.run(dir, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...untrackedDirs])
    for (const path of others.split('\0')) if (path) changes.push({ path, exists: true })
  }
  return changes
}

function readBounded(path: string, maxBytes: number): Buffer | 'too-large' {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(maxBytes + 1)
    const read = readSync(fd, buffer, 0, maxBytes + 1, 0)
    return read > maxBytes ? 'too-large' : buffer.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/** content of a working-tree file, or why it is not read */
export function readWorktreeFile(
  topLevel: string,
  repoPath: string,
  maxBytes: number,
): { content: Buffer } | { skipped: FileFinding['skipped'] } | null {
  const full = join(topLevel, repoPath)
  let stat
  try {
    stat = lstatSync(full)
  } catch {
    return null
  }
  if (stat.isSymbolicLink()) return { skipped: 'symlink' }
  if (!stat.isFile()) return null
  const root = realpathSync(topLevel)
  const parent = realpathSync(dirname(full))
  if (parent !== root && !parent.startsWith(root + sep)) return { skipped: 'symlink' }
  if (stat.size > maxBytes) return { skipped: 'too-large' }
  const content = readBounded(full, maxBytes)
  return content === 'too-large' ? { skipped: 'too-large' } : { content }
}

/** a link-target question asked of a working-tree path: the link's target, never what it points to */
function linkFinding(evaluator: FileEvaluator, topLevel: string, repoPath: string): FileFinding {
  const full = join(topLevel, repoPath)
  if (!lstatSync(full).isSymbolicLink()) return NOT_A_LINK
  return evaluator.evaluate(new BlobText(Buffer.from(readlinkSync(full), 'utf8')))
}

/** the working tree's version of each changed in-scope path: a finding per (check, path), or null when deleted */
export function worktreeFindings(
  topLevel: string,
  changes: WorktreeChange[],
  index: { checksFor(path: string): CompiledCheck[] },
  maxBytes: number,
): Map<string, Map<string, FileFinding | null>> {
  const perCheck = new Map<string, Map<string, FileFinding | null>>()
  for (const change of changes) {
    const checks = index.checksFor(change.path)
    if (checks.length === 0) continue
    const file = change.exists ? readWorktreeFile(topLevel, change.path, maxBytes) : null
    for (const check of checks) {
      let finding: FileFinding | null = null
      if (file) {
        const evaluator = check.evaluatorFor(change.path)
        if (!evaluator) finding = { count: 1, lines: [] }
        else if (evaluator.readsLinks) finding = linkFinding(evaluator, topLevel, change.path)
        else if ('content' in file) finding = evaluateContent(evaluator, file.content)
        else finding = skippedFinding(file.skipped ?? 'missing')
      }
      const forCheck = perCheck.get(check.id) ?? new Map<string, FileFinding | null>()
      forCheck.set(change.path, finding)
      perCheck.set(check.id, forCheck)
    }
  }
  return perCheck
}
