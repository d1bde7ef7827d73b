import { describe, expect, it } from 'vitest'
import { buildReportData, groupRepairs, reportFileName } from '../../src/main/report/model'
import { computeProgress } from '../../src/main/progress'
import { ReportDataSchema, type ReportRepo } from '../../src/shared/contract/report'
import { doneBy, phase, plan, planTask, progressInput, progressTask } from '../progress/fixtures'

// Monday 2025-01-06 is week 1; as of Wednesday 2025-01-22 we are in week 3.
const AS_OF = '2025-01-22'

const tasks = [
  planTask({ key: '1.1', title: 'Config loader', phase: 0, weekStart: 1, weekEnd: 1, estimateHours: 4 }),
  planTask({ key: '1.2', title: 'Remove debug logging', phase: 0, weekStart: 1, weekEnd: 1, estimateHours: 2 }),
  planTask({ key: '2.1', title: 'Vendor webhook', phase: 1, weekStart: 2, weekEnd: 3, estimateHours: 6 }),
  planTask({ key: '2.2', title: 'Runbook', phase: 1, weekStart: 3, weekEnd: 3, estimateHours: 3 }),
  planTask({ key: '2.3', title: 'Retry queue', phase: 1, weekStart: 3, weekEnd: 3, estimateHours: 5 }),
  planTask({ key: '3.1', title: 'Dashboards', phase: 2, weekStart: 4, weekEnd: 4, estimateHours: 4 }),
  planTask({ key: '3.2', title: 'Load test', phase: 2, weekStart: 5, weekEnd: 5, estimateHours: 8 }),
  planTask({ key: '3.3', title: 'Pen test', phase: 2, weekStart: 5, weekEnd: 5, estimateHours: 2 }),
]

const basePlan = plan({
  tasks,
  phases: [phase('Foundations', 1), phase('Integration', 2, 3), phase('Hardening', 4, 5)],
  warnings: [{ code: 'no-estimate', message: 'Item 9.9 has no estimate', line: 40, taskKey: null }],
  repairs: [
    { line: 3, kind: 'mojibake', before: 'â€™', after: '’' },
    { line: 9, kind: 'mojibake', before: 'â€™', after: '’' },
    { line: 9, kind: 'mojibake', before: 'â€™', after: '’' },
    { line: 5, kind: 'mojibake', before: 'Ã©', after: 'é' },
  ],
})

const repos: ReportRepo[] = [
  {
    name: 'service',
    path: '/repos/service',
    branch: 'main',
    headSha: 'f'.repeat(40),
    state: 'ok',
    lastSyncAt: '2025-01-22T09:00:00Z',
  },
]

function report() {
  const progress = computeProgress(
    progressInput(basePlan, {
      asOf: AS_OF,
      tasks: [
        progressTask(tasks[0], {
          evidence: {
            ...doneBy('2025-01-07', 'a'.repeat(40)),
            items: [
              {
                checkSentence: '`src/config.ts` exists',
                holds: true,
                path: 'src/config.ts',
                lines: [12, 13],
                commit: { sha: 'a'.repeat(40), date: '2025-01-07', subject: 'config' },
              },
            ],
          },
        }),
        progressTask(tasks[1], { evidence: { state: 'not-started', doneAt: null, items: [] } }),
        progressTask(tasks[2], {
          manual: { status: 'blocked', note: 'waiting for the vendor sandbox', date: '2025-01-15' },
        }),
        progressTask(tasks[3], { evidence: { state: 'needs-confirmation', doneAt: null, items: [] } }),
        progressTask(tasks[4], { evidence: doneBy('2025-01-21', 'b'.repeat(40)) }),
        progressTask(tasks[5], { evidence: { state: 'not-started', doneAt: null, items: [] } }),
        progressTask(tasks[6], { evidence: { state: 'not-started', doneAt: null, items: [] } }),
        progressTask(tasks[7], { manual: { status: 'done', note: 'external audit report filed', date: '2025-01-20' } }),
      ],
    }),
  )
  return buildReportData({
    planId: 7,
    title: 'Sample readiness',
    sourceName: 'plan.md',
    plan: basePlan,
    progress,
    repos,
  })
}

const keys = (rows: { key: string }[]) => rows.map((row) => row.key)

describe('report model', () => {
  it('is valid against the contract and carries the status unchanged', () => {
    const data = report()
    expect(ReportDataSchema.parse(data)).toEqual(data)
    expect(data.asOf).toBe(AS_OF)
    expect(data.progress.asOfWeek).toBe(3)
    expect(data.repos).toEqual(repos)
    expect(data.title).toBe('Sample readiness')
    expect(data.planDate).toBe('2025-01-06')
  })

  it('sorts work items into done this week, overdue, at risk, needs confirmation and blocked', () => {
    const data = report()
    expect(keys(data.doneThisWeek)).toEqual(['2.3', '3.3'])
    expect(keys(data.overdue)).toEqual(['1.2'])
    // 2.2 is due this week, 3.1 next week; 2.1 is blocked (listed there), 3.2 is due in two weeks
    expect(keys(data.atRisk)).toEqual(['2.2', '3.1'])
    expect(data.atRisk.map((row) => row.note)).toEqual(['due this week', 'due week 4'])
    expect(keys(data.needsConfirmation)).toEqual(['2.2'])
    expect(data.needsConfirmation[0].note).toMatch(/confirm by hand/)
    expect(keys(data.blocked)).toEqual(['2.1'])
    expect(data.blocked[0].note).toBe('waiting for the vendor sandbox')
  })

  it('gives each phase a status from its weeks and completion', () => {
    const data = report()
    expect(data.phases.map((p) => [p.title, p.status])).toEqual([
      ['Foundations', 'late'],
      ['Integration', 'behind'],
      ['Hardening', 'upcoming'],
    ])
    expect(data.phases[0]).toMatchObject({ weekStart: 1, weekEnd: 1, taskCount: 2, doneTaskCount: 1 })
    const allDone = computeProgress(
      progressInput(basePlan, {
        asOf: AS_OF,
        tasks: tasks.map((task) => progressTask(task, { evidence: doneBy('2025-01-08') })),
      }),
    )
    const finished = buildReportData({
      planId: 7,
      title: 't',
      sourceName: 's',
      plan: basePlan,
      progress: allDone,
      repos: [],
    })
    expect(finished.phases.map((p) => p.status)).toEqual(['done', 'done', 'done'])
    expect(finished.overdue).toEqual([])
  })

  it('lists every check of every done task in the evidence appendix, with commit and file:line', () => {
    const data = report()
    expect(data.evidence.map((row) => row.taskKey)).toEqual(['1.1', '2.3', '3.3'])
    expect(data.evidence[0]).toMatchObject({
      check: '`src/config.ts` exists',
      commitSha: 'a'.repeat(40),
      commitDate: '2025-01-07',
      location: 'src/config.ts:12,13',
      holds: true,
    })
    expect(data.evidence[1]).toMatchObject({ commitSha: 'b'.repeat(40), location: 'src/x.ts' })
    // done by hand: no commit, the lead's note instead
    expect(data.evidence[2]).toMatchObject({
      commitSha: null,
      location: null,
      check: 'Marked done by hand: external audit report filed',
    })
  })

  it('passes lint warnings through and groups repeated repairs', () => {
    const data = report()
    expect(data.warnings).toEqual(basePlan.warnings)
    expect(data.repairs).toEqual([
      { kind: 'mojibake', before: 'â€™', after: '’', count: 3, lines: [3, 9] },
      { kind: 'mojibake', before: 'Ã©', after: 'é', count: 1, lines: [5] },
    ])
    expect(groupRepairs([])).toEqual([])
  })

  it('is deterministic', () => {
    expect(JSON.stringify(report())).toBe(JSON.stringify(report()))
  })

  it('names export files after the plan and date', () => {
    expect(reportFileName('🗺️ COMPLETE ROADMAP: to/production', '2024-12-27', 'pdf')).toBe(
      'COMPLETE-ROADMAP-to-production-status-2024-12-27.pdf',
    )
    expect(reportFileName('***', '2024-12-27', 'csv')).toBe('plan-status-2024-12-27.csv')
  })
})

describe('report for stakeholders', () => {
  it('shows the plan’s own numbers as labels, and none for unnumbered items', () => {
    const data = report()
    expect(data.overdue[0]).toMatchObject({ key: '1.2', label: '1.2', title: 'Remove debug logging' })
    const unnumbered = plan({ ...basePlan, tasks: basePlan.tasks.map((task) => ({ ...task, number: null })) })
    const progress = computeProgress(progressInput(unnumbered, { asOf: AS_OF }))
    const plain = buildReportData({ planId: 7, title: 'x', sourceName: 'x.md', plan: unnumbered, progress, repos })
    expect(plain.overdue.every((row) => row.label === null)).toBe(true)
    expect(plain.executive.risks.every((risk) => risk.label === null)).toBe(true)
  })

  it('sums up the repairs in one line and keeps each one for the JSON export', () => {
    const data = report()
    expect(data.repairSummary).toBe(
      'The importer repaired 4 pieces of damaged text on 3 lines (mojibake; read as utf-8); the JSON export lists each repair.',
    )
    expect(data.repairs.reduce((sum, group) => sum + group.count, 0)).toBe(4)
    expect(
      buildReportData({
        planId: 7,
        title: 'x',
        sourceName: 'x.md',
        plan: { ...basePlan, repairs: [] },
        progress: report().progress,
        repos,
      }).repairSummary,
    ).toBeNull()
  })

  it('lists each cited commit once with its full and short SHA: evidence first, then repository HEADs', () => {
    expect(report().commits).toEqual([
      { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', date: '2025-01-07', subject: 'config' },
      { sha: 'b'.repeat(40), shortSha: 'bbbbbbb', date: '2025-01-21', subject: 'work' },
      { sha: 'f'.repeat(40), shortSha: 'fffffff', date: null, subject: 'HEAD of service' },
    ])
  })

  it('says why an item needs confirmation: no check at all, or checks that do not settle it', () => {
    expect(report().needsConfirmation[0].note).toBe('No check could be derived from the plan: confirm by hand')
  })

  it('puts the status in one sentence, the biggest risks first, and what changed in the last 7 days', () => {
    const { executive } = report()
    expect(executive.status).toMatch(/^Week 3 of 5: \d+(\.\d+)?% verified done \(\d+(\.\d+)? h of 34 h\), /)
    const items = executive.risks.filter((risk) => risk.label !== null)
    expect(items.map((risk) => risk.label)).toEqual(['2.1', '1.2', '3.1'].slice(0, items.length))
    expect(items[0].why).toBe('blocked: waiting for the vendor sandbox (6 h)')
    expect(executive.risks.length).toBeLessThanOrEqual(3)
    expect(executive.changes[0]).toBe('Verified done: 2 items (7 h) — 2.3 Retry queue; 3.3 Pen test')
  })

  it('for a plan long past its end, says how long ago it ended instead of a week count', () => {
    const progress = computeProgress(progressInput(basePlan, { asOf: '2026-11-30' }))
    const data = buildReportData({ planId: 7, title: 'x', sourceName: 'x.md', plan: basePlan, progress, repos })
    expect(data.executive.status).toMatch(
      /^The plan ended \d+ weeks ago \(week 5\) with 0% verified done \(0 h of 34 h\); 8 items still open\.$/,
    )
    expect(data.executive.changes).toEqual([
      'Nothing was verified done, re-planned or became overdue in the last 7 days.',
    ])
  })
})
