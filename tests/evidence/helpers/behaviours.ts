import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TaskEvidenceState } from '../../../src/shared/check-model'
import type { Task } from '../../../src/shared/plan-model'
import {
  checkKey,
  createGitPort,
  createMemoryEvidenceCache,
  deriveTaskChecks,
  explainHistory,
  historyLine,
  loadToolMap,
  planWeekEnds,
  syncEvidence,
  taskEvidenceAt,
} from '../../../src/main/evidence'
import { repoRoot } from '../../support/paths'
import { GitFixture, lines } from './git-fixture'
import { task } from './plan-tasks'

/**
 * Must-show #1: one fixture repository per behaviour, with dated commits, a task as the plan reader gives it,
 * and what the cockpit must say as of a date (state, done week, evidence). The same cases feed
 * tests/evidence/behaviours.test.ts and the precision/recall bench (bench/evidence-precision.ts).
 */

export const PLAN_START = '2025-03-03' // a Monday: week n = [start + 7(n-1), start + 7n)
const toolMap = loadToolMap(JSON.parse(readFileSync(join(repoRoot, 'resources', 'tool-packages.json'), 'utf8')))
const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00+00:00`

export interface Expected {
  state: TaskEvidenceState
  doneWeek: number | null
  /** the commit the done run starts at (by name) */
  doneCommit?: string
  /** an evidence path of the done task */
  evidencePath?: string
  /** the history line of the first check must contain these (names of commits are replaced by short shas) */
  history?: string[]
}

export interface BehaviourCase {
  name: string
  asOf: string
  task: Task
  /** builds the history; returns commit shas by name */
  build(f: GitFixture): Record<string, string>
  expect: Expected
}

const criteria = (...texts: string[]) => texts.map((text, i) => ({ text, line: 10 + i }))
const files = (...refs: Array<[string, 'create' | 'modify' | 'remove']>) =>
  refs.map(([path, role], i) => ({ path, role, line: 20 + i, unsafe: false }))

function base(f: GitFixture, extra: Record<string, string> = {}): void {
  f.write('README.md', '# service\n')
  for (const [path, content] of Object.entries(extra)) f.write(path, content)
  f.commit('service as it was', at('2025-02-20'))
}

export const BEHAVIOURS: BehaviourCase[] = [
  {
    name: 'created then deleted',
    asOf: '2025-03-24',
    task: task(['Add a feature flag module'], { criteria: criteria('`src/flags.py` exists') }),
    build(f) {
      base(f)
      const created = f.write('src/flags.py', 'FLAGS = {}\n').commit('Add flags', at('2025-03-04'))
      const deleted = f.remove('src/flags.py').commit('Drop flags', at('2025-03-12'))
      return { created, deleted }
    },
    expect: {
      state: 'not-started',
      doneWeek: null,
      history: ['created 4 Mar 2025 {created}', 'deleted 12 Mar 2025 {deleted}'],
    },
  },
  {
    name: 'done, reverted, redone: dated by the redo',
    asOf: '2025-03-31',
    task: task(['Circuit breaker'], { criteria: criteria('`opossum` is a dependency in `package.json`') }),
    build(f) {
      base(f, { 'package.json': JSON.stringify({ dependencies: { express: '^4' } }, null, 2) })
      const first = f
        .write('package.json', JSON.stringify({ dependencies: { express: '^4', opossum: '^8.1.0' } }, null, 2))
        .commit('add opossum', at('2025-03-05'))
      const revert = f
        .write('package.json', JSON.stringify({ dependencies: { express: '^4' } }, null, 2))
        .commit('Revert "add opossum"', at('2025-03-11'))
      const redo = f
        .write('package.json', JSON.stringify({ dependencies: { express: '^4', opossum: '^8.2.0' } }, null, 2))
        .commit('add opossum again', at('2025-03-19'))
      return { first, revert, redo }
    },
    expect: {
      state: 'done',
      doneWeek: 3,
      doneCommit: 'redo',
      evidencePath: 'package.json',
      history: ['added 5 Mar 2025 {first}', 'removed 11 Mar 2025 {revert}', 'added 19 Mar 2025 {redo}'],
    },
  },
  {
    name: 'true at the plan start, broken, restored: dated by the restore',
    asOf: '2025-03-31',
    task: task(['Keep the modern annotations'], { criteria: criteria('no `Optional[` in `src/**/*.py`') }),
    build(f) {
      base(f, { 'src/app.py': 'def f(x: int | None): ...\n' })
      const broken = f
        .write('src/models.py', 'from typing import Optional\ndef g(x: Optional[int]): ...\n')
        .commit('models', at('2025-03-12'))
      const restored = f
        .write('src/models.py', 'def g(x: int | None): ...\n')
        .commit('modern annotations', at('2025-03-20'))
      return { broken, restored }
    },
    expect: {
      state: 'done',
      doneWeek: 3,
      doneCommit: 'restored',
      history: ['holds before the plan start', 'reintroduced 12 Mar 2025 {broken}', 'cleared 20 Mar 2025 {restored}'],
    },
  },
  {
    name: 'a line budget that regresses',
    asOf: '2025-03-24',
    task: task(['Keep the views small'], { criteria: criteria('`app/views.py` < 100 lines') }),
    build(f) {
      base(f, { 'app/views.py': lines(80) })
      const grown = f.write('app/views.py', lines(120)).commit('validation moves in', at('2025-03-13'))
      return { grown }
    },
    expect: {
      state: 'not-started',
      doneWeek: null,
      history: ['holds before the plan start', 'broken 13 Mar 2025 {grown}'],
    },
  },
  {
    name: 'a line budget held before the plan is done before the plan (week 0)',
    asOf: '2025-03-10',
    task: task(['Keep the views small'], { criteria: criteria('`app/views.py` < 100 lines') }),
    build(f) {
      base(f, { 'app/views.py': lines(80) })
      const grown = f.write('app/views.py', lines(120)).commit('validation moves in', at('2025-03-13'))
      return { grown }
    },
    expect: { state: 'done', doneWeek: 0 },
  },
  {
    name: 'a dependency removed and restored within hours',
    asOf: '2025-03-24',
    task: task(['Cache with Redis'], { criteria: criteria('`redis` is listed in `requirements.txt`') }),
    build(f) {
      base(f, { 'requirements.txt': 'flask==3.0.2\nredis==5.0.1\n' })
      const removed = f.write('requirements.txt', 'flask==3.0.2\n').commit('drop redis', at('2025-03-12', 9))
      const restored = f
        .write('requirements.txt', 'flask==3.0.2\nredis==5.0.1\n')
        .commit('Revert "drop redis"', at('2025-03-12', 15))
      return { removed, restored }
    },
    expect: {
      state: 'done',
      doneWeek: 2,
      doneCommit: 'restored',
      evidencePath: 'requirements.txt',
      history: ['removed 12 Mar 2025 {removed}', 'added 12 Mar 2025 {restored}'],
    },
  },
  {
    name: 'a dependency only in a lockfile',
    asOf: '2025-03-24',
    task: task(['Pad strings'], { criteria: criteria('`left-pad` is a dependency in `package.json`') }),
    build(f) {
      base(f, { 'package.json': JSON.stringify({ dependencies: { express: '^4' } }, null, 2) })
      const lock = f
        .write(
          'package-lock.json',
          JSON.stringify(
            {
              packages: { 'node_modules/left-pad': { version: '1.3.0' } },
              dependencies: { 'left-pad': { version: '1.3.0' } },
            },
            null,
            2,
          ),
        )
        .commit('lock', at('2025-03-05'))
      return { lock }
    },
    expect: { state: 'not-started', doneWeek: null },
  },
  {
    name: 'an entry left out of a list: dated by its removal, not by an earlier edit of the file',
    asOf: '2025-03-24',
    task: task(['Publish only the runtime files'], {
      criteria: criteria('`History.md` is no longer listed in the `files` array of `package.json`'),
    }),
    build(f) {
      const pkg = (files: string[], version: string) =>
        JSON.stringify({ name: 'lib', version, files, dependencies: { debug: '^4' } }, null, 2)
      base(f, { 'package.json': pkg(['index.js', 'History.md', 'lib/'], '1.0.0') })
      const bump = f
        .write('package.json', pkg(['index.js', 'History.md', 'lib/'], '1.0.1'))
        .commit('1.0.1', at('2025-03-04'))
      const removed = f
        .write('package.json', pkg(['index.js', 'lib/'], '1.0.1'))
        .commit('files: no History.md', at('2025-03-12'))
      return { bump, removed }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'removed', evidencePath: 'package.json' },
  },
  {
    name: 'a mapping that still has the key is not done ("contains neither" reads its keys)',
    asOf: '2025-03-24',
    task: task(['Coverage moves to its own workflow'], {
      criteria: criteria('the `jobs` key in `.github/workflows/ci.yml` contains neither `coverage` nor `upload`'),
    }),
    build(f) {
      base(f, {
        '.github/workflows/ci.yml':
          'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n  coverage:\n    needs: test\n',
      })
      const touched = f
        .write(
          '.github/workflows/ci.yml',
          'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n  coverage:\n    needs: test\n',
        )
        .commit('ci: run on pull requests', at('2025-03-11'))
      return { touched }
    },
    expect: { state: 'not-started', doneWeek: null },
  },
  {
    name: 'a file moved before the work was done',
    asOf: '2025-03-24',
    task: task(['Rate limit the API'], {
      criteria: criteria('`app/server.py` contains `RateLimiter`'),
      files: files(['app/server.py', 'modify']),
    }),
    build(f) {
      base(f, { 'app/server.py': 'app = make_app()\n' })
      f.move('app/server.py', 'app/http/server.py')
      const moved = f.commit('Move the server into app/http', at('2025-03-04'))
      const work = f
        .write('app/http/server.py', 'app = make_app()\napp.use(RateLimiter())\n')
        .commit('Rate limiting', at('2025-03-18'))
      return { moved, work }
    },
    expect: {
      state: 'done',
      doneWeek: 3,
      doneCommit: 'work',
      evidencePath: 'app/http/server.py',
      history: ['added 18 Mar 2025 {work}'],
    },
  },
  {
    name: 'a dependency-bot touch of a listed file',
    asOf: '2025-03-24',
    task: task(['Error tracking'], {
      criteria: criteria('`sentry-sdk` is listed in `requirements.txt`'),
      files: files(['requirements.txt', 'modify']),
    }),
    build(f) {
      base(f, { 'requirements.txt': 'django==4.2.1\n' })
      const bump = f
        .write('requirements.txt', 'django==4.2.11\n')
        .commit('Bump django from 4.2.1 to 4.2.11', at('2025-03-05'))
      return { bump }
    },
    expect: { state: 'in-progress', doneWeek: null },
  },
  {
    name: 'an exemption: tests are exempt',
    asOf: '2025-03-24',
    task: task(['No debug prints'], { criteria: criteria('no `print(` in `src/**/*.py` (tests are exempt)') }),
    build(f) {
      base(f, {
        'src/app.py': 'print("debug")\n',
        'src/tests/test_app.py': 'print("in a test")\n',
        'src/test_util.py': 'print(1)\n',
      })
      const cleaned = f.write('src/app.py', 'log.debug("debug")\n').commit('Use logging', at('2025-03-11'))
      return { cleaned }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'cleaned', history: ['cleared 11 Mar 2025 {cleaned}'] },
  },
  {
    name: 'a misleading ✅: the claim is never evidence',
    asOf: '2025-03-24',
    task: task(['Write the runbook ✅'], { claimedDone: true, criteria: criteria('`docs/runbook.md` exists') }),
    build(f) {
      base(f)
      return {}
    },
    expect: { state: 'not-started', doneWeek: null },
  },
  {
    name: 'a flip-flop around the as-of date: gone at the cutoff',
    asOf: '2025-03-17',
    task: task(['Cache lookups'], { criteria: criteria('`src/cache.py` defines `TTLCache`') }),
    build: flipFlop,
    expect: {
      state: 'not-started',
      doneWeek: null,
      history: ['added 13 Mar 2025 {added}', 'removed 16 Mar 2025 {removed}', 'added 17 Mar 2025 {readded}'],
    },
  },
  {
    name: 'a flip-flop around the as-of date: back a day later',
    asOf: '2025-03-18',
    task: task(['Cache lookups'], { criteria: criteria('`src/cache.py` defines `TTLCache`') }),
    build: flipFlop,
    expect: { state: 'done', doneWeek: 3, doneCommit: 'readded', evidencePath: 'src/cache.py' },
  },
  {
    name: 'a check on a file only modified is progress, not done',
    asOf: '2025-03-24',
    task: task(['Tune the settings'], { files: files(['app/settings.py', 'modify']) }),
    build(f) {
      base(f, { 'app/settings.py': 'DEBUG = True\n' })
      const tuned = f.write('app/settings.py', 'DEBUG = False\n').commit('Tune settings', at('2025-03-05'))
      return { tuned }
    },
    expect: { state: 'in-progress', doneWeek: null },
  },
  {
    name: 'a generic tool mention is never the only check behind done',
    asOf: '2025-03-24',
    task: task(['Security hardening: integrate Pydantic validation, CSP and CORS']),
    build(f) {
      base(f, { 'requirements.txt': 'pydantic==2.6.0\n' })
      return {}
    },
    expect: { state: 'needs-confirmation', doneWeek: null },
  },
  // ---- criteria a lead writes for a Rust service (found on a real repository's hardening history)
  {
    name: '"no `x` anywhere in a manifest" is about its text: a feature of another crate keeps it false',
    asOf: '2025-03-24',
    task: task(['DNS resolution off the renamed crates'], {
      criteria: criteria('Done when: no `trust-dns` anywhere in `Cargo.toml`'),
    }),
    build(f) {
      base(f, { 'Cargo.toml': cargo('reqwest = { version = "0.11", features = ["json", "trust-dns"] }') })
      const switched = f
        .write('Cargo.toml', cargo('reqwest = { version = "0.11", features = ["json", "hickory-dns"] }'))
        .commit('Switch to hickory-dns', at('2025-03-26'))
      return { switched }
    },
    expect: { state: 'in-progress', doneWeek: null },
  },
  {
    name: 'a manifest key bounded by a version ("`rust-version` in `Cargo.toml` is `1.73.0` or later")',
    asOf: '2025-03-31',
    task: task(['Raise the MSRV'], { criteria: criteria('`rust-version` in `Cargo.toml` is `1.73.0` or later') }),
    build(f) {
      base(f, { 'Cargo.toml': cargo('', '1.70.0') })
      const partway = f.write('Cargo.toml', cargo('', '1.72.1')).commit('MSRV 1.72.1', at('2025-03-05'))
      const raised = f.write('Cargo.toml', cargo('', '1.74.0')).commit('MSRV 1.74', at('2025-03-18'))
      return { partway, raised }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'raised' },
  },
  {
    name: 'a folder named as a folder ("the `hooks/` folder is gone")',
    asOf: '2025-03-24',
    task: task(['Retire the build hooks'], { criteria: criteria('The `hooks/` folder is gone') }),
    build(f) {
      base(f, { 'hooks/build': '#!/bin/sh\n', 'hooks/push': '#!/bin/sh\n' })
      const gone = f.remove('hooks').commit('Remove the hooks', at('2025-03-11'))
      return { gone }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'gone' },
  },
  {
    name: 'an owners file with an entry for a path',
    asOf: '2025-03-24',
    task: task(['Owners for CI'], {
      criteria: criteria('`.github/CODEOWNERS` has an entry for `/.github/workflows/**`'),
    }),
    build(f) {
      base(f, { '.github/CODEOWNERS': '/docs/ @writers\n' })
      const owned = f
        .write('.github/CODEOWNERS', '/docs/ @writers\n/.github/workflows/** @maintainers\n')
        .commit('Own the workflows', at('2025-03-12'))
      return { owned }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'owned' },
  },
  {
    name: 'not a direct dependency: true at the start, pinned in week 1, dropped in week 3',
    asOf: '2025-03-31',
    task: task(['OpenSSL through one crate'], {
      criteria: criteria('`openssl-sys` is not a direct dependency in `Cargo.toml`'),
    }),
    build(f) {
      base(f, { 'Cargo.toml': cargo('openssl = "0.10.57"') })
      const pinned = f
        .write('Cargo.toml', cargo('openssl = "=0.10.57"\nopenssl-sys = "=0.9.92"'))
        .commit('Pin openssl-sys for musl', at('2025-03-05'))
      const dropped = f.write('Cargo.toml', cargo('openssl = "0.10.61"')).commit('Unpin', at('2025-03-19'))
      return { pinned, dropped }
    },
    expect: {
      state: 'done',
      doneWeek: 3,
      doneCommit: 'dropped',
      history: ['holds before the plan start', 'added 5 Mar 2025 {pinned}', 'removed 19 Mar 2025 {dropped}'],
    },
  },
  {
    name: 'a TOML table and its settings as the file writes them',
    asOf: '2025-03-31',
    task: task(['Release profile'], {
      criteria: criteria('`[profile.release]` in `Cargo.toml` sets `lto = "fat"` and `codegen-units = 1`'),
    }),
    build(f) {
      base(f, { 'Cargo.toml': cargo('', '1.70.0', '[profile.release]\nlto = "thin"\n') })
      const lto = f
        .write(
          'Cargo.toml',
          cargo('', '1.70.0', '[profile.release]\nlto = "fat"\n\n[profile.micro]\ncodegen-units = 1\n'),
        )
        .commit('Fat LTO', at('2025-03-06'))
      const units = f
        .write('Cargo.toml', cargo('', '1.70.0', '[profile.release]\nlto = "fat"\ncodegen-units = 1\n'))
        .commit('One codegen unit', at('2025-03-20'))
      return { lto, units }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'units' },
  },
  {
    name: 'a dotted key of Cargo.toml is a key, and "no longer has the `x` block" a lack',
    asOf: '2025-03-31',
    task: task(['Lint levels in the manifest'], {
      criteria: criteria(
        '`lints.rust.unsafe_code` is set to `"forbid"` in `Cargo.toml`; `src/main.rs` no longer has the `#![deny(` block',
      ),
    }),
    build(f) {
      base(f, { 'Cargo.toml': cargo(''), 'src/main.rs': '#![deny(unused)]\nfn main() {}\n' })
      const lints = f
        .write('Cargo.toml', cargo('', '1.70.0', '[lints.rust]\nunsafe_code = "forbid"\n'))
        .commit('Lints in Cargo.toml', at('2025-03-04'))
      const attrs = f.write('src/main.rs', 'fn main() {}\n').commit('Drop the crate attributes', at('2025-03-12'))
      return { lints, attrs }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'attrs' },
  },
  {
    name: 'a name that "no longer appears in" a file',
    asOf: '2025-03-24',
    task: task(['One listener'], { criteria: criteria('`WEBSOCKET_PORT` no longer appears in `.env.template`') }),
    build(f) {
      base(f, { '.env.template': '# WEBSOCKET_ENABLED=false\n# WEBSOCKET_PORT=3012\n' })
      const dropped = f.write('.env.template', '# ENABLE_WEBSOCKET=true\n').commit('One listener', at('2025-03-13'))
      return { dropped }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'dropped' },
  },
  {
    name: 'every folder of "nothing left under `a/`, `b/` or `c/`" must be empty',
    asOf: '2025-03-24',
    task: task(['One Dockerfile per base image'], {
      criteria: criteria('nothing left under `docker/amd64/`, `docker/arm64/` or `docker/armv7/`'),
    }),
    build(f) {
      base(f, {
        'docker/amd64/Dockerfile': 'FROM x\n',
        'docker/arm64/Dockerfile': 'FROM x\n',
        'docker/armv7/Dockerfile': 'FROM x\n',
      })
      const partly = f.remove('docker/amd64').remove('docker/arm64').commit('Drop two', at('2025-03-11'))
      return { partly }
    },
    expect: { state: 'in-progress', doneWeek: null },
  },
  {
    name: '"... is no longer listed in it": the list of the clause before',
    asOf: '2025-03-24',
    task: task(['Hadolint rules'], {
      criteria: criteria(
        '`DL3029` is listed in the `ignored` list of `.hadolint.yaml`; `DL3059` is no longer listed in it',
      ),
    }),
    build(f) {
      base(f, { '.hadolint.yaml': 'ignored:\n  - DL3008\n  - DL3059\n' })
      const added = f
        .write('.hadolint.yaml', 'ignored:\n  - DL3029\n  - DL3008\n  - DL3059\n')
        .commit('Ignore DL3029', at('2025-03-05'))
      return { added }
    },
    expect: { state: 'in-progress', doneWeek: null },
  },
  {
    name: 'a sentence read in part: its checks hold, the task still needs confirmation',
    asOf: '2025-03-24',
    task: task(['Healthcheck'], {
      criteria: criteria('`docker/healthcheck.sh` exists, and the container reports healthy within a minute'),
    }),
    build(f) {
      base(f)
      f.write('docker/healthcheck.sh', '#!/bin/sh\ncurl -f localhost\n').commit('Healthcheck', at('2025-03-05'))
      return {}
    },
    expect: { state: 'needs-confirmation', doneWeek: null },
  },
  {
    name: 'a symlink that points at a file: a plain file holding the path is not a link',
    asOf: '2025-03-24',
    task: task(['The root Dockerfile builds the Debian image'], {
      criteria: criteria('the root `Dockerfile` symlink points at `docker/Dockerfile.debian`'),
    }),
    build(f) {
      base(f, { 'docker/amd64/Dockerfile': 'FROM debian\n', 'docker/Dockerfile.debian': 'FROM debian\n' })
      f.symlink('Dockerfile', 'docker/amd64/Dockerfile').commit(
        'Root Dockerfile links the amd64 image',
        at('2025-02-21'),
      )
      // a checkout without symlink support commits the link as a plain file holding the target's path
      f.remove('Dockerfile')
      f.write('Dockerfile', 'docker/Dockerfile.debian').commit('Point at the Debian image', at('2025-03-05'))
      f.remove('Dockerfile')
      const relinked = f.symlink('Dockerfile', 'docker/Dockerfile.debian').commit('A real link again', at('2025-03-11'))
      return { relinked }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'relinked' },
  },
  {
    name: 'a go.mod directive bounded by a version ("`go` in `go.mod` is `1.22` or later")',
    asOf: '2025-03-24',
    task: task(['Move to Go 1.22'], { criteria: criteria('`go` in `go.mod` is `1.22` or later') }),
    build(f) {
      const gomod = (go: string) =>
        `module example.com/svc\n\ngo ${go}\n\nrequire (\n\tgolang.org/x/net v0.23.0 // indirect\n)\n`
      base(f, { 'go.mod': gomod('1.21') })
      const bumped = f.write('go.mod', gomod('1.22.1')).commit('Go 1.22', at('2025-03-12'))
      return { bumped }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'bumped' },
  },
  {
    name: 'a setting of a dotenv file; a commented-out line sets nothing',
    asOf: '2025-03-24',
    task: task(['Quiet logs in production'], {
      criteria: criteria('`LOG_LEVEL` is set to `warn` in `.env.production`'),
    }),
    build(f) {
      base(f, { '.env.production': '# LOG_LEVEL=warn\nLOG_LEVEL=debug\n' })
      const set = f
        .write('.env.production', 'export LOG_LEVEL="warn" # quieter\nPORT=8080\n')
        .commit('Production log level', at('2025-03-13'))
      return { set }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'set' },
  },
  {
    name: 'a folder that holds at most N files',
    asOf: '2025-03-24',
    task: task(['Fewer workflows'], { criteria: criteria('`.github/workflows/` has at most 2 files') }),
    build(f) {
      base(f, {
        '.github/workflows/a.yml': 'on: push\n',
        '.github/workflows/b.yml': 'on: push\n',
        '.github/workflows/c.yml': 'on: push\n',
      })
      const merged = f.remove('.github/workflows/c.yml').commit('Merge two workflows', at('2025-03-18'))
      return { merged }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'merged' },
  },
  {
    name: 'a package "is installed" (any manifest)',
    asOf: '2025-03-24',
    task: task(['Security headers'], { criteria: criteria('`helmet` is installed') }),
    build(f) {
      base(f, { 'package.json': JSON.stringify({ dependencies: { express: '^4' } }, null, 2) })
      const added = f
        .write('package.json', JSON.stringify({ dependencies: { express: '^4', helmet: '^7.1.0' } }, null, 2))
        .commit('helmet', at('2025-03-06'))
      return { added }
    },
    expect: { state: 'done', doneWeek: 1, doneCommit: 'added' },
  },
  {
    name: 'a build file named with a suffix (`Makefile.docker`) is a file; both its sentences decide',
    asOf: '2025-03-31',
    task: task(['One multi-arch image'], {
      criteria: criteria(
        '`DOCKER_IMAGE_LIST_LATEST` no longer appears in `Makefile.docker`',
        '`Makefile.docker` contains `which jq`',
      ),
    }),
    build(f) {
      base(f, { 'Makefile.docker': 'DOCKER_IMAGE_LIST_LATEST := a b\nrelease:\n\techo $(DOCKER_IMAGE_LIST_LATEST)\n' })
      f.write('Makefile.docker', 'release:\n\techo one image\n').commit('One image', at('2025-03-11'))
      const jq = f
        .write('Makefile.docker', 'ifeq (, $(shell which jq))\nendif\nrelease:\n\techo one image\n')
        .commit('Check for jq', at('2025-03-25'))
      return { jq }
    },
    expect: { state: 'done', doneWeek: 4, doneCommit: 'jq' },
  },
  {
    name: 'a sentence that no phrasing reads keeps the task from done beside a sentence that does',
    asOf: '2025-03-31',
    task: task(['Alerting'], {
      criteria: criteria('`src/alerts.py` exists', 'Errors reach the on-call engineer within a minute'),
    }),
    build(f) {
      base(f)
      const created = f.write('src/alerts.py', 'def alert(): ...\n').commit('Alerts', at('2025-03-05'))
      return { created }
    },
    expect: { state: 'needs-confirmation', doneWeek: null },
  },
  {
    name: '"`file` exists and contains `x`": both predicates are about the file',
    asOf: '2025-03-31',
    task: task(['Release images from CI'], {
      criteria: criteria('`.github/workflows/docker.yml` exists and contains `-f Makefile.docker release`'),
    }),
    build(f) {
      base(f)
      f.write('.github/workflows/docker.yml', 'on: release\njobs: {}\n').commit('Docker workflow', at('2025-03-04'))
      const step = f
        .write(
          '.github/workflows/docker.yml',
          'on: release\njobs:\n  r:\n    steps:\n      - run: make -f Makefile.docker release\n',
        )
        .commit('Build the images', at('2025-03-19'))
      return { step }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'step' },
  },
  {
    name: 'a quoted code token with a slash is text, not a path; "no longer appears in `a` or `b`" is about each file',
    asOf: '2025-03-31',
    task: task(['Seeded randomness'], {
      criteria: criteria('`"math/rand"` no longer appears in `plugin/forward/policy.go` or `plugin/grpc/policy.go`'),
    }),
    build(f) {
      const imports = 'package p\n\nimport "math/rand"\n'
      base(f, { 'plugin/forward/policy.go': imports, 'plugin/grpc/policy.go': imports })
      f.write('plugin/forward/policy.go', 'package p\n\nimport "x/rand"\n').commit('forward', at('2025-03-06'))
      const grpc = f.write('plugin/grpc/policy.go', 'package p\n\nimport "x/rand"\n').commit('grpc', at('2025-03-12'))
      return { grpc }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'grpc' },
  },
  {
    name: 'go.mod: a requirement marked `// indirect` is not a direct dependency',
    asOf: '2025-03-31',
    task: task(['Off the deprecated protobuf module'], {
      criteria: criteria('`github.com/golang/protobuf` is not a direct dependency in `go.mod`'),
    }),
    build(f) {
      const gomod = (direct: string, indirect: string) =>
        `module example.com/dns\n\ngo 1.17\n\nrequire (\n\tgithub.com/miekg/dns v1.1.45\n${direct})\n\nrequire (\n\tgithub.com/google/uuid v1.3.0 // indirect\n${indirect})\n`
      base(f, { 'go.mod': gomod('\tgithub.com/golang/protobuf v1.5.2\n', '') })
      const indirect = f
        .write('go.mod', gomod('', '\tgithub.com/golang/protobuf v1.5.2 // indirect\n'))
        .commit('Use google.golang.org/protobuf', at('2025-03-14'))
      return { indirect }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'indirect' },
  },
  {
    name: 'a Go pseudo-version is a pre-release: below the release "at least `v3.0.0`" asks for',
    asOf: '2025-03-31',
    task: task(['yaml.v3 with the CVE fix'], {
      criteria: criteria('`gopkg.in/yaml.v3` is at least `v3.0.0` in `go.mod`'),
    }),
    build(f) {
      const gomod = (v: string) => `module example.com/dns\n\ngo 1.17\n\nrequire gopkg.in/yaml.v3 ${v} // indirect\n`
      base(f)
      f.write('go.mod', gomod('v3.0.0-20210107192922-496545a6307b')).commit('go 1.17', at('2025-03-04'))
      const fixed = f.write('go.mod', gomod('v3.0.0')).commit('yaml.v3 v3.0.0', at('2025-03-18'))
      return { fixed }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'fixed' },
  },
  {
    name: '"bumped to `V`": that version or a later one, dated by the bump that reached it',
    asOf: '2025-03-31',
    task: task(['DNS library and gRPC'], {
      criteria: criteria('`github.com/miekg/dns` is bumped to `v1.1.46`', 'upgrade `google.golang.org/grpc` to `1.45`'),
    }),
    build(f) {
      const gomod = (dns: string, grpc: string) =>
        `module example.com/dns\n\ngo 1.17\n\nrequire (\n\tgithub.com/miekg/dns ${dns}\n\tgoogle.golang.org/grpc ${grpc}\n)\n`
      base(f, { 'go.mod': gomod('v1.1.45', 'v1.44.0') })
      f.write('go.mod', gomod('v1.1.45', 'v1.45.0')).commit('grpc 1.45', at('2025-03-05'))
      const dns = f.write('go.mod', gomod('v1.1.46', 'v1.45.0')).commit('dns 1.1.46', at('2025-03-12'))
      f.write('go.mod', gomod('v1.1.47', 'v1.47.0')).commit('dns 1.1.47, grpc 1.47', at('2025-03-20'))
      return { dns }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'dns' },
  },
  {
    name: 'a config dotfile without an extension (`.yamllint`) is read as data',
    asOf: '2025-03-31',
    task: task(['Lint the YAML'], { criteria: criteria('`.yamllint` → `rules.line-length` equals `disable`') }),
    build(f) {
      base(f)
      f.write('.yamllint', 'extends: default\nrules:\n  line-length:\n    max: 120\n').commit(
        'yamllint',
        at('2025-03-04'),
      )
      const off = f
        .write('.yamllint', '---\nextends: default\nrules:\n  line-length: disable\n')
        .commit('No line length', at('2025-03-13'))
      return { off }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'off' },
  },
  {
    name: '"every workflow sets `permissions:`": broken by a new workflow without it, dated by the fix',
    asOf: '2025-03-31',
    task: task(['Read-only tokens'], {
      criteria: criteria('every workflow in `.github/workflows/` sets `permissions:`'),
    }),
    build(f) {
      base(f, { '.github/workflows/a.yml': 'on: push\njobs: {}\n', '.github/workflows/b.yml': 'on: push\njobs: {}\n' })
      f.write('.github/workflows/a.yml', 'on: push\npermissions: read-all\njobs: {}\n').commit('a', at('2025-03-04'))
      f.write('.github/workflows/b.yml', 'on: push\njobs:\n  t:\n    permissions:\n      contents: read\n')
      f.commit('b', at('2025-03-11'))
      f.write('.github/workflows/fuzz.yaml', 'on: pull_request\njobs: {}\n').commit('Fuzzing', at('2025-03-18'))
      const fixed = f
        .write('.github/workflows/fuzz.yaml', 'on: pull_request\npermissions: {}\njobs: {}\n')
        .commit('Fuzzing: no token', at('2025-03-25'))
      return { fixed }
    },
    expect: { state: 'done', doneWeek: 4, doneCommit: 'fixed' },
  },
  {
    name: '"every `uses:` line is pinned to a full commit SHA": a tag comment is no pin, an action at @master breaks it',
    asOf: '2025-03-31',
    task: task(['Pin every action'], {
      criteria: criteria('every `uses:` line in `.github/workflows/*.yml` is pinned to a full commit SHA'),
    }),
    build(f) {
      const sha = 'b4ffde65f46336ab88eb53be808477a3936bae11'
      const ci = (fuzz: string) =>
        `on: push\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@${sha} # v4\n      - name: setup\n        uses: actions/setup-go@${sha}\n${fuzz}`
      base(f, {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4 # not @' + sha + '\n',
      })
      f.write('.github/workflows/ci.yml', ci('')).commit('Pin actions', at('2025-03-04'))
      f.write('.github/workflows/ci.yml', ci('      - uses: google/oss-fuzz/infra/cifuzz@master\n'))
      f.commit('Fuzzing', at('2025-03-12'))
      const pinned = f
        .write('.github/workflows/ci.yml', ci(`      - uses: google/oss-fuzz/infra/cifuzz@${sha.replace(/b/g, 'c')}\n`))
        .commit('Pin cifuzz', at('2025-03-20'))
      return { pinned }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'pinned' },
  },
  {
    name: '"every `FROM` line is pinned by digest": each stage of the named Dockerfiles, and both files tracked',
    asOf: '2025-03-31',
    task: task(['Base images by digest'], {
      criteria: criteria(
        'every `FROM` line in `docker/Dockerfile.debian` and `docker/Dockerfile.alpine` names its image by `@sha256:` digest',
      ),
    }),
    build(f) {
      const digest = `@sha256:${'a'.repeat(64)}`
      base(f, {
        'docker/Dockerfile.debian': `FROM rust:1.75${digest} AS build\n# FROM scratch someday\nFROM debian:12\n`,
      })
      const debian = f
        .write('docker/Dockerfile.debian', `FROM rust:1.75${digest} AS build\nFROM debian:12${digest}\n`)
        .commit('Debian by digest', at('2025-03-05'))
      const alpine = f
        .write('docker/Dockerfile.alpine', `FROM alpine:3.19${digest}\n`)
        .commit('Alpine', at('2025-03-19'))
      return { debian, alpine }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'alpine' },
  },
  {
    name: 'a quantified claim over a scope without a single such line is never done',
    asOf: '2025-03-31',
    task: task(['Pin images'], { criteria: criteria('every `FROM` line in `Dockerfile` is pinned by digest') }),
    build(f) {
      base(f, { Dockerfile: '# no build yet\n' })
      return {}
    },
    expect: { state: 'not-started', doneWeek: null },
  },
  {
    name: '"every entry under `dependencies` starts with `^`": each value of the mapping, dated by the last pin replaced',
    asOf: '2025-03-31',
    task: task(['Caret ranges'], {
      criteria: criteria('Every entry under `dependencies` in `package.json` starts with `^`'),
    }),
    build(f) {
      const pkg = (deps: Record<string, string>) =>
        JSON.stringify({ name: 'lib', dependencies: deps, devDependencies: { mocha: '10.2.0' } }, null, 2)
      base(f, { 'package.json': pkg({ debug: '4.3.4', qs: '6.13.0' }) })
      f.write('package.json', pkg({ debug: '^4.3.4', qs: '6.13.0' })).commit('debug caret', at('2025-03-05'))
      const carets = f
        .write('package.json', pkg({ debug: '^4.3.4', qs: '^6.13.0' }))
        .commit('qs caret', at('2025-03-18'))
      return { carets }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'carets' },
  },
  {
    name: 'Gemfile: a gem in a development/test group is a dev dependency; `~> 7.0.4` stays below 7.1',
    asOf: '2025-03-31',
    task: task(['Rails 7.1 and request specs'], {
      criteria: criteria('`rails` in `Gemfile` is `7.1` or later', '`rspec-rails` is a dev dependency in `Gemfile`'),
    }),
    build(f) {
      const gemfile = (rails: string, group: string) =>
        `source "https://rubygems.org"\n\ngem "rails", "${rails}"\ngem 'puma', '>= 5.0'\n${group}`
      base(f, { Gemfile: gemfile('~> 7.0.4', 'gem "rspec-rails" # not grouped yet\n') })
      f.write('Gemfile', gemfile('~> 7.0.4', 'group :development, :test do\n  gem "rspec-rails", "~> 6.0"\nend\n'))
      f.commit('rspec in its group', at('2025-03-05'))
      const rails = f
        .write('Gemfile', gemfile('~> 7.1.0', 'group :development, :test do\n  gem "rspec-rails", "~> 6.0"\nend\n'))
        .commit('Rails 7.1', at('2025-03-19'))
      return { rails }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'rails' },
  },
  {
    name: 'pom.xml: a `${property}` version, a SNAPSHOT below its release, an artifact named without its group',
    asOf: '2025-03-31',
    task: task(['Log4Shell'], {
      criteria: criteria('`log4j-core` is bumped to `2.17.1`', '`junit:junit` is a dev dependency in `pom.xml`'),
    }),
    build(f) {
      const pom = (version: string) =>
        `<?xml version="1.0"?>\n<project>\n  <properties><log4j.version>${version}</log4j.version></properties>\n  <dependencies>\n    <dependency>\n      <groupId>org.apache.logging.log4j</groupId>\n      <artifactId>log4j-core</artifactId>\n      <version>\${log4j.version}</version>\n    </dependency>\n    <dependency>\n      <groupId>junit</groupId>\n      <artifactId>junit</artifactId>\n      <version>4.13.2</version>\n      <scope>test</scope>\n    </dependency>\n  </dependencies>\n</project>\n`
      base(f, { 'pom.xml': pom('2.14.1') })
      f.write('pom.xml', pom('2.17.1-SNAPSHOT')).commit('Try the fix', at('2025-03-05'))
      const fixed = f.write('pom.xml', pom('2.17.1')).commit('log4j 2.17.1', at('2025-03-12'))
      return { fixed }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'fixed' },
  },
  {
    name: 'composer.json, build.gradle and a .csproj: alternatives, test configurations and interval versions',
    asOf: '2025-03-31',
    task: task(['Framework upgrades'], {
      criteria: criteria(
        'upgrade `laravel/framework` to `11.0` in `composer.json`',
        '`org.junit.jupiter:junit-jupiter` is a dev dependency in `build.gradle`',
        '`Newtonsoft.Json` in `src/Api/Api.csproj` is `13.0.1` or later',
      ),
    }),
    build(f) {
      const composer = (laravel: string) => JSON.stringify({ require: { php: '^8.2', 'laravel/framework': laravel } })
      const gradle = (conf: string) => `dependencies {\n    ${conf} 'org.junit.jupiter:junit-jupiter:5.10.0'\n}\n`
      const csproj = (v: string) =>
        `<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Newtonsoft.Json" Version="${v}" />\n  </ItemGroup>\n</Project>\n`
      base(f, {
        'composer.json': composer('^10.0'),
        'build.gradle': gradle('implementation'),
        'src/Api/Api.csproj': csproj('12.0.3'),
      })
      f.write('composer.json', composer('^10.0|^11.0')).write('build.gradle', gradle('testImplementation'))
      f.write('src/Api/Api.csproj', csproj('[13.0.1,)')).commit('Allow Laravel 11; tests; Json', at('2025-03-05'))
      const laravel = f.write('composer.json', composer('^11.0')).commit('Laravel 11 only', at('2025-03-20'))
      return { laravel }
    },
    expect: { state: 'done', doneWeek: 3, doneCommit: 'laravel' },
  },
  {
    name: '"every `actions/checkout` step sets `persist-credentials: false`": the setting sits under the step\'s `with:`',
    asOf: '2025-03-31',
    task: task(['Checkouts drop the token'], {
      criteria: criteria(
        'every `actions/checkout` step in `.github/workflows/*.yml` sets `persist-credentials: false`',
      ),
    }),
    build(f) {
      const step = (extra: string) => `      - uses: actions/checkout@v4\n${extra}`
      const wf = (a: string, b: string) =>
        `on: push\njobs:\n  test:\n    steps:\n${a}      - run: make test\n  lint:\n    steps:\n${b}`
      const off = '        with:\n          persist-credentials: false\n'
      base(f, { '.github/workflows/ci.yml': wf(step(''), step('')) })
      // the text appears in the file, but in a comment and on another step: not the checkout step's setting
      f.write('.github/workflows/ci.yml', wf(step(off), step('      # persist-credentials: false\n')))
      f.commit('One checkout', at('2025-03-05'))
      const both = f.write('.github/workflows/ci.yml', wf(step(off), step(off))).commit('Both', at('2025-03-13'))
      return { both }
    },
    expect: { state: 'done', doneWeek: 2, doneCommit: 'both' },
  },
]

/** a Cargo.toml with these dependency lines, MSRV and extra tables */
function cargo(dependencies: string, rustVersion = '1.70.0', tables = ''): string {
  return `[package]\nname = "server"\nversion = "1.0.0"\nedition = "2021"\nrust-version = "${rustVersion}"\n\n[dependencies]\nlog = "0.4"\n${dependencies}\n${tables ? `\n${tables}` : ''}`
}

function flipFlop(f: GitFixture): Record<string, string> {
  base(f, { 'src/cache.py': 'CACHE = {}\n' })
  const added = f.write('src/cache.py', 'class TTLCache: ...\n').commit('TTL cache', at('2025-03-13'))
  const removed = f.write('src/cache.py', 'CACHE = {}\n').commit('Revert "TTL cache"', at('2025-03-16', 23))
  const readded = f
    .write('src/cache.py', 'class TTLCache:\n    ttl = 60\n')
    .commit('TTL cache, with a TTL', '2025-03-17T02:00:00+00:00')
  return { added, removed, readded }
}

export interface BehaviourOutcome {
  state: TaskEvidenceState
  doneWeek: number | null
  doneSha: string | null
  evidencePaths: string[]
  /** the first criterion check's runs, one line */
  history: string
  shas: Record<string, string>
}

/** builds the case's repository, derives the task's checks, syncs, and judges the task as of the case's date */
export async function runBehaviour(c: BehaviourCase): Promise<BehaviourOutcome> {
  const f = new GitFixture()
  try {
    const shas = c.build(f)
    const derived = deriveTaskChecks(c.task, { toolMap })
    const checks = derived.checks.map((spec) => ({ id: checkKey(spec), spec }))
    const result = await syncEvidence({
      repos: [{ id: 'r', dir: f.dir, branch: null, prefix: null }],
      checks,
      planStart: PLAN_START,
      weekEnds: planWeekEnds(PLAN_START, 8),
      cache: createMemoryEvidenceCache(),
      git: createGitPort(),
    })
    const byId = new Map(result.checks.map((r) => [r.checkId, r]))
    const inputs = checks.map((check) => ({ spec: check.spec, enabled: true, result: byId.get(check.id)! }))
    const summary = taskEvidenceAt(inputs, Date.parse(`${c.asOf}T00:00:00Z`), derived.partlyRead.length)
    const doneWeek = summary.doneAt
      ? summary.doneAt.beforePlan
        ? 0
        : Math.floor(
            (Date.parse(summary.doneAt.commit.date) - Date.parse(`${PLAN_START}T00:00:00Z`)) / (7 * 86_400_000),
          ) + 1
      : null
    const first = inputs.find((i) => i.spec.role === 'criterion') ?? inputs[0]
    const history = first?.result.histories?.[0]
      ? historyLine(explainHistory(first.spec, first.result.histories[0]))
      : ''
    return {
      state: summary.state,
      doneWeek,
      doneSha: summary.doneAt?.commit.sha ?? null,
      evidencePaths: inputs.flatMap((i) => (i.spec.role === 'criterion' ? i.result.evidence.map((e) => e.path) : [])),
      history,
      shas,
    }
  } finally {
    f.cleanup()
  }
}

/** "{name}" in an expected history line -> the short sha of that commit */
export function withShas(text: string, shas: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => shas[name]?.slice(0, 7) ?? `{${name}}`)
}
