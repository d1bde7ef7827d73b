import { readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importsOf, moduleGraph } from '../support/import-graph'
import { repoRoot } from '../support/paths'

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|cjs|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

const rel = (file: string) => relative(repoRoot, file)
const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/')
const NODE_ONLY_PACKAGES = [
  'better-sqlite3',
  'drizzle-orm',
  'simple-git',
  'iconv-lite',
  'tsx',
  'playwright-core',
  'electron',
]
const isNodeModule = (specifier: string) =>
  specifier.startsWith('node:') ||
  builtinModules.includes(specifier) ||
  NODE_ONLY_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`))

describe('architecture boundaries', () => {
  it('imports electron only in src/main/platform and the preload entry', () => {
    const offenders = [
      ...sourceFiles('src/main'),
      ...sourceFiles('src/shared'),
      ...sourceFiles('src/renderer'),
      ...sourceFiles('src/cli'),
      ...sourceFiles('src/preload'),
    ]
      .flatMap((file) =>
        importsOf(file)
          .filter((edge) => isElectron(edge.specifier))
          .map((edge) => rel(edge.from)),
      )
      .filter((file) => !file.startsWith('src/main/platform/') && file !== 'src/preload/index.ts')
    expect(offenders).toEqual([])
  })

  it('keeps src/shared free of Node and Electron (it runs in the renderer too)', () => {
    const offenders = sourceFiles('src/shared').flatMap((file) =>
      importsOf(file).filter((e) => !e.specifier.startsWith('.') && isNodeModule(e.specifier)),
    )
    expect(offenders.map((e) => `${rel(e.from)} -> ${e.specifier}`)).toEqual([])
  })

  it('keeps Node modules and main-process code out of the renderer bundle', () => {
    const { files, bare } = moduleGraph([join(repoRoot, 'src/renderer/src/main.tsx')])
    expect([...files].map(rel).filter((f) => !f.startsWith('src/renderer/') && !f.startsWith('src/shared/'))).toEqual(
      [],
    )
    expect(bare.filter((e) => isNodeModule(e.specifier)).map((e) => `${rel(e.from)} -> ${e.specifier}`)).toEqual([])
    expect(files.size).toBeGreaterThan(3)
  })

  it('keeps electron out of the CLI and browser-mode module graphs', () => {
    for (const entry of ['src/cli/main.ts', 'src/cli/web.ts', 'src/cli/start.ts']) {
      const { files, bare } = moduleGraph([join(repoRoot, entry)])
      expect(
        bare.filter((e) => isElectron(e.specifier)).map((e) => rel(e.from)),
        entry,
      ).toEqual([])
      expect(
        [...files].map(rel).filter((f) => f.startsWith('src/main/platform/')),
        entry,
      ).toEqual([])
    }
  })

  it('catches a violation (the walker is not blind)', () => {
    const { bare } = moduleGraph([join(repoRoot, 'src/main/platform/electron-main.ts')])
    expect(bare.some((e) => isElectron(e.specifier))).toBe(true)
  })
})
