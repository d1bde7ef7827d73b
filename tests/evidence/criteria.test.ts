import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckSpecSchema, type CheckSpec } from '../../src/shared/check-model'
import { compileCriterion, type CriterionContext } from '../../src/main/evidence/criteria'
import { deriveTaskChecks, loadToolMap } from '../../src/main/evidence'
import { criteriaWarnings } from '../../src/main/services/criteria-lint'
import { readToolMap } from '../../src/main/services/tool-map'
import { task } from './helpers/plan-tasks'
import { repoRoot } from '../support/paths'

/** Must-show #3: every phrasing of the README's criteria language compiles; the lint lists what does not. */

const ctx = (onlyFile: string | null = null): CriterionContext => ({ onlyFile, resolve: (t) => t })
const compile = (text: string, onlyFile: string | null = null) => compileCriterion(text, 7, ctx(onlyFile))
const strip = (c: CheckSpec) => {
  const { sentence: _s, sourceLine: _l, origin: _o, enabled: _e, role: _r, source: _src, ...params } = c
  return params
}
const params = (text: string, onlyFile: string | null = null) => {
  const compiled = compile(text, onlyFile)
  expect(compiled.unread, `unread parts of "${text}"`).toEqual([])
  return compiled.checks.map(strip)
}

function readmeRows(): Array<{ phrasing: string; example: string; kinds: string[] }> {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const table = readme.split('<!-- criteria-phrasings')[1].split('\n\n')[0]
  return table
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| phrasing') && !l.startsWith('|---'))
    .map((l) => l.split(/\s\|\s/).map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim()))
    .map(([phrasing, example, kinds]) => ({
      phrasing,
      example: example.replace(/^`` | ``$/g, ''),
      kinds: kinds.split(' / '),
    }))
}

describe('the README criteria table', () => {
  const rows = readmeRows()
  it('lists the phrasings', () => expect(rows.length).toBeGreaterThanOrEqual(30))

  for (const row of rows.filter((r) => !r.example.startsWith('- '))) {
    it(`compiles: ${row.example}`, () => {
      const compiled = compile(row.example, row.phrasing.includes("task's only file") ? 'app/views.py' : null)
      expect(compiled.unread).toEqual([])
      expect(compiled.checks.length).toBeGreaterThan(0)
      for (const check of compiled.checks) {
        expect(row.kinds).toContain(check.kind)
        expect(CheckSpecSchema.parse(check)).toMatchObject({ kind: check.kind, role: 'criterion', sourceLine: 7 })
      }
    })
  }

  it('compiles: a Files list entry marked (remove), through the task', () => {
    const row = rows.find((r) => r.example.startsWith('- '))!
    const t = task(['Move settings', row.example], {
      files: [{ path: 'old/settings.py', role: 'modify', line: 2, unsafe: false }],
    })
    const checks = deriveTaskChecks(t, { toolMap }).checks
    expect(checks.filter((c) => c.kind === 'file-absent').map((c) => 'path' in c && c.path)).toEqual([
      'old/settings.py',
    ])
  })
})

const toolMap = loadToolMap(JSON.parse(readFileSync(join(repoRoot, 'resources', 'tool-packages.json'), 'utf8')))

describe('criteria phrasings, parameters', () => {
  it('files: exists, gone, a list of gone files, a folder emptied', () => {
    expect(params('`src/logging.py` exists')).toEqual([{ kind: 'file-exists', path: 'src/logging.py' }])
    expect(params('Done when: `Dockerfile.prod` is tracked.')).toEqual([
      { kind: 'file-exists', path: 'Dockerfile.prod' },
    ])
    expect(params('src/logging.py exists')).toEqual([{ kind: 'file-exists', path: 'src/logging.py' }])
    expect(
      params(
        '`templates/accounts/billing.html`, `static/js/billing.js` and `hc/payments/forms.py` no longer exist',
      ).map((c) => c.kind),
    ).toEqual(['file-absent', 'file-absent', 'file-absent'])
    expect(params('nothing left under `templates/payments/`')).toEqual([
      { kind: 'file-count', glob: 'templates/payments/**', op: '==', value: 0 },
    ])
    expect(params('`hc/payments/` no longer exists')).toEqual([
      { kind: 'file-count', glob: 'hc/payments/**', op: '==', value: 0 },
    ])
  })

  it('two claims joined by "and" are two checks', () => {
    expect(params('`hc/api/schemas.py` has been deleted and `hc/api/views.py` contains `BaseModel`.')).toEqual([
      { kind: 'file-absent', path: 'hc/api/schemas.py' },
      { kind: 'file-contains', path: 'hc/api/views.py', needles: ['BaseModel'], mode: 'substring' },
    ])
    expect(params('nothing left under `a/`; `b.html` and `c.js` no longer exist').map((c) => c.kind)).toEqual([
      'file-count',
      'file-absent',
      'file-absent',
    ])
  })

  it('content: contains all needles; an instruction is a line start; no file named binds to the only file', () => {
    expect(params('`app/main.py` imports `FastAPI` and `RateLimiter`')).toEqual([
      { kind: 'file-contains', path: 'app/main.py', needles: ['FastAPI', 'RateLimiter'], mode: 'substring' },
    ])
    expect(params('`docker/Dockerfile` has a `HEALTHCHECK` instruction')).toEqual([
      { kind: 'file-contains', path: 'docker/Dockerfile', needles: ['HEALTHCHECK'], mode: 'line-start' },
    ])
    expect(params('**Done when:** `src/app.py` contains `from __future__ import annotations`')).toEqual([
      { kind: 'file-contains', path: 'src/app.py', needles: ['from __future__ import annotations'], mode: 'substring' },
    ])
    expect(params('contains `LOGGING`', 'hc/settings.py')).toEqual([
      { kind: 'file-contains', path: 'hc/settings.py', needles: ['LOGGING'], mode: 'substring' },
    ])
    expect(compile('contains `LOGGING`').unread).toEqual(['contains `LOGGING`'])
    expect(params('`mypy.ini` has no `[mypy-fido2.*]` section')).toEqual([
      { kind: 'file-lacks', path: 'mypy.ini', needles: ['[mypy-fido2.*]'] },
    ])
    expect(params('no `apt update` and no `apt install` in `docker/Dockerfile`')).toEqual([
      { kind: 'file-lacks', path: 'docker/Dockerfile', needles: ['apt update', 'apt install'] },
    ])
  })

  it('absence in a scope: one check per token, exemptions and extension limits kept', () => {
    const [list, dict] = params('no `List[`, `Dict[` or `Union[` in `hc//*.py`')
    expect(list).toEqual({ kind: 'text-absent', needle: 'List[', scope: ['hc/**/*.py'], exclude: [] })
    expect(dict).toMatchObject({ needle: 'Dict[' })
    const [print] = params('no `print(` in `hc/**/*.py` (tests, migrations and management commands are exempt)')
    expect(print).toMatchObject({ needle: 'print(', scope: ['hc/**/*.py'] })
    expect((print as { exclude: string[] }).exclude).toEqual(
      expect.arrayContaining(['**/tests/**', '**/migrations/**', '**/management/commands/**']),
    )
    expect(params('no `eval(` in any .ts or .js file under `server/`')).toEqual([
      { kind: 'text-absent', needle: 'eval(', scope: ['server/**/*.{ts,js}'], exclude: [] },
    ])
    expect(params('no `console.log` in `src/` except `src/dev/` and `src/scripts/`')).toEqual([
      { kind: 'text-absent', needle: 'console.log', scope: ['src/**'], exclude: ['src/dev/**', 'src/scripts/**'] },
    ])
    expect(params('no `pdb.set_trace` in Python files')).toEqual([
      { kind: 'text-absent', needle: 'pdb.set_trace', scope: ['**/*.py'], exclude: [] },
    ])
    // an exemption the language does not know is not guessed
    expect(compile('no `print(` in `hc/**/*.py` (the old importer is exempt)').unread).toHaveLength(1)
  })

  it('dependencies read the manifest and the section named; absent ones, ranges', () => {
    expect(params('`django-stubs-ext` is listed in `requirements.txt`')).toEqual([
      {
        kind: 'package',
        name: 'django-stubs-ext',
        present: true,
        manifest: 'requirements.txt',
        section: 'any',
        range: null,
      },
    ])
    expect(params('`vitest` is a dev dependency in `package.json`')).toMatchObject([
      { name: 'vitest', section: 'dev', manifest: 'package.json' },
    ])
    expect(params('`httpx` is a runtime dependency in the backend `pyproject.toml`')).toMatchObject([
      { name: 'httpx', section: 'runtime', manifest: 'pyproject.toml' },
    ])
    expect(
      params('`helmet` and `cors` are dependencies').map((c) => [
        c.kind,
        (c as { name: string }).name,
        (c as { manifest: null }).manifest,
      ]),
    ).toEqual([
      ['package', 'helmet', null],
      ['package', 'cors', null],
    ])
    expect(params('`braintree` and `stripe` are no longer dependencies')).toMatchObject([
      { name: 'braintree', present: false },
      { name: 'stripe', present: false },
    ])
    expect(params('`braintree` is gone from `requirements.txt`')).toMatchObject([
      { name: 'braintree', present: false, manifest: 'requirements.txt' },
    ])
    expect(params('`Django` in `requirements.txt` satisfies `>=4.2,<5.0`')).toMatchObject([
      { kind: 'package', name: 'Django', range: '>=4.2,<5.0' },
    ])
    // "no longer references": the text goes, and with it the dependency (a normalised name: `Braintree`)
    expect(params('`requirements.txt` no longer references `braintree`')).toMatchObject([
      { kind: 'package', name: 'braintree', present: false },
      { kind: 'file-lacks', path: 'requirements.txt', needles: ['braintree'] },
    ])
    expect(params('no `trust-dns` anywhere in `Cargo.toml`')).toMatchObject([
      { kind: 'package', name: 'trust-dns', present: false, manifest: 'Cargo.toml' },
      { kind: 'file-lacks', path: 'Cargo.toml', needles: ['trust-dns'] },
    ])
    expect(params('`openssl-sys` is not a direct dependency in `Cargo.toml`')).toMatchObject([
      { kind: 'package', name: 'openssl-sys', present: false, manifest: 'Cargo.toml' },
    ])
    // a bound after the version is read, never dropped; an unknown word leaves the clause unread
    expect(params('`debug` in `package.json` is `4.4.0` or later')).toMatchObject([
      { kind: 'package', name: 'debug', range: '>=4.4.0' },
    ])
    expect(compile('`debug` in `package.json` is `4.4.0` or thereabouts').unread).toHaveLength(1)
    // "`x` is present" alone is a file, not a package
    expect(params('`.env.example` is present')).toEqual([{ kind: 'file-exists', path: '.env.example' }])
  })

  it('values: key paths, lists, version ranges', () => {
    expect(
      params('`.github/workflows/django.yml` → `jobs.test.strategy.matrix.python-version` includes `"3.12"`'),
    ).toEqual([
      {
        kind: 'value',
        path: '.github/workflows/django.yml',
        pointer: ['jobs', 'test', 'strategy', 'matrix', 'python-version'],
        op: 'includes',
        expected: ['3.12'],
        anyDepth: false,
      },
    ])
    expect(
      params('the `python-version` list in `.github/workflows/tests.yml` contains neither `"3.8"` nor `"3.9"`'),
    ).toMatchObject([{ op: 'excludes', expected: ['3.8', '3.9'], anyDepth: true, pointer: ['python-version'] }])
    expect(params('`History.md` is no longer listed in the `files` array of `package.json`')).toEqual([
      {
        kind: 'value',
        path: 'package.json',
        pointer: ['files'],
        op: 'excludes',
        expected: ['History.md'],
        anyDepth: true,
      },
    ])
    expect(params('`24` is listed in the `jobs.test.strategy.matrix.node` list of `ci.yml`')).toMatchObject([
      { kind: 'value', pointer: ['jobs', 'test', 'strategy', 'matrix', 'node'], op: 'includes', expected: ['24'] },
    ])
    // a manifest's dependency section is the package phrasings' business: not read as a list of values
    expect(compile('`depd` is not listed in the `dependencies` array of `package.json`').checks).toEqual([])
    expect(params('`engines.node` in `package.json` accepts Node 18')).toMatchObject([
      { kind: 'value', pointer: ['engines', 'node'], op: 'accepts', expected: ['18'] },
    ])
    expect(params('`tsconfig.json` → `compilerOptions.strict` equals `true`')).toMatchObject([
      { op: 'equals', expected: [true] },
    ])
    expect(params('`pyproject.toml` → `project.requires-python` begins with `">=3.11"`')).toMatchObject([
      { op: 'begins-with', expected: ['>=3.11'] },
    ])
  })

  it('line and file counts', () => {
    expect(params('`hc/api/views.py` < 800 lines')).toEqual([
      { kind: 'line-count', path: 'hc/api/views.py', op: '<', value: 800 },
    ])
    expect(params('`main.py` has fewer than 1,200 lines')).toEqual([
      { kind: 'line-count', path: 'main.py', op: '<', value: 1200 },
    ])
    expect(params('stays under 600 lines', 'app/views.py')).toEqual([
      { kind: 'line-count', path: 'app/views.py', op: '<', value: 600 },
    ])
    expect(params('at least 26 files match `hc/api/tests/test_notify_*.py`')).toEqual([
      { kind: 'file-count', glob: 'hc/api/tests/test_notify_*.py', op: '>=', value: 26 },
    ])
    expect(params('≥ 3 files match `docs/adr/*.md`')).toMatchObject([{ op: '>=', value: 3 }])
  })

  it('articles, globs as subjects, keys set in a file, more comparators', () => {
    expect(params('Both `a.py` and `b.py` exist').map((c) => c.kind)).toEqual(['file-exists', 'file-exists'])
    expect(params('A `Makefile` exists')).toEqual([{ kind: 'file-exists', path: 'Makefile' }])
    // a bare token is a path when the tree has it; gone-claims need a token that looks like a path
    expect(params('`CHANGELOG` exists')).toEqual([{ kind: 'file-exists', path: 'CHANGELOG' }])
    expect(compile('`JsonFormatter` no longer exists').checks).toEqual([])
    expect(params('The `Dockerfile` uses `python:3.12-slim`')).toEqual([
      { kind: 'file-contains', path: 'Dockerfile', needles: ['python:3.12-slim'], mode: 'substring' },
    ])
    expect(params('`src/**/*.ts` has no `as any`')).toEqual([
      { kind: 'text-absent', needle: 'as any', scope: ['src/**/*.ts'], exclude: [] },
    ])
    expect(params('`app/` contains `RateLimiter`')).toEqual([
      { kind: 'text-present', needle: 'RateLimiter', scope: ['app/**'], exclude: [] },
    ])
    expect(params('`debug` is set to `false` in `config/settings.toml`')).toEqual([
      {
        kind: 'value',
        path: 'config/settings.toml',
        pointer: ['debug'],
        op: 'equals',
        expected: [false],
        anyDepth: true,
      },
    ])
    expect(params('`app/views.py` is shorter than 500 lines')).toEqual([
      { kind: 'line-count', path: 'app/views.py', op: '<', value: 500 },
    ])
    expect(params('`requests` is not in `requirements.txt`')).toMatchObject([
      { kind: 'package', name: 'requests', present: false, manifest: 'requirements.txt' },
    ])
    expect(params('`requests` is in `requirements.txt`')).toMatchObject([
      { kind: 'package', name: 'requests', present: true },
    ])
  })

  it('a sentence partly read gives its checks and lists the rest', () => {
    const compiled = compile('`main.py` < 200 lines, all routes in separate modules')
    expect(compiled.checks.map(strip)).toEqual([{ kind: 'line-count', path: 'main.py', op: '<', value: 200 }])
    expect(compiled.unread).toEqual(['all routes in separate modules'])
  })

  it('prose is not checkable, and nothing is guessed from it', () => {
    for (const prose of [
      'Errors are visible to admins',
      'Director Agent receives similar winners before creating plan',
      'Reviewed by the security team',
      'Users can search for similar winners',
    ]) {
      expect(compile(prose)).toEqual({ checks: [], unread: [prose] })
    }
  })

  it('manifest keys, TOML tables, folders named as folders, entries, anaphora', () => {
    expect(params('`rust-version` in `Cargo.toml` is `1.73.0` or later')).toEqual([
      {
        kind: 'value',
        path: 'Cargo.toml',
        pointer: ['rust-version'],
        op: 'satisfies',
        expected: ['>=1.73.0'],
        anyDepth: true,
      },
    ])
    expect(params('`lints.rust.unsafe_code` is set to `"forbid"` in `Cargo.toml`')).toEqual([
      {
        kind: 'value',
        path: 'Cargo.toml',
        pointer: ['lints', 'rust', 'unsafe_code'],
        op: 'equals',
        expected: ['forbid'],
        anyDepth: false,
      },
    ])
    expect(params('`[profile.release]` in `Cargo.toml` sets `lto = "fat"` and `codegen-units = 1`')).toEqual([
      { kind: 'value', path: 'Cargo.toml', pointer: ['profile', 'release', 'lto'], op: 'equals', expected: ['fat'] },
      {
        kind: 'value',
        path: 'Cargo.toml',
        pointer: ['profile', 'release', 'codegen-units'],
        op: 'equals',
        expected: ['1'],
      },
    ])
    expect(params('`Cargo.toml` has a `[profile.micro]` table with `opt-level = "z"`')).toEqual([
      { kind: 'value', path: 'Cargo.toml', pointer: ['profile', 'micro', 'opt-level'], op: 'equals', expected: ['z'] },
    ])
    expect(params('The `hooks/` folder is gone')).toEqual([
      { kind: 'file-count', glob: 'hooks/**', op: '==', value: 0 },
    ])
    expect(
      params('nothing left under `docker/amd64/`, `docker/arm64/` or `docker/armv7/`').map(
        (c) => 'glob' in c && c.glob,
      ),
    ).toEqual(['docker/amd64/**', 'docker/arm64/**', 'docker/armv7/**'])
    expect(params('`.github/CODEOWNERS` has an entry for `/.github/workflows/**`')).toEqual([
      { kind: 'file-contains', path: '.github/CODEOWNERS', needles: ['/.github/workflows/**'], mode: 'substring' },
    ])
    expect(params('`src/main.rs` no longer has the `#![deny(` block')).toEqual([
      { kind: 'file-lacks', path: 'src/main.rs', needles: ['#![deny('] },
    ])
    expect(params('`WEBSOCKET_PORT` no longer appears in `.env.template`')).toEqual([
      { kind: 'file-lacks', path: '.env.template', needles: ['WEBSOCKET_PORT'] },
    ])
    expect(params('`eval(` is not used anywhere under `src/`')).toEqual([
      { kind: 'text-absent', needle: 'eval(', scope: ['src/**'], exclude: [] },
    ])
    expect(
      params('`DL3029` is listed in the `ignored` list of `.hadolint.yaml`; `DL3059` is no longer listed in it'),
    ).toEqual([
      {
        kind: 'value',
        path: '.hadolint.yaml',
        pointer: ['ignored'],
        op: 'includes',
        expected: ['DL3029'],
        anyDepth: true,
      },
      {
        kind: 'value',
        path: '.hadolint.yaml',
        pointer: ['ignored'],
        op: 'excludes',
        expected: ['DL3059'],
        anyDepth: true,
      },
    ])
    // inside a clause the nearest antecedent is the part before
    expect(params('`X` is listed in the `ignored` list of `.hadolint.yaml` and `Y` is not listed in it')).toMatchObject(
      [
        { kind: 'value', path: '.hadolint.yaml', op: 'includes', expected: ['X'] },
        { kind: 'value', path: '.hadolint.yaml', op: 'excludes', expected: ['Y'] },
      ],
    )
    expect(params('`go` in `go.mod` is `1.22` or later')).toEqual([
      { kind: 'value', path: 'go.mod', pointer: ['go'], op: 'satisfies', expected: ['>=1.22'], anyDepth: true },
    ])
    expect(params('`golang.org/x/net` in `go.mod` satisfies `>=0.23.0`')).toMatchObject([
      { kind: 'package', name: 'golang.org/x/net', range: '>=0.23.0' },
    ])
    expect(params('`LOG_LEVEL` is set to `info` in `.env.example`')).toEqual([
      { kind: 'value', path: '.env.example', pointer: ['LOG_LEVEL'], op: 'equals', expected: ['info'], anyDepth: true },
    ])
    expect(params('`src/handlers/` has at most 40 files')).toEqual([
      { kind: 'file-count', glob: 'src/handlers/**', op: '<=', value: 40 },
    ])
    expect(params('`helmet` is installed')).toMatchObject([
      { kind: 'package', name: 'helmet', present: true, manifest: null },
    ])
    // "`x` is present" alone stays a file
    expect(params('`README.md` is present')).toEqual([{ kind: 'file-exists', path: 'README.md' }])
    // a link only when the sentence says so: "links to" alone is a hyperlink
    expect(params('`.env` is a symlink to `.env.example`')).toEqual([
      { kind: 'file-contains', path: '.env', needles: ['.env.example'], mode: 'link-target' },
    ])
    expect(compile('`README.md` links to `SECURITY.md`').checks).toEqual([])
    // a pronoun with nothing to refer to stays unread
    expect(compile('`DL3059` is no longer listed in it').unread).toHaveLength(1)
    // words between the values are not dropped: "includes `24` but not `22`" is not read as includes both
    expect(
      compile('`.github/workflows/ci.yml` → `jobs.test.strategy.matrix.node` includes `24` but not `22`').checks,
    ).toEqual([])
  })

  it('quantified claims and version bumps: what is read, and what stays unread', () => {
    expect(params('every `FROM` line in `Dockerfile` is pinned by digest')).toEqual([
      { kind: 'text-every', scope: ['Dockerfile'], exclude: [], lines: 'FROM', lineStart: true, pin: 'digest' },
    ])
    expect(params('all workflows set `permissions:`')).toEqual([
      {
        kind: 'text-every',
        scope: ['.github/workflows/*.yml', '.github/workflows/*.yaml'],
        exclude: [],
        needle: 'permissions:',
      },
    ])
    // a setting asked of a step is read in the YAML step, at any depth (`with:`), never on the step's first line
    expect(
      params('every `actions/checkout` step in `.github/workflows/*.yml` sets `persist-credentials: false`'),
    ).toEqual([
      {
        kind: 'text-every',
        scope: ['.github/workflows/*.yml'],
        exclude: [],
        lines: 'actions/checkout',
        steps: true,
        needle: 'persist-credentials: false',
      },
    ])
    // any other text asked of a step is not read
    expect(compile('every `actions/checkout` step in `.github/workflows/*.yml` contains `v4`').checks).toEqual([])
    expect(params('`github.com/miekg/dns` is bumped to `v1.1.46`')).toMatchObject([
      { kind: 'package', name: 'github.com/miekg/dns', present: true, manifest: null, range: '>=1.1.46' },
    ])
    // only a numeric version is a bound
    expect(compile('`rocket` is bumped to `latest`').checks).toEqual([])
    expect(compile('`rocket` is bumped to `0.5.0` or thereabouts').checks).toEqual([])
  })

  it('unsafe paths never become checks', () => {
    expect(compile('`../../etc/passwd` exists').checks).toEqual([])
    expect(compile('no `x` in `/etc/`').checks).toEqual([])
  })
})

describe('the criteria lint', () => {
  it('lists each criterion sentence (part) no phrasing reads, with its line and task', () => {
    const t = task(['Harden logging'], {
      key: '4.1',
      criteria: [
        { text: '`hc/settings.py` contains `LOGGING`', line: 10 },
        { text: 'Errors reach the admins by email', line: 11 },
        { text: '`app.py` < 300 lines, and it reads well', line: 12 },
      ],
    })
    const unchecked = task(['Tell the admins'], {
      key: '4.2',
      criteria: [{ text: 'Errors reach the admins by email', line: 20 }],
    })
    const plan = { tasks: [t, unchecked] } as unknown as Parameters<typeof criteriaWarnings>[0]
    const toolMap = readToolMap(join(repoRoot, 'resources'))
    expect(criteriaWarnings(plan, (each) => deriveTaskChecks(each, { toolMap }))).toEqual([
      // beside other criteria that became checks, an unread sentence keeps the task waiting too (partly-checkable)
      {
        code: 'partly-checkable',
        message: 'not checkable: Errors reach the admins by email',
        line: 11,
        taskKey: '4.1',
      },
      // the rest of a sentence whose first part is a check: the task waits for it
      { code: 'partly-checkable', message: 'not checkable: and it reads well', line: 12, taskKey: '4.1' },
      // nothing of the task's criteria was read: it needs confirmation anyway
      { code: 'not-checkable', message: 'not checkable: Errors reach the admins by email', line: 20, taskKey: '4.2' },
    ])
  })

  it('"Done when:" lines the reader left in the body are criteria too', () => {
    const t = task(['Add pydantic', 'Done when: `pydantic` is a dependency in `requirements.txt`.'])
    const { checks } = deriveTaskChecks(t, { toolMap })
    expect(checks.find((c) => c.kind === 'package')).toMatchObject({
      name: 'pydantic',
      role: 'criterion',
      sourceLine: 2,
      source: 'Done when: `pydantic` is a dependency in `requirements.txt`.',
    })
  })

  it('tool mentions are supporting, file modifications progress only', () => {
    const t = task(['Integrate Sentry for error tracking'], {
      files: [{ path: 'app/main.py', role: 'modify', line: 1, unsafe: false }],
    })
    const roles = deriveTaskChecks(t, { toolMap }).checks.map((c) => [c.kind, c.role])
    expect(roles).toEqual(
      expect.arrayContaining([
        ['dependency', 'supporting'],
        ['file-changed', 'progress'],
      ]),
    )
  })
})
