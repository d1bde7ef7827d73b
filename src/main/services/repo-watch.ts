import type { AppDatabase } from '../db/client'
import { allLinks } from '../db/repo-store'
import { watchRepo } from '../evidence/watch'

/**
 * Watches the HEAD and refs of every connected repository with auto-sync on, and reports a change (debounced) so
 * the host can re-sync while the app runs.
 */
export class RepoWatchService {
  private watchers = new Map<string, () => void>()

  constructor(
    private readonly db: AppDatabase,
    private readonly onChange: (planId: number, repoId: number) => void,
    private readonly debounceMs = 500,
  ) {}

  /** Re-reads the connections (all plans, or one) and starts/stops watchers to match. */
  refresh(): void {
    const wanted = new Map<string, { planId: number; repoId: number; path: string }>()
    const rows = allLinks(this.db)
    // the path is part of the key: a relinked repository is watched at its new folder
    for (const row of rows) if (row.autoSync) wanted.set(`${row.planId}:${row.repoId}:${row.path}`, row)
    for (const [key, stop] of this.watchers) {
      if (!wanted.has(key)) {
        stop()
        this.watchers.delete(key)
      }
    }
    for (const [key, row] of wanted) {
      if (this.watchers.has(key)) continue
      this.watchers.set(
        key,
        watchRepo(row.path, () => this.onChange(row.planId, row.repoId), { debounceMs: this.debounceMs }),
      )
    }
  }

  watchedCount(): number {
    return this.watchers.size
  }

  close(): void {
    for (const stop of this.watchers.values()) stop()
    this.watchers.clear()
  }
}
