import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckResult } from '../../src/shared/check-model'
import type { ParsedPlan } from '../../src/shared/plan-model'
import { parsePlanBytes } from '../../src/main/plan'
import {
  checkKey,
  createGitPort,
  createMemoryEvidenceCache,
  deriveChecks,
  loadToolMap,
  planWeekEnds,
  syncEvidence,
  taskEvidenceAt,
  weekOf,
  type SyncRepoInput,
} from '../../src/main/evidence'
import { GitFixture, lines } from './helpers/git-fixture'
import { PLANS_DIR } from './helpers/plan-tasks'

/**
 * Must-show #1: real repos whose dated commits carry out parts of the seed plans in known weeks.
 * The plans are parsed by the real importer; checks are derived from their tasks.
 */

const toolMap = loadToolMap(
  JSON.parse(readFileSync(join(PLANS_DIR, '..', '..', 'main', 'resources', 'tool-packages.json'), 'utf8')),
)
const at = (d: string) => `${d}T11:00:00+00:00`

function parse(file: string): ParsedPlan {
  const result = parsePlanBytes(readFileSync(join(PLANS_DIR, file)))
  if (!result.ok) throw new Error(`seed plan ${file} did not parse`)
  return result.plan
}

async function syncPlan(plan: ParsedPlan, repos: SyncRepoInput[], keys: string[]) {
  const tasks = plan.tasks.filter((t) => keys.includes(t.key))
  const perTask = new Map(
    tasks.map((t) => [t.key, deriveChecks(t, { toolMap }).map((spec) => ({ id: checkKey(spec), spec }))]),
  )
  const checks = [...new Map([...perTask.values()].flat().map((c) => [c.id, c])).values()]
  const result = await syncEvidence({
    repos,
    checks,
    planStart: plan.date!,
    weekEnds: planWeekEnds(plan.date!, plan.weeks),
    cache: createMemoryEvidenceCache(),
    git: createGitPort(),
  })
  const byId = new Map(result.checks.map((r) => [r.checkId, r]))
  const weekEnds = planWeekEnds(plan.date!, plan.weeks)
  const task = (key: string) => {
    const results = perTask.get(key)!.map((c) => byId.get(c.id)!)
    const specs = perTask.get(key)!.map((c) => c.spec)
    const inputs = results.map((result, i) => ({ spec: specs[i], enabled: true, result }))
    const now = taskEvidenceAt(inputs, null)
    const doneAt = now.doneAt
      ? { ...now.doneAt.commit, week: now.doneAt.beforePlan ? 0 : weekOf(now.doneAt.commit.date, plan.date!, weekEnds) }
      : null
    const weekDone = weekEnds.map((end) => taskEvidenceAt(inputs, Date.parse(`${end}T00:00:00Z`)).state === 'done')
    return { ...now, doneAt, weekDone, results, specs }
  }
  return { result, task }
}

const resultOfKind = (t: { results: CheckResult[]; specs: { kind: string }[] }, kind: string) =>
  t.results[t.specs.findIndex((s) => s.kind === kind)]

const fixtures: GitFixture[] = []
afterAll(() => fixtures.forEach((f) => f.cleanup()))

describe('seed plan 000 over a monorepo and an ml-service repo connected with a prefix', () => {
  const plan = parse('000_f36da2492d71ad53.txt')
  const mono = new GitFixture()
  const ml = new GitFixture()
  fixtures.push(mono, ml)
  const sha: Record<string, string> = {}

  beforeAll(() => {
    mono
      .write(
        'services/gateway-api/package.json',
        JSON.stringify({ name: 'gateway-api', dependencies: { express: '^4.19.0' } }, null, 2) + '\n',
      )
      .write('services/gateway-api/src/index.ts', 'export const app = 1\n')
      .write('services/gateway-api/src/services/smart-router.ts', 'export const route = 1\n')
      .write('services/titan-core/main.py', 'try:\n    boot()\nexcept: pass\n')
      .write('services/titan-core/orchestrator.py', 'def run():\n    return None\n')
      .write('frontend/src/main.tsx', 'render(<App />)\n')
      .write('frontend/src/App.tsx', 'export const App = () => null\n')
      .commit('monorepo as it was', at('2025-01-20'))
    ml.write('src/thompson_sampler.py', 'def sample():\n    try:\n        redis.get()\n    except: pass\n')
      .write('requirements.txt', 'fastapi==0.110\n')
      .commit('ml as it was', at('2025-01-21'))

    // week 1 (2025-01-27 .. 02-02)
    ml.write('src/self_learning.py', 'class SelfLearning: ...\n').commit(
      'Add self-learning calibration',
      at('2025-01-28'),
    )
    ml.write(
      'src/thompson_sampler.py',
      'def sample():\n    try:\n        redis.get()\n    except RedisError:\n        log.exception("redis")\n',
    ).write('requirements.txt', 'fastapi==0.110\nsentry-sdk==2.3.1\n')
    sha.sentry = ml.commit('Log Redis failures, add Sentry', at('2025-01-29'))
    sha.roas = ml
      .write('src/roas_predictor.py', 'class RoasPredictor: ...\n')
      .commit('Add ROAS predictor', at('2025-01-30'))
    mono
      .write('services/titan-core/main.py', 'try:\n    boot()\nexcept Exception:\n    log.exception("boot")\n')
      .write('services/titan-core/orchestrator.py', 'def run():\n    raise NotReady()\n')
      .commit('titan-core: no silent failures', at('2025-01-31'))
    // week 2 (02-03 .. 02-09)
    const withOpossum = { name: 'gateway-api', dependencies: { express: '^4.19.0', opossum: '^8.1.4' } }
    mono
      .write('services/gateway-api/package.json', JSON.stringify(withOpossum, null, 2) + '\n')
      .write('services/gateway-api/src/index.ts', 'export const app = withBreaker(1)\n')
      .write('services/gateway-api/src/services/smart-router.ts', 'export const route = breaker(1)\n')
    sha.opossum = mono.commit('Circuit breakers with opossum', at('2025-02-04'))
    sha.relapse = mono
      .write('services/titan-core/orchestrator.py', 'def run():\n    try:\n        plan()\n    except: pass\n')
      .commit('quick fix', at('2025-02-06'))
    mono.git('branch', 'end-of-week-2')
    // week 3 (02-10 .. 02-16)
    sha.cleanup = mono
      .write('services/titan-core/orchestrator.py', 'def run():\n    plan()\n')
      .commit('Remove the last silent failure', at('2025-02-11'))
    // uncommitted work: a silent failure in the working tree never makes anything done or undone
    ml.write('src/thompson_sampler.py', 'def sample():\n    try:\n        redis.get()\n    except: pass\n')
  })

  const repos = (): SyncRepoInput[] => [
    { id: 'mono', dir: mono.dir, branch: null, prefix: null },
    { id: 'ml', dir: ml.dir, branch: 'main', prefix: 'services/ml-service/' },
  ]

  it('1.2 (create two modules) is done in week 1, dated by the second file, found through the prefix', async () => {
    const { task } = await syncPlan(plan, repos(), ['1.2'])
    const t = task('1.2')
    expect(t.state).toBe('done')
    expect(t.doneAt).toMatchObject({ sha: sha.roas, subject: 'Add ROAS predictor', week: 1 })
    expect(t.results.map((r) => r.repoId)).toEqual(['ml', 'ml'])
    expect(t.results[1].evidence[0]).toMatchObject({
      path: 'services/ml-service/src/roas_predictor.py',
      commit: { sha: sha.roas },
    })
    expect(t.weekDone.slice(0, 3)).toEqual([true, true, true])
  })

  it('2.2 (install opossum) is done in week 2 with the package.json line as evidence', async () => {
    const { task } = await syncPlan(plan, repos(), ['2.2'])
    const t = task('2.2')
    expect(t.state).toBe('done')
    expect(t.doneAt).toMatchObject({ sha: sha.opossum, week: 2 })
    const dependency = resultOfKind(t, 'dependency')
    expect(dependency.evidence).toEqual([
      expect.objectContaining({
        path: 'services/gateway-api/package.json',
        lines: [5],
        note: 'opossum ^8.1.4',
        repoId: 'mono',
      }),
    ])
    expect(dependency.weekStates.slice(0, 3)).toEqual([false, true, true])
  })

  it('1.4 (no `except: pass`) dates from week 3, after a relapse in week 2; uncommitted work is shown apart', async () => {
    const { task } = await syncPlan(plan, repos(), ['1.4'])
    const t = task('1.4')
    expect(t.state).toBe('done')
    expect(t.doneAt).toMatchObject({ sha: sha.cleanup, subject: 'Remove the last silent failure', week: 3 })
    const absent = resultOfKind(t, 'text-absent')
    expect(absent.holdsNow).toBe(true)
    expect(absent.since).toMatchObject({ sha: sha.cleanup, week: 3 })
    expect(absent.weekStates.slice(0, 4)).toEqual([true, false, true, true])
    expect(absent.uncommitted).toEqual({
      holds: false,
      evidence: [
        expect.objectContaining({
          path: 'services/ml-service/src/thompson_sampler.py',
          lines: [4],
          count: 1,
          commit: null,
          repoId: 'ml',
        }),
      ],
    })
    expect(t.hasUncommitted).toBe(true)
    expect(resultOfKind(t, 'dependency').evidence[0]).toMatchObject({
      path: 'services/ml-service/requirements.txt',
      lines: [2],
      commit: { sha: sha.sentry },
    })
  })

  it('at the end of week 2 (branch) the relapse is the evidence: path and line', async () => {
    const weekTwo = repos().map((r) => (r.id === 'mono' ? { ...r, branch: 'end-of-week-2' } : r))
    const { task } = await syncPlan(plan, weekTwo, ['1.4'])
    const absent = resultOfKind(task('1.4'), 'text-absent')
    expect(absent.holdsNow).toBe(false)
    expect(absent.evidence).toEqual([
      expect.objectContaining({
        path: 'services/titan-core/orchestrator.py',
        lines: [4],
        count: 1,
        commit: expect.objectContaining({ sha: sha.relapse }),
      }),
    ])
    expect(task('1.4').state).toBe('in-progress')
  })

  it('1.1 (untouched files) is not started', async () => {
    const { task } = await syncPlan(plan, repos(), ['1.1'])
    expect(task('1.1')).toMatchObject({ state: 'not-started', holding: 0 })
  })
})

describe('seed plan 001 over one repo', () => {
  const plan = parse('001_6f1b61519dbf6480.txt')
  const app = new GitFixture()
  fixtures.push(app)
  const sha: Record<string, string> = {}
  const looseTsconfig = {
    compilerOptions: {
      target: 'ES2022',
      strict: false,
      noUnusedLocals: false,
      noUnusedParameters: false,
      noImplicitAny: false,
    },
  }
  const strictFlags = [
    'strict',
    'noUnusedLocals',
    'noUnusedParameters',
    'noImplicitAny',
    'strictNullChecks',
    'strictFunctionTypes',
    'strictBindCallApply',
    'strictPropertyInitialization',
    'noImplicitThis',
    'alwaysStrict',
  ]

  beforeAll(() => {
    app
      .write('server/main.py', lines(320))
      .write('tsconfig.app.json', JSON.stringify(looseTsconfig, null, 2) + '\n')
      .commit('app as audited', at('2025-01-21'))
    // week 1 (2025-01-28 .. 02-03): progress, not done
    sha.partial = app.write('server/main.py', lines(260)).commit('Move auth routes out', at('2025-01-30'))
    // week 2 (02-04 .. 02-10): main.py below 200 lines, routers in place
    for (const r of ['__init__', 'auth', 'agents', 'documents', 'analytics', 'learning', 'workflows', 'health'])
      app.write(`server/routers/${r}.py`, `# ${r}\n`)
    sha.shrink = app.write('server/main.py', lines(150)).commit('main.py is app initialization only', at('2025-02-05'))
    // week 3 (02-11 .. 02-17): strict mode
    const strict = { compilerOptions: { target: 'ES2022', ...Object.fromEntries(strictFlags.map((f) => [f, true])) } }
    sha.strict = app
      .write('tsconfig.app.json', JSON.stringify(strict, null, 2) + '\n')
      .commit('Enable strict mode', at('2025-02-12'))
  })

  const repos = (): SyncRepoInput[] => [{ id: 'app', dir: app.dir, branch: null, prefix: null }]

  it('task 1 (main.py < 200 lines) is done in week 2; in progress at the end of week 1', async () => {
    const { task } = await syncPlan(plan, repos(), ['1'])
    const t = task('1')
    expect(t.state).toBe('done')
    expect(t.doneAt).toMatchObject({ sha: sha.shrink, week: 2 })
    const count = resultOfKind(t, 'line-count')
    expect(count.evidence).toEqual([
      expect.objectContaining({
        path: 'server/main.py',
        count: 150,
        note: '150 lines',
        commit: expect.objectContaining({ sha: sha.shrink }),
      }),
    ])
    expect(count.weekStates.slice(0, 3)).toEqual([false, true, true])
    expect(resultOfKind(t, 'file-changed').since).toMatchObject({ sha: sha.partial, week: 1 })
    expect(t.weekDone.slice(0, 3)).toEqual([false, true, true])
  })

  it('task 2 ("strict": true in tsconfig.app.json) is done in week 3 with the line of the key', async () => {
    const { task } = await syncPlan(plan, repos(), ['2'])
    const t = task('2')
    expect(t.state).toBe('done')
    expect(t.doneAt).toMatchObject({ sha: sha.strict, subject: 'Enable strict mode', week: 3 })
    const strict =
      t.results[
        t.specs.findIndex(
          (s) => s.kind === 'json-value' && 'pointer' in s && s.pointer.join('.') === 'compilerOptions.strict',
        )
      ]
    expect(strict.evidence).toEqual([
      expect.objectContaining({ path: 'tsconfig.app.json', lines: [4], note: 'compilerOptions.strict is true' }),
    ])
    expect(strict.weekStates.slice(0, 4)).toEqual([false, false, true, true])
  })
})
