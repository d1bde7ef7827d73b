import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs'
import { join, resolve } from 'node:path'

/** the repo's git directory (a `.git` file in worktrees and submodules points elsewhere) */
function gitDirOf(dir: string): string | null {
  const dotGit = join(dir, '.git')
  if (!existsSync(dotGit)) return null
  if (statSync(dotGit).isDirectory()) return dotGit
  const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))
  return m ? resolve(dir, m[1].trim()) : null
}

/**
 * Calls `onChange` (debounced) when HEAD or any ref moves: commits, checkouts, resets, fetches.
 * Watches HEAD, packed-refs and refs/ in the git directory; never the working tree. Returns a stop
 * function. A repo that is not there (yet) is simply not watched.
 */
export function watchRepo(dir: string, onChange: () => void, opts: { debounceMs?: number } = {}): () => void {
  const debounceMs = opts.debounceMs ?? 300
  const gitDir = gitDirOf(dir)
  if (!gitDir) return () => undefined
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  const fire = () => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (!stopped) onChange()
    }, debounceMs)
  }
  const watchers: FSWatcher[] = []
  const tryWatch = (path: string, recursive: boolean, filter?: (name: string | null) => boolean) => {
    try {
      const w = watch(path, { recursive, persistent: false }, (_event, name) => {
        if (!filter || filter(name === null ? null : String(name))) fire()
      })
      w.on('error', () => undefined)
      watchers.push(w)
    } catch {
      // refs/ may be missing in a fresh repo; HEAD and packed-refs still cover the common moves
    }
  }
  tryWatch(gitDir, false, (name) => name === null || name === 'HEAD' || name === 'packed-refs' || name === 'ORIG_HEAD')
  tryWatch(join(gitDir, 'refs'), true, (name) => name === null || !name.endsWith('.lock'))
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    for (const w of watchers) w.close()
  }
}
