/**
 * Runs every benchmark in turn (`npm run bench`); each prints its own figures. The evidence sync runs on a
 * synthetic 3,000-commit repository here — give a real one with `npx tsx bench/sync-bench.ts <repoDir>`.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const benches: [string, string[]][] = [
  ['cli-bench.ts', []],
  ['import-bench.ts', []],
  ['parse-bench.ts', []],
  ['progress-bench.ts', []],
  ['sync-bench.ts', ['--synthetic', '3000']],
  ['evidence-precision.ts', []],
  ['evidence-score.ts', []],
  ['report-bench.ts', []],
  ['web-bench.ts', []],
]

let failed = 0
for (const [file, args] of benches) {
  process.stdout.write(`\n== ${file} ${args.join(' ')}\n`)
  const result = spawnSync(
    process.execPath,
    [join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(here, file), ...args],
    { stdio: 'inherit' },
  )
  if (result.status !== 0) failed++
}
process.exitCode = failed ? 1 : 0
