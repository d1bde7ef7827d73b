import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { BaselineRef, ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'

/** The first import: the items are there but the lead forgot the estimates and the weeks (0 h). */
const BROKEN_V1 = `# Checkout Service Readiness

**Date**: 2025-01-06

#### 1.1 Add Health Check
- [ ] Create \`src/health.ts\`

#### 1.2 Add Request Timeouts
- [ ] Set timeouts on outgoing calls

#### 2.1 Add Rate Limiting
- [ ] Limit requests per client
`

/** The fixed plan: two phases over three weeks, 45 h. */
const FIXED_V2 = `# Checkout Service Readiness

**Date**: 2025-01-06

## PHASE 1: FOUNDATIONS (Weeks 1-2)

#### 1.1 Add Health Check
- [ ] Create \`src/health.ts\`

**Estimated Time**: 15 hours

#### 1.2 Add Request Timeouts
- [ ] Set timeouts on outgoing calls

**Estimated Time**: 15 hours

## PHASE 2: HARDENING (Week 3)

#### 2.1 Add Rate Limiting
- [ ] Limit requests per client

**Estimated Time**: 15 hours
`

const source = (text: string) => ({ name: 'checkout-plan.md', base64: Buffer.from(text).toString('base64') })

describe('plan baselines in the store', () => {
  let core: TestCore
  let planId: number
  let clock = new Date('2025-01-06T09:00:00Z')

  beforeAll(async () => {
    core = createTestCore({ now: () => clock })
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: source(BROKEN_V1) }))
  })
  afterAll(() => core.dispose())

  const baselines = async () => (await callOk<PlanDetail>(core, 'plans.get', { planId })).baselines
  const progress = (input: Record<string, unknown> = {}) =>
    callOk<ProgressReport>(core, 'progress.get', { planId, asOf: '2025-01-22', ...input })

  it('freezes the first import as the original baseline', async () => {
    expect(await baselines()).toEqual([
      {
        id: expect.any(Number),
        versionNo: 1,
        setAt: '2025-01-06T09:00:00.000Z',
        reason: '',
        original: true,
        latest: true,
      },
    ])
  })

  it('a re-import that keeps the baseline leaves it on version 1', async () => {
    clock = new Date('2025-01-20T09:00:00Z')
    await callOk(core, 'plans.import', { planId, source: source(FIXED_V2) })
    expect((await baselines()).map((b) => b.versionNo)).toEqual([1])
    const report = await progress()
    expect(report.baseline?.versionNo).toBe(1)
    expect(report.burndown[0].idealRemainingHours).toBe(0)
    expect(report.phases.map((phase) => phase.title)).not.toContain('(no phase)')
  })

  it('rebaselines on the current version with a reason; progress follows it, the original stays viewable', async () => {
    clock = new Date('2025-01-21T10:00:00Z')
    const { baseline, baselines: all } = await callOk<{ baseline: BaselineRef; baselines: BaselineRef[] }>(
      core,
      'plans.rebaseline',
      { planId, reason: 'v1 had no estimates' },
    )
    expect(baseline).toMatchObject({
      versionNo: 2,
      reason: 'v1 had no estimates',
      original: false,
      latest: true,
      setAt: '2025-01-21T10:00:00.000Z',
    })
    expect(all.map((b) => [b.versionNo, b.original, b.latest])).toEqual([
      [1, true, false],
      [2, false, true],
    ])

    const report = await progress()
    expect(report.baseline?.id).toBe(baseline.id)
    expect(report.burndown.slice(0, 4).map((point) => point.idealRemainingHours)).toEqual([45, 30, 15, 0])
    expect(report.burndown.slice(0, 4).map((point) => point.scopeHours)).toEqual([45, 45, 45, 45])
    expect(report.burndown[0].originalIdealRemainingHours).toBe(0)
    expect(report.summary.plannedValue).toBe(39)
    expect(report.scopeChanges.length).toBeGreaterThan(0)
    expect(report.scopeChanges.every((change) => change.inBaseline)).toBe(true)

    const original = await progress({ baselineId: all[0].id })
    expect(original.baseline?.original).toBe(true)
    expect(original.burndown[0].idealRemainingHours).toBe(0)
    expect(original.summary.spi).toBeNull()
  })

  it('rebaselines from any version, and a re-import can rebaseline in the same step', async () => {
    await callOk(core, 'plans.rebaseline', { planId, versionNo: 1, reason: 'compare with the first draft' })
    expect((await progress()).baseline?.versionNo).toBe(1)
    await callOk(core, 'plans.import', {
      planId,
      source: source(FIXED_V2.replace('**Estimated Time**: 15 hours\n', '**Estimated Time**: 20 hours\n')),
      rebaseline: { reason: '1.1 re-estimated' },
    })
    const all = await baselines()
    expect(all.map((b) => b.versionNo)).toEqual([1, 2, 1, 3])
    expect(all.at(-1)?.reason).toBe('1.1 re-estimated')
    expect((await progress()).burndown[0].idealRemainingHours).toBe(50)
  })

  it('refuses a version or baseline the plan does not have', async () => {
    expect((await core.dispatch('plans.rebaseline', { planId, versionNo: 9 })).ok).toBe(false)
    expect((await core.dispatch('progress.get', { planId, baselineId: 999 })).ok).toBe(false)
  })
})
