import type { CheckSpec, JsonScalar } from '../../shared/check-model'
import type { CodeBlock, Task, TextLine } from '../../shared/plan-model'
import { checkKey } from './check-key'
import {
  deriveCi,
  deriveCoverage,
  deriveFileCount,
  deriveInstall,
  deriveJsonSentence,
  deriveLineCount,
  deriveTextAbsent,
  deriveTools,
} from './derive-text'
import { compileCriterion, isPathLike } from './criteria'
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

/** "`old.py` (remove, replaced by `new.py`)" in a Files to Modify list: the file is to go */
function markedForRemoval(lineText: string, path: string): boolean {
  const after = lineText.slice(lineText.indexOf(path) + path.length)
  return /^`?\s*[(—–-]\s*(?:remove|delete|drop)/i.test(after)
}

function fileChecks(task: Task, lineText: Map<number, string>): CheckSpec[] {
  const out: CheckSpec[] = []
  for (const ref of task.files) {
    const path = normalizePlanPath(ref.path)
    if (ref.unsafe || !isSafePlanPath(path)) continue
    const source = lineText.get(ref.line)?.trim()
    const meta = {
      sourceLine: ref.line,
      origin: 'derived' as const,
      enabled: true,
      role: 'criterion' as const,
      ...(source ? { source } : {}),
    }
    const isDir = path.endsWith('/')
    const role = ref.role === 'modify' && markedForRemoval(lineText.get(ref.line) ?? '', ref.path) ? 'remove' : ref.role
    if (role === 'create') {
      if (isDir || GLOB_CHARS.test(path)) {
        const glob = isDir ? `${path}**` : path
        out.push({ kind: 'path-match', glob, sentence: `\`${path}\` has files`, ...meta })
      } else {
        out.push({ kind: 'file-exists', path, sentence: `\`${path}\` exists`, ...meta })
      }
    } else if (role === 'remove') {
      if (!isDir && !GLOB_CHARS.test(path))
        out.push({ kind: 'file-absent', path, sentence: `\`${path}\` is gone`, ...meta })
    } else if (role === 'modify' && !isDir && !GLOB_CHARS.test(path)) {
      out.push({
        kind: 'file-changed',
        path,
        sentence: `\`${path}\` changed after the plan start`,
        ...meta,
        role: 'progress',
      })
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
  const jsonFiles = [
    ...new Set(
      task.files.map((f) => normalizePlanPath(f.path)).filter((p) => p.endsWith('.json') && isSafePlanPath(p)),
    ),
  ]
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

const CRITERIA_LABEL =
  /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?(?:done when|success criteria|acceptance(?: criteria)?|exit criteria|verify|verified by|definition of done)(?:\*\*|__)?\s*[:—–-]/i

/**
 * The task's criterion sentences: what the plan reader gave as criteria, plus body lines that carry a criteria
 * label ("Done when: ...") the reader left in the body. A label line with nothing after it is a heading.
 */
function criterionLines(task: Task): TextLine[] {
  const byLine = new Map<number, TextLine>()
  for (const c of task.criteria) byLine.set(c.line, c)
  for (const l of [...task.body, ...task.subtasks.map((s) => ({ text: s.text, line: s.line }))]) {
    if (
      !byLine.has(l.line) &&
      CRITERIA_LABEL.test(l.text) &&
      l.text.replace(CRITERIA_LABEL, '').trim().replace(/[*_]/g, '') !== ''
    )
      byLine.set(l.line, l)
  }
  return [...byLine.values()]
    .filter((l) => l.text.replace(CRITERIA_LABEL, '').trim().replace(/[*_:]/g, '') !== '')
    .sort((a, b) => a.line - b.line)
}

/** the one file a task names, for criteria that name none */
function onlyFileOf(task: Task): string | null {
  const paths = [
    ...new Set(
      task.files
        .filter((f) => f.role !== 'mention')
        .map((f) => normalizePlanPath(f.path))
        .filter((p) => !p.endsWith('/') && isPathLike(p)),
    ),
  ]
  return paths.length === 1 ? paths[0] : null
}

export interface DerivedChecks {
  checks: CheckSpec[]
  /** criterion sentences (or the parts of them) no phrasing of the criteria language reads */
  notCheckable: TextLine[]
  /**
   * the entries of notCheckable that are parts of a sentence whose other parts became checks: those checks stand for
   * only part of the sentence's claim, so they cannot make the task done alone (taskEvidenceAt)
   */
  partlyRead: TextLine[]
}

/**
 * The task's criterion sentences through the criteria language (and the narrow sentence patterns for what it does
 * not read): their checks, the parts no phrasing reads, and which of those hold the task back (partlyRead)
 */
function readCriteria(
  task: Task,
  criteria: TextLine[],
  resolve: (token: string) => string | null,
): { derived: CheckSpec[]; notCheckable: TextLine[]; partlyRead: TextLine[] } {
  const derived: CheckSpec[] = []
  const notCheckable: TextLine[] = []
  const partlyRead: TextLine[] = []
  let anyRead = false
  const criterionCtx = { onlyFile: onlyFileOf(task), resolve: (token: string) => resolve(token) }
  for (const { text, line } of criteria) {
    const compiled = compileCriterion(text, line, criterionCtx)
    derived.push(...compiled.checks.map((spec) => ({ ...spec, source: text.trim() })))
    let read = compiled.checks.length > 0
    const unread: TextLine[] = []
    for (const part of compiled.unread) {
      // the narrow sentence patterns still read a part the language does not ("< 20 markdown files in root")
      const narrow = [
        ...deriveTextAbsent(part, line),
        ...deriveLineCount(part, line, resolve),
        ...deriveFileCount(part, line),
        ...deriveJsonSentence(part, line, resolve),
      ]
      if (narrow.length) {
        derived.push(...narrow.map((spec) => ({ ...spec, role: 'criterion' as const, source: text.trim() })))
        read = true
      } else unread.push({ text: part, line })
    }
    notCheckable.push(...unread)
    if (read) partlyRead.push(...unread)
    anyRead ||= read
  }
  // a criterion sentence no phrasing reads, beside criterion sentences that became checks: those checks stand for only
  // part of the task's criteria, so they cannot make it done alone either (Files to Create beside prose success
  // criteria keep deciding alone, as the plan's structure says)
  return { derived, notCheckable, partlyRead: anyRead ? notCheckable : partlyRead }
}

/**
 * Checks derived from a task. Criterion sentences go through the criteria language (README, "Criteria
 * language"); Files to Create / remove entries must exist / be gone; a few narrow body patterns ("remove all
 * `X`", "`main.py` < 200 lines", a target JSON block) are criteria too. "Files to Modify" give progress-only
 * checks; tool and CI mentions only supporting evidence. Duplicates (same check key) keep their first occurrence.
 */
export function deriveTaskChecks(task: Task, ctx: { toolMap: ToolMap }): DerivedChecks {
  const lines = taskLines(task)
  const lineText = new Map(lines.map((l) => [l.line, l.text]))
  const resolve = pathResolver(task)
  const criteria = criterionLines(task)
  const criteriaLines = new Set(criteria.map((c) => c.line))
  const { derived, notCheckable, partlyRead } = readCriteria(task, criteria, resolve)
  derived.push(...fileChecks(task, lineText))
  const asCriterion = (spec: CheckSpec): CheckSpec => ({ ...spec, role: 'criterion' })
  const asSupporting = (spec: CheckSpec): CheckSpec => ({ ...spec, role: 'supporting' })
  for (const { text, line } of lines) {
    if (!criteriaLines.has(line)) {
      derived.push(
        ...[
          ...deriveTextAbsent(text, line),
          ...deriveLineCount(text, line, resolve),
          ...deriveFileCount(text, line),
          ...deriveJsonSentence(text, line, resolve),
        ].map(asCriterion),
      )
      derived.push(...deriveInstall(text, line, ctx.toolMap))
    }
    const coverage = deriveCoverage(text, line)
    derived.push(...coverage.map(criteriaLines.has(line) ? asCriterion : asSupporting))
    derived.push(...[...deriveTools(text, line, ctx.toolMap), ...deriveCi(text, line)].map(asSupporting))
  }
  derived.push(...jsonBlockChecks(task, lines).map(asCriterion))
  const seen = new Set<string>()
  const checks = derived.filter((spec) => {
    const key = checkKey(spec)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { checks, notCheckable, partlyRead }
}

export function deriveChecks(task: Task, ctx: { toolMap: ToolMap }): CheckSpec[] {
  return deriveTaskChecks(task, ctx).checks
}
