import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckSpec } from '../../src/shared/check-model'
import {
  checkKey,
  createGitPort,
  createMemoryEvidenceCache,
  planWeekEnds,
  syncEvidence,
  watchRepo,
  type SyncProgress,
} from '../../src/main/evidence'
import { GitFixture, lines } from './helpers/git-fixture'

const PLAN_START = '2025-03-03'
const WEEK_ENDS = planWeekEnds(PLAN_START, 4)
const at = (d: string, h = 10) => `${d}T${String(h).padStart(2, '0')}:00:00+00:00`
const spec = (partial: Partial<CheckSpec> & Pick<CheckSpec, 'kind'>) =>
  ({ sentence: 's', sourceLine: null, origin: 'user', enabled: true, ...partial }) as CheckSpec
const SPECS: CheckSpec[] = [
  spec({ kind: 'file-exists', path: 'src/feature.py' }),
  spec({ kind: 'text-absent', needle: 'except: pass', scope: [] }),
  spec({ kind: 'line-count', path: 'src/main.py', op: '<', value: 200 }),
  spec({ kind: 'dependency', tool: 'opossum', npm: ['opossum'], python: [], files: [] }),
  spec({ kind: 'file-count', glob: '*.md', op: '<', value: 5 }),
]
const checks = SPECS.map((s) => ({ id: checkKey(s), spec: s }))

const f = new GitFixture()
afterAll(() => f.cleanup())
beforeAll(() => {
  f.write('README.md', '# r\n')
    .write('src/main.py', lines(250))
    .write('src/util.py', 'try:\n    x()\nexcept: pass\n')
    .write('package.json', '{"dependencies":{}}\n')
  f.commit('start', at('2025-02-25'))
  for (let i = 0; i < 40; i++)
    f.write(`src/mod${i % 7}.py`, lines(5 + i)).commit(
      `work ${i}`,
      at(`2025-03-${String(4 + Math.floor(i / 4)).padStart(2, '0')}`, 8 + (i % 4)),
    )
})

function run(
  cache = createMemoryEvidenceCache(),
  opts: { signal?: AbortSignal; onProgress?: (p: SyncProgress) => void } = {},
) {
  return syncEvidence({
    repos: [{ id: 'r', dir: f.dir, branch: null, prefix: null }],
    checks,
    planStart: PLAN_START,
    weekEnds: WEEK_ENDS,
    cache,
    git: createGitPort(),
    ...opts,
  })
}

describe('re-sync', () => {
  it('with no new commits does no history work; one new commit is evaluated alone', async () => {
    const cache = createMemoryEvidenceCache()
    const first = await run(cache)
    expect(first.stats.commitsEvaluated).toBe(40)
    expect(first.stats.historyPasses).toBe(1)

    const again = await run(cache)
    expect(again.stats).toMatchObject({ commitsEvaluated: 0, historyPasses: 0, blobsRead: 0 })
    expect(again.stats.gitCalls).toBeLessThanOrEqual(4)
    expect(again.checks).toEqual(first.checks)

    const newCommit = f
      .write('src/main.py', lines(120))
      .write('src/util.py', 'x()\n')
      .write('src/feature.py', 'ok\n')
      .commit('shrink main, fix util', at('2025-03-20'))
    const third = await run(cache)
    expect(third.stats).toMatchObject({ commitsEvaluated: 1, historyPasses: 1 })
    expect(third.stats.blobsRead).toBe(3)
    for (const r of third.checks.slice(0, 3))
      expect(r).toMatchObject({ holdsNow: true, since: { sha: newCommit, week: 3 } })
    // same answer as a sync from scratch
    expect(third.checks).toEqual((await run()).checks)
  })

  it('falls back to a full replay when history was rewritten', async () => {
    const cache = createMemoryEvidenceCache()
    await run(cache)
    f.git('reset', '-q', '--hard', 'HEAD~1')
    const rewritten = f.write('src/feature.py', 'other\n').commit('feature, rewritten', at('2025-03-21'))
    const result = await run(cache)
    expect(result.stats.commitsEvaluated).toBeGreaterThan(1)
    expect(result.checks[0].since?.sha).toBe(rewritten)
    expect(result.checks).toEqual((await run()).checks)
  })

  it('reports progress and can be cancelled without writing history entries', async () => {
    const cache = createMemoryEvidenceCache()
    const controller = new AbortController()
    const phases: string[] = []
    const cancelled = run(cache, {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase)
        if (p.phase === 'read') controller.abort()
      },
    })
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' })
    expect(cache.keys('r').filter((k) => k.startsWith('h:'))).toEqual([])
    const progress: SyncProgress[] = []
    const done = await run(cache, { onProgress: (p) => progress.push(p) })
    expect(done.checks.every((c) => c.holdsNow !== null)).toBe(true)
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['inspect', 'history', 'read', 'replay', 'done']))
    expect(progress.at(-1)).toMatchObject({ phase: 'done', done: 1, total: 1 })
  })

  it('keeps the cache small: transitions, not one row per commit per check', async () => {
    const cache = createMemoryEvidenceCache()
    await run(cache)
    const history = cache.keys('r').filter((k) => k.startsWith('h2:'))
    expect(history).toHaveLength(SPECS.length)
    expect(cache.size().bytes).toBeLessThan(40_000)
  })
})

describe('watchRepo', () => {
  it('calls back once (debounced) when a commit moves HEAD, and not after stop', async () => {
    let calls = 0
    const stop = watchRepo(f.dir, () => calls++, { debounceMs: 80 })
    f.write('w.txt', '1\n').commit('watched 1', at('2025-03-22'))
    f.write('w.txt', '2\n').commit('watched 2', at('2025-03-22', 11))
    await new Promise((r) => setTimeout(r, 400))
    expect(calls).toBe(1)
    stop()
    f.write('w.txt', '3\n').commit('unwatched', at('2025-03-22', 12))
    await new Promise((r) => setTimeout(r, 300))
    expect(calls).toBe(1)
  })

  it('returns a no-op stop for a folder that is not a repo', () => {
    expect(() => watchRepo('/nonexistent/dir', () => undefined)()).not.toThrow()
  })
})
