import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressReport } from '../../src/shared/progress-model'
import type { PlanSummary } from '../../src/shared/contract/plans'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { GitFixture } from '../evidence/helpers/git-fixture'

/**
 * A re-import that adds or changes a task's `Done when` evaluates the new checks at once from the repository the plan
 * was synced against, so the task is decided without waiting for the next sync.
 */
const V1 = `# Service plan

## Week 1

### 1.1 Add health check (4h)

### 1.2 Add metrics (4h)

Done when: \`src/metrics.py\` exists
`
const V2 = V1.replace(
  '### 1.1 Add health check (4h)\n',
  '### 1.1 Add health check (4h)\n\nDone when: `src/health.py` exists\n',
)
const V3 = V2.replace('`src/metrics.py` exists', '`src/metrics/__init__.py` exists')

const source = (text: string) => ({ name: 'plan.md', base64: Buffer.from(text).toString('base64') })

describe('a re-import with new or changed checks', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  const sha: Record<string, string> = {}
  const taskOf = async (key: string) =>
    (await callOk<ProgressReport>(core, 'progress.get', { planId })).tasks.find((t) => t.key === key)!

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2025-03-20T12:00:00Z') })
    repo = new GitFixture()
    repo.write('README.md', '# x\n').commit('start', '2025-02-20T10:00:00+00:00')
    sha.health = repo.write('src/health.py', 'OK = 1\n').commit('Health check', '2025-03-04T10:00:00+00:00')
    sha.metrics = repo
      .write('src/metrics/__init__.py', 'COUNTERS = {}\n')
      .commit('Metrics package', '2025-03-05T10:00:00+00:00')
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: source(V1),
      startDate: '2025-03-03',
    }))
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('evaluates an added `Done when` at once: the task is done, not unknown until a sync', async () => {
    expect(await taskOf('1.1')).toMatchObject({ state: 'needs-confirmation' })
    const lastSync = (await callOk<PlanSummary[]>(core, 'plans.list', {}))[0].lastSyncAt
    await callOk(core, 'plans.import', { source: source(V2), planId })
    expect(await taskOf('1.1')).toMatchObject({ state: 'done', doneAt: '2025-03-04' })
    expect((await taskOf('1.1')).evidence[0].commit?.sha).toBe(sha.health)
    // only the new check was evaluated: the plan keeps the time of its last real sync
    expect((await callOk<PlanSummary[]>(core, 'plans.list', {}))[0].lastSyncAt).toBe(lastSync)
  })

  it('evaluates a changed `Done when` at once', async () => {
    expect(await taskOf('1.2')).toMatchObject({ state: 'not-started' })
    await callOk(core, 'plans.import', { source: source(V3), planId })
    expect(await taskOf('1.2')).toMatchObject({ state: 'done', doneAt: '2025-03-05' })
  })
})
