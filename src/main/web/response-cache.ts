import { promisify } from 'node:util'
import { gzip } from 'node:zlib'

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

/** An answer as sent: the JSON bytes, and gzipped for clients that accept it (a 2,000-task progress is ~1.3 MB of JSON). */
export interface Answer {
  json: Buffer
  gzip: Buffer | null
}

const gzipAsync = promisify(gzip)

/** gzip off the request thread (libuv's pool); only worth it for answers of some size */
export async function compressed(json: Buffer): Promise<Answer> {
  return { json, gzip: json.length >= 16 * 1024 ? await gzipAsync(json, { level: 6 }) : null }
}

export class ResponseCache {
  private readonly entries = new Map<string, Answer>()
  private readonly pending = new Map<string, Promise<Answer>>()
  private bytes = 0

  async get(key: string, compute: () => Promise<Answer>): Promise<Answer> {
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
      if (answer.json.subarray(0, 10).toString() === '{"ok":true') this.store(key, answer)
      return answer
    })
    this.pending.set(key, promise)
    try {
      return await promise
    } finally {
      this.pending.delete(key)
    }
  }

  private store(key: string, answer: Answer): void {
    const size = answer.json.length + (answer.gzip?.length ?? 0)
    if (size > MAX_BYTES / 4) return
    this.entries.set(key, answer)
    this.bytes += size
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break
      this.entries.delete(oldKey)
      this.bytes -= old.json.length + (old.gzip?.length ?? 0)
    }
  }
}
