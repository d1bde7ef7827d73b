import { afterAll, describe, expect, it } from 'vitest'
import { CheckResultSchema, type CheckSpec } from '../../src/shared/check-model'
import {
  checkKey,
  createGitPort,
  createMemoryEvidenceCache,
  planWeekEnds,
  syncEvidence,
  taskStateFromChecks,
} from '../../src/main/evidence'
import { GitFixture } from './helpers/git-fixture'

const PLAN_START = '2025-03-03'
const WEEK_ENDS = planWeekEnds(PLAN_START, 4)
const day = (d: string) => `${d}T10:00:00+00:00`

function spec(partial: Partial<CheckSpec> & Pick<CheckSpec, 'kind'>): CheckSpec {
  return { sentence: 'test', sourceLine: null, origin: 'user', enabled: true, ...partial } as CheckSpec
}

function withIds(specs: CheckSpec[]) {
  return specs.map((s) => ({ id: checkKey(s), spec: s }))
}

const fixtures: GitFixture[] = []
afterAll(() => fixtures.forEach((f) => f.cleanup()))

function repo(): GitFixture {
  const f = new GitFixture()
  fixtures.push(f)
  f.write('README.md', '# fixture\n').commit('initial', day('2025-02-20'))
  return f
}

describe('history semantics', () => {
  it('a file created then deleted is not done; its week states show the episode', async () => {
    const f = repo()
    f.write('src/feature.py', 'print(1)\n').commit('add feature', day('2025-03-04'))
    f.remove('src/feature.py').commit('drop feature', day('2025-03-12'))
    const checks = withIds([spec({ kind: 'file-exists', path: 'src/feature.py' })])
    const result = await syncEvidence({
      repos: [{ id: 'r', dir: f.dir, branch: null, prefix: null }],
      checks,
      planStart: PLAN_START,
      weekEnds: WEEK_ENDS,
      cache: createMemoryEvidenceCache(),
      git: createGitPort(),
    })
    const [check] = result.checks
    expect(check.holdsNow).toBe(false)
    expect(check.since).toBeNull()
    expect(check.weekStates).toEqual([true, false, false, false])
    expect(taskStateFromChecks(result.checks).state).toBe('not-started')
  })

  it('a task done, reverted and redone dates from the redo', async () => {
    const f = repo()
    f.write('services/api/package.json', JSON.stringify({ dependencies: { express: '^4' } }, null, 2)).commit(
      'api',
      day('2025-02-21'),
    )
    f.write(
      'services/api/package.json',
      JSON.stringify({ dependencies: { express: '^4', opossum: '^8.1.0' } }, null, 2),
    ).commit('add opossum', day('2025-03-05'))
    f.write('services/api/package.json', JSON.stringify({ dependencies: { express: '^4' } }, null, 2)).commit(
      'Revert "add opossum"',
      day('2025-03-11'),
    )
    const redo = f
      .write(
        'services/api/package.json',
        JSON.stringify({ dependencies: { express: '^4', opossum: '^8.2.0' } }, null, 2),
      )
      .commit('add opossum again', day('2025-03-19'))
    const checks = withIds([spec({ kind: 'dependency', tool: 'opossum', npm: ['opossum'], python: [], files: [] })])
    const result = await syncEvidence({
      repos: [{ id: 'r', dir: f.dir, branch: null, prefix: null }],
      checks,
      planStart: PLAN_START,
      weekEnds: WEEK_ENDS,
      cache: createMemoryEvidenceCache(),
      git: createGitPort(),
    })
    const [check] = result.checks
    expect(check.holdsNow).toBe(true)
    expect(check.since?.sha).toBe(redo)
    expect(check.since?.subject).toBe('add opossum again')
    expect(check.since?.week).toBe(3)
    expect(check.weekStates).toEqual([true, false, true, true])
    expect(check.evidence).toEqual([
      expect.objectContaining({ path: 'services/api/package.json', lines: [4], count: 1, note: 'opossum ^8.2.0' }),
    ])
    const task = taskStateFromChecks(result.checks)
    expect(task.state).toBe('done')
    expect(task.doneAt?.commit.sha).toBe(redo)
  })

  it('a moved file keeps its evidence when the plan names the new path', async () => {
    const f = repo()
    f.write('old/auth.tsx', 'export const AuthProvider = 1\n').commit('auth', day('2025-03-04'))
    f.move('old/auth.tsx', 'src/auth/AuthProvider.tsx')
    const moved = f.commit('move auth', day('2025-03-13'))
    const checks = withIds([
      spec({ kind: 'file-contains', path: 'src/auth/AuthProvider.tsx', needles: ['AuthProvider'] }),
      spec({ kind: 'file-exists', path: 'src/auth/AuthProvider.tsx' }),
    ])
    const result = await syncEvidence({
      repos: [{ id: 'r', dir: f.dir, branch: null, prefix: null }],
      checks,
      planStart: PLAN_START,
      weekEnds: WEEK_ENDS,
      cache: createMemoryEvidenceCache(),
      git: createGitPort(),
    })
    for (const check of result.checks) {
      expect(check.holdsNow).toBe(true)
      expect(check.since?.sha).toBe(moved)
      expect(check.evidence[0]).toMatchObject({ path: 'src/auth/AuthProvider.tsx', commit: { sha: moved } })
    }
    expect(result.checks[0].evidence[0].lines).toEqual([1])
  })

  it('an untracked file inside a new folder is uncommitted evidence, never done', async () => {
    const f = repo()
    f.write('src/new/deep/module.py', 'x = 1\n')
    const checks = withIds([spec({ kind: 'file-exists', path: 'src/new/deep/module.py' })])
    const result = await syncEvidence({
      repos: [{ id: 'r', dir: f.dir, branch: null, prefix: null }],
      checks,
      planStart: PLAN_START,
      weekEnds: WEEK_ENDS,
      cache: createMemoryEvidenceCache(),
      git: createGitPort(),
    })
    expect(result.checks[0]).toMatchObject({
      holdsNow: false,
      uncommitted: {
        holds: true,
        evidence: [expect.objectContaining({ path: 'src/new/deep/module.py', commit: null })],
      },
    })
  })

  it('a repository whose first commit, after the plan start, meets the criterion: done at that commit', async () => {
    // no commit before the window: the state before the first commit has no date of its own
    const f = new GitFixture()
    fixtures.push(f)
    f.write('src/health.ts', 'export const ok = true\n').commit('health endpoint', day('2025-03-04'))
    f.write('README.md', '# service\n').commit('readme', day('2025-03-11'))
    const result = await syncEvidence({
      repos: [{ id: 'r', dir: f.dir, branch: null, prefix: null }],
      checks: withIds([spec({ kind: 'file-exists', path: 'src/health.ts' })]),
      planStart: PLAN_START,
      weekEnds: WEEK_ENDS,
      cache: createMemoryEvidenceCache(),
      git: createGitPort(),
    })
    const [check] = result.checks
    expect(check.holdsNow).toBe(true)
    expect(check.since?.date.slice(0, 10)).toBe('2025-03-04')
    expect(check.weekStates).toEqual([true, true, true, true])
    expect(taskStateFromChecks(result.checks).state).toBe('done')
    // what is stored must read back: the value before the first commit is dated by that commit, not left open
    expect(CheckResultSchema.safeParse(JSON.parse(JSON.stringify(check))).success).toBe(true)
    expect(check.histories?.[0].flips.every((flip) => Number.isFinite(flip.minAt))).toBe(true)
  })
})
