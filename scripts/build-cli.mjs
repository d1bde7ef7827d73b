#!/usr/bin/env node
/**
 * Bundles the `readiness` CLI and `npm run web` (src/cli/main.ts, src/cli/web.ts) into out/cli/ so they start
 * without compiling TypeScript. bin/readiness.js and bin/web.js run the bundle when out/cli/manifest.json says it
 * is up to date with every source it was built from, and fall back to tsx otherwise (bin/prebuilt.js).
 *
 *   node scripts/build-cli.mjs              # part of `npm run build`; fails on a build error
 *   node scripts/build-cli.mjs --if-possible  # the `prepare` step of npm install / npm ci: never fails the install
 *   node scripts/build-cli.mjs --out-dir DIR  # somewhere else (tests)
 *
 * Needs only esbuild (no Electron binary, no renderer build).
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nodeBundleOptions } from './node-bundle-options.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ifPossible = process.argv.includes('--if-possible')
// --out-dir DIR: elsewhere than out/cli (tests); the bin only runs out/cli
const outDirFlag = process.argv.indexOf('--out-dir')
const outDir = outDirFlag > 0 ? resolve(process.argv[outDirFlag + 1]) : join(root, 'out', 'cli')

/** Files outside the bundle whose change makes it stale: installing other dependency versions rewrites this one. */
const INSTALL_STAMP = 'node_modules/.package-lock.json'

function stamp(relativePath) {
  const stats = statSync(join(root, relativePath))
  return [relativePath, stats.size, stats.mtimeMs]
}

async function main() {
  const { build } = await import('esbuild')
  const staging = `${outDir}.tmp-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  try {
    await bundleInto(build, staging)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

async function bundleInto(build, staging) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'src/cli/main.ts',
      // imported before `main` by bin/launch.js (it configures zod before any schema is built)
      'main-prelude': 'src/cli/short-lived.ts',
      web: 'src/cli/web.ts',
      start: 'src/cli/start.ts',
      // browser mode's worker threads load this, not the TypeScript sources through tsx
      'offload-worker': 'src/main/web/offload-worker.ts',
    },
    outdir: staging,
    ...nodeBundleOptions,
    // one chunk per dynamically imported part, so a command loads only what it uses
    splitting: true,
    // whitespace and syntax only: stack traces keep readable names
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  })
  // every chunk lives directly in out/cli/, two levels below the project root like src/main/*.ts, which is what
  // src/main/source-layout.ts relies on to find drizzle/ and resources/
  const sources = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes('node_modules/'))
    .map((input) => relative(root, resolve(root, input)))
    .sort()
  const inputs = [...sources, ...(existsSync(join(root, INSTALL_STAMP)) ? [INSTALL_STAMP] : [])].map(stamp)
  const manifest = {
    format: 1,
    builtAt: new Date().toISOString(),
    node: process.versions.node,
    entries: {
      main: 'main.js',
      'main-prelude': 'main-prelude.js',
      web: 'web.js',
      start: 'start.js',
      'offload-worker': 'offload-worker.js',
    },
    inputs,
  }
  writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest)}\n`)
  mkdirSync(dirname(outDir), { recursive: true })
  rmSync(outDir, { recursive: true, force: true })
  renameSync(staging, outDir)
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
  process.stdout.write(
    `${relative(root, outDir)}: the CLI and web entry bundled (${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB) from ${sources.length} sources\n`,
  )
}

main().catch((error) => {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
  if (ifPossible) {
    process.stderr.write(
      `note: the prebuilt CLI was not built (${reason}); \`readiness\` runs from source until \`npm run build\`.\n`,
    )
    return
  }
  process.stderr.write(`build-cli: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
