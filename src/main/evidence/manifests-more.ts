import { XMLParser } from 'fast-xml-parser'
import { parseJsonLoose } from './json-loose'

/**
 * Dependency manifests of PHP (composer.json), Ruby (Gemfile), the JVM (pom.xml, build.gradle, build.gradle.kts) and
 * .NET (*.csproj, *.fsproj, *.vbproj, Directory.Packages.props): which packages each declares, in which section, with
 * its version requirement turned into a semver range, so "at least `V`" compares as it does for npm, Go and Cargo.
 */

export type MoreManifestKind = 'composer' | 'gemfile' | 'maven' | 'gradle' | 'nuget'

export interface DeclaredEntry {
  name: string
  section: 'runtime' | 'dev'
  /** the version requirement as a semver range ("" when none or unreadable) */
  spec: string
  line: number
}

export function moreManifestKind(name: string): MoreManifestKind | null {
  if (name === 'composer.json') return 'composer'
  if (name === 'Gemfile' || name === 'gems.rb') return 'gemfile'
  if (name === 'pom.xml') return 'maven'
  if (name === 'build.gradle' || name === 'build.gradle.kts') return 'gradle'
  if (/\.(cs|fs|vb)proj$/.test(name) || name === 'Directory.Packages.props') return 'nuget'
  return null
}

/** a package name as this ecosystem compares it; a JVM artifact also answers to its artifact id alone */
export function moreNamesMatch(kind: MoreManifestKind, wanted: string, declared: string): boolean {
  if (kind === 'composer' || kind === 'nuget') return wanted.toLowerCase() === declared.toLowerCase()
  if (kind === 'maven' || kind === 'gradle')
    return wanted === declared || (!wanted.includes(':') && declared.endsWith(`:${wanted}`))
  return wanted === declared
}

const lineOf = (lines: string[], needle: string) => lines.findIndex((l) => l.includes(needle)) + 1

// ------------------------------------------------------------------ versions as semver ranges

/** Maven / Gradle / NuGet version text -> semver: qualifiers before a release are pre-releases, others are dropped */
function jvmVersion(text: string): string | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[.-]?([A-Za-z][\w.-]*|\d[\w.-]*))?$/.exec(text.trim())
  if (!m) return null
  const core = `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`
  const qualifier = m[4] ?? ''
  const early = /^(?:snapshot|alpha|a\d|beta|b\d|milestone|m\d|rc|cr|preview|pre|ea|dev)/i.test(qualifier)
  return early ? `${core}-${qualifier.replace(/[^\w.-]/g, '')}` : core
}

/** Maven / NuGet interval notation ("[1.0,2.0)", "[1.2,)", "(,2.0]", "[1.5]") or a plain version */
function intervalRange(text: string): string {
  const t = text.trim()
  const m = /^([[(])\s*([^,\]()]*)\s*(?:,\s*([^\])]*))?\s*([\])])$/.exec(t)
  if (!m) return jvmVersion(t) ?? ''
  const [, open, low, high, close] = m
  if (high === undefined) return jvmVersion(low) ?? ''
  const lower = low ? jvmVersion(low) : null
  const upper = high ? jvmVersion(high) : null
  if ((low && !lower) || (high && !upper)) return ''
  const parts = [
    lower ? `${open === '[' ? '>=' : '>'}${lower}` : '',
    upper ? `${close === ']' ? '<=' : '<'}${upper}` : '',
  ]
  return parts.filter(Boolean).join(' ') || '*'
}

/** Composer constraints: "|" is "||", "8.0.*" is "8.0.x", "~1.2" (two parts) allows up to the next major */
function composerRange(text: string): string {
  return text
    .split(/\s*\|\|?\s*/)
    .map((alt) =>
      alt
        .trim()
        .replace(/^v/, '')
        .replace(/\.\*/g, '.x')
        .replace(
          /^~\s*(\d+)\.(\d+)$/,
          (_, major: string, minor: string) => `>=${major}.${minor}.0 <${Number(major) + 1}.0.0`,
        ),
    )
    .join(' || ')
}

/** RubyGems requirements ("~> 7.0", ">= 6.1", "< 8", "7.0.4"), all of them together */
function gemRange(requirements: string[]): string {
  return requirements
    .map((req) => {
      const m = /^\s*(~>|>=|<=|>|<|=|!=)?\s*(\d+(?:\.\d+)*)(?:\.?([A-Za-z][\w.]*))?\s*$/.exec(req)
      if (!m || m[1] === '!=') return null
      const parts = m[2].split('.').map(Number)
      const version = `${parts[0]}.${parts[1] ?? 0}.${parts[2] ?? 0}${m[3] ? `-${m[3]}` : ''}`
      if (m[1] !== '~>') return `${m[1] && m[1] !== '=' ? m[1] : ''}${version}`
      // the pessimistic operator: the last given part may grow, the one before it not
      const upper = parts.length <= 2 ? `${parts[0] + 1}.0.0` : `${parts[0]}.${parts[1] + 1}.0`
      return `>=${version} <${upper}`
    })
    .filter((r): r is string => r !== null)
    .join(' ')
}

// ------------------------------------------------------------------ the manifests

function composerDeclared(text: string, lines: string[]): DeclaredEntry[] {
  const doc = parseJsonLoose(text) as Record<string, unknown> | undefined
  if (!doc || typeof doc !== 'object') throw new Error('composer.json does not parse')
  const out: DeclaredEntry[] = []
  for (const [key, section] of [
    ['require', 'runtime'],
    ['require-dev', 'dev'],
  ] as const) {
    const deps = doc[key]
    if (!deps || typeof deps !== 'object') continue
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>))
      out.push({ name, section, spec: composerRange(String(spec ?? '')), line: lineOf(lines, `"${name}"`) })
  }
  return out
}

/** `gem "rails", "~> 7.0"`, `gem 'rspec', group: :test`, inside `group :development, :test do … end` */
function gemfileDeclared(lines: string[]): DeclaredEntry[] {
  const out: DeclaredEntry[] = []
  const groups: boolean[] = []
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim()
    const group = /^group\s+(.+?)\s+do$/.exec(line)
    if (group) return void groups.push(/:(?:development|test)\b/.test(group[1]) && !/:production\b/.test(group[1]))
    // any other block (platforms, source, install_if, if) keeps the group it sits in
    if (/\bdo(?:\s*\|[^|]*\|)?$/.test(line)) return void groups.push(groups.at(-1) ?? false)
    if (line === 'end') return void groups.pop()
    const gem = /^gem\s*\(?\s*["']([^"']+)["']\s*((?:,\s*["'][^"']*["']\s*)*)(.*)$/.exec(line)
    if (!gem) return
    const requirements = [...gem[2].matchAll(/["']([^"']*)["']/g)].map((m) => m[1])
    const dev = groups.some(Boolean) || /\bgroups?:\s*\[?\s*:(?:development|test)\b/.test(gem[3])
    out.push({ name: gem[1], section: dev ? 'dev' : 'runtime', spec: gemRange(requirements), line: i + 1 })
  })
  return out
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false })
const asList = (node: unknown): unknown[] => (node === undefined ? [] : Array.isArray(node) ? node : [node])

/** pom.xml: `<dependencies>` of the project (not `<dependencyManagement>`), `${property}` versions resolved */
function mavenDeclared(text: string, lines: string[]): DeclaredEntry[] {
  const project = (xml.parse(text) as { project?: Record<string, unknown> }).project
  if (!project) throw new Error('pom.xml does not parse')
  const properties = (project.properties ?? {}) as Record<string, unknown>
  const resolve = (v: string) =>
    v.replace(/\$\{([^}]+)\}/g, (whole, key: string) =>
      typeof properties[key] === 'string' ? (properties[key] as string) : whole,
    )
  const deps = asList((project.dependencies as { dependency?: unknown } | undefined)?.dependency)
  return deps.flatMap((node) => {
    const d = node as Record<string, unknown>
    if (typeof d.groupId !== 'string' || typeof d.artifactId !== 'string') return []
    const version = typeof d.version === 'string' ? resolve(d.version.trim()) : ''
    return [
      {
        name: `${d.groupId.trim()}:${d.artifactId.trim()}`,
        section: d.scope === 'test' ? ('dev' as const) : ('runtime' as const),
        spec: version.includes('${') ? '' : intervalRange(version),
        line: lineOf(lines, `<artifactId>${d.artifactId.trim()}</artifactId>`),
      },
    ]
  })
}

/** build.gradle(.kts): `implementation 'g:a:v'`, `testImplementation("g:a:v")`, `api(group: 'g', name: 'a', …)` */
function gradleDeclared(lines: string[]): DeclaredEntry[] {
  const out: DeclaredEntry[] = []
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim()
    const m =
      /^(\w+)\s*\(?\s*(?:platform\s*\(\s*)?["']([\w.-]+):([\w.-]+)(?::([^"'@]+))?(?:@\w+)?["']/.exec(line) ?? null
    if (
      !m ||
      !/(?:implementation|api|compileOnly|runtimeOnly|compile|runtime|kapt|ksp|annotationProcessor)$/i.test(m[1])
    )
      return
    const version = m[4]?.trim() ?? ''
    out.push({
      name: `${m[2]}:${m[3]}`,
      section: /^(?:test|androidTest|testFixtures)/i.test(m[1]) ? 'dev' : 'runtime',
      spec: version.endsWith('+') ? version.replace(/\.?\+$/, '.x').replace(/^\.x$/, '*') : intervalRange(version),
      line: i + 1,
    })
  })
  return out
}

/** `<PackageReference Include="Serilog" Version="3.1.1" />` (or `Update=`, or a `<Version>` child; central versions too) */
function nugetDeclared(text: string, lines: string[]): DeclaredEntry[] {
  const doc = xml.parse(text) as { Project?: { ItemGroup?: unknown } }
  if (!doc.Project) throw new Error('project file does not parse')
  const refs = asList(doc.Project.ItemGroup).flatMap((group) => {
    const g = group as Record<string, unknown>
    return [...asList(g.PackageReference), ...asList(g.PackageVersion)]
  })
  return refs.flatMap((node) => {
    const r = node as Record<string, unknown>
    const name = (r['@Include'] ?? r['@Update']) as string | undefined
    if (typeof name !== 'string') return []
    const version = (r['@Version'] ?? r.Version ?? '') as string
    return [
      { name, section: 'runtime' as const, spec: intervalRange(String(version)), line: lineOf(lines, `"${name}"`) },
    ]
  })
}

/** the packages such a manifest declares; throws when the file does not parse */
export function moreDeclaredPackages(kind: MoreManifestKind, text: string): DeclaredEntry[] {
  const lines = text.split('\n')
  switch (kind) {
    case 'composer':
      return composerDeclared(text, lines)
    case 'gemfile':
      return gemfileDeclared(lines)
    case 'maven':
      return mavenDeclared(text, lines)
    case 'gradle':
      return gradleDeclared(lines)
    case 'nuget':
      return nugetDeclared(text, lines)
  }
}
