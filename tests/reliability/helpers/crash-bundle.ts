import { buildSync } from 'esbuild'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { nodeBundleOptions } from '../../../scripts/node-bundle-options.mjs'
import { repoRoot } from '../../support/paths'

/**
 * A child process that must start fast, many times (the kill -9 cycles, concurrent CLI-like writers): bundled once
 * with esbuild, so each start loads one file instead of compiling TypeScript. Native packages stay external.
 */
export function bundleChild(entry: string, name: string): string {
  const outDir = join(repoRoot, 'node_modules', '.cache', 'readiness-reliability')
  mkdirSync(outDir, { recursive: true })
  const outfile = join(outDir, `${name}.mjs`)
  buildSync({
    entryPoints: [entry],
    outfile,
    ...nodeBundleOptions,
    logLevel: 'error',
  })
  return outfile
}
