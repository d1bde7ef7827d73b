import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckRow } from '../../src/shared/contract/checks'
import type { TaskEvidenceView, TaskExplanation } from '../../src/shared/contract/evidence'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { GitFixture } from '../evidence/helpers/git-fixture'

/**
 * A criterion sentence read only in part ("`a` and `b` are gone, and the image stays under 200 MB"): the checks read
 * from it stand for part of its claim, so its task is never done on them alone. The drawer, "why (not) done" and the
 * dashboard say "needs confirmation" (partly read) while they hold; a days/week change keeps it so (the stored reading
 * keeps its lint); a check the lead adds for the rest lets git decide again.
 */
const PLAN = `# Container plan

Start: Monday 3 March 2025 · 4 weeks

## Phase 1 (weeks 1-2)

### 1.1 One Dockerfile per base image (4h)

Done when: \`docker/amd64/Dockerfile\` and \`docker/arm64/Dockerfile\` are gone, and the image stays under 200 MB

### 1.2 Healthcheck script (1h)

Done when: \`docker/healthcheck.sh\` exists
`

describe('a task whose criterion sentence is read in part', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  let taskIds: Record<string, number>
  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2025-03-28T12:00:00Z') })
    repo = new GitFixture()
    repo
      .write('docker/amd64/Dockerfile', 'FROM debian\n')
      .write('docker/arm64/Dockerfile', 'FROM debian\n')
      .commit('per-arch images', '2025-02-20T10:00:00+00:00')
    repo.remove('docker/amd64').remove('docker/arm64')
    repo.write('docker/Dockerfile', 'FROM debian\n').write('docker/healthcheck.sh', '#!/bin/sh\n')
    repo.commit('one Dockerfile, a healthcheck', '2025-03-12T10:00:00+00:00')
    const base64 = Buffer.from(PLAN, 'utf8').toString('base64')
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { name: 'plan.md', base64 } }))
    taskIds = (await callOk<PlanDetail>(core, 'plans.get', { planId })).taskIds
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  async function verdict(key: string) {
    const drawer = await callOk<TaskEvidenceView>(core, 'evidence.forTask', { taskId: taskIds[key] })
    const why = await callOk<TaskExplanation>(core, 'evidence.explain', { planId, taskKey: key })
    const progress = await callOk<ProgressReport>(core, 'progress.get', { planId })
    const dashboard = progress.tasks.find((t) => t.key === key)!
    return {
      drawer: [drawer.state, drawer.reason],
      why: [why.state, why.reason],
      dashboard: dashboard.state,
      why_: why,
    }
  }

  it('needs confirmation while its checks hold; a fully read task beside it is done', async () => {
    const partly = await verdict('1.1')
    expect(partly.drawer).toEqual(['needs-confirmation', 'partly-read'])
    expect(partly.why).toEqual(['needs-confirmation', 'partly-read'])
    expect(partly.dashboard).toBe('needs-confirmation')
    expect(partly.why_.checks.filter((c) => c.role === 'criterion').every((c) => c.holds)).toBe(true)
    expect(partly.why_.notCheckable.map((n) => n.text)).toEqual(['and the image stays under 200 MB'])
    expect((await verdict('1.2')).dashboard).toBe('done')
  })

  it('stays so after a days/week change re-reads the plan', async () => {
    await callOk(core, 'plans.update', { planId, daysPerWeek: 4 })
    expect((await verdict('1.1')).drawer).toEqual(['needs-confirmation', 'partly-read'])
  })

  it('a check the lead adds for the rest lets git decide', async () => {
    const added = await callOk<CheckRow>(core, 'checks.add', {
      taskId: taskIds['1.1'],
      spec: {
        kind: 'file-exists',
        path: 'docker/Dockerfile',
        sentence: '`docker/Dockerfile` exists',
        sourceLine: null,
        origin: 'user',
        enabled: true,
      },
    })
    expect(added.result?.holdsNow).toBe(true)
    const after = await verdict('1.1')
    expect(after.drawer).toEqual(['done', null])
    expect(after.dashboard).toBe('done')
  })
})
