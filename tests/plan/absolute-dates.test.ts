import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { parseAbsoluteDates } from '../../src/main/plan/dates'
import type { ParsedPlan } from '../../src/shared/plan-model'

/** Generated plans only; the seed plans' results are pinned by seed-plans.test.ts. */
function parse(text: string): ParsedPlan {
  const outcome = parsePlanBytes(Buffer.from(text, 'utf8'))
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.plan
}

const weeksOf = (plan: ParsedPlan, key: string): [number | null, number | null] => {
  const task = plan.tasks.find((candidate) => candidate.key === key)
  if (!task) throw new Error(`no task ${key} in ${plan.tasks.map((t) => t.key).join(', ')}`)
  return [task.weekStart, task.weekEnd]
}
const warningsOf = (plan: ParsedPlan, code: string) => plan.warnings.filter((warning) => warning.code === code)

/** Plan dated Monday 2025-02-03: week 1 = Feb 3-9, week 2 = Feb 10-16, ..., week 5 = Mar 3-9. */
const dated = (body: string, date = '2025-02-03'): string =>
  `# Release plan\n\n**Date**: ${date}\n\n## Phase 1: Build\n\n${body}`

describe('absolute dates in headings place items in plan weeks', () => {
  const forms: Array<[string, string, [number, number]]> = [
    ['Week of (ISO)', 'Week of 2025-02-17', [3, 3]],
    ['Week of, upper case, mid-week date', 'WEEK OF 2025-02-19', [3, 3]],
    ['ISO range in parentheses, en dash', '(2025-02-10 – 2025-02-21)', [2, 3]],
    ['ISO range with "to"', '2025-02-10 to 2025-02-21', [2, 3]],
    ['month names, year once at the end', 'Feb 24 – Mar 7, 2025', [4, 5]],
    ['one month, day range', 'February 10-14, 2025', [2, 2]],
    ['day-first month names', '10 Feb – 21 Feb 2025', [2, 3]],
    ['due date (a Friday)', 'Due: 2025-02-14', [2, 2]],
    ['deadline with a month name', 'Deadline: March 7, 2025', [5, 5]],
    ['due on a Sunday stays in its Monday-started week', 'due 2025-02-09', [1, 1]],
    ['due on the next Monday starts the next week', 'Due by 2025-02-10', [2, 2]],
    ['bold and emoji around the date', '📅 **Deadline:** 3rd March 2025', [5, 5]],
  ]

  it.each(forms)('%s: "%s"', (_, form, expected) => {
    const plan = parse(dated(`### 1.1 Harden the API (${form}) (4h)\n- [ ] rate limits\n`))
    expect(weeksOf(plan, '1.1')).toEqual(expected)
    expect(plan.tasks[0].estimateHours).toBe(4)
    expect(warningsOf(plan, 'missing-schedule')).toEqual([])
    expect(plan.weeks).toBe(expected[1])
  })

  it('reads schedule and due lines in an item body, as a paragraph or a top-level bullet', () => {
    const plan = parse(
      dated(
        [
          '### 1.1 Metrics (2h)\n**Due:** March 7, 2025\n',
          '### 1.2 Logging (3h)\n- **Schedule**: 2025-02-10 to 2025-02-21\n- [ ] ship it\n',
          '### 1.3 Alerts (1h)\nWeek of 2025-02-24\n',
          "### 1.4 Dashboards (1h)\n- [ ] build the board\n  - deadline: 2025-03-07 (a sub-bullet is not the item's schedule)\n",
        ].join('\n'),
      ),
    )
    expect(weeksOf(plan, '1.1')).toEqual([5, 5])
    expect(weeksOf(plan, '1.2')).toEqual([2, 3])
    expect(weeksOf(plan, '1.3')).toEqual([4, 4])
    expect(weeksOf(plan, '1.4')).toEqual([null, null])
  })

  it('places a phase by its heading dates and lets its undated items inherit them', () => {
    const plan = parse(
      `# Plan\n\n**Date**: 2025-02-03\n\n## Phase 1 (2025-02-03 – 2025-02-14)\n\n### 1.1 One (2h)\n\n## Phase 2 (Week of 2025-03-03)\n\n### 2.1 Two (3h)\n\n### 2.2 Three (Due: 2025-03-21) (1h)\n`,
    )
    expect(plan.phases.map((phase) => [phase.weekStart, phase.weekEnd])).toEqual([
      [1, 2],
      [5, 5],
    ])
    expect(weeksOf(plan, '1.1')).toEqual([1, 2])
    expect(weeksOf(plan, '2.1')).toEqual([5, 5])
    expect(weeksOf(plan, '2.2')).toEqual([7, 7])
    expect(plan.weeks).toBe(7)
  })

  it('treats a heading that opens with "Week of <date>" as a scheduled block, keyed without the date', () => {
    const plan = parse(dated('### Week of 2025-02-17: Cutover\n- [ ] switch traffic\n\n### 1.2 Cleanup (2h)\n'))
    const cutover = plan.tasks.find((task) => task.title.includes('Cutover'))!
    expect(cutover.key).toBe('build/cutover')
    expect([cutover.weekStart, cutover.weekEnd]).toEqual([3, 3])
  })

  it('counts week 1 as the week containing the plan date, Monday first, even when the plan is dated on a Sunday', () => {
    const plan = parse(dated('### 1.1 A (Due: 2025-02-03) (1h)\n\n### 1.2 B (Due: 2025-02-10) (1h)\n', '2025-02-09'))
    expect(weeksOf(plan, '1.2')).toEqual([2, 2])
    expect(weeksOf(plan, '1.1')).toEqual([null, null])
    expect(warningsOf(plan, 'date-out-of-range').map((warning) => warning.taskKey)).toEqual(['1.1'])
  })

  it('crosses a year boundary: "Dec 29 – Jan 9, 2026" starts in the year before', () => {
    const plan = parse(dated('### 1.1 Year end (Dec 29 – Jan 9, 2026) (8h)\n', '2025-12-29'))
    expect(weeksOf(plan, '1.1')).toEqual([1, 2])
  })
})

describe('relative schedules beat absolute dates on the same item', () => {
  it('an explicit (Week N) or Day range in the heading or body wins, and the unused date raises no warning', () => {
    const plan = parse(
      dated(
        [
          '### 1.1 Heading week (Week 4) (Due: 2025-02-14) (2h)\n',
          '### 1.2 Body timeline (Due: 2025-02-14) (2h)\n**Timeline**: Week 6\n',
          '### 1.3 Schedule by day (Days 1-2) (Due: 2020-01-01)\n',
        ].join('\n'),
      ),
    )
    expect(weeksOf(plan, '1.1')).toEqual([4, 4])
    expect(weeksOf(plan, '1.2')).toEqual([6, 6])
    expect(plan.tasks.find((task) => task.key === '1.3')).toMatchObject({
      dayStart: 1,
      dayEnd: 2,
      weekStart: 1,
      weekEnd: 1,
    })
    expect(warningsOf(plan, 'date-out-of-range')).toEqual([])
  })

  it('a phase heading with both keeps its relative weeks', () => {
    const plan = parse(
      '# Plan\n\n**Date**: 2025-02-03\n\n## Phase 1 (Week 2) (2025-03-03 – 2025-03-14)\n\n### 1.1 Only (2h)\n',
    )
    expect(plan.phases.map((phase) => [phase.weekStart, phase.weekEnd])).toEqual([[2, 2]])
    expect(weeksOf(plan, '1.1')).toEqual([2, 2])
  })

  it("an item's own date beats the week of an enclosing heading (the nearest schedule wins)", () => {
    const plan = parse(
      '# Plan\n\n**Date**: 2025-02-03\n\n## Week 2\n\n### 1.1 Own date (Due: 2025-03-07) (2h)\n\n### 1.2 Inherits (2h)\n',
    )
    expect(weeksOf(plan, '1.1')).toEqual([5, 5])
    expect(weeksOf(plan, '1.2')).toEqual([2, 2])
  })
})

describe('plan date inferred from the schedule', () => {
  it('sets the plan date to the Monday of the earliest date and says so', () => {
    const plan = parse(
      '# Plan\n\n## Work\n\n### 1.1 Later (Week of 2025-02-19) (2h)\n\n### 1.2 Earliest (2h)\n**Due:** 2025-02-14\n',
    )
    expect(plan.date).toBe('2025-02-10')
    expect(weeksOf(plan, '1.2')).toEqual([1, 1])
    expect(weeksOf(plan, '1.1')).toEqual([2, 2])
    const inferred = warningsOf(plan, 'plan-date-inferred')
    expect(inferred).toHaveLength(1)
    expect(inferred[0]).toMatchObject({ line: 8 })
    expect(inferred[0].message).toContain('2025-02-10')
    expect(warningsOf(plan, 'date-out-of-range')).toEqual([])
  })

  it('falls back to the week a plan was last updated, below any date in its schedule, and says so', () => {
    const undated = parse('# Plan\n\nStart date: TBD\nLast updated: 2025-02-19\n\n## Week 2\n\n### 1.1 Only (2h)\n')
    expect(undated.date).toBe('2025-02-17')
    expect(weeksOf(undated, '1.1')).toEqual([2, 2])
    expect(warningsOf(undated, 'plan-date-inferred')[0].message).toContain('last updated (2025-02-19)')
    const scheduled = parse(
      '# Plan\n\nLast updated: 2025-04-01\n\n## Work\n\n### 1.1 Dated (2h)\n**Due:** 2025-02-14\n',
    )
    expect(scheduled.date).toBe('2025-02-10')
  })

  it('leaves a plan without any date or absolute date undated', () => {
    const plan = parse('# Plan\n\n## Work\n\n### 1.1 Only (Week 2) (2h)\n')
    expect(plan.date).toBeNull()
    expect(warningsOf(plan, 'plan-date-inferred')).toEqual([])
  })
})

describe('dates out of range stay out of the schedule', () => {
  it('warns about a date before the plan date and one more than five years after it', () => {
    const plan = parse(
      dated(
        '### 1.1 Stale (Due: 2025-01-10) (1h)\n\n### 1.2 Typo (Deadline: March 7, 2035) (1h)\n\n### 1.3 Fine (Due: 2029-12-31) (1h)\n',
      ),
    )
    expect(weeksOf(plan, '1.1')).toEqual([null, null])
    expect(weeksOf(plan, '1.2')).toEqual([null, null])
    expect(weeksOf(plan, '1.3')[0]).toBeGreaterThan(250)
    const outOfRange = warningsOf(plan, 'date-out-of-range')
    expect(outOfRange.map((warning) => [warning.taskKey, warning.line])).toEqual([
      ['1.1', 7],
      ['1.2', 9],
    ])
    expect(outOfRange[0].message).toMatch(/before the plan's date/)
    expect(outOfRange[1].message).toMatch(/more than 5 years/)
    expect(warningsOf(plan, 'missing-schedule').map((warning) => warning.taskKey)).toEqual(['1.1', '1.2'])
  })

  it('warns once for an out-of-range phase heading; its items fall back to what else schedules them', () => {
    const plan = parse(
      '# Plan\n\n**Date**: 2025-02-03\n\n## Phase 1 (2024-06-03 – 2024-06-14)\n\n### 1.1 A (2h)\n\n### 1.2 B (Week 3) (2h)\n\n## Week 2\n\n### 2.1 C (Due: 2019-05-01) (2h)\n',
    )
    expect(warningsOf(plan, 'date-out-of-range').map((warning) => [warning.line, warning.taskKey])).toEqual([
      [5, null],
      [13, '2.1'],
    ])
    expect(plan.phases[0]).toMatchObject({ weekStart: 3, weekEnd: 3 })
    expect(weeksOf(plan, '1.1')).toEqual([null, null])
    expect(weeksOf(plan, '2.1')).toEqual([2, 2])
  })
})

describe('parseAbsoluteDates', () => {
  it('skips impossible dates and non-month words to find a later valid form', () => {
    expect(parseAbsoluteDates('Week 3 to Week 5, 2025 (Feb 3 – Feb 14, 2025)')).toMatchObject({
      kind: 'range',
      start: '2025-02-03',
      end: '2025-02-14',
    })
    expect(parseAbsoluteDates('Due: Feb 30, 2025')).toBeNull()
    expect(parseAbsoluteDates('2025-02-14 to 2025-02-03')).toBeNull()
    expect(parseAbsoluteDates('due to the 2025-02-03 change')).toBeNull()
    expect(parseAbsoluteDates('Deadline: TBD; due by 7 March 2025')).toMatchObject({
      kind: 'due',
      start: '2025-03-07',
      end: '2025-03-07',
    })
  })

  it('stays fast on long adversarial lines in headings and bodies', () => {
    const fragments = ['Feb 3 – ', '2025-02-03 to ', 'Week of ', 'Due: ', '12 ', 'February 3-', ', 2025 ']
    const lines = fragments.map((fragment) => fragment.repeat(3000))
    const text = `# Plan\n\n**Date**: 2025-02-03\n\n${lines.map((line, index) => `### 1.${index + 1} Item ${line} (1h)\n${line}\n- ${line}\n`).join('\n')}`
    // CPU time, with room for a loaded machine: a backtracking pattern on these lines costs minutes, not a second
    const cpuMs = (work: () => void): number => {
      const before = process.cpuUsage()
      work()
      const used = process.cpuUsage(before)
      return (used.user + used.system) / 1000
    }
    let plan: ReturnType<typeof parse> | null = null
    expect(cpuMs(() => (plan = parse(text)))).toBeLessThan(3000)
    expect((plan as ReturnType<typeof parse> | null)?.tasks).toHaveLength(fragments.length)
    expect(cpuMs(() => lines.forEach((line) => parseAbsoluteDates(line)))).toBeLessThan(500)
  })
})
