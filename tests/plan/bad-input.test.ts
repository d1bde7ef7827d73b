import { describe, expect, it } from 'vitest'
import { PLANS_DIR } from './seeds'
import { bigPlanShapes } from '../support/big-plans'
import { parsePlanBytes, type ParseOutcome } from '../../src/main/plan'

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8')
const codesOf = (outcome: ParseOutcome): string[] =>
  outcome.ok ? outcome.plan.warnings.map((warning) => warning.code) : []
const VALID =
  '# Plan\n\n## Phase 1 (Week 1)\n\n### 1.1 First item (2h)\n- [ ] do it\n\n### 1.2 Second item (3h)\n- [ ] do that\n'

/** CPU time of one parse, in ms: what the parse costs, whatever else the machine runs. */
function timed(run: () => ParseOutcome): { outcome: ParseOutcome; ms: number } {
  const start = process.cpuUsage()
  const outcome = run()
  const used = process.cpuUsage(start)
  return { outcome, ms: (used.user + used.system) / 1000 }
}

describe('bad input never throws and says what is wrong', () => {
  it('rejects a binary file, an empty file and a file over 20 MB with clear codes', () => {
    expect(parsePlanBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toMatchObject(
      { ok: false, error: { code: 'binary' } },
    )
    expect(parsePlanBytes(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } })
    const huge = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61)
    const { outcome, ms } = timed(() => parsePlanBytes(huge))
    expect(outcome).toMatchObject({ ok: false, error: { code: 'too-large' } })
    expect(ms).toBeLessThan(100)
  })

  it('rejects markdown without work items, naming what it looks for', () => {
    const outcome = parsePlanBytes(
      bytes(
        '# Notes\n\nSome thoughts about the release.\n\n> A quote, not a task.\n\n```\n- [ ] code is never structure (4h)\n```\n',
      ),
    )
    expect(outcome).toMatchObject({ ok: false, error: { code: 'no-tasks' } })
    if (!outcome.ok) {
      expect(outcome.error.message).toMatch(/no work items/i)
      expect(outcome.error.message).toMatch(/checkbox|numbered|table/i)
      expect(outcome.error.message).toMatch(/mapping/i)
    }
  })

  it('rejects invalid options instead of guessing', () => {
    expect(parsePlanBytes(bytes(VALID), { hoursPerDay: -1 })).toMatchObject({
      ok: false,
      error: { code: 'unreadable' },
    })
    expect(parsePlanBytes(bytes(VALID), { daysPerWeek: 9 })).toMatchObject({ ok: false, error: { code: 'unreadable' } })
  })

  it('warns about an unclosed code fence and keeps the items before it', () => {
    const outcome = parsePlanBytes(bytes(`${VALID}\n\`\`\`python\nprint("never closed")\n`))
    expect(codesOf(outcome)).toContain('unclosed-code-fence')
    expect(outcome.ok && outcome.plan.tasks.map((task) => task.key)).toEqual(['1.1', '1.2'])
  })

  it('reads 100k-character lines quickly and warns', () => {
    const longLine = `${'word '.repeat(10_000)}(${'('.repeat(20_000)}${'9'.repeat(20_000)}`
    const text = `# Plan\n\n### 1.1 Long one (2h)\n${longLine}\n- [ ] ${'`a/'.repeat(30_000)}\n### 1.2 ${'x'.repeat(100_000)} (1h)\n`
    const { outcome, ms } = timed(() => parsePlanBytes(bytes(text)))
    expect(ms).toBeLessThan(1500)
    expect(codesOf(outcome)).toContain('long-line')
    expect(outcome.ok && outcome.plan.tasks).toHaveLength(2)
  })

  it('flattens deeply nested lists and quotes without hanging', () => {
    let nested = '# Plan\n\n### 1.1 Nested (2h)\n'
    for (let depth = 0; depth < 1000; depth++) nested += `${'  '.repeat(depth)}- level ${depth}\n`
    for (let depth = 0; depth < 1000; depth++) nested += `${'> '.repeat(depth)}quote\n`
    const before = process.cpuUsage()
    const outcome = parsePlanBytes(bytes(nested))
    const used = process.cpuUsage(before)
    expect((used.user + used.system) / 1000).toBeLessThan(2000)
    expect(codesOf(outcome)).toContain('deep-nesting')
    expect(outcome.ok && outcome.plan.tasks[0].estimateHours).toBe(2)
  })

  it('lints missing estimates, missing schedules and duplicate numbers', () => {
    const outcome = parsePlanBytes(
      bytes('# P\n\n### 1. Alpha\ntext\n\n### 1. Beta (Week 2)\n**Estimated Time**: 3 hours\n'),
    )
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.plan.tasks.map((task) => task.key)).toEqual(['1', '1~2'])
    expect(codesOf(outcome)).toEqual(
      expect.arrayContaining(['missing-estimate', 'missing-schedule', 'duplicate-number']),
    )
    expect(outcome.plan.warnings.find((warning) => warning.code === 'missing-schedule')?.taskKey).toBe('1')
  })

  it('lints a stated total that disagrees with the items', () => {
    const outcome = parsePlanBytes(bytes(`${VALID}\n## Totals\n\n**Grand Total: 9 hours**\n`))
    expect(outcome.ok && outcome.plan.totals).toEqual({ estimateHours: 5, statedHours: 9, statedDays: null })
    expect(codesOf(outcome)).toContain('stated-total-mismatch')
  })
})

describe('the reader is linear in the input, whatever its shape', () => {
  const cpuSeconds = (work: () => unknown): number => {
    const before = process.cpuUsage()
    work()
    const used = process.cpuUsage(before)
    return (used.user + used.system) / 1e6
  }
  const fastest = (runs: number, work: () => unknown): number =>
    Math.min(...Array.from({ length: runs }, () => cpuSeconds(work)))
  const small = new Map(bigPlanShapes(128 * 1024, PLANS_DIR))

  // How long 1 MB takes is a figure for bench/parse-bench.ts (under 2 s of CPU, bench/README.md), not a timed
  // assertion here. What a test can hold on a loaded machine is the shape of the cost: 8x the text may cost about 8x
  // the time (a quadratic step would cost 64x), in CPU time, fastest of a few runs of each, so other processes and
  // a stray collection do not count.
  it.each(bigPlanShapes(1024 * 1024, PLANS_DIR))('%s: 1 MB costs at most 20x what 128 KB costs', (name, text) => {
    const smallText = small.get(name) as string
    let outcome: ParseOutcome | null = null
    const smallCost = fastest(3, () => parsePlanBytes(bytes(smallText)))
    const bigCost = fastest(2, () => (outcome = parsePlanBytes(bytes(text))))
    expect((outcome as ParseOutcome | null)?.ok).toBe(true)
    expect(bigCost / smallCost).toBeLessThan(20)
  })
})
