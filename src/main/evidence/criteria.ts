import type { CheckSpec, Comparison, JsonScalar, ValueOp } from '../../shared/check-model'
import { manifestKind } from './manifests'
import { isSafePlanPath, normalizePlanPath } from './paths'
import { structuredFormat } from './values'

/**
 * The criteria language: one criterion sentence in, one check per claim out (or nothing, and the sentence is
 * listed as "not checkable"). Every phrasing is anchored on a whole clause, so a sentence is either read
 * completely or not at all; README.md ("Criteria language") lists them all with examples.
 */

export interface CriterionContext {
  /** the task's only named file, for sentences that name none ("contains `X`", "stays under 600 lines") */
  onlyFile: string | null
  /** a bare file name ("main.py") -> the task's file of that name */
  resolve(token: string): string | null
}

type Spec = CheckSpec
type Meta = { sourceLine: number; source: string }

const T = '`([^`]+)`'
const LIST = '`[^`]+`(?:\\s*(?:,|;)?\\s*(?:and|or|nor|and\\s+no|or\\s+no|,)?\\s*(?:no\\s+)?`[^`]+`)*'
// build and config files named without an extension, and their variants (`Makefile.docker`, `Dockerfile.alpine`)
const EXTENSIONLESS =
  /^(?:Dockerfile|Containerfile|Makefile|GNUmakefile|Jenkinsfile|Justfile|Caddyfile|Vagrantfile|Procfile)(?:\.[\w-]+)?$|^(?:Gemfile|Rakefile|Brewfile|Pipfile|LICENSE|CODEOWNERS|VERSION)$/
const FILE_EXT =
  /\.(?:py|pyi|ts|tsx|js|jsx|mjs|cjs|json|jsonc|ya?ml|toml|md|rst|ini|cfg|txt|sh|bash|go|mod|rs|rb|java|kt|kts|swift|cs|csproj|php|html|css|scss|sql|lock|env|conf|xml|gradle|tf|hcl|mk|proto|vue|svelte|example|sample|dist|j2|tpl|properties|c|h|cc|cpp|hpp|scala|ex|exs|dart|lua)$/i

const LANGUAGE_EXTENSIONS: Record<string, string[]> = {
  python: ['py'],
  typescript: ['ts', 'tsx'],
  javascript: ['js', 'jsx', 'mjs', 'cjs'],
  go: ['go'],
  rust: ['rs'],
  ruby: ['rb'],
  java: ['java'],
  yaml: ['yml', 'yaml'],
  json: ['json'],
  markdown: ['md'],
  shell: ['sh'],
}

/** words a lead uses for parts of a tree that are exempt ("tests are exempt") */
const EXEMPT_WORDS: Array<[RegExp, string[]]> = [
  [
    /^(?:unit |the )?tests?(?: files| code| folders?| suites?)?$/i,
    [
      '**/tests/**',
      '**/test/**',
      '**/__tests__/**',
      '**/test_*.py',
      '**/*_test.py',
      '**/*_test.go',
      '**/*.test.*',
      '**/*.spec.*',
      '**/conftest.py',
    ],
  ],
  [/^(?:the )?migrations?$/i, ['**/migrations/**']],
  [/^(?:the )?management commands?$/i, ['**/management/commands/**']],
  [/^(?:the )?scripts?$/i, ['scripts/**', '**/scripts/**']],
  [/^(?:the )?(?:docs|documentation)$/i, ['docs/**', '**/*.md', '**/*.rst']],
  [/^(?:the )?(?:fixtures|test fixtures)$/i, ['**/fixtures/**']],
  [/^(?:the )?examples?$/i, ['examples/**', '**/examples/**']],
  [/^(?:the )?(?:benchmarks?|bench)$/i, ['bench/**', 'benchmarks/**', '**/bench/**', '**/benchmarks/**']],
  [/^(?:the )?(?:vendored code|vendor|third[- ]party code)$/i, ['vendor/**', '**/vendor/**', 'third_party/**']],
  [/^(?:generated code|generated files)$/i, ['**/generated/**', '**/*.generated.*']],
]

const tokens = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1])

/** a token the criteria name as a file or folder (not a code token) */
export function isPathLike(token: string): boolean {
  const t = token.trim()
  // quotes and operators belong to code (`"math/rand"`, `a/b >= 2`), never to a path a plan names
  if (/\s/.test(t) || t.length === 0 || /["'<>=;|&]/.test(t)) return false
  return t.includes('/') || EXTENSIONLESS.test(t) || FILE_EXT.test(t) || /^\.[\w.-]+$/.test(t)
}

const isGlob = (p: string) => /[*?[\]{}]/.test(p)
const isDir = (p: string) => p.endsWith('/')

/** a glob the reader flattened (`hc//*.py`: the `**` was read as emphasis) is put back */
function normalizeGlob(token: string): string {
  return normalizePlanPath(token.replace(/([^/])\/\/(?=[^/])/g, '$1/**/'))
}

function pathOf(token: string, ctx: CriterionContext): string | null {
  const path = normalizeGlob(token)
  if (!isSafePlanPath(path)) return null
  return path.includes('/') ? path : ctx.resolve(path)
}

function scalarOf(token: string): JsonScalar {
  const t = token.trim()
  if (/^".*"$|^'.*'$/.test(t)) return t.slice(1, -1)
  if (t === 'true' || t === 'false') return t === 'true'
  if (t === 'null') return null
  if (/^-?\d+(?:\.\d+)?$/.test(t) && !/^\d+\.\d+\.\d+/.test(t)) return t
  return t
}

function comparison(word: string): Comparison | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim()
  if (['<', 'under', 'below', 'fewer than', 'less than', 'shorter than', 'smaller than'].includes(w)) return '<'
  if (
    [
      '<=',
      '≤',
      'at most',
      'no more than',
      'no longer than',
      'not more than',
      'not longer than',
      'max',
      'max:',
      'maximum',
      'maximum:',
      'up to',
    ].includes(w)
  )
    return '<='
  if (['>', 'more than', 'over', 'above'].includes(w)) return '>'
  if (['>=', '≥', 'at least', 'no fewer than', 'minimum', 'min', 'minimum of'].includes(w)) return '>='
  if (['exactly', '==', '='].includes(w)) return '=='
  return null
}

const COMPARATOR =
  '(<=|≤|<|>=|≥|>|under|below|fewer than|less than|shorter than|smaller than|at most|no more than|no longer than|not more than|not longer than|up to|max(?:imum)?:?|more than|over|above|at least|no fewer than|minimum(?: of)?|exactly)'

/** "(tests, migrations and management commands are exempt)" / "except `x/`" -> exclusion globs; null when a word is unknown */
function exemptions(text: string): string[] | null {
  const out: string[] = []
  for (const part of text
    .split(/\s*(?:,|\band\b|\bor\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const token = /^`([^`]+)`$/.exec(part)?.[1]
    if (token) {
      const path = normalizeGlob(token)
      if (!isSafePlanPath(path)) return null
      out.push(isDir(path) ? `${path}**` : path)
      continue
    }
    const known = EXEMPT_WORDS.find(([pattern]) => pattern.test(part))
    if (!known) return null
    out.push(...known[1])
  }
  return out
}

/** splits "... (tests are exempt)" / "..., except `a/` and `b/`" into the clause and its exclusions */
function splitExemptions(clause: string): { clause: string; exclude: string[]; words: string[] } | null {
  let rest = clause
  const exclude: string[] = []
  const words: string[] = []
  const patterns = [
    /\s*\(([^()]*?)\s+(?:is|are)\s+(?:exempt|excluded|ignored|allowed|skipped)\)\s*$/i,
    /\s*\((?:except|excluding|apart from|other than|not counting|ignoring)\s+([^()]*)\)\s*$/i,
    /,?\s+(?:except(?: in| for| under)?|excluding|apart from|other than|outside(?: of)?|not counting|ignoring)\s+(.+)$/i,
    /[;,.]\s*([^;,.]*?)\s+(?:is|are)\s+(?:exempt|excluded|ignored)\s*$/i,
  ]
  for (const pattern of patterns) {
    const m = pattern.exec(rest)
    if (!m) continue
    const globs = exemptions(m[1])
    if (globs === null) return null
    exclude.push(...globs)
    words.push(m[1].trim())
    rest = rest.slice(0, m.index)
  }
  return { clause: rest.trim(), exclude, words }
}

function extensionGlob(exts: string[], dir: string): string {
  const base = dir ? (isDir(dir) ? `${dir}**/` : `${dir}/**/`) : '**/'
  return exts.length === 1 ? `${base}*.${exts[0]}` : `${base}*.{${exts.join(',')}}`
}

/** "any `.github/workflows/*.yml`", "any .ts or .js file under `server/`", "Python files in `src/`", "the codebase" */
function scopeOf(text: string, ctx: CriterionContext): string[] | null {
  const s = text.replace(/^(?:any|all|every|the|any of the|each)\s+/i, '').trim()
  if (
    /^(?:code ?base|code|repo(?:sitory)?|project|source(?: code)?|(?:production|application|app) code|tracked files|files)$/i.test(
      s,
    )
  )
    return []
  const ext =
    /^((?:`?\.?\w+`?)(?:\s*(?:,|or|and|\/)\s*`?\.?\w+`?)*)\s+(?:files?|modules?|sources?|code)(?:\s+(?:in|under|below|within|inside)\s+(?:the\s+)?`([^`]+)`)?$/i.exec(
      s,
    )
  if (ext) {
    const exts = ext[1]
      .split(/\s*(?:,|or|and|\/)\s*/)
      .map((e) => e.replace(/[`.]/g, '').toLowerCase())
      .flatMap((e) => LANGUAGE_EXTENSIONS[e] ?? [e])
    if (exts.some((e) => !/^\w+$/.test(e))) return null
    const dir = ext[2] ? normalizeGlob(ext[2]) : ''
    if (dir && !isSafePlanPath(dir)) return null
    return [extensionGlob([...new Set(exts)], dir)]
  }
  const globs = /^`[^`]+`(?:\s*(?:,|or|and)\s*`[^`]+`)*(?:\s+(?:files?|folders?|directories|dirs?|trees?))?$/.test(s)
    ? tokens(s)
    : null
  if (!globs) return null
  const out: string[] = []
  for (const g of globs) {
    const path = pathOf(g, ctx)
    if (!path) return null
    out.push(isDir(path) ? `${path}**` : path)
  }
  return out
}

/** a scope that names files one by one (no glob, no folder): each file is a claim of its own, and must exist */
function exactFilesOf(scope: string[]): string[] | null {
  return scope.length > 0 && scope.every((p) => !isGlob(p) && !p.endsWith('**') && isPathLike(p)) ? scope : null
}

/** `a`, `b` or `c` / neither `a` nor `b` */
function needlesOf(text: string): string[] {
  return tokens(text).filter((t) => t.length > 0)
}

// ------------------------------------------------------------------ the phrasings

function noInScope(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const split = splitExemptions(clause)
  if (!split) return null
  const m = new RegExp(
    `^(?:there (?:is|are) )?(?:no|zero|not a single)\\s+(?:more\\s+|remaining\\s+|occurrences? of\\s+|uses? of\\s+)?(${LIST})(?:\\s+(?:calls?|uses?|imports?|statements?|occurrences?|lines?))?(?:\\s+(?:anywhere|left|remain(?:ing)?))?(?:\\s+(?:in|under|inside|within|from|across|throughout)\\s+(.+))?$`,
    'i',
  ).exec(split.clause)
  if (!m) return null
  const needles = needlesOf(m[1])
  if (needles.length === 0) return null
  const scope = m[2] ? scopeOf(m[2], ctx) : []
  if (scope === null) return null
  const files = exactFilesOf(scope)
  if (files && split.exclude.length === 0) return files.flatMap((file) => lacksSpecs(file, needles, meta))
  const where = scope.length ? scope.map((g) => `\`${g}\``).join(', ') : 'any tracked code file'
  const except = split.words.length ? ` (${split.words.join('; ')} exempt)` : ''
  return needles.map((needle) => ({
    kind: 'text-absent',
    needle,
    scope,
    exclude: split.exclude,
    sentence: `no \`${needle}\` in ${where}${except}`,
    ...base(meta),
  }))
}

/** "nothing left under `a/`", "nothing left under `a/`, `b/` or `c/`" (one check per folder) */
function nothingUnder(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m = new RegExp(
    `^(?:nothing|no (?:files?|paths?|code)(?: (?:is|are))?)(?:\\s+(?:is|are))?(?:\\s+(?:left|tracked|remaining|remains))?\\s+(?:under|in|inside|below|within)\\s+(${LIST})$`,
    'i',
  ).exec(clause)
  if (!m || /\b(?:nor|no)\s+`/.test(m[1])) return null
  const out: Spec[] = []
  for (const token of tokens(m[1])) {
    const dir = pathOf(token, ctx)
    if (!dir) return null
    const glob = isGlob(dir) ? dir : `${dir.replace(/\/?$/, '/')}**`
    out.push(noFileUnder(glob, dir, meta))
  }
  return out
}

function fileCount(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m =
    new RegExp(
      `^(?:there (?:are|is) )?${COMPARATOR}\\s*(\\d+)\\s+(?:tracked\\s+)?(?:files?|paths?|modules?)\\s+(?:that\\s+)?(?:match(?:es|ing)?|named|like|under|in)\\s+${T}$`,
      'i',
    ).exec(clause) ??
    new RegExp(`^${COMPARATOR}\\s*(\\d+)\\s+${T}\\s+files?$`, 'i').exec(clause) ??
    (() => {
      const more = new RegExp(
        `^(\\d+)\\s+or more\\s+(?:files?\\s+)?(?:match(?:es|ing)?\\s+)?${T}(?:\\s+files?)?$`,
        'i',
      ).exec(clause)
      return more ? ['', '>=', more[1], more[2]] : null
    })() ??
    // "`src/handlers/` has at most 40 files", "`migrations/` holds at least 3 files"
    (() => {
      const held = new RegExp(
        `^${T}\\s+(?:has|holds|contains)\\s+${COMPARATOR}\\s*(\\d+)\\s+(?:tracked\\s+)?files?$`,
        'i',
      ).exec(clause)
      return held && isDir(held[1]) ? ['', held[2], held[3], held[1]] : null
    })()
  if (!m) return null
  const op = comparison(m[1])
  const glob = pathOf(m[3], ctx)
  if (!op || !glob) return null
  const value = Number(m[2])
  return [
    {
      kind: 'file-count',
      glob: isDir(glob) ? `${glob}**` : glob,
      op,
      value,
      sentence: `${op} ${value} files match \`${glob}\``,
      ...base(meta),
    },
  ]
}

function valueClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const OPS =
    '(equals|is set to|is|=|==|begins with|starts with|contains neither|includes neither|contains|includes|lists|has|accepts|allows|supports|satisfies|matches|excludes|does not (?:contain|include|list))'
  const forms: Array<[RegExp, 'file-key' | 'key-file']> = [
    [new RegExp(`^${T}\\s*(?:→|->|=>|›|:|»)\\s*${T}\\s+${OPS}\\s+(.+)$`, 'i'), 'file-key'],
    [
      new RegExp(
        `^(?:the\\s+)?${T}\\s*(?:list|key|value|setting|field|entry|array|option|version|range)?\\s+(?:in|of)\\s+${T}\\s+${OPS}\\s+(.+)$`,
        'i',
      ),
      'key-file',
    ],
  ]
  for (const [pattern, order] of forms) {
    const m = pattern.exec(clause)
    if (!m) continue
    const [fileToken, keyToken] = order === 'file-key' ? [m[1], m[2]] : [m[2], m[1]]
    const path = pathOf(fileToken, ctx)
    if (!path || isGlob(path)) return null
    const kind = manifestKind(path)
    if (
      order === 'key-file' &&
      kind &&
      isPackageName(keyToken, path) &&
      !isManifestKeyPath(kind, keyToken) &&
      /^(satisfies|matches|is)$/i.test(m[3])
    ) {
      const range = versionRangeOf(m[4])
      return range ? [packageSpec(keyToken, true, path, 'any', range, meta)] : null
    }
    if (!structuredFormat(path)) return null
    const parsed = valueOp(m[3], m[4])
    if (!parsed) return null
    const pointer = keyToken.split('.').filter(Boolean)
    const anyDepth = pointer.length === 1 && order === 'key-file'
    const shown = parsed.expected.map((e) => `\`${JSON.stringify(e)}\``).join(parsed.op === 'excludes' ? ' nor ' : ', ')
    const verb = parsed.op === 'excludes' ? 'contains neither' : parsed.op
    return [
      {
        kind: 'value',
        path,
        pointer,
        op: parsed.op,
        expected: parsed.expected,
        anyDepth,
        sentence: `\`${path}\` → \`${keyToken}\` ${verb} ${shown}`,
        ...base(meta),
      },
    ]
  }
  return null
}

/** "`History.md` is no longer listed in the `files` array of `package.json`": membership in a list (or mapping) */
function listMembershipClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m = new RegExp(
    `^(${LIST})\\s+(?:is|are)\\s+(?:(no longer|not|still)\\s+)?(?:(?:listed|included|present|named|declared)\\s+)?(?:in|under|among)\\s+(?:the\\s+)?${T}\\s*(?:list|array|key|entry|field|setting|section|mapping)?\\s+(?:in|of)\\s+${T}$`,
    'i',
  ).exec(clause)
  if (!m || /\b(?:nor|no)\s+`/.test(m[1])) return null
  const [, subjectList, negation, keyToken, fileToken] = m
  const path = pathOf(fileToken, ctx)
  if (!path || isGlob(path) || !structuredFormat(path)) return null
  // a manifest's dependency sections are read by the package phrasings (names normalised per ecosystem)
  const kind = manifestKind(path)
  if (kind && !isManifestKeyPath(kind, keyToken)) return null
  const expected = tokens(subjectList).map(scalarOf)
  const op: ValueOp = negation && /^(?:no longer|not)$/i.test(negation) ? 'excludes' : 'includes'
  const pointer = keyToken.split('.').filter(Boolean)
  const shown = expected.map((e) => `\`${JSON.stringify(e)}\``).join(op === 'excludes' ? ' nor ' : ', ')
  return [
    {
      kind: 'value',
      path,
      pointer,
      op,
      expected,
      anyDepth: pointer.length === 1,
      sentence: `\`${path}\` → \`${keyToken}\` ${op === 'excludes' ? 'contains neither' : 'includes'} ${shown}`,
      ...base(meta),
    },
  ]
}

const AT_LEAST =
  /^(?:(?:at least|no (?:lower|older|earlier) than|>=|≥)\s+(.+)|(.+?)\s+(?:or (?:later|newer|higher|above|greater|more)|and (?:up|above|later|newer)))$/i
const AT_MOST =
  /^(?:(?:at most|no (?:higher|newer|later) than|<=|≤)\s+(.+)|(.+?)\s+or (?:earlier|older|lower|below|less))$/i

/**
 * The version a sentence bounds ("`1.73.0` or later", "at least `4.4`", "`>=4.2,<5.0`") as a range, else null: a
 * word the reader does not know after the value must not be dropped ("`1.73.0` or earlier" is not `1.73.0`).
 */
function versionRangeOf(rest: string): string | null {
  const text = rest.trim()
  const low = AT_LEAST.exec(text)
  const high = AT_MOST.exec(text)
  const bound = low ? (low[1] ?? low[2]) : high ? (high[1] ?? high[2]) : text
  const m = /^`([^`]+)`$/.exec(bound.trim())
  if (!m) return null
  const value = m[1].trim()
  if (!low && !high) return value
  return /^v?\d+(?:\.\d+)*(?:[-+][\w.]+)?$/.test(value) ? `${low ? '>=' : '<='}${value.replace(/^v/, '')}` : null
}

function valueOp(word: string, rest: string): { op: ValueOp; expected: JsonScalar[] } | null {
  const w = word.toLowerCase()
  // "is `1.73.0` or later": a bound on a version, compared as one
  if (
    /^(?:is|equals|=|==|is set to|satisfies|matches)$/.test(w) &&
    (AT_LEAST.test(rest.trim()) || AT_MOST.test(rest.trim()))
  ) {
    const range = versionRangeOf(rest)
    return range ? { op: 'satisfies', expected: [range] } : null
  }
  // the values are the tokens, and nothing else but the words that join them ("`a`, `b` or `c`")
  if (rest.includes('`') && !new RegExp(`^${LIST}$`).test(rest.trim())) return null
  const listed = tokens(rest).map(scalarOf)
  const bare = rest.replace(/`/g, '').replace(/\.$/, '').trim()
  const expected = listed.length
    ? listed
    : bare
      ? [scalarOf(bare.replace(/^(?:node(?:\.js)?|python|go|rust|java|version)\s+/i, ''))]
      : []
  if (expected.length === 0) return null
  if (/neither|does not|excludes/.test(w)) return { op: 'excludes', expected }
  if (w === 'begins with' || w === 'starts with') return { op: 'begins-with', expected }
  if (w === 'accepts' || w === 'allows' || w === 'supports') return { op: 'accepts', expected }
  if (w === 'satisfies' || w === 'matches') return { op: 'satisfies', expected }
  if (w === 'includes' || w === 'lists' || w === 'has') return { op: 'includes', expected }
  if (w === 'contains') return { op: 'contains', expected }
  return { op: 'equals', expected }
}

/**
 * Keys of a manifest that are not dependency names: its top-level tables, and the keys of its package table a lead
 * names bare ("`rust-version` in `Cargo.toml`", "`requires-python` in `pyproject.toml`"). A dotted name is a key
 * path in Cargo.toml (crate names have no dots).
 */
const MANIFEST_KEYS: Record<string, RegExp> = {
  npm: /^(name|version|engines|scripts|type|main|module|exports|bin|files|workspaces|private|packageManager|license|browserslist|overrides|resolutions|config|publishConfig|repository)(\.|$)/,
  pyproject: /^(project|tool|build-system|dependency-groups|requires-python)(\.|$)/,
  gomod: /^(module|go|toolchain|godebug|require|replace|exclude|retract)(\.|$)/,
  composer:
    /^(name|description|type|license|version|require|require-dev|autoload|autoload-dev|config|scripts|extra|minimum-stability|prefer-stable|repositories|conflict|replace|provide|suggest|bin|archive)(\.|$)/,
  cargo:
    /^(package|workspace|features|profile|lib|bin|target|lints|patch|replace|badges|example|test|bench|rust-version|edition|resolver|publish|license|authors|readme|build|links|default-run)(\.|$)|\./,
}

function isManifestKeyPath(kind: string, key: string): boolean {
  return MANIFEST_KEYS[kind]?.test(key) ?? false
}

/**
 * a token that can be a package name in some ecosystem (no spaces, no code punctuation): npm scopes, Go module paths,
 * Composer vendor/name, Maven group:artifact. A name that ends like a file is a file, except in a .NET project file,
 * whose package names are dotted (`Newtonsoft.Json`).
 */
function isPackageName(token: string, manifest: string | null = null): boolean {
  const dotted = manifest !== null && manifestKind(manifest) === 'nuget'
  return (
    /^(@[\w.-]+\/)?[\w.-]+(\/[\w.-]+)*(:[\w.-]+)?$/.test(token) &&
    !/^\d/.test(token) &&
    (dotted || !FILE_EXT.test(token))
  )
}

function packageSpec(
  name: string,
  present: boolean,
  manifest: string | null,
  section: 'any' | 'runtime' | 'dev',
  range: string | null,
  meta: Meta,
  direct = false,
): Spec {
  const where = manifest ? ` in \`${manifest}\`` : ''
  const kind = `${direct ? 'direct ' : ''}${section === 'dev' ? 'dev ' : section === 'runtime' ? 'runtime ' : ''}`
  const what = `a ${kind}dependency`
  const sentence = present
    ? `\`${name}\` is ${what}${where}${range ? ` within \`${range}\`` : ''}`
    : `\`${name}\` is no longer ${what}${where}`
  return {
    kind: 'package',
    name,
    present,
    manifest,
    section,
    range,
    ...(direct ? { direct } : {}),
    sentence,
    ...base(meta),
  }
}

function sectionOf(word: string | undefined): 'any' | 'runtime' | 'dev' {
  if (!word) return 'any'
  if (/^(dev|development|test|devdependenc)/i.test(word)) return 'dev'
  if (/^(runtime|production|prod)/i.test(word)) return 'runtime'
  return 'any'
}

const DEP_WORD =
  '(?:direct\\s+|explicit\\s+|top-level\\s+)?(runtime\\s+|production\\s+|prod\\s+|dev\\s+|development\\s+|test\\s+)?(dependency|dependencies|devdependency|devdependencies|requirement|requirements|package|packages)'
const MANIFEST_REF = `(?:in|to|under|within|from)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}${T}(?:\\s+(devDependencies|dependencies|dev-dependencies))?`

/** "`pkg` is a dependency / is listed in `requirements.txt` / is no longer a dev dependency in `package.json`" */
function packageClause(subjects: string[], rest: string, meta: Meta): Spec[] | null {
  const named = /`([^`]+)`(?:\s+\w+)?$/.exec(rest)?.[1] ?? null
  if (!subjects.every((s) => isPackageName(s, named))) return null
  const present = new RegExp(
    `^(?:is|are)\\s+(?:(listed|declared|installed|included|added|pinned|present|required)\\s*)?(?:(?:as\\s+)?an?\\s+)?(?:${DEP_WORD})?\\s*(?:${MANIFEST_REF})?$`,
    'i',
  ).exec(rest)
  const absent =
    new RegExp(
      `^(?:is|are)\\s+(?:no longer|not)\\s+(?:(listed|declared|installed|included|present|required|used)\\s*)?(?:(?:as\\s+)?an?\\s+)?(?:${DEP_WORD})?\\s*(?:${MANIFEST_REF})?$`,
      'i',
    ).exec(rest) ??
    new RegExp(
      `^(?:is|are|has been|have been)\\s+(gone|removed|dropped|deleted|uninstalled)()()\\s*(?:${MANIFEST_REF})?$`,
      'i',
    ).exec(rest)
  const m = present ?? absent
  if (!m) return null
  const [, verb, sectionWord, depWord, manifestToken, sectionName] = m
  const manifest = manifestToken ? normalizePlanPath(manifestToken) : null
  if (manifest && !manifestKind(manifest)) return null
  // "`x` is present" alone is about a file, not a package: a package needs a dependency word, a manifest or an
  // install verb ("`helmet` is installed", "`request` is uninstalled")
  if (!depWord && !manifest && !/^(?:un)?installed$/i.test(verb ?? '')) return null
  if (!verb && !depWord && !/^(?:is|are)\s+(?:in|not in|no longer in)\s/i.test(rest) && present) return null
  const section = sectionOf(
    sectionWord ??
      (depWord && /^dev/i.test(depWord) ? 'dev' : undefined) ??
      (sectionName && /dev/i.test(sectionName) ? 'dev' : undefined),
  )
  // "not a direct dependency": a requirement go.mod marks `// indirect` does not count
  const direct = /\b(?:direct|explicit|top-level)\s+(?:\w+\s+)?(?:dependenc|requirement|package)/i.test(rest)
  return subjects.map((name) => packageSpec(name, present !== null, manifest, section, null, meta, direct))
}

function existsClause(subjects: string[], rest: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const exists =
    /^(?:exists?|(?:is|are) tracked|(?:is|are) present|(?:is|are) committed|(?:has|have) been (?:created|added|committed)|(?:is|are) (?:created|added|in place))$/i.test(
      rest,
    )
  const absent =
    /^(?:no longer exists?|(?:has|have) been (?:deleted|removed)|(?:is|are) (?:deleted|removed|gone)|(?:does|do) not exist|(?:is|are) no longer (?:tracked|present)|(?:is|are) not tracked|(?:is|are) empty)$/i.test(
      rest,
    )
  if (!exists && !absent) return null
  const out: Spec[] = []
  for (const subject of subjects) {
    const path = pathOf(subject, ctx)
    // a bare token ("`CHANGELOG` exists") is a path when it exists in the tree: a file check finds out. "No longer
    // exists" needs a token that looks like a path, else a name never in the tree would hold from the start.
    if (!path || (absent && !isPathLike(subject) && !isDir(subject)) || /[\s()]/.test(subject)) return null
    if (isDir(path) || isGlob(path)) {
      const glob = isGlob(path) ? path : `${path}**`
      out.push(
        exists
          ? { kind: 'path-match', glob, sentence: `\`${path}\` has files`, ...base(meta) }
          : noFileUnder(glob, path, meta),
      )
    } else
      out.push(
        exists
          ? { kind: 'file-exists', path, sentence: `\`${path}\` exists`, ...base(meta) }
          : { kind: 'file-absent', path, sentence: `\`${path}\` no longer exists`, ...base(meta) },
      )
  }
  return out
}

const CONTAIN_VERBS =
  'contains|defines|declares|imports|calls|exports|registers|includes|mentions|references|uses|has|sets|configures|enables|adds|mounts|applies|wraps|exposes|installs|lists|runs|invokes'
const TRAILING_NOUN =
  '(instruction|directive|line|lines|section|call|calls|function|class|decorator|setting|settings|key|entry|import|method|field|header|block|route|endpoint|middleware|handler|hook|rule|step|job|stanza|statement|variable|constant|type|alias|flag|option|command|target)'

function containsClause(path: string, rest: string, meta: Meta): Spec[] | null {
  const m =
    new RegExp(
      `^(?:${CONTAIN_VERBS}|contain|define|declare|import|call|export|register|include|mention|reference|use|have|set)\\s+(?:an?\\s+|the\\s+)?(?:line\\s+(?:starting|beginning)\\s+with\\s+)?(${LIST})(?:\\s+${TRAILING_NOUN})?$`,
      'i',
    ).exec(rest) ??
    // "has an entry for `/.github/workflows/**`", "has a rule for `X`": the file names it
    new RegExp(
      `^(?:has|have|contains?|includes?)\\s+(?:an?|one|the)\\s+(?:entry|line|rule|record|mapping|pattern)\\s+(?:for|covering|matching|naming)\\s+(${LIST})$`,
      'i',
    ).exec(rest)
  if (!m) return null
  const needles = needlesOf(m[1])
  if (needles.length === 0) return null
  if (
    manifestKind(path) &&
    /^(?:contains|includes|lists|has|declares|installs)\b/i.test(rest) &&
    needles.every((n) => isPackageName(n, path))
  )
    return needles.map((n) => packageSpec(n, true, path, 'any', null, meta))
  const lineStart =
    /^(?:has|have|contains)\s+(?:an?\s+|the\s+)?line\s+(?:starting|beginning)\s+with/i.test(rest) ||
    /^(instruction|directive)$/i.test(m[2] ?? '')
  const shown = needles.map((n) => `\`${n}\``).join(', ')
  return [
    {
      kind: 'file-contains',
      path,
      needles,
      mode: lineStart ? 'line-start' : 'substring',
      sentence: lineStart ? `\`${path}\` has a line starting with ${shown}` : `\`${path}\` contains ${shown}`,
      ...base(meta),
    },
  ]
}

function lacksClause(path: string, rest: string, meta: Meta): Spec[] | null {
  const m =
    new RegExp(
      `^(?:does not|doesn't|do not|no longer|must not|should not|never|cannot)\\s+(?:contain|reference|define|import|call|use|mention|include|set|have|has|declare|install|list|run)s?\\s+(?:any\\s+|an?\\s+|the\\s+)?(${LIST})(?:\\s+(?:anymore|any more))?(?:\\s+${TRAILING_NOUN})?$`,
      'i',
    ).exec(rest) ??
    new RegExp(`^(?:has|contains|includes)\\s+no\\s+(?:more\\s+)?(${LIST})(?:\\s+${TRAILING_NOUN})?$`, 'i').exec(
      rest,
    ) ??
    new RegExp(`^is\\s+free\\s+of\\s+(${LIST})$`, 'i').exec(rest)
  if (!m) return null
  const needles = needlesOf(m[1])
  if (needles.length === 0) return null
  return lacksSpecs(path, needles, meta)
}

/**
 * "no `x` in `file`": the text is absent. In a manifest a package-like name must also not be a dependency (names
 * are normalised there: `PyYAML` / `pyyaml`), but the dependency check alone is weaker than the sentence: the text
 * can stay as a feature (`features = ["trust-dns"]`), a comment or a URL while no package of that name is declared.
 */
function lacksSpecs(path: string, needles: string[], meta: Meta): Spec[] {
  const packages = manifestKind(path) && needles.every((n) => isPackageName(n, path))
  return [
    ...(packages ? needles.map((n) => packageSpec(n, false, path, 'any', null, meta)) : []),
    {
      kind: 'file-lacks',
      path,
      needles,
      sentence: `\`${path}\` exists without ${needles.map((n) => `\`${n}\``).join(', ')}`,
      ...base(meta),
    },
  ]
}

function lineCountClause(path: string, rest: string, meta: Meta): Spec[] | null {
  const m = new RegExp(
    `^(?:is\\s+|has\\s+|stays\\s+|remains\\s+|keeps?\\s+|is\\s+kept\\s+|:\\s*)?(?:to\\s+)?${COMPARATOR}\\s*(\\d[\\d,]*)\\s+lines(?:\\s+long)?(?:\\s+of code)?$`,
    'i',
  ).exec(rest)
  if (!m) return null
  const op = comparison(m[1])
  if (!op || isGlob(path) || isDir(path)) return null
  const value = Number(m[2].replace(/,/g, ''))
  return [{ kind: 'line-count', path, op, value, sentence: `\`${path}\` has ${op} ${value} lines`, ...base(meta) }]
}

/** "`token` is registered / present under `dir/`", "`token` appears in `src/**\/*.ts`" */
function presentInScope(subject: string, rest: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m =
    /^(?:is\s+|are\s+)?(?:registered|present|used|defined|configured|mentioned|called|imported|referenced|declared|wired(?: up)?|mounted|appears?|occurs?|found)\s+(?:somewhere\s+)?(?:in|under|within|inside|across)\s+(.+)$/i.exec(
      rest,
    )
  if (!m || isPathLike(subject)) return null
  const scope = scopeOf(m[1], ctx)
  if (!scope || scope.length === 0) return null
  if (scope.length === 1 && !isGlob(scope[0]) && !scope[0].endsWith('**') && isPathLike(scope[0])) {
    return [
      {
        kind: 'file-contains',
        path: scope[0],
        needles: [subject],
        mode: 'substring',
        sentence: `\`${scope[0]}\` contains \`${subject}\``,
        ...base(meta),
      },
    ]
  }
  return [
    {
      kind: 'text-present',
      needle: subject,
      scope,
      exclude: [],
      sentence: `\`${subject}\` occurs in ${scope.map((g) => `\`${g}\``).join(', ')}`,
      ...base(meta),
    },
  ]
}

/**
 * "the `Dockerfile` symlink points at `docker/Dockerfile.debian`", "`.env` is a symlink to `.env.example`": the path is
 * a symbolic link to that target (a file that only mentions the path is not). The sentence must say it is a link:
 * "`README.md` links to `SECURITY.md`" is about a hyperlink.
 */
function linkClause(subject: string, rest: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m = new RegExp(
    `^(?:(?:symlink|symbolic link|link)\\s+(?:points|links|resolves)|(?:is|remains|stays) (?:a )?(?:symlink|symbolic link))\\s+(?:at|to)\\s+${T}$`,
    'i',
  ).exec(rest)
  if (!m || !isPathLike(subject) || !isPathLike(m[1])) return null
  const path = pathOf(subject, ctx)
  const target = normalizePlanPath(m[1])
  if (!path || isGlob(path) || isDir(path) || !isSafePlanPath(target)) return null
  return [
    {
      kind: 'file-contains',
      path,
      needles: [target],
      mode: 'link-target',
      sentence: `\`${path}\` points at \`${target}\``,
      ...base(meta),
    },
  ]
}

/** "`WEBSOCKET_PORT` no longer appears in `.env.template`", "`eval(` is not used anywhere under `src/`" */
function absentFromScope(subject: string, rest: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m =
    /^(?:no longer|does not|doesn't|do not|don't|never)\s+(?:appears?|occurs?|shows? up)\s+(?:anywhere\s+)?(?:in|under|within|inside|across)\s+(.+)$/i.exec(
      rest,
    ) ??
    /^(?:is|are)\s+(?:no longer|not|nowhere)\s+(?:used|referenced|mentioned|present|found|called|imported|set|defined|declared)\s+(?:anywhere\s+)?(?:in|under|within|inside|across)\s+(.+)$/i.exec(
      rest,
    ) ??
    /^(?:is|are|has been|have been)\s+(?:gone|removed|dropped|deleted)\s+from\s+(.+)$/i.exec(rest)
  if (!m || isPathLike(subject)) return null
  const scope = scopeOf(m[1], ctx)
  if (!scope || scope.length === 0) return null
  const files = exactFilesOf(scope)
  if (files) return files.flatMap((file) => lacksSpecs(file, [subject], meta))
  return [
    {
      kind: 'text-absent',
      needle: subject,
      scope,
      exclude: [],
      sentence: `no \`${subject}\` in ${scope.map((g) => `\`${g}\``).join(', ')}`,
      ...base(meta),
    },
  ]
}

const BUMPED = '(?:(?:is|has been|was|gets|got)\\s+)?(?:bumped|upgraded|updated|raised|moved|brought)\\s+(?:up\\s+)?to'
const NUMERIC_VERSION = /^v?\d+(?:\.\d+)*(?:[-+][\w.-]+)?$/

/**
 * "`Django` satisfies `>=4.2,<5.0`", "`yaml.v3` is at least `v3.0.0` in `go.mod`", "`miekg/dns` is bumped to
 * `v1.1.46`" (any manifest unless one is named, before or after). A bump to a version is done when the declared
 * version is that one or later (a later bump keeps it done); only a numeric version is read as a bound.
 */
function versionClause(subject: string, rest: string, meta: Meta): Spec[] | null {
  const m = new RegExp(
    `^(?:(?:in|from)\\s+${T}\\s+)?(satisfies|matches|is within|is pinned (?:to|within)|is at(?!\\s+least)|${BUMPED}|is)\\s+(.+?)(?:\\s+(?:in|within)\\s+${T})?$`,
    'i',
  ).exec(rest)
  if (!m || (m[1] && m[4])) return null
  const manifest = m[1] || m[4] ? normalizePlanPath(m[1] ?? m[4]) : null
  if ((manifest && !manifestKind(manifest)) || !isPackageName(subject, manifest)) return null
  const range = versionBound(m[2], m[3].trim())
  return range ? [packageSpec(subject, true, manifest, 'any', range, meta)] : null
}

/** the range a version phrase states: as written after "satisfies", a lower bound after "bumped to" / "at least" */
function versionBound(verb: string, phrase: string): string | null {
  if (/^(?:satisfies|matches|is within|is pinned (?:to|within)|is at)$/i.test(verb))
    return /^`[^`]+`$/.test(phrase) ? phrase.slice(1, -1).trim() : null
  const bumped = new RegExp(`^${BUMPED}$`, 'i').test(verb)
  const bare = /^`([^`]+)`$/.exec(phrase)?.[1].trim()
  if (bumped && bare) return NUMERIC_VERSION.test(bare) ? `>=${bare.replace(/^v/, '')}` : null
  // "is at least `V`", "is `V` or later" ("is `V`" alone is no bound: a value, read elsewhere)
  if (!AT_LEAST.test(phrase)) return null
  return versionRangeOf(phrase)
}

function subjectClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m = new RegExp(`^(${LIST})\\s+(.+)$`).exec(clause)
  if (!m || /\b(?:nor|no)\s+`/.test(m[1])) return null
  const subjects = tokens(m[1])
  // "the `hooks/` folder is gone", "the `ci.yml` workflow exists": the noun names what the path is
  const rest = subjects.every(isPathLike)
    ? m[2]
        .trim()
        .replace(
          /^(?:file|files|folder|folders|directory|directories|dir|dirs|tree|workflow|workflows)\s+(?=(?:is|are|has|have|exists?|no|does|do|was|were)\b)/i,
          '',
        )
    : m[2].trim()
  const direct = packageClause(subjects, rest, meta) ?? existsClause(subjects, rest, ctx, meta)
  if (direct) return direct
  if (subjects.length === 1) {
    const single =
      linkClause(subjects[0], m[2].trim(), ctx, meta) ??
      presentInScope(subjects[0], rest, ctx, meta) ??
      absentFromScope(subjects[0], rest, ctx, meta) ??
      versionClause(subjects[0], rest, meta)
    if (single) return single
  }
  const out: Spec[] = []
  for (const subject of subjects) {
    if (!isPathLike(subject)) return null
    const path = pathOf(subject, ctx)
    if (!path) return null
    if (isGlob(path) || isDir(path)) {
      // "`src/**/*.ts` has no `any`": a claim about every file of a scope
      const scoped = scopeClaim(path, rest, meta)
      if (!scoped) return null
      out.push(...scoped)
      continue
    }
    const specs = lacksClause(path, rest, meta) ?? containsClause(path, rest, meta) ?? lineCountClause(path, rest, meta)
    if (!specs) return null
    out.push(...specs)
  }
  return out
}

/** a lacks / contains claim whose subject is a glob or a folder: absent from every file / present in some file */
function scopeClaim(path: string, rest: string, meta: Meta): Spec[] | null {
  const scope = [isDir(path) ? `${path}**` : path]
  const lacks = lacksClause('x', rest, meta)
  if (lacks?.[0]?.kind === 'file-lacks') {
    return lacks[0].needles.map((needle) => ({
      kind: 'text-absent',
      needle,
      scope,
      exclude: [],
      sentence: `no \`${needle}\` in \`${scope[0]}\``,
      ...base(meta),
    }))
  }
  const contains = containsClause('x', rest, meta)
  if (contains?.[0]?.kind === 'file-contains' && contains[0].mode !== 'line-start') {
    return contains[0].needles.map((needle) => ({
      kind: 'text-present',
      needle,
      scope,
      exclude: [],
      sentence: `\`${needle}\` occurs in \`${scope[0]}\``,
      ...base(meta),
    }))
  }
  return null
}

const TABLE = '`\\[([\\w-]+(?:\\.[\\w-]+)*)\\]`'
const ASSIGNMENTS = '`[\\w.-]+\\s*=\\s*[^`]+`(?:\\s*(?:,|and|,\\s*and)\\s*`[\\w.-]+\\s*=\\s*[^`]+`)*'

/**
 * A TOML table and its settings as the file writes them: "`[profile.release]` in `Cargo.toml` sets `lto = "fat"` and
 * `codegen-units = 1`", "`Cargo.toml` has a `[profile.micro]` table with `opt-level = "z"`" (one value check each).
 */
function tableSettingsClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m =
    new RegExp(
      `^(?:the\\s+)?${TABLE}(?:\\s+(?:table|section))?\\s+(?:in|of)\\s+${T}\\s+(?:sets|has|contains|defines|declares|includes|configures)\\s+(${ASSIGNMENTS})$`,
      'i',
    ).exec(clause) ??
    (() => {
      const alt = new RegExp(
        `^${T}\\s+(?:has|contains|defines|declares|includes)\\s+(?:an?|the)\\s+${TABLE}(?:\\s+(?:table|section))?\\s+(?:with|setting|that sets)\\s+(${ASSIGNMENTS})$`,
        'i',
      ).exec(clause)
      return alt ? [alt[0], alt[2], alt[1], alt[3]] : null
    })()
  if (!m) return null
  const [, table, fileToken, assignments] = m
  const path = pathOf(fileToken, ctx)
  if (!path || isGlob(path) || structuredFormat(path) !== 'toml') return null
  return tokens(assignments).map((assignment) => {
    const eq = assignment.indexOf('=')
    const key = assignment.slice(0, eq).trim()
    const expected = scalarOf(assignment.slice(eq + 1))
    const pointer = [...table.split('.'), ...key.split('.')]
    return {
      kind: 'value' as const,
      path,
      pointer,
      op: 'equals' as const,
      expected: [expected],
      sentence: `\`${path}\` → \`${pointer.join('.')}\` equals \`${JSON.stringify(expected)}\``,
      ...base(meta),
    }
  })
}

/** "`debug` is set to `false` in `settings.toml`" */
function keyInFileClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m = new RegExp(`^${T}\\s+(?:is set to|is|equals|=)\\s+${T}\\s+in\\s+${T}$`, 'i').exec(clause)
  if (!m) return null
  const path = pathOf(m[3], ctx)
  if (
    !path ||
    isGlob(path) ||
    !structuredFormat(path) ||
    (manifestKind(path) && isPackageName(m[1], path) && !isManifestKeyPath(manifestKind(path)!, m[1]))
  )
    return null
  const pointer = m[1].split('.').filter(Boolean)
  const expected = [scalarOf(m[2])]
  return [
    {
      kind: 'value',
      path,
      pointer,
      op: 'equals',
      expected,
      anyDepth: pointer.length === 1,
      sentence: `\`${path}\` → \`${m[1]}\` equals \`${JSON.stringify(expected[0])}\``,
      ...base(meta),
    },
  ]
}

/** a clause that names no file: it is about the task's only file */
function boundClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  if (!ctx.onlyFile || clause.startsWith('`')) return null
  const rest = clause.replace(/^(?:it|the file|this file|the module)\s+/i, '')
  return (
    lacksClause(ctx.onlyFile, rest, meta) ??
    containsClause(ctx.onlyFile, rest, meta) ??
    lineCountClause(ctx.onlyFile, rest, meta)
  )
}

/** The folder (or glob) holds no tracked file: one spec for every phrasing that says so. */
function noFileUnder(glob: string, folder: string, meta: Meta): Spec {
  return {
    kind: 'file-count',
    glob,
    op: '==',
    value: 0,
    sentence: `no file tracked under \`${folder}\``,
    ...base(meta),
  }
}

function base(meta: Meta) {
  return {
    sourceLine: meta.sourceLine,
    origin: 'derived' as const,
    enabled: true,
    role: 'criterion' as const,
    source: meta.source,
  }
}

const EVERY = '(?:every|each|all(?:\\s+(?:the|of\\s+the))?)'
const HAS_VERB =
  '(?:sets?|contains?|has|have|declares?|defines?|includes?|specif(?:y|ies)|configures?|uses?|names?|carr(?:y|ies))'
const SHA_PIN =
  /^(?:(?:is|are)\s+pinned\s+(?:to|by|at)|pins?|references?|names?\s+(?:it|its\s+\w+|them|their\s+\w+)\s+by)\s+(?:an?\s+|its\s+|their\s+)?(?:full(?:-length)?\s+)?(?:commit\s+)?(?:SHA|SHA-1|hash|commit)(?:\s+hash)?$/i
const DIGEST_PIN =
  /^(?:(?:is|are)\s+pinned\s+(?:to|by)|pins?|uses?|references?|names?\s+(?:it|its\s+\w+|them|their\s+\w+)\s+by)\s+(?:an?\s+|its\s+|their\s+)?(?:`@?sha256:?`\s+)?(?:image\s+)?digests?$/i

/** the files a quantified claim is about: its noun ("workflow", "Dockerfile", "file") inside its scope, if any */
function everyScope(noun: string, where: string | undefined, ctx: CriterionContext): string[] | null {
  const kind = /^(?:GitHub\s+)?(?:Actions\s+)?workflow/i.test(noun)
    ? 'workflow'
    : /^Dockerfiles?$/i.test(noun)
      ? 'dockerfile'
      : /^files?$/i.test(noun)
        ? 'file'
        : null
  // "every Python file under `src/`", "every `.ts` file": a language or an extension names the files ("every test
  // file" names none)
  const language = /^(\S+)\s+files?$/i.exec(noun)?.[1].replace(/`/g, '')
  if (!kind)
    return language && (LANGUAGE_EXTENSIONS[language.toLowerCase()] || /^\.\w+$/.test(language))
      ? scopeOf(where ? `${noun} in ${where}` : noun, ctx)
      : null
  if (!where) {
    if (kind === 'workflow') return ['.github/workflows/*.yml', '.github/workflows/*.yaml']
    return kind === 'dockerfile' ? ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile'] : null
  }
  const scope = scopeOf(where, ctx)
  if (!scope || scope.length === 0) return null
  // a folder holds the noun's files: `.github/workflows/` -> its YAML files
  return scope.flatMap((glob) => {
    if (!glob.endsWith('/**') || kind === 'file') return [glob]
    const dir = glob.slice(0, -2)
    return kind === 'workflow' ? [`${dir}*.yml`, `${dir}*.yaml`] : [`${dir}**/Dockerfile`, `${dir}**/Dockerfile.*`]
  })
}

/**
 * Quantified claims: "every workflow in `.github/workflows/` sets `permissions:`" (each file of the scope contains
 * the text), "every `FROM` line in `Dockerfile` is pinned by digest", "every `actions/checkout` step in
 * `.github/workflows/*.yml` is pinned to a full commit SHA", "every `uses:` line in … contains `@`" (each line of a
 * kind meets the rule: an "`X` line" begins with X, another noun holds it). True only when the scope has files
 * (named files: all of them) and, for lines, at least one such line.
 */
function everyClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const split = splitExemptions(clause)
  if (!split) return null
  const filed = new RegExp(
    `^${EVERY}\\s+((?:GitHub\\s+)?(?:Actions\\s+)?workflows?(?:\\s+files?)?|Dockerfiles?|(?:\\S+\\s+)?files?)(?:\\s+(?:in|under|within|inside|matching|of)\\s+(.+?))?\\s+${HAS_VERB}\\s+(?:an?\\s+|the\\s+)?${T}(?:\\s+(?:key|block|section|setting|field|entry))?$`,
    'i',
  ).exec(split.clause)
  if (filed) {
    const scope = everyScope(filed[1], filed[2], ctx)
    if (!scope) return null
    return [everySpec(scope, split.exclude, { needle: filed[3] }, 'every file', meta)]
  }
  const lined = new RegExp(
    `^${EVERY}\\s+${T}\\s+(lines?|instructions?|steps?|references?|images?|actions?|calls?|imports?|entr(?:y|ies)|uses?)\\s+(?:in|under|within|inside|of|across)\\s+(.+?)\\s+((?:is|are|pins?|references?|names?|uses?|${HAS_VERB})\\b.*)$`,
    'i',
  ).exec(split.clause)
  if (!lined) return null
  const [, select, noun, where, predicate] = lined
  const named = /^(?:all\s+|the\s+)?((?:GitHub\s+)?workflows|Dockerfiles)$/i.exec(where)
  const scope = named ? everyScope(named[1], undefined, ctx) : scopeOf(where, ctx)
  // a text asked of a step, an entry or an image may sit on another of its lines (`with:`): only a line, an
  // instruction, a reference, an import or a call is one line; a pin sits on the reference's own line
  const oneLine = /^(?:lines?|instructions?|references?|imports?|calls?|uses?)$/i.test(noun)
  const step = /^steps?$/i.test(noun)
    ? /^(?:sets?|has|have|configures?)\s+`([\w.-]+\s*:\s*[^`]+)`$/i.exec(predicate)
    : null
  if (step && scope && scope.length > 0)
    return [
      everySpec(
        scope,
        split.exclude,
        { lines: select, steps: true, needle: step[1] },
        `every \`${select}\` step`,
        meta,
      ),
    ]
  const rule = SHA_PIN.test(predicate)
    ? { pin: 'commit-sha' as const }
    : DIGEST_PIN.test(predicate)
      ? { pin: 'digest' as const }
      : oneLine
        ? new RegExp(`^${HAS_VERB}\\s+(?:an?\\s+|the\\s+)?${T}$`, 'i').exec(predicate)
        : null
  if (!scope || scope.length === 0 || !rule) return null
  const asks = 'pin' in rule ? { pin: rule.pin } : { needle: rule[1] }
  const lineStart = /^(?:lines?|instructions?)$/i.test(noun)
  return [everySpec(scope, split.exclude, { lines: select, lineStart, ...asks }, `every \`${select}\` ${noun}`, meta)]
}

/**
 * "every entry under `dependencies` in `package.json` starts with `^`", "each item of the `python-version` list in
 * `ci.yml` begins with `3.1`": the comparison holds for each entry of a list (each value of a mapping), and there is one
 */
function everyEntryClause(clause: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  const m = new RegExp(
    `^${EVERY}\\s+(?:entry|entries|values?|items?|elements?|versions?|ranges?)\\s+(?:under|of|in)\\s+(?:the\\s+)?${T}(?:\\s+(?:list|array|key|mapping|section|table|object))?\\s+(?:in|of)\\s+${T}\\s+(starts? with|begins? with|equals?|is|are|contains?)\\s+(.+)$`,
    'i',
  ).exec(clause)
  if (!m) return null
  const [, keyToken, fileToken, verb, rest] = m
  const path = pathOf(fileToken, ctx)
  if (!path || isGlob(path) || !structuredFormat(path)) return null
  const word = /^(?:starts?|begins?)/i.test(verb) ? 'begins with' : /^contains?/i.test(verb) ? 'contains' : 'equals'
  const parsed = valueOp(word, rest)
  if (!parsed || !['begins-with', 'equals', 'contains'].includes(parsed.op)) return null
  const pointer = keyToken.split('.').filter(Boolean)
  const shown = parsed.expected.map((e) => `\`${JSON.stringify(e)}\``).join(', ')
  return [
    {
      kind: 'value',
      path,
      pointer,
      op: parsed.op,
      expected: parsed.expected,
      anyDepth: pointer.length === 1,
      each: true,
      sentence: `each entry of \`${path}\` → \`${keyToken}\` ${parsed.op} ${shown}`,
      ...base(meta),
    },
  ]
}

function everySpec(
  scope: string[],
  exclude: string[],
  rule: { needle?: string; lines?: string; lineStart?: boolean; pin?: 'commit-sha' | 'digest'; steps?: boolean },
  what: string,
  meta: Meta,
): Spec {
  const asked = rule.pin
    ? `is pinned by ${rule.pin === 'digest' ? 'digest' : 'a full commit SHA'}`
    : `${rule.steps ? 'sets' : 'contains'} \`${rule.needle}\``
  return {
    kind: 'text-every',
    scope,
    exclude,
    ...rule,
    ...(rule.lineStart === false ? { lineStart: undefined } : {}),
    sentence: `${what} in ${scope.map((g) => `\`${g}\``).join(', ')} ${asked}`,
    ...base(meta),
  }
}

/** "upgrade `grpc` to `1.45`", "bump `dns` to `v1.1.46` in `go.mod`": the package is at that version or later */
function bumpClause(clause: string, meta: Meta): Spec[] | null {
  const m = new RegExp(`^(?:bump|upgrade|update|raise|move)\\s+${T}\\s+(to\\s+.+)$`, 'i').exec(clause)
  return m ? versionClause(m[1], `bumped ${m[2]}`, meta) : null
}

function readClause(text: string, ctx: CriterionContext, meta: Meta): Spec[] | null {
  // "Both `a` and `b` exist", "A `Makefile` exists", "The `Dockerfile` uses `python:3.12`"
  const clause = text.replace(
    /^(?:both|the(?:\s+(?:root|top-level))?|a|an|there is an?|there are)\s+(?=`[^`]+`(?:\s*(?:,|and)\s*`[^`]+`)*\s+(?!list\b|key\b|value\b|setting\b|field\b|entry\b|array\b|option\b|version\b|range\b|in\b|of\b))/i,
    '',
  )
  return (
    everyEntryClause(clause, ctx, meta) ??
    everyClause(clause, ctx, meta) ??
    noInScope(clause, ctx, meta) ??
    nothingUnder(clause, ctx, meta) ??
    fileCount(clause, ctx, meta) ??
    tableSettingsClause(clause, ctx, meta) ??
    valueClause(clause, ctx, meta) ??
    listMembershipClause(clause, ctx, meta) ??
    keyInFileClause(clause, ctx, meta) ??
    subjectClause(clause, ctx, meta) ??
    bumpClause(clause, meta) ??
    boundClause(clause, ctx, meta)
  )
}

const LABEL =
  /^(?:done when|success criteria|acceptance(?: criteria)?|exit criteria|verify|verified by|verification|definition of done|dod|criteria|check|test|done if|complete when|completed when)\s*[:—–-]\s*/i

/** markdown and list decoration off, bare paths put in backticks, the label ("Done when:") dropped */
export function cleanCriterion(text: string): string {
  let s = text.trim()
  s = s.replace(/^(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?/, '')
  // emphasis marks off outside code tokens (`__future__` keeps its underscores)
  s = s
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/(\*\*|__)(?=\S)(.*?\S)\1/g, '$2').replace(/\*\*/g, '')))
    .join('')
  for (let i = 0; i < 2; i++) s = s.replace(LABEL, '').trim()
  s = s.replace(/^(?:and|also|then)\s+/i, '')
  // bare paths and file names become tokens, outside existing backticks
  s = s
    .split(/(`[^`]*`)/)
    .map((part) =>
      part.startsWith('`')
        ? part
        : part.replace(
            /(^|[\s(])((?:\.?[\w.-]+\/)+[\w.*{}-]*|[\w-]+\.(?:py|pyi|ts|tsx|js|jsx|mjs|cjs|json|ya?ml|toml|ini|cfg|go|rs|rb|java|sh|sql|lock|env|conf|xml|gradle|tf|md)|Dockerfile(?:\.[\w-]+)?|Containerfile|Makefile(?:\.[\w-]+)?|Procfile|Jenkinsfile|Gemfile|Rakefile|Vagrantfile)(?=$|[\s),;:])/g,
            '$1`$2`',
          ),
    )
    .join('')
  return s
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(/\s*\.\s*$/, '')
    .trim()
}

/** splits outside backticked tokens only (a token may hold `;`, `,` or " and ") */
function splitOutsideTokens(text: string, separator: RegExp): string[] {
  const spans: string[] = []
  const masked = text.replace(/`[^`]*`/g, (span) => `\u0001${spans.push(span) - 1}\u0002`)
  return masked
    .split(separator)
    .map((part) => part.replace(/\u0001(\d+)\u0002/g, (_, i: string) => spans[Number(i)]).trim())
    .filter(Boolean)
}

/** clauses of a sentence: split on `;` and sentence ends, then on "and" before a new subject when needed */
function clausesOf(sentence: string): string[] {
  return splitOutsideTokens(sentence, /\s*;\s*|\.\s+(?=[A-Z\u0001])/)
}

/**
 * "`DL3029` is listed in the `ignored` list of `.hadolint.yaml`; `DL3059` is no longer listed in it": a clause that
 * ends on "it" / "there" / "that file" refers to what the previous clause of the sentence named last: the object of
 * its "in/of/from ..." phrase, else its subject file. Without one, the clause stays as written (and is unread).
 */
function withAntecedent(clause: string, previous: string): string {
  const pronoun =
    /\s(in|from|of|under|inside|within)\s+(?:it|there|that file|the same file|that list|the same list)$/i.exec(clause)
  if (!pronoun) return clause
  const object =
    /\s(?:in|from|of|under|inside|within)\s+((?:the\s+)?`[^`]+`(?:\s+\w+\s+(?:in|of)\s+`[^`]+`)?)$/i.exec(
      previous,
    )?.[1] ??
    (/^`([^`]+)`\s/.exec(previous) && isPathLike(/^`([^`]+)`/.exec(previous)![1])
      ? /^`[^`]+`/.exec(previous)![0]
      : null)
  return object ? `${clause.slice(0, pronoun.index)} ${pronoun[1]} ${object}` : clause
}

/**
 * "`docker.yml` exists and contains `make release`": predicates joined by "and" share the subject before them, so
 * each becomes a clause of its own ("`docker.yml` exists", "`docker.yml` contains `make release`"); null when the
 * clause has no such shape.
 */
function sharedSubjectParts(clause: string): string[] | null {
  const m = new RegExp(`^((?:the\\s+)?${LIST})\\s+(.+)$`).exec(clause)
  if (!m) return null
  const predicates = splitOutsideTokens(
    m[2],
    /,?\s+and\s+(?=(?:is|are|has|have|does|do|no longer|exists?|contains?|defines?|declares?|imports?|includes?|references?|lists?|sets?|stays?|remains?|satisfies|matches)\b)/i,
  )
  return predicates.length > 1 ? predicates.map((p) => `${m[1]} ${p}`) : null
}

const AND_SPLIT = /,?\s+(?:and|but|while|with)\s+(?=\u0001|no\s|nothing\s|the\s+\u0001|at\s+least|there\s)/i

export interface CompiledCriterion {
  checks: CheckSpec[]
  /** the parts no phrasing understood (empty when the whole sentence was read) */
  unread: string[]
}

/** a criterion sentence -> its checks; a clause no phrasing reads is returned in `unread` */
export function compileCriterion(text: string, line: number, ctx: CriterionContext): CompiledCriterion {
  const cleaned = cleanCriterion(text)
  const meta = { sourceLine: line, source: text.trim() }
  const checks: CheckSpec[] = []
  const unread: string[] = []
  // the unit before (a clause, or a part of one split on "and"): what "in it" at the end of the next one refers to
  let previous: string | null = null
  const resolved = (unit: string) => (previous ? withAntecedent(unit, previous) : unit)
  for (const clause of clausesOf(cleaned)) {
    const parts = splitOutsideTokens(clause, AND_SPLIT)
    // a clause of parts has its nearest antecedent inside: "`a.toml` exists and `x` is no longer listed in it"
    const whole = readClause(parts.length > 1 ? clause : resolved(clause), ctx, meta)
    const units = parts.map((part) => {
      const unit = resolved(part)
      previous = part
      return unit
    })
    if (whole) {
      checks.push(...whole)
      continue
    }
    const read =
      units.length > 1
        ? units.map((u) => readClause(u, ctx, meta))
        : (sharedSubjectParts(units[0])?.map((u) => readClause(u, ctx, meta)) ?? [null])
    if (read.every((r) => r !== null)) {
      read.forEach((r) => checks.push(...r!))
      continue
    }
    // "`main.py` < 200 lines, all routes in separate modules": the parts that read become checks, the rest is listed
    for (const part of splitOutsideTokens(clause, /,\s+/)) {
      const specs = readClause(part, ctx, meta)
      if (specs) checks.push(...specs)
      else unread.push(part)
    }
  }
  return { checks, unread }
}
