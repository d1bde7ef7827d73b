import { existsSync, realpathSync, statSync } from 'node:fs'
import type { CommitRef } from '../../shared/check-model'
import type { RepoState } from '../../shared/repo-model'
import { GitCommandError, type GitPort } from './git-port'

export type { RepoState }

export interface RepoInspection {
  state: RepoState
  /** readable sentence for the UI */
  message: string
  dir: string
  /** the current branch (null when HEAD is detached or the repo is unusable) */
  currentBranch: string | null
  /** the branch that was inspected (the requested one, else the current one; null: detached HEAD) */
  branch: string | null
  detached: boolean
  head: CommitRef | null
  shallow: boolean
}

const FIELD = '\x1f'

/** a branch name we are willing to hand to git (never an option, never a range or pathspec) */
export function isSafeBranchName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length < 256 &&
    !name.startsWith('-') &&
    !/[\s~^:?*[\\\0]|\.\.|@\{|\/\/|\.lock$|^\/|\/$|\.$/.test(name) &&
    !/[\x00-\x1f\x7f]/.test(name)
  )
}

function failure(dir: string, state: RepoState, message: string): RepoInspection {
  return { state, message, dir, currentBranch: null, branch: null, detached: false, head: null, shallow: false }
}

export async function readCommit(git: GitPort, dir: string, rev: string): Promise<CommitRef | null> {
  const out = await git.run(dir, ['log', '-1', `--format=%H${FIELD}%cI${FIELD}%s`, rev, '--']).catch(() => '')
  const [sha, date, ...subject] = out.replace(/\n$/, '').split(FIELD)
  return sha ? { sha, date, subject: subject.join(FIELD) } : null
}

/** the repository's top level and whether it is shallow; a failure when `dir` is not in a repository */
async function topLevelOf(git: GitPort, dir: string): Promise<{ topLevel: string; shallow: boolean } | RepoInspection> {
  try {
    const out = await git.run(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])
    const [topLevel, shallow] = out.split('\n')
    return { topLevel, shallow: shallow === 'true' }
  } catch (error) {
    if (error instanceof GitCommandError && error.gitMissing)
      return failure(dir, 'git-missing', 'git is not installed or not on PATH')
    return failure(dir, 'not-a-repo', `${dir} is not a git repository`)
  }
}

/**
 * What connecting `dir` would give: is it a repo (its top level), which branch, its HEAD, shallow or
 * not. Never throws for a bad repo; the state and message say what is wrong.
 */
export async function inspectRepo(
  git: GitPort,
  dir: string,
  opts: { branch?: string | null } = {},
): Promise<RepoInspection> {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return failure(dir, 'unavailable', `${dir} is not there any more (moved or deleted?)`)
  const requested = opts.branch ?? null
  const safeRequest = requested !== null && isSafeBranchName(requested)
  // independent questions go to git at once: the top level, the current branch, the requested branch's head
  const [location, symbolic, requestedHead] = await Promise.all([
    topLevelOf(git, dir),
    git.run(dir, ['symbolic-ref', '-q', '--short', 'HEAD'], { okExitCodes: [1] }).catch(() => ''),
    safeRequest ? readCommit(git, dir, `refs/heads/${requested}`) : Promise.resolve(null),
  ])
  if ('state' in location) return location
  const { topLevel, shallow } = location
  if (!topLevel || realpathSync(topLevel) !== realpathSync(dir)) {
    return failure(
      dir,
      'not-a-repo',
      `${dir} is inside the repository at ${topLevel}; connect that folder (with a path prefix) instead`,
    )
  }
  const currentBranch = symbolic.trim() || null
  if (requested !== null && !safeRequest)
    return { ...failure(dir, 'unavailable', `"${requested}" is not a valid branch name`), currentBranch }
  const branch = requested ?? currentBranch
  const head = requested !== null ? requestedHead : await readCommit(git, dir, branch ? `refs/heads/${branch}` : 'HEAD')
  const base = { dir, currentBranch, branch, detached: currentBranch === null, shallow }
  if (!head) {
    if (requested !== null) {
      const anyCommit = await readCommit(git, dir, 'HEAD')
      if (anyCommit)
        return { ...base, state: 'unavailable', head: null, message: `branch ${requested} does not exist (any more)` }
    }
    return { ...base, state: 'empty', head: null, message: 'the repository has no commits yet' }
  }
  const where = branch ? `branch ${branch}` : `detached HEAD at ${head.sha.slice(0, 10)}`
  if (shallow)
    return {
      ...base,
      state: 'shallow',
      head,
      message: `${where}; shallow clone: history before its boundary is unknown`,
    }
  return { ...base, state: 'ok', head, message: where }
}
