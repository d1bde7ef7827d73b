import {
  lt as pep440Lt,
  lte as pep440Lte,
  satisfies as pep440Satisfies,
  validRange as pep440ValidRange,
} from '@renovatebot/pep440'
import { parse as parseSpecifier } from '@renovatebot/pep440/lib/specifier.js'
import semver from 'semver'
import { parse as parseToml } from 'smol-toml'
import { parseJsonLoose } from './json-loose'
import { moreDeclaredPackages, moreManifestKind, moreNamesMatch, type MoreManifestKind } from './manifests-more'

/**
 * Dependency manifests: which packages a manifest declares, in which section, with which version text.
 * Lockfiles are never read (package-lock.json, poetry.lock, go.sum, Cargo.lock ...): a package that only a
 * lockfile names is a transitive dependency, not a decision of the project.
 */

export type ManifestKind = 'npm' | 'requirements' | 'pyproject' | 'gomod' | 'cargo' | MoreManifestKind
export type DependencySection = 'runtime' | 'dev'

export interface Declared {
  /** as written in the manifest */
  name: string
  section: DependencySection
  /** the version text as declared ("^4.2", "==4.2.7", "v1.9.0"), empty when none */
  spec: string
  /** 1-based line of the declaration, 0 when unknown */
  line: number
  /** go.mod: a requirement marked `// indirect` (needed by a dependency, not imported by the module itself) */
  indirect?: boolean
}

export function manifestKind(path: string): ManifestKind | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (name === 'package.json') return 'npm'
  if (/^requirements.*\.(txt|in)$/i.test(name)) return 'requirements'
  if (name === 'pyproject.toml') return 'pyproject'
  if (name === 'go.mod') return 'gomod'
  if (name === 'Cargo.toml') return 'cargo'
  return moreManifestKind(name)
}

/** PEP 503: lower case, runs of -_. become one - */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

/** a name the plan gives (`wanted`) names this declared package (a JVM artifact also answers to its artifact id) */
export function packageNamed(kind: ManifestKind, wanted: string, declared: string): boolean {
  if (kind === 'npm' || kind === 'requirements' || kind === 'pyproject' || kind === 'gomod' || kind === 'cargo')
    return packageIdentity(kind, wanted) === packageIdentity(kind, declared)
  return moreNamesMatch(kind, wanted, declared)
}

/** the comparable identity of a package name in a manifest of this kind */
export function packageIdentity(kind: ManifestKind, name: string): string {
  return kind === 'requirements' || kind === 'pyproject'
    ? normalizePythonName(name)
    : kind === 'cargo'
      ? name.toLowerCase().replace(/_/g, '-')
      : name
}

function lineOf(lines: string[], needle: string): number {
  const index = lines.findIndex((l) => l.includes(needle))
  return index + 1
}

const PEP508_NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/

/** "Django[argon2]==4.2.7 ; python_version>'3'" -> name and version text (extras and markers dropped) */
export function parseRequirement(text: string): { name: string; spec: string } | null {
  const m = PEP508_NAME.exec(text.replace(/#.*$/, ''))
  if (!m) return null
  const spec = m[3]
    .split(';')[0]
    .replace(/^\(|\)$/g, '')
    .trim()
  if (spec.startsWith('@')) return { name: m[1], spec: '' }
  return { name: m[1], spec }
}

function requirementsDeclared(text: string, path: string): Declared[] {
  const section: DependencySection = /(dev|test|lint|doc|typ)/i.test(path.slice(path.lastIndexOf('/') + 1))
    ? 'dev'
    : 'runtime'
  const out: Declared[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('-')) return
    const req = parseRequirement(line)
    if (req) out.push({ ...req, section, line: i + 1 })
  })
  return out
}

function npmDeclared(text: string, lines: string[]): Declared[] {
  const doc = parseJsonLoose(text) as Record<string, unknown> | undefined
  if (!doc || typeof doc !== 'object') return []
  const sections: Array<[string, DependencySection]> = [
    ['dependencies', 'runtime'],
    ['peerDependencies', 'runtime'],
    ['optionalDependencies', 'runtime'],
    ['devDependencies', 'dev'],
  ]
  const out: Declared[] = []
  for (const [key, section] of sections) {
    const deps = doc[key]
    if (!deps || typeof deps !== 'object') continue
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>))
      out.push({ name, section, spec: String(spec ?? ''), line: lineOf(lines, `"${name}"`) })
  }
  return out
}

const DEV_GROUP = /^(dev|devel|develop|development|test|tests|testing|lint|linting|docs?|typing|types|check|ci|qa)$/i

/** the value under a key path of a parsed TOML document; undefined when any step is not a table */
function at(node: unknown, ...keys: string[]): unknown {
  let current = node
  for (const key of keys)
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined
  return current
}

/** the table under a key path, empty when absent */
function tableAt(node: unknown, ...keys: string[]): Record<string, unknown> {
  return (at(node, ...keys) ?? {}) as Record<string, unknown>
}

/** A TOML dependency table (Poetry, Cargo): `name = "1.2"` or `name = { version = "1.2", … }`. */
function tomlTableDeclared(table: unknown, section: DependencySection, lines: string[]): Declared[] {
  if (!table || typeof table !== 'object') return []
  return Object.entries(table as Record<string, unknown>).map(([name, value]) => {
    const spec =
      typeof value === 'string'
        ? value
        : typeof (value as { version?: unknown })?.version === 'string'
          ? String((value as { version: string }).version)
          : ''
    return { name, section, spec, line: lineOf(lines, name) }
  })
}

function pyprojectDeclared(text: string, lines: string[]): Declared[] {
  const doc: unknown = parseToml(text)
  const out: Declared[] = []
  const fromList = (list: unknown, section: DependencySection) => {
    if (!Array.isArray(list)) return
    for (const item of list) {
      if (typeof item !== 'string') continue
      const req = parseRequirement(item)
      if (req) out.push({ ...req, section, line: lineOf(lines, req.name) })
    }
  }
  // Poetry lists the interpreter among the dependencies
  const fromTable = (table: unknown, section: DependencySection) =>
    out.push(...tomlTableDeclared(table, section, lines).filter((dep) => dep.name.toLowerCase() !== 'python'))
  fromList(at(doc, 'project', 'dependencies'), 'runtime')
  for (const [group, list] of Object.entries(tableAt(doc, 'project', 'optional-dependencies')))
    fromList(list, DEV_GROUP.test(group) ? 'dev' : 'runtime')
  for (const list of Object.values(tableAt(doc, 'dependency-groups'))) fromList(list, 'dev')
  const poetry = at(doc, 'tool', 'poetry')
  if (poetry) {
    fromTable(at(poetry, 'dependencies'), 'runtime')
    fromTable(at(poetry, 'dev-dependencies'), 'dev')
    for (const [group, body] of Object.entries(tableAt(poetry, 'group')))
      fromTable(at(body, 'dependencies'), group === 'main' ? 'runtime' : 'dev')
  }
  for (const list of Object.values(tableAt(doc, 'tool', 'pdm', 'dev-dependencies'))) fromList(list, 'dev')
  fromList(at(doc, 'tool', 'uv', 'dev-dependencies'), 'dev')
  return out
}

function goModDeclared(lines: string[]): Declared[] {
  const out: Declared[] = []
  let inBlock = false
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (/^require\s*\($/.test(line)) return void (inBlock = true)
    if (inBlock && line === ')') return void (inBlock = false)
    const m = inBlock ? /^(\S+)\s+(\S+)$/.exec(line) : /^require\s+(\S+)\s+(\S+)$/.exec(line)
    const indirect = /\/\/\s*indirect\b/.test(raw)
    if (m) out.push({ name: m[1], spec: m[2], section: 'runtime', line: i + 1, ...(indirect ? { indirect } : {}) })
  })
  return out
}

function cargoDeclared(text: string, lines: string[]): Declared[] {
  const doc: unknown = parseToml(text)
  const out: Declared[] = []
  const fromTable = (table: unknown, section: DependencySection) =>
    out.push(...tomlTableDeclared(table, section, lines))
  const addAll = (node: unknown) => {
    fromTable(at(node, 'dependencies'), 'runtime')
    fromTable(at(node, 'build-dependencies'), 'runtime')
    fromTable(at(node, 'dev-dependencies'), 'dev')
  }
  addAll(doc)
  addAll(at(doc, 'workspace'))
  for (const target of Object.values(tableAt(doc, 'target'))) addAll(target)
  return out
}

/** the packages a manifest declares; throws when the file does not parse */
export function declaredPackages(kind: ManifestKind, text: string, path: string): Declared[] {
  const lines = text.split('\n')
  switch (kind) {
    case 'npm':
      return npmDeclared(text, lines)
    case 'requirements':
      return requirementsDeclared(text, path)
    case 'pyproject':
      return pyprojectDeclared(text, lines)
    case 'gomod':
      return goModDeclared(lines)
    case 'cargo':
      return cargoDeclared(text, lines)
    default:
      return moreDeclaredPackages(kind, text)
  }
}

type Pep440Clause = { operator: string; version: string }

function pep440Clauses(spec: string): Pep440Clause[] {
  return ((parseSpecifier(spec.replace(/\s+/g, '')) as Pep440Clause[] | null) ?? []).filter(
    (c) => c && typeof c.version === 'string',
  )
}

/** a PEP 440 specifier ("==4.2.7", ">=4.2,<4.3", "~=4.2.0") lies inside `range` */
function pep440Within(spec: string, range: string): boolean {
  const clauses = pep440Clauses(spec)
  if (clauses.length === 0) return false
  const pin = clauses.find((c) => (c.operator === '==' || c.operator === '===') && !c.version.includes('*'))
  if (pin) return pep440Satisfies(pin.version, range)
  const lower = clauses.find(
    (c) => c.operator === '>=' || c.operator === '~=' || c.operator === '>' || c.operator === '==',
  )
  if (!lower || !pep440Satisfies(lower.version.replace(/\.\*$/, ''), range)) return false
  const targetUpper = pep440Clauses(range).find((c) => c.operator === '<' || c.operator === '<=')
  if (!targetUpper) return true
  // the declared range must also end inside the target
  const upper = clauses.find((c) => c.operator === '<' || c.operator === '<=')
  if (!upper) return false
  return upper.operator === '<' && targetUpper.operator === '<'
    ? pep440Lte(upper.version, targetUpper.version)
    : pep440Lt(upper.version, targetUpper.version) ||
        (upper.operator === targetUpper.operator && pep440Lte(upper.version, targetUpper.version))
}

function semverRange(kind: ManifestKind, spec: string): string | null {
  let s = spec.trim()
  if (kind === 'gomod') s = s.replace(/^v/, '').replace(/\+incompatible$/, '')
  if (kind === 'cargo' && /^\d/.test(s)) s = `^${s}`
  // the other manifests' requirements are semver ranges already (manifests-more.ts)
  return semver.validRange(s)
}

/** the declared version text lies inside `range` (semver for npm/go/cargo, PEP 440 for Python) */
export function versionWithin(kind: ManifestKind, spec: string, range: string): boolean {
  if (!spec) return false
  if (kind === 'requirements' || kind === 'pyproject') {
    if (!pep440ValidRange(range)) return false
    const normalized = /^[\d]/.test(spec) ? `==${spec}` : spec
    return pep440Within(normalized, range)
  }
  const declared = semverRange(kind, spec)
  const target = semver.validRange(range)
  if (!declared || !target) return false
  return semver.subset(declared, target, { includePrerelease: true })
}
