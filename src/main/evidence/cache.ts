/**
 * Key/value store for evidence work already done. Keys are scoped by repo:
 * - `f:<question>:<blob id>`: what one file version says (immutable, shared by all checks and plans)
 * - `h:<plan start>:<check id>`: a check's replayed history as a range encoding (transitions only)
 * - `w:<plan start>`: the window (base commit, head) the history entries were computed for
 * The lead's SQLite implementation has the same interface.
 */
export interface EvidenceCache {
  get(repoKey: string, key: string): string | undefined
  set(repoKey: string, key: string, value: string): void
}

export interface MemoryEvidenceCache extends EvidenceCache {
  /** number of entries and bytes stored (for tests and the bench) */
  size(): { entries: number; bytes: number }
  keys(repoKey: string): string[]
}

export function createMemoryEvidenceCache(): MemoryEvidenceCache {
  const store = new Map<string, Map<string, string>>()
  return {
    get: (repoKey, key) => store.get(repoKey)?.get(key),
    set(repoKey, key, value) {
      let repo = store.get(repoKey)
      if (!repo) store.set(repoKey, (repo = new Map()))
      repo.set(key, value)
    },
    size() {
      let entries = 0
      let bytes = 0
      for (const repo of store.values())
        for (const [k, v] of repo) {
          entries++
          bytes += k.length + v.length
        }
      return { entries, bytes }
    },
    keys: (repoKey) => [...(store.get(repoKey)?.keys() ?? [])],
  }
}
