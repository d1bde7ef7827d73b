import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RepoLink } from '../../src/shared/contract/repos'
import type { ProgressReport } from '../../src/shared/progress-model'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { SEED_004, buildSeed004Repo } from './seed-004-fixture'

describe('evidence items name the repo they were found in', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2024-12-16T12:00:00Z') })
    repo = buildSeed004Repo()
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } }))
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('before any sync, no evidence item carries a repo id', async () => {
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId, asOf: '2024-12-20' })
    expect(report.tasks.flatMap((task) => task.evidence).filter((item) => item.repoId !== undefined)).toEqual([])
  })

  it('after a sync, every evidence item of task 1.2 carries the connected repo id', async () => {
    const link = await callOk<RepoLink>(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId, asOf: '2024-12-20' })
    const task12 = report.tasks.find((task) => task.key === '1.2')!
    expect(task12.state).toBe('done')
    expect(task12.evidence.length).toBeGreaterThan(0)
    expect(new Set(task12.evidence.map((item) => item.repoId))).toEqual(new Set([String(link.repoId)]))
    // the evidence that proves 1.2 (the Celery tasks module) is among them, with its commit
    expect(
      task12.evidence.some(
        (item) =>
          item.path === 'services/ml-service/src/tasks.py' &&
          item.repoId === String(link.repoId) &&
          item.commit !== undefined,
      ),
    ).toBe(true)
  })
})
