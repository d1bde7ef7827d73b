import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgressReporter, formatDuration, progressMode, type ProgressMode } from '../../src/cli/progress'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004, buildSeed004Repo } from '../integration/seed-004-fixture'
import { runCli } from '../support/cli'

/** A reporter writing into a string, on a clock the test moves. */
function harness(mode: ProgressMode, columns?: number) {
  let now = 0
  let written = ''
  const reporter = createProgressReporter({
    label: 'sync',
    mode,
    stream: { write: (text: string) => (written += text), isTTY: mode === 'tty', columns },
    now: () => now,
  })
  return {
    reporter,
    advance: (ms: number) => (now += ms),
    output: () => written,
  }
}

/** 1,000 updates over 10 s in one stage, then a second stage. */
function runStages(h: ReturnType<typeof harness>) {
  for (let i = 0; i <= 1000; i++) {
    h.reporter.update({ stage: 'replay', done: i, total: 1000 })
    h.advance(10)
  }
  h.reporter.update({ stage: 'worktree', done: 0, total: 3 })
  h.reporter.update({ stage: 'done', done: 1, total: 1 })
  h.reporter.finish()
}

describe('progress reporter', () => {
  it('picks the mode from the flags and whether stderr is a terminal', () => {
    expect(progressMode({}, { write: () => true, isTTY: true })).toBe('tty')
    expect(progressMode({}, { write: () => true })).toBe('lines')
    expect(progressMode({ json: true }, { write: () => true, isTTY: true })).toBe('json')
    expect(progressMode({ quiet: true, json: true }, { write: () => true, isTTY: true })).toBe('quiet')
  })

  it('on a terminal redraws one line with stage, percent and ETA, cut to the width, and clears it at the end', () => {
    const h = harness('tty', 60)
    runStages(h)
    const frames = h.output().split('\r').filter(Boolean)
    expect(h.output()).not.toContain('\n')
    // redrawn at most every 100 ms: ~100 frames for 10 s, not 1,000
    expect(frames.length).toBeGreaterThan(50)
    expect(frames.length).toBeLessThan(150)
    const mid = frames.find((frame) => frame.includes('50%'))
    expect(mid).toMatch(/^sync: replaying commits 50% \(500\/1000\), about 5 s left\x1b\[K$/)
    for (const frame of frames) expect(frame.replace('\x1b[K', '').length).toBeLessThanOrEqual(59)
    expect(h.output().endsWith('\r\x1b[K')).toBe(true)
  })

  it('in a file writes a line per stage and at most one line every 2 s, without carriage returns', () => {
    const h = harness('lines')
    runStages(h)
    const lines = h.output().trimEnd().split('\n')
    expect(h.output()).not.toContain('\r')
    expect(lines[0]).toBe('sync: replaying commits…')
    expect(lines.filter((line) => line.includes('replaying')).length).toBeLessThanOrEqual(1 + 10 / 2)
    expect(lines.some((line) => /^sync: replaying commits \d+% \(\d+\/1000\), about \d+ s left$/.test(line))).toBe(true)
    expect(lines.at(-1)).toBe('sync: checking the working tree…')
  })

  it('with --json writes each event as a JSON line; with --quiet nothing', () => {
    const json = harness('json')
    runStages(json)
    const events = json
      .output()
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { type: string; stage: string; percent: number | null; etaSeconds: number | null },
      )
    expect(events.length).toBeLessThanOrEqual(1 + 10 / 2 + 1)
    expect(events.every((e) => e.type === 'progress')).toBe(true)
    expect(events.map((e) => e.stage)).toContain('worktree')
    expect(events.some((e) => e.percent !== null && e.etaSeconds !== null)).toBe(true)
    const quiet = harness('quiet')
    runStages(quiet)
    expect(quiet.output()).toBe('')
  })

  it('writes durations a person reads', () => {
    expect([400, 12_000, 125_000, 3_600_000].map(formatDuration)).toEqual([
      'under 1 s',
      '12 s',
      '2 min 5 s',
      '1 h 0 min',
    ])
  })
})

describe('readiness sync with stderr not a terminal', () => {
  let dir: string
  let repo: GitFixture
  let db: string
  let planId: number

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-sync-progress-'))
    db = join(dir, 'app.db')
    repo = buildSeed004Repo()
    for (let i = 0; i < 40; i++)
      repo
        .write('services/ml-service/src/worker.py', `jobs = ${i}\n`)
        .commit(
          `worker tweak ${i}`,
          `2024-12-${String(10 + (i % 15)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:00:00+00:00`,
        )
    planId = (JSON.parse(runCli(['import', SEED_004, '--json', '--db', db]).stdout) as { planId: number }).planId
    expect(runCli(['connect', String(planId), repo.dir, '--db', db]).status).toBe(0)
  }, 60_000)

  afterAll(() => {
    repo?.cleanup()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('writes no carriage return and at most a few lines per stage', () => {
    const started = Date.now()
    const run = runCli(['sync', String(planId), '--db', db])
    const seconds = (Date.now() - started) / 1000
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^Synced plan \d+ in \d+ ms: \d+ new commits/)
    expect(run.stderr).not.toContain('\r')
    const lines = run.stderr.trimEnd().split('\n').filter(Boolean)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    for (const line of lines) expect(line).toMatch(/^sync: /)
    const perStage = new Map<string, number>()
    for (const line of lines) {
      const stage = line.replace(/^sync: /, '').replace(/( \d+%| \d+).*$|…$/, '')
      perStage.set(stage, (perStage.get(stage) ?? 0) + 1)
    }
    // one line as a stage starts, then at most one every 2 s
    for (const [stage, count] of perStage) expect(count, stage).toBeLessThanOrEqual(1 + Math.ceil(seconds / 2))
  })

  it('writes JSON progress lines with --json and nothing with --quiet, leaving stdout to the result', () => {
    const json = runCli(['sync', String(planId), '--json', '--db', db])
    expect(json.status, json.stderr).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({ repos: [{ state: 'ok' }] })
    for (const line of json.stderr.trimEnd().split('\n').filter(Boolean))
      expect(JSON.parse(line)).toMatchObject({ type: 'progress', label: 'sync' })
    const quiet = runCli(['-q', 'sync', String(planId), '--db', db])
    expect(quiet.status, quiet.stderr).toBe(0)
    expect(quiet.stderr).toBe('')
  })
})
