import type { Metafile } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeBundleOptions } from '../../scripts/node-bundle-options.mjs'
import { repoRoot } from '../support/paths'

/**
 * What a CLI command that only reads the database (`readiness plans`, `status`) evaluates as it starts: the modules
 * reachable by static imports from the entry and the core it opens. The engines (plan reader, check derivation,
 * history sync, git) load behind dynamic imports when a use case needs them (src/main/engines.ts).
 */
const START = ['src/cli/main.ts', 'src/cli/host.ts']

/** modules (ours or packages) that only importing, explaining or syncing needs */
const ENGINE_MODULES = [
  /^src\/main\/plan\/(reader|grammar)\//,
  /^src\/main\/plan\/(build|decode|mojibake|outline|sections)\.ts$/,
  /^src\/main\/evidence\/(derive|criteria|sync|repo-sync|compile|file-eval|manifests|values)\.ts$/,
  /node_modules\/(iconv-lite|markdown-it|yaml|smol-toml|semver|fast-xml-parser|simple-git|jsonc-parser)\//,
]

let metafile: Metafile
let outdir: string

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'readiness-cold-start-'))
  const { build } = await import('esbuild')
  const result = await build({
    ...nodeBundleOptions,
    absWorkingDir: repoRoot,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir,
    splitting: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  metafile = result.metafile
}, 60_000)

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true })
})

function staticallyReachable(from: string[]): Set<string> {
  const reached = new Set(from)
  const queue = [...from]
  for (let path = queue.pop(); path !== undefined; path = queue.pop())
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || imported.external || reached.has(imported.path)) continue
      reached.add(imported.path)
      queue.push(imported.path)
    }
  return reached
}

describe('a CLI command that only reads the database', () => {
  it('starts without evaluating the engines: they load behind dynamic imports when a use case needs them', () => {
    const reachable = [...staticallyReachable(START)]
    expect(reachable).toContain('src/main/db/plan-store.ts')
    expect(reachable).toContain('src/main/progress/compute.ts')
    expect(reachable.filter((path) => ENGINE_MODULES.some((pattern) => pattern.test(path)))).toEqual([])
    // still in the bundle: importing and syncing reach them
    const bundled = Object.keys(metafile.inputs)
    for (const engine of ['src/main/plan/reader/read.ts', 'src/main/evidence/sync.ts', 'src/main/evidence/derive.ts'])
      expect(bundled).toContain(engine)
  })
})
