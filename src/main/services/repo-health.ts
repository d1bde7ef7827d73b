import { readdirSync } from 'node:fs'
import { GitCommandError, type GitPort } from '../evidence/git-port'
import { inspectRepo, type RepoInspection } from '../evidence/inspect'

/**
 * Whether a connected folder can be read as a git repository, with a sentence for each way it cannot: moved or
 * deleted, not a repository, a bare repository, owned by another user (git's safe.directory rule), unreadable,
 * git missing, branch gone, no commits.
 */
export async function checkRepoFolder(git: GitPort, dir: string, branch: string | null): Promise<RepoInspection> {
  const inspection = await inspectRepo(git, dir, { branch })
  if (inspection.state !== 'not-a-repo' || !inspection.message.endsWith('is not a git repository')) return inspection
  return { ...inspection, message: await whyNotARepo(git, dir) }
}

/** true when the folder's evidence can be read now (it has a commit to read) */
export function isReadable(inspection: RepoInspection): boolean {
  return inspection.head !== null
}

async function whyNotARepo(git: GitPort, dir: string): Promise<string> {
  try {
    readdirSync(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM') return `${dir} cannot be read (permission denied)`
  }
  try {
    const bare = await git.run(dir, ['rev-parse', '--is-bare-repository'])
    if (bare.trim() === 'true')
      return `${dir} is a bare repository (it has no working tree); connect a clone of it instead`
  } catch (error) {
    const said = error instanceof GitCommandError ? `${error.stderr} ${error.message}` : String(error)
    if (/dubious ownership/i.test(said)) {
      return `${dir} belongs to another user, so git refuses to read it (git's safe.directory rule); if you trust it, run: git config --global --add safe.directory ${dir}`
    }
  }
  return `${dir} is not a git repository`
}

/** Does the repository at `dir` have this commit? (a relinked folder must be the same repository) */
export async function hasCommit(git: GitPort, dir: string, sha: string): Promise<boolean> {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return false
  try {
    await git.run(dir, ['cat-file', '-e', `${sha}^{commit}`])
    return true
  } catch {
    return false
  }
}
