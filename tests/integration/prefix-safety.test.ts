import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckSpec } from '../../src/shared/check-model'
import type { RepoLink } from '../../src/shared/contract/repos'
import {
  createGitPort,
  createMemoryEvidenceCache,
  normalizePrefix,
  planToRepoPath,
  planWeekEnds,
  syncEvidence,
} from '../../src/main/evidence'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { runCli } from '../support/cli'
import { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004 } from './seed-004-fixture'

/** prefixes that would take plan paths out of the repository's folder, however they are written */
const ESCAPING = ['..', '../', '../escape', 'a/../../b', './..', '..\\escape', 'a/./b', '/../x']

describe('a repository prefix never leads out of the plan paths (`..` is refused on every path)', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2025-03-20T12:00:00Z') })
    repo = new GitFixture()
    repo.write('services/api/app.py', 'ok = True\n').commit('app', '2025-03-04T09:30:00+00:00')
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } }))
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('the one rule: normalized, or null when it goes up', () => {
    for (const prefix of ESCAPING) expect(normalizePrefix(prefix), prefix).toBeNull()
    expect([normalizePrefix(null), normalizePrefix(''), normalizePrefix('.'), normalizePrefix('./')]).toEqual([
      '',
      '',
      '',
      '',
    ])
    expect([
      normalizePrefix('services/api'),
      normalizePrefix('/services//api/'),
      normalizePrefix('services\\api'),
    ]).toEqual(['services/api/', 'services/api/', 'services/api/'])
  })

  it('repos.connect refuses it and connects nothing', async () => {
    for (const prefix of ESCAPING) {
      expect(await core.dispatch('repos.connect', { planId, path: repo.dir, prefix }), prefix).toMatchObject({
        ok: false,
        error: { code: 'bad-input', message: expect.stringMatching(/no "\.\."/) },
      })
    }
    expect(await callOk<RepoLink[]>(core, 'repos.list', { planId })).toEqual([])
  })

  it('repos.update refuses it and keeps the prefix', async () => {
    const link = await callOk<RepoLink>(core, 'repos.connect', { planId, path: repo.dir, prefix: 'services/' })
    for (const prefix of ESCAPING) {
      expect(await core.dispatch('repos.update', { planId, repoId: link.repoId, prefix }), prefix).toMatchObject({
        ok: false,
        error: { code: 'bad-input' },
      })
    }
    expect((await callOk<RepoLink[]>(core, 'repos.list', { planId }))[0].prefix).toBe('services/')
    await callOk(core, 'repos.disconnect', { planId, repoId: link.repoId })
  })

  it('the CLI refuses it with one line', () => {
    const run = runCli(['connect', String(planId), repo.dir, '--prefix', '../escape', '--db', core.dbPath])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^readiness: .*no "\.\."/m)
  })

  it('the evidence engine maps no plan path through it (a prefix stored by an older version)', async () => {
    expect(planToRepoPath('x/app.py', '../')).toBeNull()
    expect(planToRepoPath('services/api/app.py', 'services/')).toBe('api/app.py')
    const base = { sentence: 's', sourceLine: null, origin: 'user', enabled: true }
    // a plan path, and a pattern that applies anywhere in the repo
    const specs = [
      { ...base, kind: 'file-exists', path: 'services/api/app.py' },
      { ...base, kind: 'text-present', needle: 'ok = True', scope: ['**/*.py'] },
    ] as CheckSpec[]
    const evaluate = (prefix: string | null) =>
      syncEvidence({
        repos: [{ id: 'r', dir: repo.dir, branch: null, prefix }],
        checks: specs.map((spec, i) => ({ id: `c${i}`, spec })),
        planStart: '2025-03-03',
        weekEnds: planWeekEnds('2025-03-03', 3),
        cache: createMemoryEvidenceCache(),
        git: createGitPort(),
      })
    expect((await evaluate(null)).checks.map((c) => c.holdsNow)).toEqual([true, true])
    for (const escaped of (await evaluate('../')).checks) {
      expect(escaped.holdsNow).not.toBe(true)
      expect(escaped.message).toMatch(/outside this repo's prefix/)
    }
  })
})
