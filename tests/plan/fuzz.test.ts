import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { ParsedPlanSchema } from '../../src/shared/plan-model'
import { seedBytes } from './seeds'

const SEEDS = ['000', '001', '002', '003', '004'].map((prefix) => Buffer.from(seedBytes(prefix)))

const FRAGMENTS = [
  '\n',
  '#',
  '### ',
  '- [ ] ',
  '- [x] ',
  '```',
  '~~~',
  '|',
  '**',
  '`',
  '(4h)',
  '~2d',
  'Week 3',
  'Days 6-15',
  '\u00a0',
  '\t',
  '\r\n',
  '\u0000',
  'Ã©',
  'ðŸ',
  '√',
  '> ',
  '    ',
  '1.1 ',
  'Step 2.3: ',
  '**Total**: 13 hours',
  '[',
  ']',
  '../',
  '\uFFFD',
  'Week of 2025-02-03',
  '(2025-02-03 – 2025-02-14)',
  'Feb 3 – ',
  '**Due:** March 7, 2025',
  'Deadline: 2099-01-01',
]

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...FRAGMENTS).map((f) => f.repeat(200)),
    ),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

function apply(bytes: Buffer, mutations: Mutation[]): Buffer {
  let out = bytes
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length
    if (m.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)])
    else if (m.kind === 'insert')
      out = Buffer.concat([out.subarray(0, at), Buffer.from(m.text, 'utf8'), out.subarray(at)])
    else if (m.kind === 'duplicate') out = Buffer.concat([out.subarray(0, at + m.length), out.subarray(at)])
    else if (m.kind === 'flip') {
      out = Buffer.from(out)
      if (out.length > 0) out[at] = m.value
    } else out = out.subarray(0, at)
  }
  return out
}

describe('fuzzing mutated seed plans', () => {
  it('never throws, always answers within 1 s, and every plan it returns is valid', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (seedIndex, mutations) => {
          const bytes = apply(SEEDS[seedIndex], mutations)
          // CPU time: the limit is about this parse, not about what else the machine is running
          const start = process.cpuUsage()
          const outcome = parsePlanBytes(bytes)
          const used = process.cpuUsage(start)
          expect((used.user + used.system) / 1000).toBeLessThan(1000)
          if (outcome.ok) {
            expect(ParsedPlanSchema.safeParse(outcome.plan).success).toBe(true)
            expect(outcome.plan.tasks.length).toBeGreaterThan(0)
          } else {
            expect(['binary', 'too-large', 'empty', 'no-tasks', 'unreadable']).toContain(outcome.error.code)
            expect(outcome.error.code).not.toBe('unreadable')
          }
        },
      ),
      { numRuns: 30, seed: 20250128 },
    )
  })
})
