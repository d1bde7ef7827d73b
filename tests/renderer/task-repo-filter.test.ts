import { describe, expect, it } from 'vitest'
import type { RepoLink } from '../../src/shared/contract/repos'
import type { PlanDetail } from '../../src/shared/contract/plans'
import type { EvidenceItem, ProgressReport, TaskProgress } from '../../src/shared/progress-model'
import { DEFAULT_TASK_FILTERS, buildTaskRows, filterTasks } from '../../src/renderer/src/features/tasks/task-rows'

function repo(repoId: number, prefix: string | null = null): RepoLink {
  return {
    planId: 1,
    repoId,
    path: `/repos/${repoId}`,
    name: `repo-${repoId}`,
    branch: null,
    currentBranch: 'main',
    prefix,
    autoSync: true,
    available: true,
    state: 'ok',
    message: null,
    lastSyncAt: null,
    headSha: null,
    stale: false,
  }
}

/** Only the fields buildTaskRows reads: plan tasks with their files, and each task's progress verdict. */
function rows(tasks: { key: string; files: string[]; evidence: EvidenceItem[] | null }[]) {
  const detail = {
    plan: {
      phases: [],
      tasks: tasks.map((t) => ({
        key: t.key,
        title: t.key,
        phase: null,
        estimateHours: 1,
        weekStart: 1,
        weekEnd: 1,
        claimedDone: false,
        files: t.files.map((path) => ({ path })),
      })),
    },
  } as unknown as PlanDetail
  const report = {
    tasks: tasks.map(
      (t) =>
        ({
          key: t.key,
          state: t.evidence ? 'not-started' : 'unknown',
          evidenceState: t.evidence ? 'not-started' : null,
          evidence: t.evidence ?? [],
        }) as unknown as TaskProgress,
    ),
  } as ProgressReport
  return buildTaskRows(detail, report)
}

const item = (repoId?: string): EvidenceItem => ({
  checkSentence: 'a check',
  holds: false,
  ...(repoId ? { repoId } : {}),
})
const keysIn = (repoId: number, list: ReturnType<typeof rows>, repos: RepoLink[]) =>
  filterTasks(list, { ...DEFAULT_TASK_FILTERS, repo: String(repoId) }, repos).map((t) => t.key)

describe('repo filter of the Tasks screen', () => {
  it('puts a synced task in the repos its evidence came from, whatever its plan paths say', () => {
    const repos = [repo(1, 'api'), repo(2, 'web')]
    const list = rows([
      { key: 'a', files: ['web/app.ts'], evidence: [item('1')] },
      { key: 'b', files: ['api/x.ts'], evidence: [item('1'), item('2')] },
      { key: 'c', files: ['api/y.ts'], evidence: [item('2')] },
    ])
    expect(keysIn(1, list, repos)).toEqual(['a', 'b'])
    expect(keysIn(2, list, repos)).toEqual(['b', 'c'])
  })

  it('a synced task without evidence from any repo is in no repo', () => {
    const repos = [repo(1)]
    const list = rows([
      { key: 'no-checks', files: ['src/a.ts'], evidence: [] },
      { key: 'unresolved', files: ['src/b.ts'], evidence: [item()] },
    ])
    expect(keysIn(1, list, repos)).toEqual([])
  })

  it('falls back to plan paths under the repo prefix only for tasks never synced', () => {
    const repos = [repo(1, 'api'), repo(2)]
    const list = rows([
      { key: 'api-task', files: ['api/x.ts'], evidence: null },
      { key: 'web-task', files: ['web/x.ts'], evidence: null },
      { key: 'no-files', files: [], evidence: null },
    ])
    expect(keysIn(1, list, repos)).toEqual(['api-task'])
    expect(keysIn(2, list, repos)).toEqual(['api-task', 'web-task'])
  })
})
