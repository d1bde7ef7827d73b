import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx']

export interface ImportEdge {
  from: string
  specifier: string
  typeOnly: boolean
}

/** Resolves a relative specifier the way the bundler does (extensionless TS imports). */
function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier)
  for (const ext of EXTENSIONS) {
    const candidate = base + ext
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

export function importsOf(file: string): ImportEdge[] {
  const source = readFileSync(file, 'utf8')
  const edges: ImportEdge[] = []
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3]
    if (!specifier) continue
    edges.push({
      from: file,
      specifier,
      typeOnly: /^\s*(?:import|export)\s+type\s/.test(match[0].replace(/^[\s;]/, '')),
    })
  }
  return edges
}

/** Every file reachable from the entries through runtime (non type-only) relative imports, and the bare specifiers they use. */
export function moduleGraph(entries: string[]): { files: Set<string>; bare: ImportEdge[] } {
  const files = new Set<string>()
  const bare: ImportEdge[] = []
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (files.has(file)) continue
    files.add(file)
    for (const edge of importsOf(file)) {
      if (edge.typeOnly) continue
      if (edge.specifier.startsWith('.')) {
        const target = resolveRelative(file, edge.specifier)
        if (target && /\.(ts|tsx|js|mjs)$/.test(target)) queue.push(target)
      } else bare.push(edge)
    }
  }
  return { files, bare }
}
