/** Recently imported plan files (desktop app: real paths that can be re-imported in one click). */
export interface RecentFile {
  path: string
  name: string
}

const STORAGE_KEY = 'readiness.recentFiles'
const MAX_RECENT = 6

export function readRecentFiles(): RecentFile[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (entry): entry is RecentFile => typeof entry?.path === 'string' && typeof entry?.name === 'string',
    )
  } catch {
    return []
  }
}

export function rememberRecentFile(path: string): RecentFile[] {
  const name = path.split(/[\\/]/).pop() ?? path
  const next = [{ path, name }, ...readRecentFiles().filter((entry) => entry.path !== path)].slice(0, MAX_RECENT)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // storage full or disabled: recents are a convenience only
  }
  return next
}
