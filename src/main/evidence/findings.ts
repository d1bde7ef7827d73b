import type { BlobReader } from './blob-reader'
import type { EvidenceCache } from './cache'
import type { CompiledCheck } from './compile'
import { isBinary, skippedFinding, type FileEvaluator, type FileFinding } from './file-eval'
import { throwIfAborted } from './history'
import { GITLINK_MODE, SYMLINK_MODE, type FindingLookup, type ScopeIndex } from './replay'

/**
 * Resolves every (question, blob) finding a replay needs before the replay runs: cache first,
 * then one pipelined pass over `cat-file`, each blob read once whatever the number of questions.
 */

const IN_FLIGHT = 512

export class FindingTable implements FindingLookup {
  private readonly table = new Map<string, FileFinding>()
  get(evaluator: FileEvaluator, oid: string): FileFinding | undefined {
    return this.table.get(`${evaluator.key}\0${oid}`)
  }
  set(evaluator: FileEvaluator, oid: string, finding: FileFinding): void {
    this.table.set(`${evaluator.key}\0${oid}`, finding)
  }
  has(evaluator: FileEvaluator, oid: string): boolean {
    return this.table.has(`${evaluator.key}\0${oid}`)
  }
}

export interface FindingStats {
  cacheHits: number
  blobsRead: number
}

export function findingCacheKey(evaluator: FileEvaluator, oid: string): string {
  return `f:${evaluator.key}:${oid}`
}

export function evaluateContent(evaluator: FileEvaluator, content: Buffer): FileFinding {
  return isBinary(content) ? skippedFinding('binary') : evaluator.evaluate(content.toString('utf8'))
}

/** the content questions the entries raise: blob id -> evaluators (and the size when known) */
export function collectRequests(
  entries: Iterable<{ path: string; oid: string | null; mode: string; size?: number }>,
  index: ScopeIndex,
  table: FindingTable,
): Map<string, { evaluators: Map<string, FileEvaluator>; size?: number }> {
  const requests = new Map<string, { evaluators: Map<string, FileEvaluator>; size?: number }>()
  for (const entry of entries) {
    if (entry.oid === null || entry.mode === SYMLINK_MODE || entry.mode === GITLINK_MODE) continue
    for (const check of index.checksFor(entry.path) as CompiledCheck[]) {
      const evaluator = check.evaluatorFor(entry.path)
      if (!evaluator || table.has(evaluator, entry.oid)) continue
      const request = requests.get(entry.oid) ?? { evaluators: new Map(), size: entry.size }
      request.evaluators.set(evaluator.key, evaluator)
      requests.set(entry.oid, request)
    }
  }
  return requests
}

export async function resolveFindings(
  requests: Map<string, { evaluators: Map<string, FileEvaluator>; size?: number }>,
  ctx: { table: FindingTable; cache: EvidenceCache; repoKey: string; reader: BlobReader; stats: FindingStats; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const toRead: Array<[string, { evaluators: FileEvaluator[]; size?: number }]> = []
  for (const [oid, request] of requests) {
    const missing: FileEvaluator[] = []
    for (const evaluator of request.evaluators.values()) {
      const cached = ctx.cache.get(ctx.repoKey, findingCacheKey(evaluator, oid))
      if (cached !== undefined) {
        ctx.stats.cacheHits++
        ctx.table.set(evaluator, oid, JSON.parse(cached) as FileFinding)
      } else missing.push(evaluator)
    }
    if (missing.length) toRead.push([oid, { evaluators: missing, size: request.size }])
  }
  let done = 0
  const readOne = async ([oid, { evaluators, size }]: (typeof toRead)[number]) => {
    const blob = await ctx.reader.read(oid, size)
    for (const evaluator of evaluators) {
      const finding = 'content' in blob ? evaluateContent(evaluator, blob.content) : skippedFinding(blob.skipped)
      ctx.table.set(evaluator, oid, finding)
      if ('content' in blob || blob.skipped === 'too-large') ctx.cache.set(ctx.repoKey, findingCacheKey(evaluator, oid), JSON.stringify(finding))
    }
    if ('content' in blob) ctx.stats.blobsRead++
    ctx.onProgress?.(++done, toRead.length)
  }
  for (let i = 0; i < toRead.length; i += IN_FLIGHT) {
    throwIfAborted(ctx.signal)
    await Promise.all(toRead.slice(i, i + IN_FLIGHT).map(readOne))
  }
}
