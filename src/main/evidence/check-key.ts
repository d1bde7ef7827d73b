import { createHash } from 'node:crypto'
import type { CheckSpec } from '../../shared/check-model'

const PRESENTATION_FIELDS = new Set(['sentence', 'sourceLine', 'origin', 'enabled', 'role', 'source'])
/** optional parameters at their default value: a spec written with or without them is the same check */
const DEFAULT_PARAMS: Record<string, unknown> = { mode: 'substring', exclude: [], section: 'any', range: null }
const isDefault = (key: string, value: unknown) =>
  key in DEFAULT_PARAMS && stableStringify(value) === stableStringify(DEFAULT_PARAMS[key])

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** the parameters that decide what a check verifies (not how it is worded or where it came from) */
export function checkParams(spec: CheckSpec): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(spec).filter(([k, v]) => !PRESENTATION_FIELDS.has(k) && v !== undefined && !isDefault(k, v)),
  )
}

/** stable id from kind + params: the same check derived again (re-import) gets the same key */
export function checkKey(spec: CheckSpec): string {
  const hash = createHash('sha1')
    .update(stableStringify(checkParams(spec)))
    .digest('hex')
    .slice(0, 16)
  return `${spec.kind}:${hash}`
}

export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16)
}

export { stableStringify }
