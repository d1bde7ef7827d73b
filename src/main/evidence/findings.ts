import type { BlobReader } from './blob-reader'
import { BlobText, isBinary, skippedFinding, type FileEvaluator, type FileFinding } from './file-eval'
import { throwIfAborted } from './history'
import type { FindingLookup } from './replay'

/**
 * File findings of one sync: every (question, blob) a batch of history needs is resolved before the batch is
 * replayed, each blob read once whatever the number of questions asked of it. Findings are kept in a bounded
 * memo (reverted content and files copied around ask again); nothing per blob is persisted.
 */

const IN_FLIGHT = 256
const MEMO_LIMIT = 40_000

export interface FindingStats {
  cacheHits: number
  blobsRead: number
}

/** findings by question, then by blob id (no key strings built per lookup) */
export class FindingMemo implements FindingLookup {
  private table = new Map<string, Map<string, FileFinding>>()
  private size = 0
  get(evaluator: FileEvaluator, oid: string): FileFinding | undefined {
    return this.table.get(evaluator.key)?.get(oid)
  }
  /** forgets everything once over the limit: call between batches, never between resolving and replaying one */
  trim(): void {
    if (this.size < MEMO_LIMIT) return
    this.table = new Map()
    this.size = 0
  }
  set(evaluator: FileEvaluator, oid: string, finding: FileFinding): void {
    let byOid = this.table.get(evaluator.key)
    if (!byOid) this.table.set(evaluator.key, (byOid = new Map()))
    if (!byOid.has(oid)) this.size++
    byOid.set(oid, finding)
  }
  has(evaluator: FileEvaluator, oid: string): boolean {
    return this.table.get(evaluator.key)?.has(oid) ?? false
  }
}

export function evaluateContent(evaluator: FileEvaluator, content: Buffer | BlobText): FileFinding {
  const blob = content instanceof BlobText ? content : new BlobText(content)
  return isBinary(blob.bytes) ? skippedFinding('binary') : evaluator.evaluate(blob)
}

/** blob id -> the questions to ask of it */
export class FindingRequests {
  readonly byOid = new Map<string, Map<string, FileEvaluator>>()
  constructor(private readonly memo: FindingMemo) {}
  add = (evaluator: FileEvaluator, oid: string): void => {
    if (this.memo.has(evaluator, oid)) return
    let evaluators = this.byOid.get(oid)
    if (!evaluators) this.byOid.set(oid, (evaluators = new Map()))
    evaluators.set(evaluator.key, evaluator)
  }
  get size(): number {
    return this.byOid.size
  }
}

export async function resolveFindings(
  requests: FindingRequests,
  ctx: {
    memo: FindingMemo
    reader: BlobReader
    stats: FindingStats
    signal?: AbortSignal
    onProgress?: (done: number, total: number) => void
  },
): Promise<void> {
  const entries = [...requests.byOid]
  let done = 0
  const readOne = async ([oid, evaluators]: (typeof entries)[number]) => {
    const blob = await ctx.reader.read(oid)
    const text = 'content' in blob ? new BlobText(blob.content) : null
    for (const evaluator of evaluators.values()) {
      ctx.memo.set(evaluator, oid, 'content' in blob ? evaluateContent(evaluator, text!) : skippedFinding(blob.skipped))
    }
    if (text) ctx.stats.blobsRead++
    ctx.onProgress?.(++done, entries.length)
  }
  // a sliding window: git always has requests queued while the blobs already read are evaluated
  let next = 0
  const worker = async () => {
    while (next < entries.length) {
      throwIfAborted(ctx.signal)
      await readOne(entries[next++])
    }
  }
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, entries.length) }, worker))
}
