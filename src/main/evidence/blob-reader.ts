import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { GitCommandError, type GitPort } from './git-port'

/**
 * Long-lived `git cat-file --batch-check` + `--batch` pair. Sizes are asked first so a blob over
 * the size limit is never requested (never read past the limit). Requests are pipelined: many can
 * be in flight, answers come back in order.
 */

type Pending =
  | { kind: 'check'; resolve: (size: number | null) => void; reject: (e: Error) => void }
  | { kind: 'content'; resolve: (content: Buffer | null) => void; reject: (e: Error) => void }

class BatchProcess {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly queue: Pending[] = []
  private buffer: Buffer = Buffer.alloc(0)
  private failure: Error | null = null

  constructor(git: GitPort, dir: string, mode: '--batch' | '--batch-check') {
    this.child = git.spawn(dir, ['cat-file', mode])
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
      this.drain()
    })
    this.child.stdin.on('error', () => undefined)
    this.child.on('error', (error) => this.fail(new GitCommandError(`cat-file failed: ${error.message}`, null, '', (error as NodeJS.ErrnoException).code === 'ENOENT')))
    this.child.on('close', () => this.fail(new GitCommandError('cat-file exited', null, '')))
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error
    for (const p of this.queue.splice(0)) p.reject(error)
  }

  request(oid: string, pending: Pending): void {
    if (this.failure) return pending.reject(this.failure)
    this.queue.push(pending)
    this.child.stdin.write(`${oid}\n`)
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const newline = this.buffer.indexOf(10)
      if (newline < 0) return
      const header = this.buffer.subarray(0, newline).toString('utf8')
      const parts = header.split(' ')
      const head = this.queue[0]
      if (parts[1] === 'missing' || parts.length < 3) {
        this.buffer = this.buffer.subarray(newline + 1)
        this.queue.shift()
        head.resolve(null)
        continue
      }
      const size = Number(parts[2])
      if (head.kind === 'check') {
        this.buffer = this.buffer.subarray(newline + 1)
        this.queue.shift()
        head.resolve(parts[1] === 'blob' ? size : null)
        continue
      }
      if (this.buffer.length < newline + 1 + size + 1) return
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size))
      this.buffer = this.buffer.subarray(newline + 1 + size + 1)
      this.queue.shift()
      head.resolve(parts[1] === 'blob' ? content : null)
    }
  }

  close(): void {
    this.child.stdin.end()
    this.child.kill()
  }
}

export type BlobRead = { content: Buffer } | { skipped: 'too-large' | 'missing'; size: number | null }

export class BlobReader {
  private check: BatchProcess | null = null
  private batch: BatchProcess | null = null
  blobsRead = 0

  constructor(
    private readonly git: GitPort,
    private readonly dir: string,
    readonly maxBytes: number,
  ) {}

  private size(oid: string): Promise<number | null> {
    this.check ??= new BatchProcess(this.git, this.dir, '--batch-check')
    const check = this.check
    return new Promise((resolve, reject) => check.request(oid, { kind: 'check', resolve, reject }))
  }

  private content(oid: string): Promise<Buffer | null> {
    this.batch ??= new BatchProcess(this.git, this.dir, '--batch')
    const batch = this.batch
    return new Promise((resolve, reject) => batch.request(oid, { kind: 'content', resolve, reject }))
  }

  /** reads a blob unless it is bigger than the limit; `knownSize` (from ls-tree -l) saves the size query */
  async read(oid: string, knownSize?: number): Promise<BlobRead> {
    const size = knownSize !== undefined && knownSize >= 0 ? knownSize : await this.size(oid)
    if (size === null) return { skipped: 'missing', size: null }
    if (size > this.maxBytes) return { skipped: 'too-large', size }
    const content = await this.content(oid)
    if (content === null) return { skipped: 'missing', size }
    this.blobsRead++
    return { content }
  }

  close(): void {
    this.check?.close()
    this.batch?.close()
    this.check = null
    this.batch = null
  }
}
