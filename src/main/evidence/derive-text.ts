import type { CheckSpec, Comparison } from '../../shared/check-model'
import { findTools, type ToolMap } from './tool-map'
import { isSafePlanPath, normalizePlanPath } from './paths'

/**
 * Sentence patterns: one plan line in, zero or more checks out. Every pattern is deliberately narrow;
 * a line no pattern understands yields nothing (the task then needs confirmation by hand).
 */

type Derived = CheckSpec
type PathResolver = (token: string) => string | null

const CI_GLOB = '.github/workflows/*.{yml,yaml}'
const TOOL_VERB =
  /\b(install|installs|add|adding|integrate|integrating|set\s*up|setup|enable|introduce|configure|implement)\b/i

function base(line: number, sentence: string) {
  return { sentence, sourceLine: line, origin: 'derived' as const, enabled: true }
}

function comparisonFrom(word: string): Comparison {
  const w = word.toLowerCase()
  if (w === '<=' || w === '≤' || w.startsWith('at most') || w.startsWith('max')) return '<='
  return '<'
}

const COMPARATOR = '(<=|≤|<|under|below|less than|fewer than|at most|max(?:imum)?:?)'

/** a needle from plan text is only searched when it looks like code, never a plain word ("any") */
function isCodeLikeNeedle(needle: string): boolean {
  return needle.trim().length >= 3 && /[^A-Za-z0-9_]/.test(needle.trim())
}

const LANGUAGE_EXTENSIONS: Record<string, string[]> = {
  python: ['py'],
  typescript: ['ts', 'tsx'],
  javascript: ['js', 'jsx', 'mjs', 'cjs'],
  markdown: ['md'],
  md: ['md'],
  yaml: ['yml', 'yaml'],
  json: ['json'],
}

function extensionGlobs(exts: string[], dir = ''): string {
  return exts.length === 1 ? `${dir}*.${exts[0]}` : `${dir}*.{${exts.join(',')}}`
}

function scopeFromLine(text: string, needle: string): string[] {
  const scope: string[] = []
  const ext = /\bin\s+(?:all\s+)?(?:the\s+)?`?\*?\.(\w+)`?\s+files\b/i.exec(text)
  if (ext) scope.push(`**/${extensionGlobs([ext[1].toLowerCase()])}`)
  const lang = /\bin\s+(?:all\s+)?(python|typescript|javascript)\s+(?:files|code|modules)\b/i.exec(text)
  if (lang) scope.push(`**/${extensionGlobs(LANGUAGE_EXTENSIONS[lang[1].toLowerCase()])}`)
  for (const match of text.matchAll(/`([^`]+)`/g)) {
    const token = normalizePlanPath(match[1])
    if (token === needle || !token.includes('/') || /\s/.test(token) || !isSafePlanPath(token)) continue
    scope.push(token.endsWith('/') ? `${token}**` : token)
  }
  return scope
}

export function deriveTextAbsent(text: string, line: number): Derived[] {
  const needles: string[] = []
  const quoted = [
    /\b(?:remove|replace|eliminate|delete|drop|get rid of|strip)\s+(?:all|every|any|each)\s+(?:remaining\s+)?(?:(?:instances|occurrences|uses|usages) of\s+)?`([^`]+)`/gi,
    /\b(?:no|zero)\s+(?:more\s+|remaining\s+)?`([^`]+)`/gi,
  ]
  for (const pattern of quoted) for (const m of text.matchAll(pattern)) needles.push(m[1])
  for (const m of text.matchAll(/\b(?:no|zero|remove all)\s+(console\.[a-z]+)\b/gi)) needles.push(m[1])
  return [...new Set(needles)].filter(isCodeLikeNeedle).map((needle) => {
    const scope = scopeFromLine(text, needle)
    const where = scope.length ? ` in ${scope.join(', ')}` : ' in tracked code files'
    return { kind: 'text-absent', needle, scope, ...base(line, `\`${needle}\` occurs nowhere${where}`) }
  })
}

export function deriveLineCount(text: string, line: number, resolve: PathResolver): Derived[] {
  const pattern = new RegExp(
    `\`?([\\w./-]+\\.\\w+)\`?\\s*(?:is\\s+|has\\s+|:\\s*)?${COMPARATOR}\\s*(\\d[\\d,]*)\\s*lines\\b`,
    'gi',
  )
  const out: Derived[] = []
  for (const m of text.matchAll(pattern)) {
    const path = resolve(m[1])
    if (!path) continue
    const op = comparisonFrom(m[2])
    const value = Number(m[3].replace(/,/g, ''))
    out.push({ kind: 'line-count', path, op, value, ...base(line, `\`${path}\` has ${op} ${value} lines`) })
  }
  return out
}

export function deriveFileCount(text: string, line: number): Derived[] {
  const pattern = new RegExp(
    `${COMPARATOR}\\s*(\\d+)\\s+(markdown|md|\\.md|python|\\.py|yaml|json|typescript)\\s+files\\s+in\\s+(?:the\\s+)?(?:repo(?:sitory)?\\s+)?(root|\`[^\`]+/\`)`,
    'i',
  )
  const m = pattern.exec(text)
  if (!m) return []
  const exts = LANGUAGE_EXTENSIONS[m[3].replace(/^\./, '').toLowerCase()] ?? [m[3].replace(/^\./, '').toLowerCase()]
  const dir = m[4].toLowerCase() === 'root' ? '' : normalizePlanPath(m[4].slice(1, -1))
  if (dir && !isSafePlanPath(dir)) return []
  const glob = extensionGlobs(exts, dir)
  const op = comparisonFrom(m[1])
  const value = Number(m[2])
  const where = dir ? `\`${dir}\`` : 'the root'
  return [{ kind: 'file-count', glob, op, value, ...base(line, `${op} ${value} files match \`${glob}\` in ${where}`) }]
}

export function deriveJsonSentence(text: string, line: number, resolve: PathResolver): Derived[] {
  const m = /"([\w.-]+)"\s*:\s*(true|false|null|-?\d+(?:\.\d+)?|"[^"]*")`?.*?\bin\s+`?([\w./-]+\.json)`?/i.exec(text)
  if (!m) return []
  const path = resolve(m[3])
  if (!path) return []
  const expected = JSON.parse(m[2]) as string | number | boolean | null
  return [
    {
      kind: 'json-value',
      path,
      pointer: [m[1]],
      expected,
      anyDepth: true,
      ...base(line, `\`${path}\` sets "${m[1]}" to ${m[2]}`),
    },
  ]
}

export function deriveTools(text: string, line: number, toolMap: ToolMap): Derived[] {
  if (!TOOL_VERB.test(text)) return []
  const tools = findTools(text, toolMap)
  if (tools.length === 0) return []
  const alternatives = tools.length > 1 && /\bor\b|\//i.test(text)
  const groups = alternatives ? [tools] : tools.map((t) => [t])
  return groups.map((group) => {
    const npm = [...new Set(group.flatMap((t) => t.npm))]
    const python = [...new Set(group.flatMap((t) => t.python))]
    const files = [...new Set(group.flatMap((t) => t.files))]
    const name = group.map((t) => t.name).join(' or ')
    return { kind: 'dependency', tool: name, npm, python, files, ...base(line, `${name} is installed or configured`) }
  })
}

export function deriveCi(text: string, line: number): Derived[] {
  if (!/\b(github actions|ci\/cd pipeline|ci pipeline|ci workflow|ci\/cd workflow)\b/i.test(text)) return []
  return [{ kind: 'path-match', glob: CI_GLOB, ...base(line, 'a CI workflow exists in `.github/workflows/`') }]
}

export function deriveCoverage(text: string, line: number): Derived[] {
  if (/critical path|before/i.test(text)) return []
  const m =
    /(\d{1,3})\s*%\s*\+?\s*(?:code\s+|test\s+|statement\s+|line\s+)?coverage/i.exec(text) ??
    /coverage\b[^.\n]*?(?:≥|>=|at least|to|of|target(?:s)?:?)\s*(\d{1,3})\s*%/i.exec(text)
  if (!m) return []
  const min = Number(m[1])
  if (min <= 0 || min > 100) return []
  const metric = /statement/i.test(text)
    ? 'statements'
    : /branch/i.test(text)
      ? 'branches'
      : /function/i.test(text)
        ? 'functions'
        : 'lines'
  return [{ kind: 'coverage', metric, min, ...base(line, `committed coverage summary reports ≥ ${min}% ${metric}`) }]
}

/**
 * "Install `opossum` or `brakes` for Node.js": an instruction to add named packages (backticked) is a criterion,
 * unlike a tool merely mentioned in prose. "or" gives one check any of them satisfies; "and" one check each.
 */
export function deriveInstall(text: string, line: number, toolMap: ToolMap): Derived[] {
  const m =
    /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?(?:install|add)\s+(`[^`]+`(?:\s*(?:,|\bor\b|\band\b)\s*`[^`]+`)*)(?:\s+(?:for|to|as|in|on)\b.*)?\s*$/i.exec(
      text,
    )
  if (!m) return []
  const names = [...m[1].matchAll(/`([^`]+)`/g)].map((n) => n[1].trim())
  if (!names.every((n) => /^(@[\w.-]+\/)?[\w.-]+$/.test(n))) return []
  const groups = /\bor\b/i.test(m[1]) ? [names] : names.map((n) => [n])
  return groups.map((group) => {
    const tools = group.map((name) => findTools(name, toolMap)[0])
    const npm = [...new Set(group.flatMap((name, i) => tools[i]?.npm ?? [name]))]
    const python = [...new Set(group.flatMap((name, i) => tools[i]?.python ?? [name]))]
    const tool = group.join(' or ')
    return {
      kind: 'dependency',
      tool,
      npm,
      python,
      files: [],
      ...base(line, `${group.map((n) => `\`${n}\``).join(' or ')} is a dependency`),
      role: 'criterion' as const,
    }
  })
}
