import { existsSync, renameSync, chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CheckSpec } from '../../src/shared/check-model'
import {
  checkKey,
  createGitPort,
  createMemoryEvidenceCache,
  planWeekEnds,
  syncEvidence,
  type SyncRepoInput,
} from '../../src/main/evidence'
import { GitFixture } from './helpers/git-fixture'

const PLAN_START = '2025-03-03'
const WEEK_ENDS = planWeekEnds(PLAN_START, 3)
const at = (d: string) => `${d}T09:30:00+00:00`
const spec = (partial: Partial<CheckSpec> & Pick<CheckSpec, 'kind'>) =>
  ({ sentence: 's', sourceLine: null, origin: 'user', enabled: true, ...partial }) as CheckSpec
const ids = (specs: CheckSpec[]) => specs.map((s) => ({ id: checkKey(s), spec: s }))

const fixtures: GitFixture[] = []
afterAll(() => fixtures.forEach((f) => f.cleanup()))
function fixture(): GitFixture {
  const f = new GitFixture()
  fixtures.push(f)
  return f
}

function sync(repos: SyncRepoInput[], specs: CheckSpec[], opts: { maxFileBytes?: number; binary?: string } = {}) {
  return syncEvidence({
    repos,
    checks: ids(specs),
    planStart: PLAN_START,
    weekEnds: WEEK_ENDS,
    cache: createMemoryEvidenceCache(),
    git: createGitPort({ binary: opts.binary }),
    maxFileBytes: opts.maxFileBytes,
  })
}
const one = (dir: string, extra: Partial<SyncRepoInput> = {}): SyncRepoInput[] => [
  { id: 'r', dir, branch: null, prefix: null, ...extra },
]

describe('paths from a plan never leave the repo', () => {
  it('`../../etc/passwd`, an absolute path and `--output=x` are refused with a message, and git is never handed them', async () => {
    const f = fixture()
    f.write('a.txt', 'a\n').write('--output=x', 'dash\n').commit('files', at('2025-02-01'))
    const specs = [
      spec({ kind: 'file-exists', path: '../../etc/passwd' }),
      spec({ kind: 'file-contains', path: '/etc/passwd', needles: ['root:'] }),
      spec({ kind: 'file-exists', path: '--output=x' }),
      spec({ kind: 'text-absent', needle: 'root:', scope: ['../**'] }),
    ]
    const result = await sync(one(f.dir), specs)
    for (const check of result.checks) {
      expect(check.holdsNow).toBeNull()
      expect(check.message).toMatch(/unsafe path/)
    }
    expect(result.checks[0].message).toMatch(/goes up/)
    expect(result.checks[2].message).toMatch(/starts with -/)
    expect(existsSync(join(f.dir, 'x'))).toBe(false)
    expect(result.repos[0].state).toBe('ok')
  })

  it('a committed symlink pointing out of the repo is never followed, in history or in the working tree', async () => {
    const f = fixture()
    f.write('app.py', 'ok = True\n').symlink('leak.txt', '/etc/passwd').commit('symlink', at('2025-03-04'))
    f.symlink('wt-leak.py', '/etc/passwd')
    const result = await sync(one(f.dir), [
      spec({ kind: 'file-contains', path: 'leak.txt', needles: ['root:'] }),
      spec({ kind: 'text-absent', needle: 'root:', scope: ['**'] }),
      spec({ kind: 'line-count', path: 'wt-leak.py', op: '<', value: 5 }),
    ])
    const [contains, absent, count] = result.checks
    expect(contains.holdsNow).toBe(false)
    expect(contains.message).toBe('not read: symlink')
    expect(absent.holdsNow).toBe(true)
    expect(absent.uncommitted).toBeNull()
    expect(count.uncommitted?.holds).toBe(false)
    expect(count.uncommitted?.evidence[0].note).toBe('not read: symlink')
  })

  it('repo-configured commands (fsmonitor, hooks) do not run', async () => {
    const f = fixture()
    const marker = join(f.dir, '..', `${f.dir.split('/').pop()}-hook-ran`)
    const script = join(f.dir, '..', `${f.dir.split('/').pop()}-hook.sh`)
    writeFileSync(script, `#!/bin/sh\ntouch "${marker}"\n`)
    chmodSync(script, 0o755)
    f.write('a.txt', 'a\n').commit('a', at('2025-03-04'))
    f.git('config', 'core.fsmonitor', script)
    f.git('config', 'core.hooksPath', join(f.dir, 'hooks'))
    f.write('hooks/post-index-change', `#!/bin/sh\ntouch "${marker}"\n`)
    chmodSync(join(f.dir, 'hooks/post-index-change'), 0o755)
    f.write('b.txt', 'uncommitted\n')
    const result = await sync(one(f.dir), [spec({ kind: 'file-exists', path: 'b.txt' })])
    expect(result.checks[0].uncommitted?.holds).toBe(true)
    expect(existsSync(marker)).toBe(false)
    // the trap is real: plain git in this repo does run the configured command
    f.git('status', '--porcelain')
    expect(existsSync(marker)).toBe(true)
  })
})

describe('bad repos give a state and a message, never a crash', () => {
  const check = [spec({ kind: 'file-exists', path: 'a.txt' })]

  it('not a repo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-plain-'))
    const result = await sync(one(dir), check)
    expect(result.repos[0]).toMatchObject({ state: 'not-a-repo', head: null })
    expect(result.checks[0]).toMatchObject({ holdsNow: null, message: expect.stringContaining('not a git repository') })
  })

  it('empty repo', async () => {
    const f = fixture()
    const result = await sync(one(f.dir), check)
    expect(result.repos[0].state).toBe('empty')
    expect(result.checks[0].holdsNow).toBeNull()
  })

  it('repo moved or deleted after connecting: kept and marked unavailable', async () => {
    const f = fixture()
    f.write('a.txt', 'a\n').commit('a', at('2025-03-04'))
    const first = await sync(one(f.dir), check)
    expect(first.checks[0].holdsNow).toBe(true)
    renameSync(f.dir, `${f.dir}-moved`)
    try {
      const result = await sync(one(f.dir), check)
      expect(result.repos).toEqual([
        expect.objectContaining({ id: 'r', state: 'unavailable', message: expect.stringMatching(/moved or deleted/) }),
      ])
      expect(result.checks[0].holdsNow).toBeNull()
    } finally {
      renameSync(`${f.dir}-moved`, f.dir)
    }
  })

  it('a branch that does not exist, or is not a branch name, is unavailable', async () => {
    const f = fixture()
    f.write('a.txt', 'a\n').commit('a', at('2025-03-04'))
    expect((await sync(one(f.dir, { branch: 'gone' }), check)).repos[0]).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(/does not exist/),
    })
    expect((await sync(one(f.dir, { branch: '--output=x' }), check)).repos[0]).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(/not a valid branch/),
    })
  })

  it('detached HEAD is evaluated at the detached commit', async () => {
    const f = fixture()
    const first = f.write('a.txt', 'a\n').commit('a', at('2025-03-04'))
    f.remove('a.txt').commit('drop a', at('2025-03-05'))
    f.git('checkout', '-q', '--detach', first)
    const result = await sync(one(f.dir), check)
    expect(result.repos[0]).toMatchObject({ state: 'ok', detached: true, branch: null, head: { sha: first } })
    expect(result.checks[0].holdsNow).toBe(true)
  })

  it('git not installed', async () => {
    const f = fixture()
    f.write('a.txt', 'a\n').commit('a', at('2025-03-04'))
    const result = await sync(one(f.dir), check, { binary: '/nonexistent/bin/git' })
    expect(result.repos[0]).toMatchObject({ state: 'git-missing', message: expect.stringMatching(/not installed/) })
    expect(result.checks[0].holdsNow).toBeNull()
  })

  it('shallow clone: history before the boundary is unknown, not "not done"', async () => {
    const origin = fixture()
    origin.write('a.txt', 'a\n').commit('a', at('2025-02-01'))
    origin.write('b.txt', 'b\n').commit('b', at('2025-03-11'))
    origin.write('c.txt', 'c\n').commit('c', at('2025-03-12'))
    const clone = new GitFixture(join(tmpdir(), `evidence-shallow-${process.pid}-${Date.now()}`), { init: false })
    fixtures.push(clone)
    new GitFixture(origin.dir, { init: false }).git('clone', '-q', '--depth', '2', `file://${origin.dir}`, clone.dir)
    const result = await sync(one(clone.dir), [
      spec({ kind: 'file-exists', path: 'a.txt' }),
      spec({ kind: 'file-exists', path: 'c.txt' }),
    ])
    expect(result.repos[0]).toMatchObject({ state: 'shallow', shallow: true })
    const [a, c] = result.checks
    expect(a.holdsNow).toBe(true)
    expect(a.since).toMatchObject({ subject: 'b', atWindowStart: true })
    expect(a.weekStates).toEqual([null, true, true])
    expect(c.since).toMatchObject({ subject: 'c', atWindowStart: false, week: 2 })
  })
})

describe('odd content', () => {
  it('unicode and space paths', async () => {
    const f = fixture()
    f.write('docs/spéc ü 2.md', 'héllo\n').commit('unicode', at('2025-03-04'))
    const result = await sync(one(f.dir), [
      spec({ kind: 'file-contains', path: 'docs/spéc ü 2.md', needles: ['héllo'] }),
    ])
    expect(result.checks[0]).toMatchObject({
      holdsNow: true,
      evidence: [expect.objectContaining({ path: 'docs/spéc ü 2.md', lines: [1] })],
    })
  })

  it('submodules are not entered, and the result says so', async () => {
    const inner = fixture()
    inner.write('lib.py', 'x = 1\n').commit('lib', at('2025-02-01'))
    const f = fixture()
    f.write('a.txt', 'a\n').commit('a', at('2025-02-01'))
    f.git('submodule', 'add', '-q', `file://${inner.dir}`, 'vendor/lib')
    f.commit('add submodule', at('2025-03-04'))
    const result = await sync(one(f.dir), [
      spec({ kind: 'file-exists', path: 'vendor/lib/lib.py' }),
      spec({ kind: 'text-absent', needle: 'x = 1', scope: [] }),
    ])
    expect(result.checks[0].holdsNow).toBe(false)
    expect(result.checks[0].message).toMatch(/submodule.*not entered/)
    expect(result.checks[1].holdsNow).toBe(true)
  })

  it('huge and binary files are never read past the size limit', async () => {
    const f = fixture()
    const big = 'except: pass\n'.repeat(400)
    f.write('big.py', big)
      .write('blob.bin', Buffer.concat([Buffer.from('except: pass\n'), Buffer.alloc(64, 0)]))
      .commit('big', at('2025-03-04'))
    f.write('wt-big.py', big)
    const result = await sync(
      one(f.dir),
      [
        spec({ kind: 'line-count', path: 'big.py', op: '<', value: 10 }),
        spec({ kind: 'text-absent', needle: 'except: pass', scope: ['**'] }),
      ],
      { maxFileBytes: 1024 },
    )
    const [count, absent] = result.checks
    expect(count.holdsNow).toBe(false)
    expect(count.message).toBe('not read: too-large')
    expect(absent.message).toMatch(/0 matching line\(s\) in 0 of \d+ file\(s\); 1 file\(s\) too large to read/)
    expect(absent.uncommitted?.evidence.map((e) => [e.path, e.note])).toEqual([
      ['big.py', 'not read: too-large'],
      ['wt-big.py', 'not read: too-large'],
    ])
  })
})
