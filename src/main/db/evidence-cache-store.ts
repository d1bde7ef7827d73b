import type { EvidenceCache } from '../evidence/cache'
import type { AppDatabase } from './client'

export interface BufferedEvidenceCache extends EvidenceCache {
  /** writes everything set since the last flush in one transaction */
  flush(): void
  /** forgets unflushed writes (a cancelled sync leaves the cache as it was) */
  discard(): void
  pendingCount(): number
  /** deletes entries of older cache formats (per-blob findings, history before flips): they are never read again */
  dropLegacyEntries(): number
}

/**
 * The evidence engine's cache in SQLite (table evidence_cache). Writes are buffered and land in one
 * transaction when the sync finishes, so a cancelled or failed sync writes nothing.
 */
export function createSqliteEvidenceCache(db: AppDatabase): BufferedEvidenceCache {
  const select = db.$client.prepare<[string, string], { value: string }>(
    'select value from evidence_cache where repo_key = ? and cache_key = ?',
  )
  const upsert = db.$client.prepare(
    'insert into evidence_cache (repo_key, cache_key, value) values (?, ?, ?) on conflict (repo_key, cache_key) do update set value = excluded.value',
  )
  const dropLegacy = db.$client.prepare("delete from evidence_cache where substr(cache_key, 1, 3) <> 'h2:'")
  const pending = new Map<string, { repoKey: string; key: string; value: string }>()
  const id = (repoKey: string, key: string) => `${repoKey}\u0000${key}`
  return {
    get(repoKey, key) {
      const buffered = pending.get(id(repoKey, key))
      if (buffered) return buffered.value
      return select.get(repoKey, key)?.value
    },
    set(repoKey, key, value) {
      pending.set(id(repoKey, key), { repoKey, key, value })
    },
    flush() {
      if (pending.size === 0) return
      db.$client.transaction(() => {
        for (const entry of pending.values()) upsert.run(entry.repoKey, entry.key, entry.value)
      })()
      pending.clear()
    },
    discard() {
      pending.clear()
    },
    pendingCount: () => pending.size,
    dropLegacyEntries: () => dropLegacy.run().changes,
  }
}
