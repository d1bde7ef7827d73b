import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { ORACLE_PLAN, ORACLE_START, ORACLE_WEEKS, buildOracleRepo, oracleStates } from './helpers/oracle'
import type { GitFixture } from './helpers/git-fixture'

/**
 * Must-show #2: for a fixture history and every week boundary, `status --as-of` (progress.get through the real
 * importer, sync and dispatch) equals the state an oracle computes with plain `git ls-tree` / `git show` on the
 * cutoff commit, and the done week equals the oracle's first commit of the unbroken true run.
 */
describe('status --as-of agrees with a git oracle at every week boundary', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2025-05-05T12:00:00Z') })
    repo = buildOracleRepo()
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { name: 'oracle.md', base64: Buffer.from(ORACLE_PLAN).toString('base64') },
      startDate: ORACLE_START,
    }))
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
  }, 60_000)
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  for (let week = 0; week <= ORACLE_WEEKS; week++) {
    it(`week boundary ${week}`, async () => {
      const asOf = new Date(Date.parse(`${ORACLE_START}T00:00:00Z`) + week * 7 * 86_400_000).toISOString().slice(0, 10)
      const report = await callOk<ProgressReport>(core, 'progress.get', { planId, asOf })
      const expected = oracleStates(repo.dir, asOf)
      const got = Object.fromEntries(
        report.tasks.map((t) => [
          t.key,
          { done: t.state === 'done', doneWeek: t.state === 'done' ? t.doneWeek : null },
        ]),
      )
      expect(got).toEqual(expected)
    })
  }

  it('the history exercises every kind of change (the oracle is not trivially constant)', () => {
    const weeks = Array.from({ length: ORACLE_WEEKS + 1 }, (_, w) =>
      oracleStates(
        repo.dir,
        new Date(Date.parse(`${ORACLE_START}T00:00:00Z`) + w * 7 * 86_400_000).toISOString().slice(0, 10),
      ),
    )
    for (const key of Object.keys(weeks[0])) {
      const values = new Set(weeks.map((w) => JSON.stringify(w[key])))
      expect(values.size, `task ${key} changes over the weeks`).toBeGreaterThan(1)
    }
  })
})
