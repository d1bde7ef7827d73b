import type { CheckSpec, Comparison } from '../../shared/check-model'
import {
  containsAllEvaluator,
  coverageEvaluator,
  dependencyEvaluator,
  isCoverageSummary,
  jsonValueEvaluator,
  lineCountEvaluator,
  manifestKind,
  textCountEvaluator,
  type FileEvaluator,
  type FileFinding,
} from './file-eval'
import { compileGlobs, isVendoredPath, normalizePlanPath, planToRepoGlob, planToRepoPath, unsafePathReason } from './paths'

/**
 * A check made concrete for one repo: which repo paths it looks at, what it asks of each file,
 * and how the per-file findings add up to "holds".
 */

export interface CheckState {
  /** the files that currently matter to the check, with what each says */
  matched: Map<string, FileFinding>
  /** file-changed: a commit after the plan start touched the file */
  touched: boolean
}

export interface CompiledCheck {
  id: string
  spec: CheckSpec
  /** exact repo paths the check reads (fast index), or null when it scans by pattern */
  exactPaths: string[] | null
  matches(repoPath: string): boolean
  /** the content question for this file, or null when presence is all that matters */
  evaluatorFor(repoPath: string): FileEvaluator | null
  /** whether a file's finding has to be remembered (text-absent only keeps files with hits) */
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
    case 'line-count':
    case 'json-value':
      return [spec.path]
    case 'text-absent':
      return spec.scope
    case 'file-count':
    case 'path-match':
      return [spec.glob]
    case 'dependency':
      return spec.files
    case 'coverage':
      return []
  }
}

const present = (state: CheckState) => state.matched.size > 0
const always = () => true
const single = (state: CheckState): FileFinding | undefined => state.matched.values().next().value

export function compileCheck(id: string, spec: CheckSpec, prefix: string | null): CompileOutcome {
  for (const p of specPaths(spec)) {
    const reason = unsafePathReason(normalizePlanPath(p).replace(/^\*\*\//, ''))
    if (reason) return { ok: false, reason: `unsafe path \`${p}\`: ${reason}`, unsafe: true }
  }
  const exact = (planPath: string) => planToRepoPath(normalizePlanPath(planPath), prefix)
  const notHere = (p: string): CompileOutcome => ({ ok: false, reason: `\`${p}\` is outside this repo's prefix`, unsafe: false })
  const base = { id, spec, keep: always }

  switch (spec.kind) {
    case 'file-exists':
    case 'file-absent':
    case 'file-changed': {
      const path = exact(spec.path)
      if (path === null) return notHere(spec.path)
      const holds =
        spec.kind === 'file-exists' ? present : spec.kind === 'file-absent' ? (s: CheckState) => !present(s) : (s: CheckState) => s.touched
      return { ok: true, check: { ...base, exactPaths: [path], matches: (p) => p === path, evaluatorFor: () => null, holds, describe: () => null } }
    }
    case 'file-contains':
    case 'line-count':
    case 'json-value': {
      const path = exact(spec.path)
      if (path === null) return notHere(spec.path)
      const evaluator =
        spec.kind === 'file-contains'
          ? containsAllEvaluator(spec.needles)
          : spec.kind === 'line-count'
            ? lineCountEvaluator()
            : jsonValueEvaluator(spec.pointer, spec.expected, spec.anyDepth)
      const holds = (s: CheckState) => {
        const f = single(s)
        if (!f || f.skipped) return false
        return spec.kind === 'line-count' ? compare(f.count, spec.op, spec.value) : f.ok === true
      }
      const describe = (s: CheckState) => single(s)?.note ?? `\`${spec.path}\` does not exist`
      return { ok: true, check: { ...base, exactPaths: [path], matches: (p) => p === path, evaluatorFor: () => evaluator, holds, describe } }
    }
    case 'text-absent': {
      const globs = spec.scope.map((g) => planToRepoGlob(normalizePlanPath(g), prefix)).filter((g): g is string => g !== null)
      if (spec.scope.length > 0 && globs.length === 0) return notHere(spec.scope.join(', '))
      const inGlobs = compileGlobs(globs.map((g) => (g.endsWith('/') ? `${g}**` : g)))
      const matches = (p: string) => !isVendoredPath(p) && inGlobs(p) && (globs.length > 0 || !DOC_FILE.test(p))
      const evaluator = textCountEvaluator(spec.needle)
      const total = (s: CheckState) => [...s.matched.values()].reduce((sum, f) => sum + f.count, 0)
      return {
        ok: true,
        check: {
          id,
          spec,
          exactPaths: null,
          matches,
          evaluatorFor: () => evaluator,
          keep: (f) => f.count > 0 || f.skipped === 'too-large',
          holds: (s) => total(s) === 0,
          describe: (s) => {
            const unread = [...s.matched.values()].filter((f) => f.skipped).length
            const found = `${total(s)} matching line(s) in ${s.matched.size - unread} file(s)`
            return unread ? `${found}; ${unread} file(s) too large to read` : found
          },
        },
      }
    }
    case 'file-count':
    case 'path-match': {
      const glob = planToRepoGlob(normalizePlanPath(spec.glob), prefix)
      if (glob === null) return notHere(spec.glob)
      const matches = compileGlobs([glob])
      const holds = spec.kind === 'path-match' ? present : (s: CheckState) => compare(s.matched.size, spec.op, spec.value)
      const describe = (s: CheckState) => `${s.matched.size} file(s) match \`${spec.glob}\``
      return { ok: true, check: { ...base, exactPaths: null, matches, evaluatorFor: () => null, holds, describe } }
    }
    case 'dependency': {
      const files = compileGlobs(spec.files.map((g) => planToRepoGlob(normalizePlanPath(g), prefix)).filter((g): g is string => g !== null))
      const hasFiles = spec.files.length > 0
      const evaluatorFor = (p: string): FileEvaluator | null => {
        const kind = manifestKind(p)
        if (kind === 'npm') return spec.npm.length ? dependencyEvaluator(kind, spec.npm) : null
        if (kind === 'requirements' || kind === 'pyproject') return spec.python.length ? dependencyEvaluator(kind, spec.python) : null
        return null
      }
      const matches = (p: string) => !isVendoredPath(p) && (evaluatorFor(p) !== null || (hasFiles && files(p)))
      const holds = (s: CheckState) => [...s.matched.values()].some((f) => f.ok !== false && !f.skipped)
      return {
        ok: true,
        check: {
          id,
          spec,
          exactPaths: null,
          matches,
          evaluatorFor,
          keep: (f) => f.ok !== false,
          holds,
          describe: (s) => (holds(s) ? null : `${spec.tool} not found in any manifest or config file`),
        },
      }
    }
    case 'coverage': {
      const evaluator = coverageEvaluator(spec.metric, spec.min)
      const matches = (p: string) => !isVendoredPath(p) && isCoverageSummary(p)
      const holds = (s: CheckState) => [...s.matched.values()].some((f) => f.ok === true)
      const describe = (s: CheckState) =>
        s.matched.size === 0 ? 'no committed coverage summary' : [...s.matched.values()].map((f) => f.note).filter(Boolean).join('; ')
      return { ok: true, check: { ...base, exactPaths: null, matches, evaluatorFor: () => evaluator, holds, describe } }
    }
  }
}
