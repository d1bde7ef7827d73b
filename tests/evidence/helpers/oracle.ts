import { execFileSync } from 'node:child_process'
import { GitFixture, lines } from './git-fixture'

/**
 * An oracle for `status --as-of`: a plan with one rule per criterion, a dated history that makes every rule flip,
 * and the same rules evaluated with nothing but `git log`, `git ls-tree` and `git show` on the cutoff commit.
 */

export const ORACLE_START = '2025-03-03'
export const ORACLE_WEEKS = 7

export const ORACLE_PLAN = `# Oracle service hardening

## Phase 1: Hardening (weeks 1-4)

### 1.1 Structured logging (4h)

**Success criteria:**
- \`app/logging.py\` exists
- \`app/logging.py\` defines \`JsonFormatter\`

### 1.2 Drop the legacy client (2h)

**Success criteria:**
- \`app/legacy_client.py\` no longer exists
- \`requests\` is no longer a dependency in \`requirements.txt\`

### 1.3 Keep the views small (2h)

**Success criteria:**
- \`app/views.py\` < 40 lines

### 1.4 No debug prints (2h)

**Success criteria:**
- no \`print(\` in \`app/**/*.py\` (tests are exempt)

### 1.5 Test on Python 3.12 (1h)

**Success criteria:**
- \`.github/workflows/ci.yml\` → \`jobs.test.strategy.matrix.python\` includes \`"3.12"\`

### 1.6 Enough tests (2h)

**Success criteria:**
- at least 3 files match \`tests/test_*.py\`

### 1.7 Move to Flask 3 (1h)

**Success criteria:**
- \`flask\` in \`requirements.txt\` satisfies \`>=3.0,<4.0\`
`

const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00+00:00`
const ci = (versions: string[]) =>
  `name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        python: [${versions.map((v) => `"${v}"`).join(', ')}]\n`

export function buildOracleRepo(): GitFixture {
  const f = new GitFixture()
  f.write('app/views.py', lines(30))
    .write('app/legacy_client.py', 'import requests\n')
    .write('app/main.py', 'print("starting")\n')
    .write('app/tests/test_main.py', 'print("tests may print")\n')
    .write('requirements.txt', 'flask==2.3.2\nrequests==2.31.0\n')
    .write('.github/workflows/ci.yml', ci(['3.10', '3.11']))
    .write('tests/test_a.py', 'def test_a(): ...\n')
    .commit('service as audited', at('2025-02-20'))
  f.write('app/logging.py', 'import logging\n').commit('logging module', at('2025-03-04'))
  f.write('app/logging.py', 'import logging\nclass JsonFormatter(logging.Formatter): ...\n').commit(
    'JSON formatter',
    at('2025-03-06'),
  )
  f.write('app/views.py', lines(45)).commit('views grow', at('2025-03-10'))
  f.write('app/main.py', 'log.info("starting")\n')
    .write('tests/test_b.py', 'def test_b(): ...\n')
    .commit('no prints; a test', at('2025-03-11'))
  f.write('requirements.txt', 'flask==3.0.2\nrequests==2.31.0\n').commit('Flask 3', at('2025-03-12'))
  f.remove('app/legacy_client.py').commit('drop the legacy client', at('2025-03-13'))
  f.write('requirements.txt', 'flask==3.0.2\n').commit('drop requests', at('2025-03-17'))
  f.write('.github/workflows/ci.yml', ci(['3.10', '3.11', '3.12'])).commit('CI on 3.12', at('2025-03-18'))
  f.write('app/logging.py', 'import logging\n').commit('Revert "JSON formatter"', at('2025-03-19'))
  f.write('app/logging.py', 'import logging\nclass JsonFormatter(logging.Formatter):\n    pass\n').commit(
    'JSON formatter again',
    at('2025-03-24'),
  )
  f.write('app/views.py', lines(35)).commit('views split', at('2025-03-25'))
  f.write('app/util.py', 'print("oops")\n').commit('util', at('2025-03-26'))
  f.write('tests/test_c.py', 'def test_c(): ...\n').commit('third test', at('2025-03-31'))
  f.write('app/util.py', 'log.debug("fine")\n').commit('util logs', at('2025-04-01'))
  f.write('requirements.txt', 'flask==3.0.2\nrequests==2.32.0\n').commit('requests is back', at('2025-04-08'))
  f.write('requirements.txt', 'flask==4.0.0\nrequests==2.32.0\n').commit('Flask 4', at('2025-04-15'))
  return f
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 })

/** the tree read with plain git at one commit */
function treeAt(dir: string, commit: string) {
  const paths = git(dir, 'ls-tree', '-r', '--name-only', commit).split('\n').filter(Boolean)
  const has = (p: string) => paths.includes(p)
  const show = (p: string) => (has(p) ? git(dir, 'show', `${commit}:${p}`) : '')
  return { paths, has, show }
}

type Tree = ReturnType<typeof treeAt>

const requirement = (tree: Tree, name: string) =>
  tree
    .show('requirements.txt')
    .split('\n')
    .map((l) => /^([A-Za-z0-9._-]+)\s*(==\s*([\d.]+))?/.exec(l.trim()))
    .find((m) => m && m[1].toLowerCase().replace(/[-_.]+/g, '-') === name)

const RULES: Record<string, Array<(t: Tree) => boolean>> = {
  '1.1': [(t) => t.has('app/logging.py'), (t) => t.show('app/logging.py').includes('JsonFormatter')],
  '1.2': [(t) => !t.has('app/legacy_client.py'), (t) => t.has('requirements.txt') && !requirement(t, 'requests')],
  '1.3': [(t) => t.has('app/views.py') && (t.show('app/views.py').match(/\n/g)?.length ?? 0) < 40],
  '1.4': [
    (t) => {
      const scope = t.paths.filter(
        (p) => /^app\/.*\.py$/.test(p) && !p.split('/').includes('tests') && !/(^|\/)test_[^/]*\.py$/.test(p),
      )
      return scope.length > 0 && scope.every((p) => !t.show(p).includes('print('))
    },
  ],
  '1.5': [(t) => /python:\s*\[[^\]]*"3\.12"/.test(t.show('.github/workflows/ci.yml'))],
  '1.6': [(t) => t.paths.filter((p) => /^tests\/test_[^/]*\.py$/.test(p)).length >= 3],
  '1.7': [
    (t) => {
      const version = requirement(t, 'flask')?.[3]?.split('.').map(Number)
      return !!version && version[0] === 3
    },
  ],
}

/** per task: done at the cutoff (every rule holds at the newest first-parent commit before it) and its done week */
export function oracleStates(dir: string, asOf: string): Record<string, { done: boolean; doneWeek: number | null }> {
  const cutoff = Date.parse(`${asOf}T00:00:00Z`)
  const chain = git(dir, 'log', '--first-parent', '--format=%H %ct', 'HEAD')
    .trim()
    .split('\n')
    .map((l) => ({ sha: l.split(' ')[0], at: Number(l.split(' ')[1]) * 1000 }))
  const index = chain.findIndex((c) => c.at < cutoff)
  const upToCutoff = index < 0 ? [] : chain.slice(index).reverse()
  const trees = new Map(upToCutoff.map((c) => [c.sha, treeAt(dir, c.sha)]))
  const out: Record<string, { done: boolean; doneWeek: number | null }> = {}
  for (const [key, rules] of Object.entries(RULES)) {
    const holds = (sha: string) => rules.every((rule) => rule(trees.get(sha)!))
    if (upToCutoff.length === 0 || !holds(upToCutoff[upToCutoff.length - 1].sha)) {
      out[key] = { done: false, doneWeek: null }
      continue
    }
    let first = upToCutoff.length - 1
    while (first > 0 && holds(upToCutoff[first - 1].sha)) first--
    const week = Math.floor((upToCutoff[first].at - Date.parse(`${ORACLE_START}T00:00:00Z`)) / (7 * 86_400_000)) + 1
    out[key] = { done: true, doneWeek: Math.max(0, week) }
  }
  return out
}
