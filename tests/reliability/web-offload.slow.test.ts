import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/bootstrap'
import { sourceLayout } from '../../src/main/source-layout'
import { GitFixture } from '../evidence/helpers/git-fixture'
import { callOk } from '../support/core'
import { startWebProcess, type WebProcess } from '../support/web-process'

function plan2000(): string {
  const lines = ['# Offload plan', '', '**Date:** 2026-01-05', '']
  for (let phase = 1; phase <= 20; phase++) {
    lines.push(`## Phase ${phase}: Area ${phase} (Week ${phase})`, '')
    for (let item = 1; item <= 100; item++)
      lines.push(
        `#### ${phase}.${item} Harden component ${phase}-${item}`,
        '',
        '**Estimated Time**: 2 hours',
        '',
        `- Create \`src/area${phase}/component${item}.ts\``,
        '',
      )
  }
  return lines.join('\n')
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

describe('browser mode: heavy calls run off the request thread', () => {
  let dir: string
  let repo: GitFixture
  let web: WebProcess
  const figures: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-offload-'))
    repo = new GitFixture()
    for (let phase = 1; phase <= 10; phase++) {
      for (let item = 1; item <= 100; item += 2)
        repo.write(`src/area${phase}/component${item}.ts`, `export const c = ${phase}\n`)
      repo.commit(`Area ${phase}`, `2026-01-${String(5 + phase).padStart(2, '0')}T10:00:00+00:00`)
    }
    const core = openCore({
      dbPath: join(dir, 'web.db'),
      ...sourceLayout,
      appVersion: 'test',
      platform: { mode: 'cli', dialogs: null },
    })
    try {
      await callOk(core, 'plans.import', {
        source: { name: 'plan.md', base64: Buffer.from(plan2000()).toString('base64') },
      })
      await callOk(core, 'repos.connect', { planId: 1, path: repo.dir })
    } finally {
      core.close()
    }
    web = await startWebProcess(join(dir, 'web.db'), dir)
    // the worker threads load in the background (until then heavy calls run on the request thread): wait for both
    const log = () => (existsSync(join(dir, 'web.log')) ? readFileSync(join(dir, 'web.log'), 'utf8') : '')
    for (
      let i = 0;
      i < 1200 &&
      !(log().includes('the writer worker thread is ready') && log().includes('the reader worker thread is ready'));
      i++
    )
      await new Promise((r) => setTimeout(r, 100))
    expect(log()).toContain('the reader worker thread is ready')
  }, 300_000)
  afterAll(async () => {
    await web?.stop()
    repo?.cleanup()
    rmSync(dir, { recursive: true, force: true })
    console.log(`[reliability] request thread: ${figures.join('; ')}`)
  })

  async function rpc(method: string, input: unknown): Promise<number> {
    const started = performance.now()
    const response = await fetch(`http://127.0.0.1:${web.port}/rpc/${method}`, {
      method: 'POST',
      headers: { 'x-readiness-token': web.token, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
    const body = (await response.json()) as { ok: boolean; error?: { message: string } }
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
    return performance.now() - started
  }

  /** sequential quick reads until `busy` settles; their latencies */
  async function readsDuring(busy: Promise<unknown>): Promise<number[]> {
    let done = false
    void busy.finally(() => (done = true))
    const latencies: number[] = []
    while (!done) latencies.push(await rpc('plans.list', {}))
    return latencies
  }

  it('quick reads are answered while uncached progress computations and a full sync run', async () => {
    const progress = Promise.all([1, 2, 3, 4].map((n) => rpc('progress.get', { planId: 1, asOf: `2026-02-0${n}` })))
    const duringProgress = await readsDuring(progress)
    const progressTimes = await progress
    expect(duringProgress.length).toBeGreaterThan(3)
    // on the request thread, each read would wait for the computation in progress: half of them for most of one
    expect(median(duringProgress), 'quick reads waited for progress computations').toBeLessThan(
      Math.min(...progressTimes) / 4,
    )

    const sync = rpc('repos.sync', { planId: 1 })
    const duringSync = await readsDuring(sync)
    const syncTime = await sync
    expect(duringSync.length).toBeGreaterThan(3)
    expect(median(duringSync), 'quick reads waited for the sync').toBeLessThan(syncTime / 20)
    figures.push(
      `4 uncached progress.get of 2,000 tasks took ${Math.min(...progressTimes).toFixed(0)}–${Math.max(...progressTimes).toFixed(0)} ms while ${duringProgress.length} plans.list answered (median ${median(duringProgress).toFixed(0)} ms, max ${Math.max(...duringProgress).toFixed(0)} ms)`,
      `a ${(syncTime / 1000).toFixed(1)} s sync while ${duringSync.length} plans.list answered (median ${median(duringSync).toFixed(0)} ms, max ${Math.max(...duringSync).toFixed(0)} ms)`,
    )
  }, 300_000)
})
