import { describe, expect, it } from 'vitest'
import { CHECK_FIELDS, CHECK_KINDS, changeKind, draftFromSpec, emptyDraft, specFromDraft } from '../../src/renderer/src/features/tasks/check-specs'
import type { CheckSpec } from '../../src/shared/check-model'

const derived = (spec: Record<string, unknown>) => ({ sentence: 'from the plan', sourceLine: 12, origin: 'derived', enabled: true, ...spec }) as CheckSpec

describe('the check editor form', () => {
  it('has a form for every kind the check schema knows', () => {
    for (const kind of CHECK_KINDS) expect(CHECK_FIELDS[kind].length, kind).toBeGreaterThan(0)
  })

  it('round-trips every kind through its fields, keeping the source line and origin', () => {
    const specs: CheckSpec[] = [
      derived({ kind: 'file-exists', path: 'src/a.ts' }),
      derived({ kind: 'file-contains', path: 'src/a.ts', needles: ['retry', 'backoff'] }),
      derived({ kind: 'text-absent', needle: 'console.log', scope: ['src/**'] }),
      derived({ kind: 'file-count', glob: 'tests/**/*.ts', op: '>=', value: 3 }),
      derived({ kind: 'line-count', path: 'src/server.ts', op: '<=', value: 300 }),
      derived({ kind: 'json-value', path: 'tsconfig.json', pointer: ['compilerOptions', 'strict'], expected: true, anyDepth: true }),
      derived({ kind: 'json-value', path: 'package.json', pointer: ['engines', 'node'], expected: '>=22', anyDepth: false }),
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
    expect(result.ok && result.spec).toMatchObject({ kind: 'json-value', pointer: ['limits', 'max'], expected: 25, origin: 'user', sentence: '`app.json` has limits.max = 25' })
  })

  it('says what is missing instead of saving a broken check', () => {
    expect(specFromDraft(emptyDraft('file-exists'), null)).toEqual({ ok: false, error: 'Enter path.' })
    const count = changeKind({ kind: 'file-exists', values: { path: 'x' } }, 'line-count')
    expect(count.values.path).toBe('x')
    expect(specFromDraft({ ...count, values: { ...count.values, value: 'many' } }, null)).toEqual({ ok: false, error: 'Lines must be a number.' })
  })
})
