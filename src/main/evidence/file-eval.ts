import { XMLParser } from 'fast-xml-parser'
import type { JsonScalar, ValueOp } from '../../shared/check-model'
import { shortHash, stableStringify } from './check-key'
import { jsonValueAt, parseJsonLoose } from './json-loose'
import { declaredPackages, packageIdentity, packageNamed, versionWithin, type ManifestKind } from './manifests'
import { compareValue, describeValue, parseStructured, structuredFormat } from './values'

/**
 * What one file version says for one kind of question. Findings depend only on the blob content, so one
 * finding per (evaluator key, blob id) is shared by every check asking the same thing within a sync.
 */
export interface FileFinding {
  /** matching lines / needles found / line total / packages found / percent, depending on the evaluator */
  count: number
  /** 1-based line numbers of matches (capped) */
  lines: number[]
  note?: string
  /** true when the evaluator's condition holds for this file */
  ok?: boolean
  skipped?: 'binary' | 'too-large' | 'symlink' | 'submodule' | 'missing'
}

/** a blob's bytes, decoded to text at most once whatever the number of questions asked of it */
export class BlobText {
  private decoded: string | null = null
  constructor(readonly bytes: Buffer) {}
  get text(): string {
    this.decoded ??= this.bytes.toString('utf8')
    return this.decoded
  }
}

export interface FileEvaluator {
  /** stable key of the question (kind + params) */
  key: string
  evaluate(content: BlobText): FileFinding
  /** asks about a symbolic link's target (its blob), never about a regular file's content */
  readsLinks?: boolean
}

/** what a link-target question finds in a path that is a regular file */
export const NOT_A_LINK: FileFinding = { count: 0, lines: [], ok: false, note: 'not a symbolic link' }

export const MAX_EVIDENCE_LINES = 50

export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0)
}

function evaluatorKey(kind: string, params: unknown): string {
  return `${kind}:${shortHash(stableStringify(params))}`
}

/** 1-based line numbers of the lines containing `needle` (capped), and how many there are */
function linesContaining(text: string, needle: string, atLineStart = false): { count: number; lines: number[] } {
  const lines: number[] = []
  let count = 0
  let lineNo = 1
  let lineStart = 0
  let from = 0
  for (;;) {
    const at = text.indexOf(needle, from)
    if (at < 0) break
    while (true) {
      const nl = text.indexOf('\n', lineStart)
      if (nl < 0 || nl >= at) break
      lineStart = nl + 1
      lineNo++
    }
    const lineEnd = text.indexOf('\n', at)
    const next = lineEnd < 0 ? text.length : lineEnd + 1
    if (!atLineStart || text.slice(lineStart, at).trim() === '') {
      count++
      if (lines.length < MAX_EVIDENCE_LINES) lines.push(lineNo)
    }
    from = next
  }
  return { count, lines }
}

/** lines containing a fixed string (no regex: the string comes from plan text); the bytes are searched before decoding */
export function textCountEvaluator(needle: string): FileEvaluator {
  const bytes = Buffer.from(needle, 'utf8')
  return {
    key: evaluatorKey('text', { needle }),
    evaluate(content) {
      if (content.bytes.indexOf(bytes) < 0) return { count: 0, lines: [] }
      return linesContaining(content.text, needle)
    },
  }
}

const PINS: Record<'commit-sha' | 'digest', RegExp> = {
  'commit-sha': /@[0-9a-f]{40}(?![0-9a-f])/,
  digest: /@sha256:[0-9a-f]{64}(?![0-9a-f])/,
}

export interface LineRule {
  /** the lines asked about: those beginning with it (after indentation and a list dash) or containing it */
  select: string
  lineStart: boolean
  /** each selected line must contain it */
  needle: string | null
  pin: 'commit-sha' | 'digest' | null
}

/**
 * Every selected line meets the rule: count = selected lines, lines = the ones that fail (capped), ok = none fails.
 * A file with no selected line says nothing (count 0). Comments (`# …`, `// …`) are not part of a line's claim.
 */
export function everyLineEvaluator(rule: LineRule): FileEvaluator {
  const select = Buffer.from(rule.select, 'utf8')
  return {
    key: evaluatorKey('every-line', rule),
    evaluate(content) {
      if (content.bytes.indexOf(select) < 0) return { count: 0, lines: [], ok: true }
      let selected = 0
      let failing = 0
      const lines: number[] = []
      content.text.split('\n').forEach((raw, i) => {
        // a comment names a thing without using it ("# for actions/checkout"), and pins nothing
        const line = raw.replace(/(?:^|\s)(?:#|\/\/).*$/, '')
        const chosen = rule.lineStart
          ? line.replace(/^\s*(?:-\s+)?/, '').startsWith(rule.select)
          : line.includes(rule.select)
        if (!chosen) return
        selected++
        const meets = (!rule.needle || line.includes(rule.needle)) && (!rule.pin || PINS[rule.pin].test(line))
        if (meets) return
        failing++
        if (lines.length < MAX_EVIDENCE_LINES) lines.push(i + 1)
      })
      const note = failing
        ? `${failing} of ${selected} line(s) with \`${rule.select}\` do not meet the claim`
        : undefined
      return { count: selected, lines, ok: failing === 0, note }
    },
  }
}

/** a mapping's value under `key` at any depth, as YAML wrote it (failsafe: scalars are strings) */
function settingsAt(node: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) settingsAt(item, key, out)
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === key && typeof v === 'string') out.push(v)
      settingsAt(v, key, out)
    }
  return out
}

/** every item of every `steps:` list in a YAML document */
function yamlSteps(node: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) for (const item of node) yamlSteps(item, out)
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'steps' && Array.isArray(v))
        out.push(...v.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object' && !Array.isArray(s)))
      yamlSteps(v, out)
    }
  return out
}

/**
 * Every YAML step (an item of a `steps:` list) whose own values hold `select` sets `key` to `value` somewhere inside
 * it: count = such steps, ok = each does. A file that is not YAML fails; one without such a step says nothing.
 */
export function everyStepEvaluator(select: string, key: string, value: string): FileEvaluator {
  return {
    key: evaluatorKey('every-step', { select, key, value }),
    evaluate(content) {
      if (!content.text.includes(select)) return { count: 0, lines: [], ok: true }
      const doc = parseStructured('yaml', content.text)
      // a file that names the step but does not parse: a step the claim cannot be checked on
      if (doc === undefined) return { count: 1, lines: [], ok: false, note: 'not valid YAML' }
      const chosen = yamlSteps(doc).filter((step) =>
        Object.values(step).some((v) => typeof v === 'string' && v.includes(select)),
      )
      const failing = chosen.filter((step) => !settingsAt(step, key).some((v) => v.trim() === value))
      const note = failing.length
        ? `${failing.length} of ${chosen.length} step(s) do not set \`${key}: ${value}\``
        : undefined
      return { count: chosen.length, lines: [], ok: failing.length === 0, note }
    },
  }
}

/**
 * every needle present (`line-start`: at the start of a line, after indentation; `link-target`: the content, a
 * symbolic link's blob, is the needle)
 */
export function containsAllEvaluator(
  needles: string[],
  mode: 'substring' | 'line-start' | 'link-target' = 'substring',
): FileEvaluator {
  return {
    key: evaluatorKey('contains', mode === 'substring' ? { needles } : { needles, mode }),
    ...(mode === 'link-target' ? { readsLinks: true } : {}),
    evaluate(content) {
      const found: number[] = []
      const missing: string[] = []
      for (const needle of needles) {
        const hit =
          mode === 'link-target'
            ? content.text.replace(/\/+$/, '') === needle.replace(/\/+$/, '')
              ? { count: 1, lines: [1] }
              : null
            : content.bytes.indexOf(Buffer.from(needle, 'utf8')) < 0
              ? null
              : linesContaining(content.text, needle, mode === 'line-start')
        if (hit && hit.count > 0) found.push(hit.lines[0])
        else missing.push(needle)
      }
      const note = missing.length ? `missing ${missing.map((m) => `\`${m}\``).join(', ')}` : undefined
      return { count: needles.length - missing.length, lines: found, ok: missing.length === 0, note }
    },
  }
}

/** none of the needles present */
export function lacksAllEvaluator(needles: string[]): FileEvaluator {
  return {
    key: evaluatorKey('lacks', { needles }),
    evaluate(content) {
      const lines: number[] = []
      const present: string[] = []
      for (const needle of needles) {
        if (content.bytes.indexOf(Buffer.from(needle, 'utf8')) < 0) continue
        present.push(needle)
        lines.push(...linesContaining(content.text, needle).lines)
      }
      const note = present.length ? `still has ${present.map((p) => `\`${p}\``).join(', ')}` : undefined
      return { count: present.length, lines: lines.slice(0, MAX_EVIDENCE_LINES), ok: present.length === 0, note }
    },
  }
}

/** number of newline characters, as `wc -l` counts them */
export function lineCountEvaluator(): FileEvaluator {
  return {
    key: 'lines',
    evaluate(content) {
      let count = 0
      for (let at = content.bytes.indexOf(10); at >= 0; at = content.bytes.indexOf(10, at + 1)) count++
      return { count, lines: [], note: `${count} lines` }
    },
  }
}

function lineOfKey(text: string, key: string): number[] {
  const index = text.split('\n').findIndex((l) => l.includes(key))
  return index >= 0 ? [index + 1] : []
}

/** legacy json-value checks: exact scalar at a key path */
export function jsonValueEvaluator(pointer: string[], expected: JsonScalar, anyDepth: boolean): FileEvaluator {
  return {
    key: evaluatorKey('json', { pointer, expected, anyDepth }),
    evaluate(content) {
      const root = parseJsonLoose(content.text)
      if (root === undefined) return { count: 0, lines: [], ok: false, note: 'not valid JSON' }
      const { found, value } = jsonValueAt(root, pointer, anyDepth)
      const ok = found && value === expected
      const note = found ? `${pointer.join('.')} is ${JSON.stringify(value)}` : `${pointer.join('.')} not set`
      return {
        count: ok ? 1 : 0,
        lines: found ? lineOfKey(content.text, `"${pointer[pointer.length - 1]}"`) : [],
        ok,
        note,
      }
    },
  }
}

/** a value in a structured file (JSON/TOML/YAML by the file's extension) compared with the expected values */
export function valueEvaluator(
  path: string,
  pointer: string[],
  op: ValueOp,
  expected: JsonScalar[],
  anyDepth: boolean,
  each = false,
): FileEvaluator {
  const format = structuredFormat(path)
  const holds = (value: unknown) => {
    if (!each) return compareValue(value, op, expected)
    const entries = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []
    return entries.length > 0 && entries.every((entry) => compareValue(entry, op, expected))
  }
  return {
    key: evaluatorKey('value', { format, pointer, op, expected, anyDepth, ...(each ? { each } : {}) }),
    evaluate(content) {
      if (!format) return { count: 0, lines: [], ok: false, note: 'not a JSON, TOML or YAML file' }
      const root = parseStructured(format, content.text)
      if (root === undefined) return { count: 0, lines: [], ok: false, note: `not valid ${format.toUpperCase()}` }
      const { found, value } = jsonValueAt(root, pointer, anyDepth)
      if (!found) return { count: 0, lines: [], ok: false, note: `${pointer.join('.')} not set` }
      const ok = holds(value)
      return {
        count: ok ? 1 : 0,
        lines: lineOfKey(content.text, pointer[pointer.length - 1]),
        ok,
        note: `${pointer.join('.')} is ${describeValue(value)}`,
      }
    },
  }
}

export interface PackageQuestion {
  names: string[]
  section: 'any' | 'runtime' | 'dev'
  range: string | null
  /** only direct requirements (not go.mod's `// indirect` lines) */
  direct?: boolean
}

/** packages declared in one manifest: ok when at least one of `names` is declared in the section (and in range) */
export function packageEvaluator(kind: ManifestKind, path: string, question: PackageQuestion): FileEvaluator {
  const wanted = new Set(question.names.map((n) => packageIdentity(kind, n)))
  const devFile = kind === 'requirements' && /(dev|test|lint|doc|typ)/i.test(path.slice(path.lastIndexOf('/') + 1))
  return {
    key: evaluatorKey('package', {
      kind,
      devFile,
      names: [...wanted].sort(),
      section: question.section,
      range: question.range,
      ...(question.direct ? { direct: true } : {}),
    }),
    evaluate(content) {
      let declared
      try {
        declared = declaredPackages(kind, content.text, path)
      } catch {
        return { count: 0, lines: [], ok: false, note: `${path.slice(path.lastIndexOf('/') + 1)} does not parse` }
      }
      const named = declared.filter(
        (d) => question.names.some((n) => packageNamed(kind, n, d.name)) && !(question.direct && d.indirect),
      )
      const inSection = named.filter((d) => question.section === 'any' || d.section === question.section)
      const hits = question.range ? inSection.filter((d) => versionWithin(kind, d.spec, question.range!)) : inSection
      const shown = (hits.length ? hits : named).map(
        (d) =>
          `${d.name}${d.spec ? ` ${d.spec}` : ''}${d.section === 'dev' ? ' (dev)' : ''}${d.indirect ? ' (indirect)' : ''}`,
      )
      return {
        count: hits.length,
        lines: [...new Set((hits.length ? hits : named).map((d) => d.line).filter((l) => l > 0))],
        ok: hits.length > 0,
        note: shown.length ? shown.join(', ') : undefined,
      }
    },
  }
}

export function isCoverageSummary(path: string): boolean {
  return /(^|\/)(coverage-summary\.json|coverage\.xml|cobertura[\w.-]*\.xml)$/.test(path)
}

/** percent from an istanbul json-summary or a cobertura xml report */
export function coverageEvaluator(
  metric: 'lines' | 'statements' | 'branches' | 'functions',
  min: number,
): FileEvaluator {
  return {
    key: evaluatorKey('coverage', { metric, min }),
    evaluate(content) {
      const text = content.text
      let pct: number | null
      if (text.trimStart().startsWith('{')) {
        const doc = parseJsonLoose(text) as { total?: Record<string, { pct?: unknown }> } | undefined
        const value = doc?.total?.[metric]?.pct
        pct = typeof value === 'number' ? value : null
      } else {
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as {
          coverage?: Record<string, string>
        }
        const attr = metric === 'branches' ? 'branch-rate' : metric === 'functions' ? null : 'line-rate'
        const rate = attr ? Number(doc.coverage?.[attr]) : NaN
        pct = Number.isFinite(rate) ? Math.round(rate * 10000) / 100 : null
      }
      if (pct === null) return { count: 0, lines: [], ok: false, note: `no ${metric} figure in the summary` }
      return { count: pct, lines: [], ok: pct >= min, note: `${pct}% ${metric}` }
    },
  }
}

/** findings for non-text files: what we did not read and why */
export function skippedFinding(reason: NonNullable<FileFinding['skipped']>): FileFinding {
  return { count: 0, lines: [], ok: false, skipped: reason, note: `not read: ${reason}` }
}
