import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { GitCommandError, type GitPort } from './git-port'

/**
 * One long-lived `git cat-file --batch`. Requests are pipelined (many in flight, answers in order). A blob
 * over the size limit is skipped as it streams past: its bytes are counted, never kept.
 */

export type BlobRead = { content: Buffer } | { skipped: 'too-large' | 'missing'; size: number | null }

interface Pending {
  resolve: (read: BlobRead) => void
  reject: (error: Error) => void
}

export class BlobReader {
  private child: ChildProcessWithoutNullStreams | null = null
  private readonly queue: Pending[] = []
  private chunks: Buffer[] = []
  private buffered = 0
  /** the answer being received: bytes still expected (content + the trailing newline) */
  private body: { size: number; remaining: number; keep: boolean; parts: Buffer[] } | null = null
  private failure: Error | null = null
  /** request lines not written yet: written together once per tick */
  private unwritten: string[] = []
  blobsRead = 0

  constructor(
    private readonly git: GitPort,
    private readonly dir: string,
    readonly maxBytes: number,
  ) {}

  private start(): ChildProcessWithoutNullStreams {
    const child = this.git.spawn(this.dir, ['cat-file', '--batch'])
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk))
    child.stdin.on('error', () => undefined)
    child.on('error', (error) => this.fail(new GitCommandError(`cat-file failed: ${error.message}`, null, '', (error as NodeJS.ErrnoException).code === 'ENOENT')))
    child.on('close', () => this.fail(new GitCommandError('cat-file exited', null, '')))
    return child
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error
    for (const p of this.queue.splice(0)) p.reject(error)
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks)
    const head = all.subarray(0, n)
    const rest = all.subarray(n)
    this.chunks = rest.length ? [rest] : []
    this.buffered = rest.length
    return head
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    while (this.queue.length > 0 && this.buffered > 0) {
      if (this.body) {
        const n = Math.min(this.body.remaining, this.buffered)
        const part = this.take(n)
        if (this.body.keep) this.body.parts.push(part)
        this.body.remaining -= n
        if (this.body.remaining > 0) return
        const { keep, parts, size } = this.body
        this.body = null
        const pending = this.queue.shift()!
        if (keep) {
          this.blobsRead++
          const all = parts.length === 1 ? parts[0] : Buffer.concat(parts)
          pending.resolve({ content: all.subarray(0, size) })
        } else pending.resolve({ skipped: 'too-large', size })
        continue
      }
      const joined = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks)
      this.chunks = [joined]
      const newline = joined.indexOf(10)
      if (newline < 0) return
      const header = this.take(newline + 1).toString('utf8').trimEnd()
      const parts = header.split(' ')
      if (parts[1] === 'missing' || parts.length < 3) {
        this.queue.shift()!.resolve({ skipped: 'missing', size: null })
        continue
      }
      const size = Number(parts[2])
      const isBlob = parts[1] === 'blob'
      this.body = { size, remaining: size + 1, keep: isBlob && size <= this.maxBytes, parts: [] }
      if (!isBlob) {
        // answer a non-blob as missing once its bytes have streamed past
        this.body.keep = false
      }
    }
  }

  /** reads a blob unless it is bigger than the limit */
  read(oid: string): Promise<BlobRead> {
    if (this.failure) return Promise.reject(this.failure)
    this.child ??= this.start()
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject })
      if (this.unwritten.push(oid) === 1) setImmediate(() => this.flushRequests())
    })
  }

  private flushRequests(): void {
    const lines = this.unwritten
    this.unwritten = []
    if (lines.length && this.child) this.child.stdin.write(`${lines.join('\n')}\n`)
  }

  close(): void {
    this.child?.stdin.end()
    this.child?.kill()
    this.child = null
  }
}
