import { satisfies as pep440Satisfies, validRange as pep440ValidRange } from '@renovatebot/pep440'
import semver from 'semver'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import type { JsonScalar, ValueOp } from '../../shared/check-model'
import { parseJsonLoose } from './json-loose'

/** Structured files (JSON/JSONC, TOML, YAML) read as data, and the value comparisons of a `value` check. */

export type StructuredFormat = 'json' | 'toml' | 'yaml' | 'gomod' | 'dotenv' | 'rc'

export function structuredFormat(path: string): StructuredFormat | null {
  if (/\.(json|jsonc|json5)$/i.test(path)) return 'json'
  if (/\.toml$/i.test(path)) return 'toml'
  if (/\.ya?ml$/i.test(path)) return 'yaml'
  if (/(^|\/)go\.mod$/.test(path)) return 'gomod'
  if (/(^|\/)\.env(\.[\w.-]+)?$|\.env$/i.test(path)) return 'dotenv'
  // a tool's config dotfile without an extension (`.yamllint`, `.eslintrc`, `.prettierrc`): JSON or YAML by its content
  if (/(^|\/)\.[\w-]+$/.test(path)) return 'rc'
  return null
}

/**
 * A dotenv file (`.env`, `.env.example`, `prod.env`) as data: `KEY=value` and `export KEY=value` lines, quotes off,
 * an unquoted value's ` # comment` off. A commented-out line (`# KEY=value`) sets nothing.
 */
function parseDotenv(text: string): Record<string, string> {
  const doc: Record<string, string> = {}
  for (const raw of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*$/.exec(raw)
    if (!m) continue
    const value = m[2]
    const quoted = /^(["'])(.*?)\1(?:\s+#.*)?$/.exec(value)
    doc[m[1]] = quoted ? quoted[2] : value.replace(/\s+#.*$/, '')
  }
  return doc
}

/**
 * go.mod as data: its directives (`module`, `go`, `toolchain`, `godebug`) as keys, `require` / `replace` / `exclude`
 * as mappings of module path to version (one line or a block), so "`go` in `go.mod` is `1.22` or later" is a value.
 */
function parseGoMod(text: string): Record<string, unknown> {
  const doc: Record<string, unknown> = {}
  const lists: Record<string, Record<string, string>> = { require: {}, replace: {}, exclude: {}, retract: {} }
  let block: string | null = null
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (!line) continue
    if (block) {
      if (line === ')') block = null
      else if (lists[block]) addEntry(lists[block], line)
      continue
    }
    const m = /^(\w+)\s*(.*)$/.exec(line)
    if (!m) continue
    const [, directive, rest] = m
    if (rest === '(') block = directive
    else if (lists[directive]) addEntry(lists[directive], rest)
    else doc[directive] = rest.replace(/^"(.*)"$/, '$1')
  }
  for (const [name, entries] of Object.entries(lists)) if (Object.keys(entries).length) doc[name] = entries
  return doc
}

function addEntry(into: Record<string, string>, entry: string): void {
  const [path, ...rest] = entry.split(/\s+/)
  if (path) into[path] = rest.join(' ')
}

/** the parsed document, or undefined when it does not parse; YAML scalars stay as written ("3.10" is not 3.1) */
export function parseStructured(format: StructuredFormat, text: string): unknown {
  try {
    if (format === 'json') return parseJsonLoose(text)
    if (format === 'toml') return parseToml(text)
    if (format === 'gomod') return parseGoMod(text)
    if (format === 'dotenv') return parseDotenv(text)
    if (format === 'rc' && /^\s*[{[]/.test(text)) return parseJsonLoose(text)
    return parseYaml(text, { schema: 'failsafe', uniqueKeys: false })
  } catch {
    return undefined
  }
}

const same = (a: unknown, b: JsonScalar) => a !== null && typeof a !== 'object' && String(a) === String(b)
/** the members a list claim is about: a list's items, a mapping's keys ("the `jobs` mapping contains neither `x`"), a scalar itself */
const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.keys(value) : [value]

function versionOf(text: string): string | null {
  return semver.coerce(text)?.version ?? null
}

/** a version range (semver, else PEP 440) accepts some version of the given release line ("18", "3.12") */
function rangeAccepts(range: string, version: string): boolean {
  if (semver.validRange(range)) {
    const line = /^\d+$/.test(version) ? `${version}.x` : /^\d+\.\d+$/.test(version) ? `${version}.x` : version
    return semver.validRange(line) ? semver.intersects(range, line) : false
  }
  return pep440ValidRange(range) ? pep440Satisfies(version, range) : false
}

function versionSatisfies(value: string, range: string): boolean {
  if (pep440ValidRange(range) && /[=<>~!]=?|,/.test(range) && !semver.validRange(range))
    return pep440Satisfies(value.replace(/^[v=]/, ''), range)
  const version = versionOf(value)
  return version !== null && semver.validRange(range) !== null && semver.satisfies(version, range)
}

/** whether `actual` (the value found at the key) compares with every expected value as the op says */
export function compareValue(actual: unknown, op: ValueOp, expected: JsonScalar[]): boolean {
  switch (op) {
    case 'equals':
      return expected.some((e) => same(actual, e))
    case 'begins-with':
      return (
        typeof actual !== 'object' && actual !== null && expected.every((e) => String(actual).startsWith(String(e)))
      )
    case 'contains':
      return Array.isArray(actual)
        ? expected.every((e) => actual.some((a) => same(a, e)))
        : typeof actual === 'string' && expected.every((e) => actual.includes(String(e)))
    case 'includes':
      return expected.every((e) => asList(actual).some((a) => same(a, e)))
    case 'excludes':
      return expected.every((e) => !asList(actual).some((a) => same(a, e)))
    case 'accepts':
      return typeof actual === 'string' && expected.every((e) => rangeAccepts(actual, String(e)))
    case 'satisfies':
      return (
        actual !== null &&
        typeof actual !== 'object' &&
        expected.every((e) => versionSatisfies(String(actual), String(e)))
      )
  }
}

export function describeValue(value: unknown): string {
  const text = JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text
}
