import type { CheckSpec, Comparison } from '../../shared/check-model'
import {
  containsAllEvaluator,
  coverageEvaluator,
  everyLineEvaluator,
  everyStepEvaluator,
  isCoverageSummary,
  jsonValueEvaluator,
  lacksAllEvaluator,
  lineCountEvaluator,
  packageEvaluator,
  textCountEvaluator,
  valueEvaluator,
  type FileEvaluator,
  type FileFinding,
} from './file-eval'
import { manifestKind } from './manifests'
import {
  compileGlobs,
  isVendoredPath,
  normalizePlanPath,
  planToRepoGlob,
  planToRepoPath,
  unsafePathReason,
} from './paths'

/**
 * A check made concrete for one repo: which repo paths it looks at, what it asks of each file, and how the
 * per-file findings add up to "holds".
 */

export interface CheckState {
  /** the files in scope that are tracked now */
  present: Set<string>
  /** findings worth remembering, per path (text-absent keeps only files with hits) */
  matched: Map<string, FileFinding>
  /** file-changed: a commit after the plan start modified the file (moves and deletions do not count) */
  touched: boolean
}

export function emptyState(): CheckState {
  return { present: new Set(), matched: new Map(), touched: false }
}

export interface CompiledCheck {
  id: string
  spec: CheckSpec
  /** exact repo paths the check reads, or null when it scans by pattern */
  exactPaths: string[] | null
  /** a content check on one file: it follows the file through renames on the first-parent chain */
  follows: boolean
  matches(repoPath: string): boolean
  /** the content question for this file, or null when presence is all that matters */
  evaluatorFor(repoPath: string): FileEvaluator | null
  /** whether a file's finding has to be remembered */
  keep(finding: FileFinding): boolean
  holds(state: CheckState): boolean
  /** readable summary of the current state ("23 files match *.md") */
  describe(state: CheckState): string | null
}

export type CompileOutcome = { ok: true; check: CompiledCheck } | { ok: false; reason: string; unsafe: boolean }

const DOC_FILE = /\.(md|markdown|txt|rst|adoc)$/i

export function compare(actual: number, op: Comparison, value: number): boolean {
  switch (op) {
    case '<':
      return actual < value
    case '<=':
      return actual <= value
    case '>':
      return actual > value
    case '>=':
      return actual >= value
    case '==':
      return actual === value
  }
}

function specPaths(spec: CheckSpec): string[] {
  switch (spec.kind) {
    case 'file-exists':
    case 'file-absent':
    case 'file-changed':
    case 'file-contains':
    case 'file-lacks':
    case 'line-count':
    case 'json-value':
    case 'value':
      return [spec.path]
    case 'text-absent':
    case 'text-present':
    case 'text-every':
      return [...spec.scope, ...(spec.exclude ?? [])]
    case 'file-count':
    case 'path-match':
      return [spec.glob]
    case 'dependency':
      return spec.files
    case 'package':
      return spec.manifest ? [spec.manifest] : []
    case 'coverage':
      return []
  }
}

const always = () => true

/** one evaluator object per path (its key is a hash: computed once, not per change) */
function perPath(make: (path: string) => FileEvaluator | null): (path: string) => FileEvaluator | null {
  const made = new Map<string, FileEvaluator | null>()
  return (path) => {
    if (!made.has(path)) {
      if (made.size > 10_000) made.clear()
      made.set(path, make(path))
    }
    return made.get(path)!
  }
}
const single = (state: CheckState): FileFinding | undefined => state.matched.values().next().value
const totalCount = (state: CheckState) => [...state.matched.values()].reduce((sum, f) => sum + f.count, 0)

type CheckDefaults = 'exactPaths' | 'follows' | 'keep' | 'evaluatorFor' | 'describe'

/** A check that scans by pattern, follows no renames, keeps every finding and reads no content, unless it says so. */
function compiled(
  check: Omit<CompiledCheck, CheckDefaults> & Partial<Pick<CompiledCheck, CheckDefaults>>,
): CompileOutcome {
  return {
    ok: true,
    check: { exactPaths: null, follows: false, keep: always, evaluatorFor: () => null, describe: () => null, ...check },
  }
}

type SpecOf<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>

/** a plan path that is not inside this repo's prefix: the check does not apply here */
const notHere = (p: string): CompileOutcome => ({
  ok: false,
  reason: `\`${p}\` is outside this repo's prefix`,
  unsafe: false,
})
const exactPath = (planPath: string, prefix: string | null) => planToRepoPath(normalizePlanPath(planPath), prefix)

function repoGlobs(globs: string[], prefix: string | null): string[] {
  return globs
    .map((g) => planToRepoGlob(normalizePlanPath(g), prefix))
    .filter((g): g is string => g !== null)
    .map((g) => (g.endsWith('/') ? `${g}**` : g))
}

function singleFileCheck(
  id: string,
  spec: Extract<CheckSpec, { kind: 'file-contains' | 'file-lacks' | 'line-count' | 'json-value' | 'value' }>,
  path: string,
): CompiledCheck {
  const evaluator =
    spec.kind === 'file-contains'
      ? containsAllEvaluator(spec.needles, spec.mode ?? 'substring')
      : spec.kind === 'file-lacks'
        ? lacksAllEvaluator(spec.needles)
        : spec.kind === 'line-count'
          ? lineCountEvaluator()
          : spec.kind === 'json-value'
            ? jsonValueEvaluator(spec.pointer, spec.expected, spec.anyDepth)
            : valueEvaluator(path, spec.pointer, spec.op, spec.expected, spec.anyDepth ?? false, spec.each ?? false)
  const holds = (s: CheckState) => {
    const f = single(s)
    if (!f || f.skipped) return false
    return spec.kind === 'line-count' ? compare(f.count, spec.op, spec.value) : f.ok === true
  }
  const describe = (s: CheckState) => {
    const f = single(s)
    if (!f) return `\`${spec.path}\` does not exist`
    return f.note ?? null
  }
  return {
    id,
    spec,
    exactPaths: [path],
    follows: true,
    matches: (p) => p === path,
    evaluatorFor: () => evaluator,
    keep: always,
    holds,
    describe,
  }
}

function textScanCheck(
  id: string,
  spec: Extract<CheckSpec, { kind: 'text-absent' | 'text-present' }>,
  prefix: string | null,
): CompileOutcome {
  const globs = repoGlobs(spec.scope, prefix)
  if (spec.scope.length > 0 && globs.length === 0) return notHere(spec.scope.join(', '))
  const inGlobs = compileGlobs(globs)
  const excluded = spec.exclude?.length ? compileGlobs(repoGlobs(spec.exclude, prefix)) : () => false
  const matches = (p: string) =>
    !isVendoredPath(p) && inGlobs(p) && !excluded(p) && (globs.length > 0 || !DOC_FILE.test(p))
  const evaluator = textCountEvaluator(spec.needle)
  const absent = spec.kind === 'text-absent'
  return compiled({
    id,
    spec,
    matches,
    evaluatorFor: () => evaluator,
    keep: (f) => f.count > 0 || f.skipped === 'too-large',
    // "no X in <scope>" says nothing when the scope has no file at all
    holds: (s) => (absent ? s.present.size > 0 && totalCount(s) === 0 : totalCount(s) > 0),
    describe: (s) => {
      if (s.present.size === 0) return 'no tracked file in scope'
      const unread = [...s.matched.values()].filter((f) => f.skipped).length
      const found = `${totalCount(s)} matching line(s) in ${s.matched.size - unread} of ${s.present.size} file(s)`
      return unread ? `${found}; ${unread} file(s) too large to read` : found
    },
  })
}

/** named files (no glob, no folder): each must be tracked for a claim about all of them */
const namedFiles = (globs: string[]) => (globs.every((g) => !/[*?[\]{}]/.test(g) && !g.endsWith('/')) ? globs : null)

/** what a quantified claim asks of each file: a text, every selected line's rule, or every selected step's setting */
function everyEvaluator(spec: SpecOf<'text-every'>): FileEvaluator | null {
  if (spec.steps) {
    const setting = /^([\w.-]+)\s*:\s*(.+)$/.exec(spec.needle ?? '')
    if (!setting || spec.lines === undefined) return null
    return everyStepEvaluator(spec.lines, setting[1], setting[2].trim().replace(/^(["'])(.*)\1$/, '$2'))
  }
  if (spec.lines === undefined) return textCountEvaluator(spec.needle!)
  return everyLineEvaluator({
    select: spec.lines,
    lineStart: spec.lineStart ?? false,
    needle: spec.needle ?? null,
    pin: spec.pin ?? null,
  })
}

/**
 * "every file of the scope contains X" (the misses are kept) or "every line of the scope that holds S meets the rule"
 * (the files with such lines are kept); never true on an empty scope, nor on a scope without a single such line
 */
function textEveryCheck(id: string, spec: SpecOf<'text-every'>, prefix: string | null): CompileOutcome {
  const globs = repoGlobs(spec.scope, prefix)
  if (globs.length === 0) return notHere(spec.scope.join(', '))
  if (!spec.needle && !spec.pin) return { ok: false, reason: 'the claim asks nothing of the files', unsafe: false }
  const inGlobs = compileGlobs(globs)
  const excluded = spec.exclude?.length ? compileGlobs(repoGlobs(spec.exclude, prefix)) : () => false
  const matches = (p: string) => !isVendoredPath(p) && inGlobs(p) && !excluded(p)
  const named = namedFiles(globs)
  const allNamed = (s: CheckState) => (named ? named.every((p) => s.present.has(p)) : s.present.size > 0)
  const byLine = spec.lines !== undefined
  const evaluator = everyEvaluator(spec)
  if (!evaluator) return { ok: false, reason: 'a step claim needs the step and a `key: value` it sets', unsafe: false }
  const findings = (s: CheckState) => [...s.matched.values()]
  return compiled({
    id,
    spec,
    exactPaths: named,
    matches,
    evaluatorFor: () => evaluator,
    keep: byLine ? (f) => f.count > 0 || f.skipped !== undefined : (f) => f.count === 0 || f.skipped !== undefined,
    holds: byLine
      ? (s) => allNamed(s) && totalCount(s) > 0 && findings(s).every((f) => f.ok === true && !f.skipped)
      : (s) => allNamed(s) && s.matched.size === 0,
    describe: (s) => {
      if (s.present.size === 0) return 'no tracked file in scope'
      if (!byLine) return `${s.present.size - s.matched.size} of ${s.present.size} file(s) contain \`${spec.needle}\``
      const failing = findings(s).filter((f) => f.ok !== true)
      return `${totalCount(s)} ${spec.steps ? 'step' : 'line'}(s) with \`${spec.lines}\` in ${s.matched.size} file(s); ${failing.length} file(s) fail`
    },
  })
}

function packageCheck(
  id: string,
  spec: Extract<CheckSpec, { kind: 'package' }>,
  prefix: string | null,
): CompileOutcome {
  const manifest = spec.manifest ? exactPath(spec.manifest, prefix) : null
  if (spec.manifest && manifest === null) return notHere(spec.manifest)
  const question = {
    names: [spec.name],
    section: spec.section ?? 'any',
    range: spec.range ?? null,
    direct: spec.direct ?? false,
  }
  const evaluatorFor = perPath((p) => {
    const kind = manifestKind(p)
    return kind ? packageEvaluator(kind, p, question) : null
  })
  const matches = manifest
    ? (p: string) => p === manifest
    : (p: string) => !isVendoredPath(p) && manifestKind(p) !== null
  const declared = (s: CheckState) => [...s.matched.values()].some((f) => f.ok === true)
  const where = spec.manifest ? `\`${spec.manifest}\`` : 'any manifest'
  return compiled({
    id,
    spec,
    exactPaths: manifest ? [manifest] : null,
    matches,
    evaluatorFor,
    keep: (f) => f.ok === true || f.count > 0 || f.note !== undefined,
    holds: (s) => (spec.present ? declared(s) : s.present.size > 0 && !declared(s)),
    describe: (s) => {
      if (s.present.size === 0) return `${where} is not tracked`
      const notes = [...s.matched.entries()].filter(([, f]) => f.note).map(([p, f]) => `${p}: ${f.note}`)
      return notes.length ? notes.join('; ') : `${spec.name} is not declared in ${where}`
    },
  })
}

function presenceCheck(
  id: string,
  spec: SpecOf<'file-exists' | 'file-absent' | 'file-changed'>,
  prefix: string | null,
): CompileOutcome {
  const path = exactPath(spec.path, prefix)
  if (path === null) return notHere(spec.path)
  const holds =
    spec.kind === 'file-exists'
      ? (s: CheckState) => s.present.size > 0
      : spec.kind === 'file-absent'
        ? (s: CheckState) => s.present.size === 0
        : (s: CheckState) => s.touched
  return compiled({ id, spec, exactPaths: [path], matches: (p) => p === path, holds })
}

function globCheck(id: string, spec: SpecOf<'file-count' | 'path-match'>, prefix: string | null): CompileOutcome {
  const glob = planToRepoGlob(normalizePlanPath(spec.glob), prefix)
  if (glob === null) return notHere(spec.glob)
  const matches = compileGlobs([glob])
  const holds =
    spec.kind === 'path-match'
      ? (s: CheckState) => s.present.size > 0
      : (s: CheckState) => compare(s.present.size, spec.op, spec.value)
  const describe = (s: CheckState) => `${s.present.size} file(s) match \`${spec.glob}\``
  return compiled({ id, spec, matches, holds, describe })
}

function dependencyCheck(id: string, spec: SpecOf<'dependency'>, prefix: string | null): CompileOutcome {
  const files = compileGlobs(
    spec.files.map((g) => planToRepoGlob(normalizePlanPath(g), prefix)).filter((g): g is string => g !== null),
  )
  const hasFiles = spec.files.length > 0
  const evaluatorFor = perPath((p) => {
    const kind = manifestKind(p)
    if (kind === 'npm')
      return spec.npm.length ? packageEvaluator(kind, p, { names: spec.npm, section: 'any', range: null }) : null
    if (kind === 'requirements' || kind === 'pyproject')
      return spec.python.length ? packageEvaluator(kind, p, { names: spec.python, section: 'any', range: null }) : null
    return null
  })
  const matches = (p: string) => !isVendoredPath(p) && (evaluatorFor(p) !== null || (hasFiles && files(p)))
  const holds = (s: CheckState) => [...s.matched.values()].some((f) => f.ok !== false && !f.skipped)
  const describe = (s: CheckState) => (holds(s) ? null : `${spec.tool} not found in any manifest or config file`)
  return compiled({ id, spec, matches, evaluatorFor, keep: (f) => f.ok !== false, holds, describe })
}

function coverageCheck(id: string, spec: SpecOf<'coverage'>): CompileOutcome {
  const evaluator = coverageEvaluator(spec.metric, spec.min)
  const matches = (p: string) => !isVendoredPath(p) && isCoverageSummary(p)
  const holds = (s: CheckState) => [...s.matched.values()].some((f) => f.ok === true)
  const describe = (s: CheckState) =>
    s.matched.size === 0
      ? 'no committed coverage summary'
      : [...s.matched.values()]
          .map((f) => f.note)
          .filter(Boolean)
          .join('; ')
  return compiled({ id, spec, matches, evaluatorFor: () => evaluator, holds, describe })
}

/** A check made concrete for one repo, or why it cannot be (an unsafe path, or a path outside the repo's prefix). */
export function compileCheck(id: string, spec: CheckSpec, prefix: string | null): CompileOutcome {
  for (const p of specPaths(spec)) {
    const reason = unsafePathReason(normalizePlanPath(p).replace(/^\*\*\//, ''))
    if (reason) return { ok: false, reason: `unsafe path \`${p}\`: ${reason}`, unsafe: true }
  }
  switch (spec.kind) {
    case 'file-exists':
    case 'file-absent':
    case 'file-changed':
      return presenceCheck(id, spec, prefix)
    case 'file-contains':
    case 'file-lacks':
    case 'line-count':
    case 'json-value':
    case 'value': {
      const path = exactPath(spec.path, prefix)
      return path === null ? notHere(spec.path) : { ok: true, check: singleFileCheck(id, spec, path) }
    }
    case 'text-absent':
    case 'text-present':
      return textScanCheck(id, spec, prefix)
    case 'text-every':
      return textEveryCheck(id, spec, prefix)
    case 'package':
      return packageCheck(id, spec, prefix)
    case 'file-count':
    case 'path-match':
      return globCheck(id, spec, prefix)
    case 'dependency':
      return dependencyCheck(id, spec, prefix)
    case 'coverage':
      return coverageCheck(id, spec)
  }
}
