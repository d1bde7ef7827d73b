import picomatch from 'picomatch'

/**
 * Plan paths and globs: validation (they come from user-written text) and mapping into a connected
 * repo through its prefix. Matching is done in JS against paths git lists, so a plan path is never
 * handed to git or to the file system as is.
 */

/** why a plan path is refused, or null when it is a safe repo-relative path */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'empty path'
  if (path.includes('\0')) return 'contains a NUL byte'
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return 'absolute path'
  if (path.includes('\\')) return 'contains a backslash'
  const segments = path.split('/')
  if (segments.some((s) => s === '..')) return 'goes up with ..'
  if (segments.some((s) => s.startsWith('-'))) return 'a path segment starts with -'
  if (segments.some((s) => s.toLowerCase() === '.git')) return 'points into .git'
  return null
}

export function isSafePlanPath(path: string): boolean {
  return unsafePathReason(path) === null
}

/** strips `./` and duplicate slashes; keeps a trailing `/` (it marks a directory) */
export function normalizePlanPath(path: string): string {
  let p = path.trim().replace(/\/{2,}/g, '/')
  while (p.startsWith('./')) p = p.slice(2)
  return p
}

/** a glob that matches anywhere in a repo (starts with a double-star segment) instead of from the plan root */
export function isAnywhereGlob(glob: string): boolean {
  return glob.startsWith('**/')
}

/**
 * A connected repository's path prefix as `dir/sub/` ('' for none), or null when it would leave the plan's paths
 * (a `..` or `.` segment). The one rule for connecting, editing and evaluating: an unsafe prefix maps no path.
 */
export function normalizePrefix(prefix: string | null | undefined): string | null {
  if (!prefix) return ''
  const p = normalizePlanPath(prefix.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '')
  if (p === '' || p === '.') return ''
  if (p.split('/').some((part) => part === '..' || part === '.')) return null
  return `${p}/`
}

/** plan path -> repo path, or null when the path is not inside this repo's prefix */
export function planToRepoPath(planPath: string, prefix: string | null): string | null {
  const p = normalizePrefix(prefix)
  if (p === null) return null
  if (p === '') return planPath
  return planPath.startsWith(p) ? planPath.slice(p.length) : null
}

/** repo path -> plan path (an unsafe prefix adds nothing: it maps no plan path the other way either) */
export function repoToPlanPath(repoPath: string, prefix: string | null): string {
  return (normalizePrefix(prefix) ?? '') + repoPath
}

/** plan glob -> repo glob (anywhere-globs apply to the whole repo) */
export function planToRepoGlob(glob: string, prefix: string | null): string | null {
  if (isAnywhereGlob(glob)) return normalizePrefix(prefix) === null ? null : glob
  return planToRepoPath(glob, prefix)
}

export type PathMatcher = (repoPath: string) => boolean

export function compileGlobs(globs: string[]): PathMatcher {
  if (globs.length === 0) return () => true
  const matchers = globs.map((g) => picomatch(g, { dot: true }))
  return (path) => matchers.some((m) => m(path))
}

/** paths git itself should never be searched in (vendored and generated trees) */
export function isVendoredPath(repoPath: string): boolean {
  return /(^|\/)(node_modules|\.venv|venv|dist|build|vendor)\//.test(repoPath)
}
