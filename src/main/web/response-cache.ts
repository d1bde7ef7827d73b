/**
 * Answers of pure reads, kept as the JSON bytes sent, while the database has not changed. The key holds the
 * database's change counter (PRAGMA data_version + this connection's total_changes()) and today's date, so any
 * write, by this process or another, and midnight make a fresh answer. Concurrent misses of one key share one
 * computation.
 */

/** methods whose answer depends only on the database, the input and today's date */
export const CACHEABLE_METHODS = new Set(['progress.get', 'report.get', 'plans.get', 'plans.list', 'settings.get'])

/** Heavy calls run elsewhere (worker threads); the answer comes back as the JSON text to send. */
export interface OffloadedCalls {
  handles(method: string): boolean
  callJson(method: string, input: unknown): Promise<string>
  close(): Promise<void>
}

const MAX_ENTRIES = 64
const MAX_BYTES = 64 * 1024 * 1024

export class ResponseCache {
  private readonly entries = new Map<string, Buffer>()
  private readonly pending = new Map<string, Promise<Buffer>>()
  private bytes = 0

  async get(key: string, compute: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key)
    if (hit) {
      // most recently used last
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const running = this.pending.get(key)
    if (running) return running
    const promise = compute().then((answer) => {
      // only successful answers are kept: a failure may be transient (a busy database)
      if (answer.subarray(0, 10).toString() === '{"ok":true') this.store(key, answer)
      return answer
    })
    this.pending.set(key, promise)
    try {
      return await promise
    } finally {
      this.pending.delete(key)
    }
  }

  private store(key: string, answer: Buffer): void {
    if (answer.length > MAX_BYTES / 4) return
    this.entries.set(key, answer)
    this.bytes += answer.length
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break
      this.entries.delete(oldKey)
      this.bytes -= old.length
    }
  }
}
