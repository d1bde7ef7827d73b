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
  private partialHeader: Buffer | null = null
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
    child.on('error', (error) =>
      this.fail(
        new GitCommandError(
          `cat-file failed: ${error.message}`,
          null,
          '',
          (error as NodeJS.ErrnoException).code === 'ENOENT',
        ),
      ),
    )
    child.on('close', () => this.fail(new GitCommandError('cat-file exited', null, '')))
    return child
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error
    for (const p of this.queue.splice(0)) p.reject(error)
  }

  /**
   * Parses answers straight out of the chunks git writes: a blob inside one chunk is a view of it (no copy), one
   * spanning chunks is joined once; only a header cut by a chunk boundary is carried over.
   */
  private receive(chunk: Buffer): void {
    const buf = this.partialHeader ? Buffer.concat([this.partialHeader, chunk]) : chunk
    this.partialHeader = null
    let pos = 0
    while (pos < buf.length && this.queue.length > 0) {
      if (this.body) {
        const n = Math.min(this.body.remaining, buf.length - pos)
        if (this.body.keep) this.body.parts.push(buf.subarray(pos, pos + n))
        this.body.remaining -= n
        pos += n
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
      const newline = buf.indexOf(10, pos)
      if (newline < 0) {
        this.partialHeader = Buffer.from(buf.subarray(pos))
        return
      }
      const parts = buf.toString('latin1', pos, newline).split(' ')
      pos = newline + 1
      if (parts[1] === 'missing' || parts.length < 3) {
        this.queue.shift()!.resolve({ skipped: 'missing', size: null })
        continue
      }
      const size = Number(parts[2])
      // a non-blob answer streams past and reads as too large to use
      this.body = { size, remaining: size + 1, keep: parts[1] === 'blob' && size <= this.maxBytes, parts: [] }
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
