import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { TaskEvidenceView } from '../../src/shared/contract/evidence'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { seedPlansDir } from '../support/paths'

const SEED_000 = join(seedPlansDir, '000_f36da2492d71ad53.txt')

/** Seed 000 as a lead would edit it: item 1.1 retitled, 1.3 dropped and 1.4 renumbered to 1.3, 2.2 re-estimated, 2.5 added. */
function editedSeed000(): string {
  let text = readFileSync(SEED_000, 'utf8')
  const cut = (from: string, to: string) => {
    const start = text.indexOf(from)
    const end = text.indexOf(to, start)
    if (start < 0 || end < 0) throw new Error(`seed 000 changed: ${from}`)
    text = text.slice(0, start) + text.slice(end)
  }
  const replace = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`seed 000 changed: ${from}`)
    text = text.replace(from, to)
  }
  replace('#### 1.1 Add Route Protection', '#### 1.1 Add Route Guards')
  cut('#### 1.3 Replace In-Memory Job Storage', '#### 1.4 Remove Silent Failures')
  replace('#### 1.4 Remove Silent Failures', '#### 1.3 Remove Silent Failures')
  const circuit = text.indexOf('#### 2.2 Add Circuit Breakers')
  const estimate = text.indexOf('**Estimated Time**: 8 hours', circuit)
  text =
    text.slice(0, estimate) +
    '**Estimated Time**: 12 hours' +
    text.slice(estimate + '**Estimated Time**: 8 hours'.length)
  const phase3 = text.indexOf('\n## ', text.indexOf('#### 2.4 Add Connection Pooling')) + 1
  text =
    text.slice(0, phase3) +
    '#### 2.5 Add Request Timeouts\n**Tasks**:\n- [ ] Set timeouts on outgoing calls\n\n**Estimated Time**: 3 hours\n\n---\n\n' +
    text.slice(phase3)
  return text
}

describe('re-importing a new version of a plan', () => {
  let core: TestCore
  let planId: number
  let before: PlanDetail
  let userCheckId: number

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2025-02-12T09:00:00Z') })
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_000 } }))
    before = await callOk<PlanDetail>(core, 'plans.get', { planId })
    await callOk(core, 'tasks.setStatus', {
      taskId: before.taskIds['1.1'],
      status: 'done',
      note: 'Guards merged in #41',
      date: '2025-01-29',
    })
    await callOk(core, 'tasks.setStatus', {
      taskId: before.taskIds['1.4'],
      status: 'blocked',
      note: 'Waiting on Sentry account',
      date: '2025-01-30',
    })
    const check = await callOk<{ id: number }>(core, 'checks.add', {
      taskId: before.taskIds['1.4'],
      spec: {
        kind: 'text-absent',
        needle: 'except:pass',
        scope: ['**/*.py'],
        sentence: 'no `except:pass` either',
        sourceLine: null,
        origin: 'user',
      },
    })
    userCheckId = check.id
  })
  afterAll(() => core.dispose())

  it('previews the changes before storing anything', async () => {
    const preview = await callOk<{ diff: { added: { key: string }[]; removed: { key: string }[] } }>(
      core,
      'plans.preview',
      {
        planId,
        source: { name: 'plan.md', base64: Buffer.from(editedSeed000()).toString('base64') },
      },
    )
    expect(preview.diff.added.map((a) => a.key)).toEqual(['2.5'])
    expect((await callOk<PlanDetail>(core, 'plans.get', { planId })).versions).toHaveLength(1)
  })

  it('maps renamed and renumbered items, keeps their statuses, notes and user checks, and logs the scope change', async () => {
    const result = await callOk<{
      versionNo: number
      diff: { mapping: { previousKey: string; nextKey: string; how: string }[] }
    }>(core, 'plans.import', {
      planId,
      source: { name: 'plan.md', base64: Buffer.from(editedSeed000()).toString('base64') },
    })
    expect(result.versionNo).toBe(2)
    expect(result.diff.mapping).toEqual(
      expect.arrayContaining([
        { previousKey: '1.1', nextKey: '1.1', how: expect.stringMatching(/same-key|retitled/) },
        { previousKey: '1.4', nextKey: '1.3', how: 'renumbered' },
      ]),
    )
    const after = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect(after.taskIds['1.1']).toBe(before.taskIds['1.1'])
    expect(after.taskIds['1.3']).toBe(before.taskIds['1.4'])
    expect(after.taskIds['2.5']).toBeGreaterThan(0)
    expect(Object.keys(after.taskIds)).toHaveLength(31)

    const history11 = await callOk<{ status: string; note: string }[]>(core, 'tasks.history', {
      taskId: after.taskIds['1.1'],
    })
    expect(history11[0]).toMatchObject({ status: 'done', note: 'Guards merged in #41' })
    const evidence = await callOk<TaskEvidenceView>(core, 'evidence.forTask', { taskId: after.taskIds['1.3'] })
    expect(evidence.title).toMatch(/Remove Silent Failures/)
    expect(evidence.checks.find((c) => c.id === userCheckId)).toMatchObject({ origin: 'user' })

    const report = await callOk<ProgressReport>(core, 'progress.get', { planId, asOf: '2025-02-12' })
    const t13 = report.tasks.find((t) => t.key === '1.3')!
    expect([t13.state, t13.manual?.note]).toEqual(['blocked', 'Waiting on Sentry account'])
    expect(report.tasks.find((t) => t.key === '1.1')!.title).toBe('Add Route Guards')
    expect(report.scopeChanges.map((c) => [c.kind, c.taskKey, c.hoursDelta, c.date])).toEqual(
      expect.arrayContaining([
        ['added', '2.5', 3, '2025-02-12'],
        ['removed', '1.3', -6, '2025-02-12'],
        ['reestimated', '2.2', 4, '2025-02-12'],
      ]),
    )
    expect(report.scopeChanges).toHaveLength(3)
    // the baseline (version 1) stays the ideal line
    expect(report.burndown.slice(0, 9).map((p) => p.idealRemainingHours)).toEqual([
      256, 240, 210, 156, 128, 96, 74, 30, 0,
    ])
  })
})
