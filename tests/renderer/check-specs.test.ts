import { describe, expect, it } from 'vitest'
import {
  CHECK_FIELDS,
  CHECK_KINDS,
  changeKind,
  draftFromSpec,
  emptyDraft,
  specFromDraft,
} from '../../src/renderer/src/features/tasks/check-specs'
import type { CheckSpec } from '../../src/shared/check-model'

const derived = (spec: Record<string, unknown>) =>
  ({ sentence: 'from the plan', sourceLine: 12, origin: 'derived', enabled: true, ...spec }) as CheckSpec

describe('the check editor form', () => {
  it('has a form for every kind the check schema knows', () => {
    for (const kind of CHECK_KINDS) expect(CHECK_FIELDS[kind].length, kind).toBeGreaterThan(0)
  })

  it('round-trips every kind through its fields, keeping the source line and origin', () => {
    const specs: CheckSpec[] = [
      derived({ kind: 'file-exists', path: 'src/a.ts' }),
      derived({ kind: 'file-contains', path: 'src/a.ts', needles: ['retry', 'backoff'] }),
      derived({ kind: 'text-absent', needle: 'console.log', scope: ['src/**'], exclude: [] }),
      derived({ kind: 'file-lacks', path: 'docker/Dockerfile', needles: ['apt update'] }),
      derived({ kind: 'text-present', needle: 'AuditMiddleware', scope: ['app/**'], exclude: ['app/tests/**'] }),
      derived({
        kind: 'text-every',
        scope: ['Dockerfile'],
        exclude: [],
        lines: 'FROM',
        lineStart: true,
        pin: 'digest',
      }),
      derived({ kind: 'text-every', scope: ['.github/workflows/*.yml'], exclude: [], needle: 'permissions:' }),
      derived({
        kind: 'package',
        name: 'x/y',
        present: false,
        manifest: 'go.mod',
        section: 'any',
        range: null,
        direct: true,
      }),
      derived({
        kind: 'package',
        name: 'django',
        present: false,
        manifest: 'requirements.txt',
        section: 'runtime',
        range: null,
      }),
      derived({
        kind: 'value',
        path: 'ci.yml',
        pointer: ['python-version'],
        op: 'excludes',
        expected: ['3.8', '3.9'],
        anyDepth: true,
      }),
      derived({ kind: 'file-count', glob: 'tests/**/*.ts', op: '>=', value: 3 }),
      derived({ kind: 'line-count', path: 'src/server.ts', op: '<=', value: 300 }),
      derived({
        kind: 'json-value',
        path: 'tsconfig.json',
        pointer: ['compilerOptions', 'strict'],
        expected: true,
        anyDepth: true,
      }),
      derived({
        kind: 'json-value',
        path: 'package.json',
        pointer: ['engines', 'node'],
        expected: '>=22',
        anyDepth: false,
      }),
      derived({ kind: 'dependency', tool: 'Sentry', npm: ['@sentry/node'], python: [], files: [] }),
      derived({ kind: 'coverage', metric: 'branches', min: 80 }),
    ]
    for (const spec of specs) {
      const result = specFromDraft(draftFromSpec(spec), spec)
      expect(result.ok, spec.kind).toBe(true)
      if (!result.ok) continue
      const { sentence, ...rest } = result.spec
      const { sentence: _old, ...expected } = spec
      expect(rest, spec.kind).toEqual(expected)
      expect(sentence.length).toBeGreaterThan(0)
    }
  })

  it('types what is typed: numbers, true/false, and text for a JSON value', () => {
    const draft = emptyDraft('json-value')
    draft.values = { path: 'app.json', pointer: 'limits\nmax', expected: '25', anyDepth: false }
    const result = specFromDraft(draft, null)
    expect(result.ok && result.spec).toMatchObject({
      kind: 'json-value',
      pointer: ['limits', 'max'],
      expected: 25,
      origin: 'user',
      sentence: '`app.json` has limits.max = 25',
    })
  })

  it('says what is missing instead of saving a broken check', () => {
    expect(specFromDraft(emptyDraft('file-exists'), null)).toEqual({ ok: false, error: 'Enter path.' })
    const count = changeKind({ kind: 'file-exists', values: { path: 'x' } }, 'line-count')
    expect(count.values.path).toBe('x')
    expect(specFromDraft({ ...count, values: { ...count.values, value: 'many' } }, null)).toEqual({
      ok: false,
      error: 'Lines must be a number.',
    })
  })
})

describe('the check kinds of the criteria language have forms too', () => {
  it('a package check: declared by default, empty fields mean any manifest / section and no range', () => {
    const draft = emptyDraft('package')
    draft.values.name = 'pydantic'
    const made = specFromDraft(draft, null)
    expect(made).toMatchObject({
      ok: true,
      spec: { kind: 'package', name: 'pydantic', present: true, manifest: null, section: 'any', range: null },
    })
  })

  it('a value check types its values; an edited derived check keeps its role and plan sentence', () => {
    const previous = {
      kind: 'file-exists',
      path: 'a.yml',
      sentence: 'x',
      sourceLine: 4,
      origin: 'derived',
      enabled: true,
      role: 'criterion',
      source: '`a.yml` exists',
    } as const
    const draft = emptyDraft('value')
    Object.assign(draft.values, { path: 'ci.yml', pointer: 'jobs\ntest', op: 'includes', expected: '3.12\ntrue' })
    const made = specFromDraft(draft, previous)
    expect(made).toMatchObject({
      ok: true,
      spec: {
        kind: 'value',
        pointer: ['jobs', 'test'],
        op: 'includes',
        expected: ['3.12', true],
        role: 'criterion',
        source: '`a.yml` exists',
        sourceLine: 4,
      },
    })
    expect(draftFromSpec((made as { spec: Parameters<typeof draftFromSpec>[0] }).spec).values.expected).toBe(
      '3.12\ntrue',
    )
  })
})
