import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckRow } from '../../src/shared/contract/checks'
import type { TaskEvidenceView, TaskExplanation } from '../../src/shared/contract/evidence'
import type { ProgressReport } from '../../src/shared/progress-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { GitFixture } from '../evidence/helpers/git-fixture'

/**
 * Issue 15 (6): adding, editing or enabling a check evaluates it at once from the repository, without a sync; and
 * (4) "why not done": the explanation of a created-then-deleted file names both commits.
 */
const PLAN = `# Small plan

## Phase 1: Basics (weeks 1-2)

### 1.1 Feature flags (2h)

**Success criteria:**
- \`src/flags.py\` exists

### 1.2 Write the runbook (2h)

Talk to the on-call team first.
`

describe('checks are evaluated when they change, without a sync', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  let taskIds: Record<string, number>
  const sha: Record<string, string> = {}

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2025-03-20T12:00:00Z') })
    repo = new GitFixture()
    repo.write('README.md', '# x\n').commit('start', '2025-02-20T10:00:00+00:00')
    sha.created = repo.write('src/flags.py', 'FLAGS = {}\n').commit('Add flags', '2025-03-04T10:00:00+00:00')
    sha.deleted = repo.remove('src/flags.py').commit('Drop flags', '2025-03-05T10:00:00+00:00')
    sha.runbook = repo.write('docs/runbook.md', '# On call\n').commit('Runbook', '2025-03-11T10:00:00+00:00')
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', {
      source: { name: 'plan.md', base64: Buffer.from(PLAN).toString('base64') },
      startDate: '2025-03-03',
    }))
    await callOk(core, 'repos.connect', { planId, path: repo.dir })
    await callOk(core, 'repos.sync', { planId })
    ;({ taskIds } = await callOk<{ taskIds: Record<string, number> }>(core, 'plans.get', { planId }))
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('a task with no checks says so (no criteria), not "inconclusive"', async () => {
    const view = await callOk<TaskEvidenceView>(core, 'evidence.forTask', { taskId: taskIds['1.2'] })
    expect(view).toMatchObject({ state: 'needs-confirmation', reason: 'no-criteria', checks: [] })
  })

  it('an added check is evaluated at once and decides the task', async () => {
    const spec = {
      kind: 'file-exists',
      path: 'docs/runbook.md',
      sentence: '`docs/runbook.md` exists',
      sourceLine: null,
      origin: 'user',
      enabled: true,
    }
    const row = await callOk<CheckRow>(core, 'checks.add', { taskId: taskIds['1.2'], spec })
    expect(row.result).toMatchObject({ holdsNow: true, since: { sha: sha.runbook, week: 2 } })
    const report = await callOk<ProgressReport>(core, 'progress.get', { planId })
    expect(report.tasks.find((t) => t.key === '1.2')).toMatchObject({ state: 'done', doneWeek: 2 })
  })

  it('a check toggled off and on is re-evaluated without a sync; an edited one too', async () => {
    const view = await callOk<TaskEvidenceView>(core, 'evidence.forTask', { taskId: taskIds['1.2'] })
    const check = view.checks[0]
    await callOk(core, 'checks.update', { checkId: check.id, enabled: false })
    expect(
      (await callOk<ProgressReport>(core, 'progress.get', { planId })).tasks.find((t) => t.key === '1.2')!.state,
    ).toBe('needs-confirmation')
    const back = await callOk<CheckRow>(core, 'checks.update', { checkId: check.id, enabled: true })
    expect(back.result?.holdsNow).toBe(true)
    const edited = await callOk<CheckRow>(core, 'checks.update', {
      checkId: check.id,
      spec: { ...check.spec, path: 'docs/missing.md', sentence: '`docs/missing.md` exists' },
    })
    expect(edited.result).toMatchObject({ holdsNow: false })
    expect(
      (await callOk<ProgressReport>(core, 'progress.get', { planId })).tasks.find((t) => t.key === '1.2')!.state,
    ).toBe('not-started')
  })

  it('why not done: the created-then-deleted file with both commits, and the criterion it came from', async () => {
    const explained = await callOk<TaskExplanation>(core, 'evidence.explain', { planId, taskKey: '1.1' })
    expect(explained).toMatchObject({ state: 'not-started', reason: null })
    const [check] = explained.checks
    expect(check).toMatchObject({
      sentence: '`src/flags.py` exists',
      source: '`src/flags.py` exists',
      role: 'criterion',
      holds: false,
    })
    expect(check.repos[0].line).toBe(
      `created 4 Mar 2025 ${sha.created.slice(0, 7)} · deleted 5 Mar 2025 ${sha.deleted.slice(0, 7)}`,
    )
    expect(check.repos[0].runs.map((r) => [r.value, r.start?.sha ?? null, r.end?.sha ?? null])).toEqual([
      [false, null, sha.created],
      [true, sha.created, sha.deleted],
      [false, sha.deleted, null],
    ])
  })
})
