/**
 * Key/value store for evidence work already done, scoped by repo. The key in use (repo-sync.ts) is
 * `h2:<plan start>:<prefix hash>:<check id>:<spec hash>`: a check's replayed history as its flips, with the window
 * it was computed for; an entry of another version is recomputed. db/evidence-cache-store.ts keeps it in SQLite.
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
