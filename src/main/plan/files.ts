import type { FileRef, FileRole } from '../../shared/plan-model'
import { bounded } from './text'

/** File references: backticked paths, Files-to lists, `**File**:` lines, code comments, directory trees. */

const EXTENSION = /\.[A-Za-z0-9]{1,8}$/
const FORBIDDEN = /[\s"'<>{}()|,;=]|:\/\/|^\$|^@/

/** A conservative test: a path has a file extension or at least one directory separator. */
export function looksLikePath(candidate: string): boolean {
  const text = candidate.trim()
  if (text.length < 2 || text.length > 260 || FORBIDDEN.test(text)) return false
  if (/^\d+(?:\.\d+)*$/.test(text) || /^[.\d]+[a-z]*$/i.test(text)) return false
  if (text.startsWith('/')) {
    // "/health" or "/api/v1/x" are routes; an absolute file path has an extension
    return EXTENSION.test(text) && text.split('/').length > 2
  }
  if (/^[A-Za-z]:[\\/]/.test(text) || text.startsWith('~/')) return true
  const normalized = text.replace(/\\/g, '/')
  if (normalized.includes('/'))
    return (/[A-Za-z0-9_*]/.test(normalized) && !/^[a-z]+\/[a-z]+$/i.test(normalized)) || normalized.endsWith('/')
  if (WELL_KNOWN_FILE.test(normalized)) return true
  return (
    EXTENSION.test(normalized) &&
    /^[\w.*-]+$/.test(normalized) &&
    !/^\.?\d/.test(normalized) &&
    /[A-Za-z]/.test(normalized.replace(EXTENSION, ''))
  )
}

/** Files that have no extension but are unmistakably files ("Dockerfile", "Makefile", "Dockerfile.prod"). */
const WELL_KNOWN_FILE =
  /^(?:Dockerfile|Containerfile|Makefile|GNUmakefile|Procfile|Gemfile|Rakefile|Jenkinsfile|Vagrantfile|Brewfile|Pipfile|Justfile|Taskfile|Caddyfile|Earthfile|Tiltfile|CODEOWNERS|LICENSE|NOTICE|OWNERS)(?:\.[\w-]+)?$/

/**
 * A Files-list entry's references: paths outside parentheses take the list's role — or "remove" when
 * the entry says so ("`x.yml` (remove, replaced by `y.yml`)") — and paths inside parentheses are mentions.
 */
export function entryRefs(raw: string, role: FileRole, line: number): FileRef[] {
  const text = bounded(raw, 2000)
  const inside = [...text.matchAll(/\(([^()]*)\)/g)].map((match) => match[1]).join(' ')
  const outside = text.replace(/\([^()]*\)/g, ' ')
  const removes =
    /\b(?:remove[ds]?|delete[ds]?|drop(?:ped)?|retire[ds]?)\b/i.test(inside) ||
    /[—–-]\s*(?:remove|delete)\b/i.test(outside)
  const own = role === 'mention' ? 'mention' : removes ? 'remove' : role
  const refs = listEntryPaths(outside).map((path) => makeRef(path, own, line))
  for (const path of backtickedPaths(inside)) refs.push(makeRef(path, 'mention', line))
  return refs
}

export function normalizePath(candidate: string): { path: string; unsafe: boolean } {
  let path = candidate.trim().replace(/\\/g, '/')
  while (path.startsWith('./')) path = path.slice(2)
  const absolute = path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path.startsWith('~')
  let depth = 0
  let escapes = false
  for (const segment of path.split('/')) {
    if (segment === '..') depth--
    else if (segment !== '' && segment !== '.') depth++
    if (depth < 0) escapes = true
  }
  return { path, unsafe: absolute || escapes || path.startsWith('-') }
}

export function makeRef(candidate: string, role: FileRole, line: number): FileRef {
  const { path, unsafe } = normalizePath(candidate)
  return { path, role, line, unsafe }
}

export function backtickedPaths(raw: string): string[] {
  const out: string[] = []
  for (const match of bounded(raw, 8000).matchAll(/`([^`\n]{2,260})`/g)) {
    if (looksLikePath(match[1])) out.push(match[1].trim())
  }
  return out
}

/** A Files-to list entry: its backticked paths, else a leading path-like token ("a/b.py - why"). */
export function listEntryPaths(raw: string): string[] {
  const ticked = backtickedPaths(raw)
  if (ticked.length > 0) return ticked
  const first =
    bounded(raw, 400)
      .replace(/^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s*)?/, '')
      .split(/\s+(?:-|–|—)\s+|\s/)[0] ?? ''
  return looksLikePath(first) ? [first] : []
}

/** "# services/x/y.py" or "// src/a.ts" on one of a code block's first lines. */
export function codeCommentPaths(code: string): Array<{ path: string; offset: number }> {
  const out: Array<{ path: string; offset: number }> = []
  const lines = code.split('\n', 6)
  for (let index = 0; index < lines.length; index++) {
    const match = /^\s*(?:#|\/\/|--|\/\*|<!--)\s*([^\s]{2,260}?)\s*(?:\*\/|-->)?\s*$/.exec(bounded(lines[index], 300))
    if (match && looksLikePath(match[1]) && !match[1].startsWith('/')) out.push({ path: match[1], offset: index })
  }
  return out
}

const TREE_ENTRY = /^((?:[│|]\s{1,3}|\s{2,4})*)[├└]──\s*([^\s#]+)/

/**
 * A code block drawing a directory tree under a root line ("server/"): the files and folders
 * it names, relative to the root. Conservative: needs a root line and tree glyphs.
 */
export function directoryTreePaths(code: string): Array<{ path: string; offset: number }> {
  const lines = code.split('\n')
  const rootIndex = lines.findIndex((line) => line.trim() !== '')
  if (rootIndex < 0) return []
  const rootMatch = /^\s*([\w.-]+(?:\/[\w.-]+)*)\/\s*(?:#.*)?$/.exec(bounded(lines[rootIndex], 300))
  if (!rootMatch || !lines.some((line) => /[├└]──/.test(line))) return []
  const root = rootMatch[1]
  const out: Array<{ path: string; offset: number }> = [{ path: `${root}/`, offset: rootIndex }]
  const stack: string[] = []
  for (let index = rootIndex + 1; index < lines.length && index < 2000; index++) {
    const match = TREE_ENTRY.exec(bounded(lines[index], 300))
    if (!match) continue
    const level = Math.round(match[1].replace(/│|\|/g, ' ').length / 4)
    const name = match[2]
    if (name === '...' || name === '…') continue
    stack.length = Math.min(stack.length, level)
    const parentPath = [root, ...stack].join('/')
    const path = `${parentPath}/${name}`
    out.push({ path, offset: index })
    if (name.endsWith('/')) stack.push(name.slice(0, -1))
  }
  return out
}

const ROLE_STRENGTH: Record<FileRole, number> = { mention: 0, create: 2, modify: 2, remove: 2 }

/** One reference per path: explicit roles win over mentions; the first explicit role is kept. */
export function dedupeRefs(refs: FileRef[]): FileRef[] {
  const byPath = new Map<string, FileRef>()
  for (const ref of refs) {
    const existing = byPath.get(ref.path)
    if (!existing || ROLE_STRENGTH[ref.role] > ROLE_STRENGTH[existing.role]) byPath.set(ref.path, ref)
  }
  return [...byPath.values()]
}
