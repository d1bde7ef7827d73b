import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJsonLoose } from '../../src/main/evidence/json-loose'

describe('parseJsonLoose', () => {
  it('drops trailing commas without editing strings that contain ", ]" or ", }"', () => {
    expect(parseJsonLoose('{"o": {"a": "x, ]"}, }')).toEqual({ o: { a: 'x, ]' } })
    expect(parseJsonLoose('[{"a": "y, }"}, ]')).toEqual([{ a: 'y, }' }])
  })

  it('reads comments, and leaves comment markers inside strings alone', () => {
    const text = '{\n  // the compiler\n  "compilerOptions": { /* strict */ "strict": true, "url": "http://x//y", },\n}'
    expect(parseJsonLoose(text)).toEqual({ compilerOptions: { strict: true, url: 'http://x//y' } })
  })

  it('gives undefined for text that is not JSON even with comments and trailing commas', () => {
    for (const text of ['', '{"a": 1', '{"a": "x, ]"}, }', '[1,,]', '1 2', '{"a": "\\q"}', '{a: 1}'])
      expect(parseJsonLoose(text)).toBeUndefined()
  })

  it('builds what JSON.parse builds, "__proto__" keys included', () => {
    const text = '{"__proto__": {"polluted": true}, "a": [1, {"b": null}]}'
    const parsed = parseJsonLoose(text) as Record<string, unknown>
    expect(parsed).toEqual(JSON.parse(text))
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a'])
  })

  it('agrees with JSON.parse on any strict JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJsonLoose(text)).toEqual(JSON.parse(text))
      }),
      { numRuns: 500 },
    )
  })
})
