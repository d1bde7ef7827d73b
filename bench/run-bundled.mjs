/**
 * Runs a bench the way the product runs: bundled into plain JavaScript (the CLI's esbuild options) under Node,
 * without tsx, whose compiler holds ~100 MiB that no user process carries. Memory figures are measured this way.
 *
 *   node bench/run-bundled.mjs bench/sync-bench.ts --synthetic 30000
 */
import { spawnSync } from 'node:child_process'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { nodeBundleOptions } from '../scripts/node-bundle-options.mjs'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node bench/run-bundled.mjs <bench/file.ts> [arguments]')
  process.exit(2)
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outfile = join(root, 'out', 'bench', basename(entry).replace(/\.ts$/, '.mjs'))
await build({ ...nodeBundleOptions, entryPoints: [join(root, entry)], outfile, logLevel: 'warning' })
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' })
process.exit(run.status ?? 1)
