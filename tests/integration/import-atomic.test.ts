import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PlanDetail } from '../../src/shared/contract/plans'
import { silentLogger } from '../../src/main/log'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { seedPlansDir } from '../support/paths'

const PLAN = join(seedPlansDir, '003_270b09d1ecc628fb.txt')

/** What an import writes, counted over the tables it touches. */
function footprint(core: TestCore) {
  const count = (table: string) =>
    core.context.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number
  const plan = core.context.db.$client
    .prepare('select days_per_week, hours_per_day, current_version_id from plans')
    .all()
  return {
    plan,
    tables: ['plans', 'plan_versions', 'phases', 'tasks', 'checks', 'scope_changes', 'plan_baselines'].map((t) => [
      t,
      count(t),
    ]),
  }
}

/** a write the database refuses, as a disk or constraint failure would (real SQLite, a trigger) */
function failWhen(core: TestCore, trigger: string) {
  core.context.db.$client.exec(
    `create trigger injected_failure ${trigger} begin select raise(abort, 'injected failure'); end`,
  )
}

describe('an import with days/week and hours/day lands whole or not at all', () => {
  let core: TestCore
  beforeEach(() => {
    // the injected failures are expected: their details need not reach the test output
    core = createTestCore({ now: () => new Date('2025-03-01T12:00:00Z'), logger: silentLogger })
  })
  afterEach(() => core.dispose())

  it('stores the options with the version', async () => {
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { path: PLAN },
      options: { daysPerWeek: 4 },
    })
    const detail = await callOk<PlanDetail>(core, 'plans.get', { planId })
    expect(detail.settings).toMatchObject({ daysPerWeek: 4, hoursPerDay: null })
  })

  it('a first import whose options cannot be written stores nothing', async () => {
    failWhen(core, 'before insert on plans when new.days_per_week is not null')
    const before = footprint(core)
    const result = await core.dispatch('plans.import', { source: { path: PLAN }, options: { daysPerWeek: 4 } })
    expect(result.ok).toBe(false)
    expect(footprint(core)).toEqual(before)
  })

  it('a re-import whose options cannot be written leaves the plan as it was (no version, task, check or scope change)', async () => {
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { path: PLAN },
      options: { hoursPerDay: 6 },
    })
    failWhen(core, 'before update of days_per_week on plans when new.days_per_week = 4')
    const before = footprint(core)
    const result = await core.dispatch('plans.import', { source: { path: PLAN }, planId, options: { daysPerWeek: 4 } })
    expect(result.ok).toBe(false)
    expect(footprint(core)).toEqual(before)
    expect((await callOk<PlanDetail>(core, 'plans.get', { planId })).settings).toMatchObject({
      daysPerWeek: null,
      hoursPerDay: 6,
    })
  })

  it('a re-import failing at its last write (the new baseline) does not keep its options', async () => {
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: PLAN } })
    failWhen(core, "before insert on plan_baselines when new.reason = 'scope agreed'")
    const before = footprint(core)
    const result = await core.dispatch('plans.import', {
      source: { path: PLAN },
      planId,
      options: { daysPerWeek: 4, hoursPerDay: 6 },
      rebaseline: { reason: 'scope agreed' },
    })
    expect(result.ok).toBe(false)
    expect(footprint(core)).toEqual(before)
  })
})
