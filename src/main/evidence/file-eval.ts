import { XMLParser } from 'fast-xml-parser'
import { parse as parseToml } from 'smol-toml'
import type { JsonScalar } from '../../shared/check-model'
import { shortHash, stableStringify } from './check-key'
import { jsonValueAt, parseJsonLoose } from './json-loose'

/**
 * What one file version says for one kind of question. Findings depend only on the blob content,
 * so they are cached per (evaluator key, blob id) and shared by every check asking the same thing.
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

export interface FileEvaluator {
  /** stable cache key of the question (kind + params) */
  key: string
  evaluate(text: string): FileFinding
}

export const MAX_EVIDENCE_LINES = 50

export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0)
}

function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

function evaluatorKey(kind: string, params: unknown): string {
  return `${kind}:${shortHash(stableStringify(params))}`
}

/** lines containing a fixed string (no regex: the string comes from plan text) */
export function textCountEvaluator(needle: string): FileEvaluator {
  return {
    key: evaluatorKey('text', { needle }),
    evaluate(text) {
      if (!text.includes(needle)) return { count: 0, lines: [] }
      const lines: number[] = []
      let count = 0
      splitLines(text).forEach((line, index) => {
        if (!line.includes(needle)) return
        count++
        if (lines.length < MAX_EVIDENCE_LINES) lines.push(index + 1)
      })
      return { count, lines }
    },
  }
}

export function containsAllEvaluator(needles: string[]): FileEvaluator {
  return {
    key: evaluatorKey('contains', { needles }),
    evaluate(text) {
      const lines = splitLines(text)
      const found: number[] = []
      const missing: string[] = []
      for (const needle of needles) {
        const index = lines.findIndex((l) => l.includes(needle))
        if (index >= 0) found.push(index + 1)
        else missing.push(needle)
      }
      const note = missing.length ? `missing ${missing.join(', ')}` : undefined
      return { count: needles.length - missing.length, lines: found, ok: missing.length === 0, note }
    },
  }
}

export function lineCountEvaluator(): FileEvaluator {
  return {
    key: 'lines',
    evaluate(text) {
      const count = splitLines(text).length
      return { count, lines: [], note: `${count} lines` }
    },
  }
}

function lineOfKey(text: string, key: string): number[] {
  const index = splitLines(text).findIndex((l) => l.includes(`"${key}"`))
  return index >= 0 ? [index + 1] : []
}

export function jsonValueEvaluator(pointer: string[], expected: JsonScalar, anyDepth: boolean): FileEvaluator {
  return {
    key: evaluatorKey('json', { pointer, expected, anyDepth }),
    evaluate(text) {
      const root = parseJsonLoose(text)
      if (root === undefined) return { count: 0, lines: [], ok: false, note: 'not valid JSON' }
      const { found, value } = jsonValueAt(root, pointer, anyDepth)
      const ok = found && value === expected
      const note = found ? `${pointer.join('.')} is ${JSON.stringify(value)}` : `${pointer.join('.')} not set`
      return { count: ok ? 1 : 0, lines: found ? lineOfKey(text, pointer[pointer.length - 1]) : [], ok, note }
    },
  }
}

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']

function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

function pythonRequirementName(spec: string): string | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)
  return m ? normalizePythonName(m[1]) : null
}

function pyprojectRequirements(doc: Record<string, unknown>): string[] {
  const names: string[] = []
  const project = (doc.project ?? {}) as Record<string, unknown>
  const add = (list: unknown) => Array.isArray(list) && list.forEach((s) => typeof s === 'string' && names.push(s))
  add(project.dependencies)
  for (const group of Object.values((project['optional-dependencies'] ?? {}) as Record<string, unknown>)) add(group)
  for (const group of Object.values((doc['dependency-groups'] ?? {}) as Record<string, unknown>)) add(group)
  const poetry = ((doc.tool ?? {}) as Record<string, unknown>).poetry as Record<string, unknown> | undefined
  if (poetry) {
    const sections = [poetry.dependencies, poetry['dev-dependencies'], ...Object.values((poetry.group ?? {}) as Record<string, { dependencies?: unknown }>).map((g) => g?.dependencies)]
    for (const section of sections) if (section && typeof section === 'object') names.push(...Object.keys(section))
  }
  return names
}

export type ManifestKind = 'npm' | 'requirements' | 'pyproject'

export function manifestKind(path: string): ManifestKind | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (name === 'package.json') return 'npm'
  if (/^requirements.*\.(txt|in)$/i.test(name)) return 'requirements'
  if (name === 'pyproject.toml') return 'pyproject'
  return null
}

/** packages declared in one manifest (package.json / requirements*.txt / pyproject.toml) */
export function dependencyEvaluator(kind: ManifestKind, packages: string[]): FileEvaluator {
  return {
    key: evaluatorKey('deps', { kind, packages }),
    evaluate(text) {
      const lines = splitLines(text)
      let declared: Map<string, string> = new Map()
      if (kind === 'npm') {
        const doc = parseJsonLoose(text) as Record<string, Record<string, string>> | undefined
        for (const section of NPM_SECTIONS) for (const [name, version] of Object.entries(doc?.[section] ?? {})) declared.set(name, String(version))
      } else if (kind === 'requirements') {
        for (const line of lines) {
          const name = pythonRequirementName(line.replace(/#.*/, ''))
          if (name && !line.trim().startsWith('-')) declared.set(name, line.trim())
        }
      } else {
        try {
          declared = new Map(pyprojectRequirements(parseToml(text) as Record<string, unknown>).map((s) => [pythonRequirementName(s) ?? s, s]))
        } catch {
          return { count: 0, lines: [], ok: false, note: 'pyproject.toml is not valid TOML' }
        }
      }
      const wanted = [...new Set(kind === 'npm' ? packages : packages.map(normalizePythonName))]
      const hits = wanted.filter((p) => declared.has(p))
      const hitLines = hits
        .map((p) => lines.findIndex((l) => (kind === 'npm' ? l.includes(`"${p}"`) : normalizePythonName(l).includes(p))) + 1)
        .filter((n, i, all) => n > 0 && all.indexOf(n) === i)
      const note = hits.map((p) => `${p} ${declared.get(p) ?? ''}`.trim()).join(', ') || undefined
      return { count: hits.length, lines: hitLines, ok: hits.length > 0, note }
    },
  }
}

export function isCoverageSummary(path: string): boolean {
  return /(^|\/)(coverage-summary\.json|coverage\.xml|cobertura[\w.-]*\.xml)$/.test(path)
}

/** percent from an istanbul json-summary or a cobertura xml report */
export function coverageEvaluator(metric: 'lines' | 'statements' | 'branches' | 'functions', min: number): FileEvaluator {
  return {
    key: evaluatorKey('coverage', { metric, min }),
    evaluate(text) {
      let pct: number | null = null
      if (text.trimStart().startsWith('{')) {
        const doc = parseJsonLoose(text) as { total?: Record<string, { pct?: unknown }> } | undefined
        const value = doc?.total?.[metric]?.pct
        pct = typeof value === 'number' ? value : null
      } else {
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as { coverage?: Record<string, string> }
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
