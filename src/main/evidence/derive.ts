import type { CheckSpec, JsonScalar } from '../../shared/check-model'
import type { CodeBlock, Task, TextLine } from '../../shared/plan-model'
import { checkKey } from './check-key'
import {
  deriveCi,
  deriveCoverage,
  deriveFileCount,
  deriveJsonSentence,
  deriveLineCount,
  deriveTextAbsent,
  deriveTools,
} from './derive-text'
import { parseJsonLoose } from './json-loose'
import { isSafePlanPath, normalizePlanPath } from './paths'
import type { ToolMap } from './tool-map'

const GLOB_CHARS = /[*?[\]{}]/
const MAX_JSON_CHECKS_PER_BLOCK = 12

function taskLines(task: Task): TextLine[] {
  const byLine = new Map<number, TextLine>()
  for (const l of [...task.body, ...task.subtasks.map((s) => ({ text: s.text, line: s.line })), ...task.criteria]) {
    if (!byLine.has(l.line)) byLine.set(l.line, l)
  }
  if (!byLine.has(task.line)) byLine.set(task.line, { text: task.title, line: task.line })
  return [...byLine.values()].sort((a, b) => a.line - b.line)
}

/** identifiers a "modify" item names: `AuthProvider`, ProtectedRoute (CamelCase or backticked) */
function identifiersNamed(text: string, path: string): string[] {
  const rest = text.slice(text.indexOf(path) >= 0 ? text.indexOf(path) + path.length : 0)
  const names = new Set<string>()
  for (const m of rest.matchAll(/`([A-Za-z_$][\w$]*)`/g)) names.add(m[1])
  for (const m of rest.matchAll(/\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g)) names.add(m[0])
  return [...names].filter((n) => n.length >= 3)
}

function fileChecks(task: Task, lineText: Map<number, string>): CheckSpec[] {
  const out: CheckSpec[] = []
  for (const ref of task.files) {
    const path = normalizePlanPath(ref.path)
    if (ref.unsafe || !isSafePlanPath(path)) continue
    const meta = { sourceLine: ref.line, origin: 'derived' as const, enabled: true }
    const isDir = path.endsWith('/')
    if (ref.role === 'create') {
      if (isDir || GLOB_CHARS.test(path)) {
        const glob = isDir ? `${path}**` : path
        out.push({ kind: 'path-match', glob, sentence: `\`${path}\` has files`, ...meta })
      } else {
        out.push({ kind: 'file-exists', path, sentence: `\`${path}\` exists`, ...meta })
      }
    } else if (ref.role === 'remove') {
      if (!isDir && !GLOB_CHARS.test(path)) out.push({ kind: 'file-absent', path, sentence: `\`${path}\` is gone`, ...meta })
    } else if (ref.role === 'modify' && !isDir && !GLOB_CHARS.test(path)) {
      out.push({ kind: 'file-changed', path, sentence: `\`${path}\` changed after the plan start`, ...meta })
      const needles = identifiersNamed(lineText.get(ref.line) ?? '', ref.path)
      if (needles.length > 0) {
        const sentence = `\`${path}\` contains ${needles.map((n) => `\`${n}\``).join(', ')}`
        out.push({ kind: 'file-contains', path, needles, sentence, ...meta })
      }
    }
  }
  return out
}

/** a bare file name ("main.py") resolves to the task's file of that name, else stays as written */
function pathResolver(task: Task): (token: string) => string | null {
  return (token) => {
    const path = normalizePlanPath(token)
    if (!isSafePlanPath(path)) return null
    if (path.includes('/')) return path
    const named = task.files.map((f) => normalizePlanPath(f.path)).filter((p) => p.endsWith(`/${path}`))
    const unique = [...new Set(named)]
    return unique.length === 1 ? unique[0] : path
  }
}

function jsonLeaves(value: unknown, pointer: string[], out: Array<{ pointer: string[]; value: JsonScalar }>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) jsonLeaves(v, [...pointer, k], out)
  } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    if (pointer.length > 0) out.push({ pointer, value: value as JsonScalar })
  }
}

/** the line just before a code block, to skip "Current State:" / "Before" examples */
function describesCurrentState(block: CodeBlock, lines: TextLine[]): boolean {
  const before = lines.filter((l) => l.line < block.line && l.text.trim() !== '').at(-1)
  return before !== undefined && /\b(current|before|existing|old|today)\b/i.test(before.text)
}

function jsonBlockChecks(task: Task, lines: TextLine[]): CheckSpec[] {
  const jsonFiles = [...new Set(task.files.map((f) => normalizePlanPath(f.path)).filter((p) => p.endsWith('.json') && isSafePlanPath(p)))]
  if (jsonFiles.length !== 1) return []
  const path = jsonFiles[0]
  const out: CheckSpec[] = []
  for (const block of task.codeBlocks) {
    const lang = (block.lang ?? '').toLowerCase()
    if (lang && !['json', 'jsonc', 'json5'].includes(lang)) continue
    if (describesCurrentState(block, lines)) continue
    const trimmed = block.text.trim()
    const fragment = !trimmed.startsWith('{')
    const parsed = parseJsonLoose(fragment ? `{${trimmed.replace(/,\s*$/, '')}}` : trimmed)
    if (parsed === undefined) continue
    const leaves: Array<{ pointer: string[]; value: JsonScalar }> = []
    jsonLeaves(parsed, [], leaves)
    for (const leaf of leaves.slice(0, MAX_JSON_CHECKS_PER_BLOCK)) {
      const shown = JSON.stringify(leaf.value)
      out.push({
        kind: 'json-value',
        path,
        pointer: fragment ? leaf.pointer.slice(-1) : leaf.pointer,
        expected: leaf.value,
        anyDepth: fragment,
        sentence: `\`${path}\` sets ${leaf.pointer.join('.')} to ${shown}`,
        sourceLine: block.line,
        origin: 'derived',
        enabled: true,
      })
    }
  }
  return out
}

/**
 * Checks derived from a task's text. Only what the text states explicitly becomes a check; a task
 * with none needs confirmation by hand. Duplicates (same check key) keep their first occurrence.
 */
export function deriveChecks(task: Task, ctx: { toolMap: ToolMap }): CheckSpec[] {
  const lines = taskLines(task)
  const lineText = new Map(lines.map((l) => [l.line, l.text]))
  const resolve = pathResolver(task)
  const derived: CheckSpec[] = [...fileChecks(task, lineText)]
  for (const { text, line } of lines) {
    derived.push(
      ...deriveTextAbsent(text, line),
      ...deriveLineCount(text, line, resolve),
      ...deriveFileCount(text, line),
      ...deriveJsonSentence(text, line, resolve),
      ...deriveTools(text, line, ctx.toolMap),
      ...deriveCi(text, line),
      ...deriveCoverage(text, line),
    )
  }
  derived.push(...jsonBlockChecks(task, lines))
  const seen = new Set<string>()
  return derived.filter((spec) => {
    const key = checkKey(spec)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
