import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CheckSpecSchema, type CheckSpec } from '../../src/shared/check-model'
import { checkKey, deriveChecks, loadToolMap } from '../../src/main/evidence'
import { planLines, task, taskFromPlan } from './helpers/plan-tasks'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const toolMap = loadToolMap(JSON.parse(readFileSync(join(repoRoot, 'resources', 'tool-packages.json'), 'utf8')))
const plan000 = planLines('000_f36da2492d71ad53')
const plan001 = planLines('001_6f1b61519dbf6480')
const plan003 = planLines('003_270b09d1ecc628fb')
const derive = (t: Parameters<typeof deriveChecks>[0]) => deriveChecks(t, { toolMap })
const ofKind = <K extends CheckSpec['kind']>(checks: CheckSpec[], kind: K) =>
  checks.filter((c): c is Extract<CheckSpec, { kind: K }> => c.kind === kind)

describe('deriveChecks on the seed plans', () => {
  it('000 1.2: each file to create must exist, with the plan line it came from', () => {
    const t = taskFromPlan(plan000, /^#### 1\.2 /, '1.2')
    const checks = derive(t)
    expect(checks.map((c) => c.kind)).toEqual(['file-exists', 'file-exists'])
    for (const c of ofKind(checks, 'file-exists')) {
      expect(plan000[c.sourceLine! - 1]).toContain(c.path)
      expect(c.origin).toBe('derived')
      expect(CheckSpecSchema.parse(c)).toEqual(c)
    }
    expect(ofKind(checks, 'file-exists').map((c) => c.path)).toEqual([
      'services/ml-service/src/self_learning.py',
      'services/ml-service/src/roas_predictor.py',
    ])
  })

  it('000 1.4: "replace all `except: pass`" becomes a text-absent check; Sentry a dependency check', () => {
    const checks = derive(taskFromPlan(plan000, /^#### 1\.4 /, '1.4'))
    const [absent] = ofKind(checks, 'text-absent')
    expect(absent).toMatchObject({ needle: 'except: pass', scope: [] })
    expect(plan000[absent.sourceLine! - 1]).toContain('except: pass')
    const [sentry] = ofKind(checks, 'dependency')
    expect(sentry.python).toContain('sentry-sdk')
    expect(sentry.npm).toContain('@sentry/node')
    expect(ofKind(checks, 'file-changed').map((c) => c.path)).toContain('services/titan-core/orchestrator.py')
  })

  it('000 2.2: "install `opossum` or `brakes`" is one check satisfied by either package', () => {
    const deps = ofKind(derive(taskFromPlan(plan000, /^#### 2\.2 /, '2.2')), 'dependency')
    expect(deps).toHaveLength(1)
    expect(deps[0].npm).toEqual(['opossum', 'brakes'])
  })

  it('000 1.1: a file to modify that names an identifier must contain it', () => {
    const contains = ofKind(derive(taskFromPlan(plan000, /^#### 1\.1 /, '1.1')), 'file-contains')
    expect(contains.map((c) => [c.path, c.needles])).toEqual([
      ['frontend/src/main.tsx', ['AuthProvider']],
      ['frontend/src/App.tsx', ['ProtectedRoute']],
    ])
  })

  it('001 1: "`main.py` < 200 lines" resolves the bare name to the task file', () => {
    const [count] = ofKind(derive(taskFromPlan(plan001, /^### 1\. /, '1')), 'line-count')
    expect(count).toMatchObject({ path: 'server/main.py', op: '<', value: 200 })
  })

  it('001 2: the target JSON block gives JSON-value checks; the "current state" block gives none', () => {
    const json = ofKind(derive(taskFromPlan(plan001, /^### 2\. /, '2')), 'json-value')
    expect(json.find((c) => c.pointer.join('.') === 'compilerOptions.strict')).toMatchObject({
      path: 'tsconfig.app.json',
      expected: true,
      anyDepth: false,
    })
    expect(json.every((c) => c.expected === true)).toBe(true)
  })

  it('001 3: "< 20 markdown files in root" counts root markdown files', () => {
    const [count] = ofKind(derive(taskFromPlan(plan001, /^### 3\. /, '3')), 'file-count')
    expect(count).toMatchObject({ glob: '*.md', op: '<', value: 20 })
  })

  it('003 day 5: Jest, Playwright, a CI workflow and a coverage target', () => {
    const checks = derive(taskFromPlan(plan003, /^### Day 5/, 'day-5'))
    expect(ofKind(checks, 'dependency').map((c) => c.tool)).toEqual(expect.arrayContaining(['Jest', 'Playwright']))
    expect(ofKind(checks, 'path-match')[0].glob).toBe('.github/workflows/*.{yml,yaml}')
    expect(ofKind(checks, 'coverage')[0]).toMatchObject({ min: 60, metric: 'lines' })
  })

  it('a task whose text states nothing checkable gets no checks (needs confirmation, never guessed)', () => {
    expect(derive(taskFromPlan(plan000, /^#### 5\.3 /, '5.3'))).toEqual([])
  })
})

describe('deriveChecks patterns (own wording)', () => {
  it('scopes a text-absent check to the extension or path named', () => {
    const [ts] = ofKind(derive(task(['No `console.log` in `.ts` files'])), 'text-absent')
    expect(ts).toMatchObject({ needle: 'console.log', scope: ['**/*.ts'] })
    const [dir] = ofKind(derive(task(['Remove all `print(` calls from `server/routers/`'])), 'text-absent')
    expect(dir.scope).toEqual(['server/routers/**'])
  })

  it('never searches for a plain word from prose', () => {
    expect(derive(task(['Remove all `any` types', 'Zero `any` types in production code']))).toEqual([])
  })

  it('reads a JSON sentence as a value at any depth', () => {
    const [json] = ofKind(derive(task(['Set `"strict": true` in `tsconfig.app.json`'])), 'json-value')
    expect(json).toMatchObject({ path: 'tsconfig.app.json', pointer: ['strict'], expected: true, anyDepth: true })
  })

  it('derives nothing from unsafe plan paths', () => {
    const t = task(['Touch some files'], {
      files: [
        { path: '../../etc/passwd', role: 'create', line: 1, unsafe: true },
        { path: '--output=x', role: 'modify', line: 1, unsafe: false },
        { path: '/etc/hosts', role: 'remove', line: 1, unsafe: false },
      ],
    })
    expect(derive(t)).toEqual([])
  })

  it('separate tools joined by "+" are separate checks; a file to remove must be gone', () => {
    const t = task(['Setup Jest + ts-jest'], {
      files: [{ path: 'legacy/old.py', role: 'remove', line: 1, unsafe: false }],
    })
    const checks = derive(t)
    expect(ofKind(checks, 'dependency').map((c) => c.tool)).toEqual(['Jest', 'ts-jest'])
    expect(ofKind(checks, 'file-absent')[0].path).toBe('legacy/old.py')
  })
})

describe('checkKey and the tool map', () => {
  const base = { sourceLine: 3, origin: 'derived' as const, enabled: true }
  it('is stable across wording and origin, and changes with the parameters', () => {
    const a: CheckSpec = { kind: 'file-exists', path: 'a.py', sentence: 'one', ...base }
    const b: CheckSpec = {
      kind: 'file-exists',
      path: 'a.py',
      sentence: 'two',
      ...base,
      sourceLine: null,
      origin: 'user',
    }
    const c: CheckSpec = { kind: 'file-exists', path: 'b.py', sentence: 'one', ...base }
    expect(checkKey(a)).toBe(checkKey(b))
    expect(checkKey(a)).not.toBe(checkKey(c))
    expect(checkKey(a)).toMatch(/^file-exists:[0-9a-f]{16}$/)
  })

  it('rejects a malformed tool map with the failing field', () => {
    expect(() => loadToolMap({ version: 1, tools: [{ name: 'x', aliases: [] }] })).toThrow(/tools\.0\.aliases/)
    expect(() => loadToolMap({ tools: [] })).toThrow(/version/)
  })
})
