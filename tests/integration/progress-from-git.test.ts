import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { runCli } from '../support/cli'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004, buildSeed004Repo, seed004WithExtraWeek3Step } from './seed-004-fixture'

describe('progress of seed 004 from a fixture repository', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  let taskIds: Record<string, number>
  const status = (asOf = '2024-12-20') => callOk<ProgressReport>(core, 'progress.get', { planId, asOf })
  /** the plan's own seven points (week 0 to 6); the series runs on to the forecast */
  const planWeeks = <T>(values: T[]) => values.slice(0, 7)

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2024-12-16T12:00:00Z') })
    repo = buildSeed004Repo()
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } }))
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
    ;({ taskIds } = await callOk<{ taskIds: Record<string, number> }>(core, 'plans.get', { planId }))
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('gives the exact actual series, done weeks and schedule variance', async () => {
    const report = await status()
    const byKey = Object.fromEntries(report.tasks.map((t) => [t.key, t]))
    expect(['1.2', '1.3', '1.4'].map((k) => [byKey[k].state, byKey[k].doneWeek])).toEqual(Array(3).fill(['done', 1]))
    // 1.1 only lists a file to modify: a change to it is progress, never done
    expect([byKey['1.1'].state, byKey['1.1'].doneWeek]).toEqual(['in-progress', null])
    expect(byKey['1.2'].doneAt).toBe('2024-12-05')
    expect([byKey['2.1'].state, byKey['2.1'].doneWeek, byKey['2.1'].doneAt]).toEqual(['done', 2, '2024-12-10'])
    expect([byKey['2.2'].state, byKey['2.2'].doneWeek]).toEqual(['done', 3])
    expect(byKey['2.3'].state).toBe('not-started')
    expect(byKey['3.1'].state).toBe('needs-confirmation')
    expect(
      byKey['1.2'].evidence.some(
        (e) =>
          e.path === 'services/ml-service/src/tasks.py' && e.commit?.subject === 'Queue HubSpot webhooks to Celery',
      ),
    ).toBe(true)

    expect(planWeeks(report.burndown.map((p) => p.idealRemainingHours))).toEqual([62, 49, 38, 25, 18, 6, 0])
    expect(planWeeks(report.burndown.map((p) => p.actualRemainingHours))).toEqual([62, 53, 49, 46, null, null, null])
    expect(planWeeks(report.burndown.map((p) => p.doneHours))).toEqual([0, 9, 13, 16, null, null, null])
    expect(report.summary.verifiedPercent).toBeCloseTo((16 / 62) * 100, 0)
    // earned 16 h: the ideal line had 13 h done after week 1 and 24 h after week 2 → earned schedule 1 + 3/11 weeks,
    // at the end of week 3's working days (Friday 2024-12-20): 3 weeks elapsed
    expect(report.summary.scheduleVarianceWeeks).toBeCloseTo(1 + 3 / 11 - 3, 1)
    expect(report.summary.behindWeeks).toBeGreaterThan(1)
  })

  it('as of an earlier date, states and figures are as they stood then', async () => {
    const report = await status('2024-12-08')
    expect(report.tasks.find((t) => t.key === '2.1')!.state).not.toBe('done')
    expect(planWeeks(report.burndown.map((p) => p.actualRemainingHours))).toEqual([
      62,
      53,
      null,
      null,
      null,
      null,
      null,
    ])
  })

  it('a manual override changes the figures and is flagged when git disagrees', async () => {
    await callOk(core, 'tasks.setStatus', {
      taskId: taskIds['2.3'],
      status: 'done',
      note: 'Dashboard shipped behind a flag',
      date: '2024-12-19',
    })
    await callOk(core, 'tasks.setStatus', {
      taskId: taskIds['1.1'],
      status: 'not-done',
      note: 'Director change was reverted in prod',
      date: '2024-12-19',
    })
    const report = await status()
    const t23 = report.tasks.find((t) => t.key === '2.3')!
    const t11 = report.tasks.find((t) => t.key === '1.1')!
    expect([t23.state, t23.source, t23.disagreement, t23.manual?.note]).toEqual([
      'done',
      'manual',
      true,
      'Dashboard shipped behind a flag',
    ])
    // git says 1.1 is in progress, not done: a manual "not done" agrees with it
    expect([t11.state, t11.source, t11.disagreement]).toEqual(['in-progress', 'manual', false])
    expect(report.summary.disagreementCount).toBe(1)
    // week 3: 46 h − 2 h (2.3 done by hand)
    expect(report.burndown[3].actualRemainingHours).toBe(44)
    await callOk(core, 'tasks.setStatus', { taskId: taskIds['2.3'], status: 'cleared', note: '', date: '2024-12-19' })
    await callOk(core, 'tasks.setStatus', { taskId: taskIds['1.1'], status: 'cleared', note: '', date: '2024-12-19' })
    expect((await status()).burndown[3].actualRemainingHours).toBe(46)
  })

  it('`readiness status --json` prints the same report, and --fail-if-behind fails when behind', async () => {
    const cli = runCli(['status', String(planId), '--as-of', '2024-12-20', '--json', '--db', core.dbPath])
    expect(cli.status, cli.stderr).toBe(0)
    const printed = JSON.parse(cli.stdout) as ProgressReport
    expect(printed.summary).toEqual((await status()).summary)
    expect(planWeeks(printed.burndown.map((p) => p.actualRemainingHours))).toEqual([62, 53, 49, 46, null, null, null])
    const behind = runCli([
      'status',
      String(planId),
      '--as-of',
      '2024-12-20',
      '--fail-if-behind',
      '1',
      '--db',
      core.dbPath,
    ])
    expect(behind.status).toBe(3)
    expect(behind.stderr).toMatch(/weeks behind the plan \(more than 1\)/)
    expect(
      runCli(['status', String(planId), '--as-of', '2024-12-20', '--fail-if-behind', '5', '--db', core.dbPath]).status,
    ).toBe(0)
  })

  it('a re-import that adds 10 h in week 3 shows in scope and the scope log; the baseline ideal line does not move', async () => {
    const bytes = seed004WithExtraWeek3Step()
    const result = await callOk<{ diff: { added: { key: string }[] } }>(core, 'plans.import', {
      planId,
      source: { name: 'plan-v2.md', base64: bytes.toString('base64') },
    })
    expect(result.diff.added.map((a) => a.key)).toEqual(['3.4'])
    const report = await status()
    expect(report.scopeChanges).toMatchObject([
      { kind: 'added', taskKey: '3.4', hoursDelta: 10, date: '2024-12-16', week: 3 },
    ])
    expect(planWeeks(report.burndown.map((p) => p.scopeHours))).toEqual([62, 62, 62, 72, 72, 72, 72])
    expect(planWeeks(report.burndown.map((p) => p.idealRemainingHours))).toEqual([62, 49, 38, 25, 18, 6, 0])
    expect(report.burndown[3].actualRemainingHours).toBe(56)
    // done tasks kept their evidence across the re-import
    expect(report.tasks.find((t) => t.key === '1.2')!.state).toBe('done')
    expect(readFileSync(SEED_004).equals(bytes)).toBe(false)
  })
})
