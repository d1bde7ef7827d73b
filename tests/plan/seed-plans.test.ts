import { describe, expect, it } from 'vitest'
import { ParsedPlanSchema, type ParsedPlan } from '../../src/shared/plan-model'
import { MOJIBAKE, idealRemainingByWeek, seedPlan } from './seeds'

const hoursByPhase = (plan: ParsedPlan): number[] =>
  plan.phases.map((_, index) =>
    plan.tasks.filter((task) => task.phase === index).reduce((sum, task) => sum + (task.estimateHours ?? 0), 0),
  )
const warningsOf = (plan: ParsedPlan, code: string) => plan.warnings.filter((warning) => warning.code === code)

describe('seed plan 000 (MacRoman mojibake, #### N.N items)', () => {
  const plan = seedPlan('000')

  it('has the date, 8 phases in weeks 1-8 and 31 items totalling 256 h', () => {
    expect(plan.date).toBe('2025-01-27')
    expect(plan.phases).toHaveLength(8)
    plan.phases.forEach((phase, index) => expect([phase.weekStart, phase.weekEnd]).toEqual([index + 1, index + 1]))
    expect(plan.tasks).toHaveLength(31)
    expect(plan.totals.estimateHours).toBe(256)
    expect(hoursByPhase(plan)).toEqual([16, 30, 54, 28, 32, 22, 44, 30])
    expect(plan.weeks).toBe(8)
    expect(plan.tasks.every((task) => !task.estimateDerived && task.estimateText?.startsWith('Estimated Time'))).toBe(
      true,
    )
  })

  it('links the implementation checklist, critical path and priority matrix without adding items', () => {
    const titles = plan.recaps.map((recap) => recap.title)
    expect(titles).toEqual(
      expect.arrayContaining(['IMPLEMENTATION CHECKLIST', 'QUICK START: CRITICAL PATH', 'PRIORITY MATRIX']),
    )
    const checklist = plan.recaps.find((recap) => recap.title === 'IMPLEMENTATION CHECKLIST')!
    expect(checklist.links).toHaveLength(31)
    expect(checklist.links.find((link) => link.text.includes('Job persistence'))?.taskKey).toBe('1.3')
    expect(checklist.links.find((link) => link.text === 'APM')?.taskKey).toBe('4.2')
    expect(checklist.links.filter((link) => link.taskKey !== null).length).toBeGreaterThanOrEqual(29)
    const criticalPath = plan.recaps.find((recap) => recap.title.includes('CRITICAL PATH'))!
    expect(criticalPath.links.map((link) => link.taskKey)).toEqual(['1.1', '1.3', '1.4', '1.2', '4.1'])
    expect(criticalPath.statedHours).toBe(22)
    expect(criticalPath.linkedHours).toBe(22)
    expect(warningsOf(plan, 'stated-total-mismatch')).toEqual([])
  })

  it('records the ✅ headings as claims and lints their unchecked boxes', () => {
    expect(plan.tasks.every((task) => task.claimedDone)).toBe(true)
    expect(warningsOf(plan, 'claim-unchecked-boxes')).toHaveLength(31)
    expect(plan.tasks[0].subtasks[0]).toMatchObject({
      text: 'Wrap App with AuthProvider in `main.tsx`',
      checked: false,
    })
  })

  it('keeps file references with roles, and the final checklist as a gate', () => {
    const routeProtection = plan.tasks.find((task) => task.key === '1.1')!
    expect(routeProtection.files).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'frontend/src/main.tsx', role: 'modify', line: 42 })]),
    )
    const modules = plan.tasks.find((task) => task.key === '1.2')!
    expect(modules.files.filter((file) => file.role === 'create').map((file) => file.path)).toEqual([
      'services/ml-service/src/self_learning.py',
      'services/ml-service/src/roas_predictor.py',
    ])
    expect(plan.gates).toEqual([expect.objectContaining({ title: 'FINAL CHECKLIST', items: expect.any(Array) })])
    expect(plan.gates[0].items).toHaveLength(10)
    expect(plan.claims.some((claim) => claim.kind === 'score' && claim.value === 8)).toBe(true)
  })
})

describe('seed plan 001 (Windows-1252 mojibake, ### N. workstreams in days)', () => {
  const plan = seedPlan('001')

  it('has 10 workstreams = 40 days = 320 h at 8 h/day in weeks 1-5, 5 days/week from the plan', () => {
    expect(plan.date).toBe('2025-01-28')
    expect(plan.tasks.map((task) => task.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(plan.tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0) / 8).toBe(40)
    expect(plan.totals.estimateHours).toBe(320)
    expect(plan.tasks[0]).toMatchObject({ weekStart: 1, weekEnd: 2, estimateHours: 80, estimateDerived: false })
    expect(Math.max(...plan.tasks.map((task) => task.weekEnd ?? 0))).toBe(5)
    expect(plan.daysPerWeek).toBe(5)
    expect(plan.daysPerWeekSource).toBe('plan')
    expect(plan.dayWeeks).toEqual([])
  })

  it('turns the pre-launch checklist into a week-6 gate of 15 items; the plan spans 6 weeks', () => {
    const gate = plan.gates.find((candidate) => candidate.title.includes('PRE-LAUNCH'))!
    expect(gate.week).toBe(6)
    expect(gate.items).toHaveLength(15)
    expect(plan.weeks).toBe(6)
  })

  it('keeps weekly progress targets as milestones and the 58/100 status claim', () => {
    expect(plan.milestones).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ week: 1, label: 'Backend refactoring', percent: 40, taskKey: '1' }),
        expect.objectContaining({ week: 2, label: 'TypeScript strict mode', percent: 60, taskKey: '2' }),
        expect.objectContaining({ week: 5, label: 'Feature flags', percent: 100, taskKey: '10' }),
      ]),
    )
    expect(plan.claims).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'score', value: 58 })]))
  })

  it('repairs the headings, including the two lines that lost a byte', () => {
    const titles = plan.phases.map((phase) => phase.title)
    expect(titles).toContain('HIGH PRIORITY (Production Blockers)')
    expect(titles).toContain('MEDIUM PRIORITY (Post-Launch OK)')
    const lostByte = plan.repairs.filter((repair) => repair.kind.endsWith('lost-byte'))
    expect(lostByte.map((repair) => repair.line)).toEqual([132, 223])
    expect(lostByte[0].after).toBe('\uFE0F')
  })

  it('reads **File** as a modify reference and directory trees as files to create', () => {
    const backend = plan.tasks[0]
    expect(backend.files).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'server/main.py', role: 'modify' }),
        expect.objectContaining({ path: 'server/routers/auth.py', role: 'create' }),
      ]),
    )
    expect(backend.criteria[0].text).toContain('`main.py` < 200 lines')
    const strict = plan.tasks[1]
    expect(strict.files).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'tsconfig.app.json', role: 'modify' })]),
    )
    expect(strict.codeBlocks.some((block) => block.lang === 'json' && block.text.includes('"strict": true'))).toBe(true)
  })
})

describe('seed plan 002 (Hour and Day Focus blocks, 7-day weeks)', () => {
  const plan = seedPlan('002')

  it('has 4 phases over days 1-5, 6-15, 16-18, 19-21 and 7 days per week from "21 Days (3 Weeks)"', () => {
    expect(plan.date).toBe('2025-09-11')
    expect(plan.phases.map((phase) => [phase.dayStart, phase.dayEnd])).toEqual([
      [1, 5],
      [6, 15],
      [16, 18],
      [19, 21],
    ])
    expect(plan.daysPerWeek).toBe(7)
    expect(plan.daysPerWeekSource).toBe('plan')
    expect(plan.dayWeeks).toEqual(Array.from({ length: 21 }, (_, index) => Math.ceil((index + 1) / 7)))
    expect(plan.weeks).toBe(3)
  })

  it('has 49 work items totalling 168 h, matching every Duration line', () => {
    expect(plan.tasks).toHaveLength(49)
    expect(plan.totals.estimateHours).toBe(168)
    expect(plan.totals.statedDays).toBe(21)
    expect(warningsOf(plan, 'stated-total-mismatch')).toEqual([])
    const dayFocus = plan.tasks.filter((task) => task.title.startsWith('Day '))
    expect(dayFocus).toHaveLength(10)
    expect(dayFocus.every((task) => task.estimateHours === 8 && task.dayStart === task.dayEnd)).toBe(true)
    expect(plan.tasks[0]).toMatchObject({
      title: 'Hour 1-2: Complete Hardcoded Values Audit',
      estimateHours: 2,
      dayStart: 1,
      estimateDerived: false,
    })
  })

  it('keeps post-production weeks as backlog outside the timeline', () => {
    expect(plan.backlog.map((entry) => entry.title)).toEqual([
      'Week 4: Monitoring and Optimization',
      'Week 5-6: Enhancement and Scaling',
    ])
  })
})

describe('seed plan 003 (Day blocks nested under weeks, no estimates)', () => {
  const plan = seedPlan('003')

  it('spans 2 weeks with days 1-5 in week 1 and 6-14 in week 2 by nesting', () => {
    expect(plan.weeks).toBe(2)
    expect(plan.daysPerWeekSource).toBe('nesting')
    expect(plan.dayWeeks).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2])
  })

  it('derives 112 h from day spans and marks every estimate derived', () => {
    expect(plan.tasks).toHaveLength(9)
    expect(plan.totals.estimateHours).toBe(112)
    expect(plan.tasks.every((task) => task.estimateDerived)).toBe(true)
    expect(plan.tasks[0]).toMatchObject({
      title: 'Day 1-2: Security Hardening',
      dayStart: 1,
      dayEnd: 2,
      estimateHours: 16,
    })
    expect(plan.tasks[0].subtasks.map((subtask) => subtask.text)).toContain('Add express-rate-limit middleware')
  })

  it('puts the launch checklist in a gate on day 14 and links the priority order by days', () => {
    expect(plan.gates).toEqual([expect.objectContaining({ title: 'Launch Checklist', day: 14, week: 2 })])
    expect(plan.gates[0].items).toHaveLength(9)
    expect(plan.tasks.at(-1)!.subtasks.some((subtask) => subtask.text.includes('Backups verified'))).toBe(false)
    const order = plan.recaps.find((recap) => recap.title === 'Implementation Priority Order')!
    expect(order.links.map((link) => link.taskKey)).toEqual(plan.tasks.map((task) => task.key))
    expect(plan.backlog.map((entry) => entry.title)).toEqual(['Post-Launch (Week 3+)'])
  })

  it('can be re-read at 6 hours per day', async () => {
    const { parsePlanBytes } = await import('../../src/main/plan')
    const { seedBytes } = await import('./seeds')
    const outcome = parsePlanBytes(seedBytes('003'), { hoursPerDay: 6 })
    expect(outcome.ok && outcome.plan.totals.estimateHours).toBe(84)
  })
})

describe('seed plan 004 (MacRoman mojibake, ### Step N.N (N hours))', () => {
  const plan = seedPlan('004')

  it('has 6 phases in weeks 1-6 and 17 steps = 62 h, the stated Grand Total', () => {
    // "Generated: 2024-12-08" dates the document, not the start: a Sunday document date stays week 1's anchor
    expect(plan.date).toBe('2024-12-08')
    expect(plan.phases).toHaveLength(6)
    plan.phases.forEach((phase, index) => expect([phase.weekStart, phase.weekEnd]).toEqual([index + 1, index + 1]))
    expect(plan.tasks).toHaveLength(17)
    expect(plan.totals).toMatchObject({ estimateHours: 62, statedHours: 62 })
    expect(hoursByPhase(plan)).toEqual([13, 11, 13, 7, 12, 6])
    expect(warningsOf(plan, 'stated-total-mismatch')).toEqual([])
  })

  it('keeps the Month 2-3 roadmap as backlog and the 85% status', () => {
    expect(plan.backlog.map((entry) => entry.title)).toEqual([
      'Month 2: Advanced Features',
      'Month 3: Scale & Optimize',
    ])
    expect(plan.claims).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'percent', value: 85 })]))
  })

  it('keeps sub-actions as subtasks and code-comment paths with the verb of their action', () => {
    const step = plan.tasks[0]
    expect(step).toMatchObject({ key: '1.1', title: 'Wire RAG to Creative Generation', estimateHours: 4 })
    expect(step.subtasks[0].text).toBe('Modify Director Agent in Titan-Core (2 hours)')
    expect(step.files).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'services/titan-core/ai_council/director_agent.py', role: 'modify' }),
      ]),
    )
    expect(step.criteria).toHaveLength(3)
  })
})

describe('every seed plan', () => {
  const plans = ['000', '001', '002', '003', '004'].map((prefix) => [prefix, seedPlan(prefix)] as const)

  it.each(plans)('%s validates against the shared schema and has no mojibake in any title', (_, plan) => {
    expect(ParsedPlanSchema.safeParse(plan).success).toBe(true)
    const titles = [
      plan.title,
      ...plan.phases.map((p) => p.title),
      ...plan.tasks.map((t) => t.title),
      ...plan.gates.map((g) => g.title),
      ...plan.recaps.map((r) => r.title),
      ...plan.backlog.map((b) => b.title),
    ]
    expect(titles.filter((title) => MOJIBAKE.test(title))).toEqual([])
    expect(
      plan.tasks.flatMap((task) => task.body.map((line) => line.text)).filter((text) => MOJIBAKE.test(text)),
    ).toEqual([])
    expect(new Set(plan.tasks.map((task) => task.key)).size).toBe(plan.tasks.length)
  })

  it('supports the lead ideal burndown exactly', () => {
    const expected: Record<string, number[]> = {
      '000': [240, 210, 156, 128, 96, 74, 30, 0],
      '001': [240, 176, 96, 56, 0, 0],
      '002': [112, 56, 0],
      '003': [72, 0],
      '004': [49, 38, 25, 18, 6, 0],
    }
    for (const [prefix, plan] of plans) expect(idealRemainingByWeek(plan), prefix).toEqual(expected[prefix])
  })
})
