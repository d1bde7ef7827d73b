import { execFileSync } from 'node:child_process'
import { chownSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RepoLink, SyncSummary } from '../../src/shared/contract/repos'
import type { ProgressReport } from '../../src/shared/progress-model'
import { GitFixture } from '../evidence/helpers/git-fixture'
import { buildSeed004Repo, SEED_004 } from '../integration/seed-004-fixture'
import { runCli } from '../support/cli'
import { callOk, createTestCore, type TestCore } from '../support/core'

const AS_OF = '2024-12-20'

/** what the lead sees: verified %, and per done task its date and the commits behind it */
function verdict(report: ProgressReport) {
  return {
    verified: report.summary.verifiedPercent,
    done: report.tasks
      .filter((t) => t.state === 'done')
      .map((t) => [t.key, t.doneAt, t.evidence.map((e) => e.commit?.sha ?? null).sort()]),
  }
}

describe('a moved repository keeps its results (stale) until it is relinked, with its history', () => {
  let core: TestCore
  let repo: GitFixture
  let planId: number
  let repoId: number
  let before: ReturnType<typeof verdict>
  const moved = () => join(core.dir, 'moved', 'seed-004')
  const status = async () => verdict(await callOk<ProgressReport>(core, 'progress.get', { planId, asOf: AS_OF }))
  const links = () => callOk<RepoLink[]>(core, 'repos.list', { planId })

  beforeAll(async () => {
    core = createTestCore({ now: () => new Date('2024-12-20T12:00:00Z') })
    repo = buildSeed004Repo()
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } }))
    ;({ repoId } = await callOk<RepoLink>(core, 'repos.connect', { planId, path: repo.dir }))
    await callOk(core, 'repos.sync', { planId })
    before = await status()
    expect(before.verified).toBeGreaterThan(0)
  })
  afterAll(() => {
    core.dispose()
    repo.cleanup()
  })

  it('a sync while the folder is gone keeps the last results and marks the repository stale with the reason', async () => {
    mkdirSync(join(core.dir, 'moved'))
    renameSync(repo.dir, moved())
    const summary = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(summary.repos).toEqual([
      expect.objectContaining({
        repoId,
        state: 'unavailable',
        stale: true,
        message: expect.stringMatching(/not there any more/),
      }),
    ])
    expect(await status()).toEqual(before)
    const [link] = await links()
    expect(link).toMatchObject({ stale: true, state: 'unavailable', available: false })
    expect(link.lastSyncAt).not.toBeNull()
  })

  it('relinking to another repository is refused unless forced', async () => {
    const other = new GitFixture()
    try {
      other.write('README.md', 'other\n').commit('Unrelated', '2024-12-03T10:00:00+00:00')
      const refused = await core.dispatch('repos.relink', { planId, repoId, path: other.dir })
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringMatching(/does not contain commit [0-9a-f]{10}.*looks like another repository/),
        },
      })
    } finally {
      other.cleanup()
    }
  })

  it('relinked (from the CLI) to the new folder, the next sync replays nothing: the history is kept', async () => {
    const cli = runCli(['relink', String(planId), repo.dir, moved(), '--db', core.dbPath])
    expect(cli.stderr).toBe('')
    expect(cli.status).toBe(0)
    expect(cli.stdout).toMatch(/^Relinked repo \d+ to .*moved\/seed-004/)
    const [link] = await links()
    expect(link).toMatchObject({ repoId, path: moved(), stale: false, available: true })
    expect(await status()).toEqual(before)
    const summary = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(summary.commitsEvaluated).toBe(0)
    expect(summary.repos[0]).toMatchObject({ state: 'ok', stale: false })
    expect(await status()).toEqual(before)
  })

  it('new commits in the relinked folder count as usual', async () => {
    const relinked = new GitFixture(moved(), { init: false })
    relinked
      .write('services/frontend/src/components/LearningDashboard.tsx', 'export const LearningDashboard = () => null\n')
      .commit('Learning dashboard', '2024-12-19T10:00:00+00:00')
    const summary = await callOk<SyncSummary>(core, 'repos.sync', { planId })
    expect(summary.commitsEvaluated).toBe(1)
    const after = await status()
    expect(after.verified).toBeGreaterThan(before.verified)
    expect(after.done.map(([key]) => key)).toContain('2.3')
  })

  it('disconnecting drops the results', async () => {
    await callOk(core, 'repos.disconnect', { planId, repoId })
    expect((await status()).verified).toBe(0)
  })
})

describe('each way a folder can fail to be a repository has its own sentence', () => {
  let core: TestCore
  let dir: string
  let planId: number
  const connect = (path: string) => core.dispatch('repos.connect', { planId, path })

  beforeAll(async () => {
    core = createTestCore()
    dir = mkdtempSync(join(tmpdir(), 'readiness-repo-classes-'))
    ;({ planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } }))
  })
  afterAll(() => {
    core.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('missing, plain folder, bare repository', async () => {
    expect(await connect(join(dir, 'nowhere'))).toMatchObject({
      ok: false,
      error: { message: `No such file or directory: ${join(dir, 'nowhere')}` },
    })
    mkdirSync(join(dir, 'plain'))
    expect(await connect(join(dir, 'plain'))).toMatchObject({
      ok: false,
      error: { message: `${join(dir, 'plain')} is not a git repository` },
    })
    execFileSync('git', ['init', '-q', '--bare', join(dir, 'bare.git')])
    expect(await connect(join(dir, 'bare.git'))).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/is a bare repository \(it has no working tree\)/) },
    })
  })

  it.runIf(process.getuid?.() === 0)("a repository owned by another user (git's safe.directory rule)", async () => {
    mkdirSync(join(dir, 'theirs'))
    const owned = new GitFixture(join(dir, 'theirs'))
    owned.write('a.txt', 'a\n').commit('first', '2024-12-03T10:00:00+00:00')
    const chownTree = (path: string) => {
      chownSync(path, 65534, 65534)
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name))
    }
    chownTree(owned.dir)
    const answer = await connect(owned.dir)
    expect(answer).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/belongs to another user, so git refuses to read it .*safe\.directory/) },
    })
  })
})
