// Shared by bin/readiness.js and bin/web.js: runs the prebuilt bundle in out/cli/ when it is up to date with every
// source it was built from (out/cli/manifest.json, written by scripts/build-cli.mjs), else the TypeScript sources
// through tsx with a one-line note. READINESS_FROM_SOURCE=1 always runs the sources, silently.
import { existsSync, readFileSync, statSync } from 'node:fs'
import module from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The bundled entry if it is current, else why not (for the note). */
export function prebuiltEntry(entry, root = projectRoot, outDir = join(root, 'out', 'cli')) {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'))
  } catch {
    return { stale: 'it is not built' }
  }
  for (const [path, size, mtimeMs] of manifest.inputs) {
    let stats
    try {
      stats = statSync(join(root, path))
    } catch {
      return { stale: `${path} is gone` }
    }
    if (stats.size !== size || stats.mtimeMs !== mtimeMs) return { stale: `${path} changed since the build` }
  }
  const file = manifest.entries?.[entry]
  if (!file) return { stale: `it has no ${entry} entry` }
  return existsSync(join(outDir, file)) ? { path: join(outDir, file) } : { stale: `${file} is missing` }
}

/**
 * What runs before an entry, in its own import so that it runs first: the CLI, a short-lived process, configures zod
 * before any schema is built (src/cli/short-lived.ts).
 */
const PRELUDES = { main: { prebuilt: 'main-prelude', source: 'short-lived' } }

/** Imports the CLI (`main`) or browser-mode (`web`) entry, prebuilt when possible. */
export async function launch(entry) {
  // V8 keeps compiled code between runs (Node >= 22.1): most of a warm start is otherwise spent compiling
  module.enableCompileCache?.()
  const prelude = PRELUDES[entry]
  const fromSource = Boolean(process.env.READINESS_FROM_SOURCE)
  const prebuilt = fromSource ? null : prebuiltEntry(entry)
  const preludeBuilt = prebuilt?.path && prelude ? prebuiltEntry(prelude.prebuilt) : null
  if (prebuilt?.path && (!prelude || preludeBuilt?.path)) {
    if (preludeBuilt) await import(pathToFileURL(preludeBuilt.path).href)
    return import(pathToFileURL(prebuilt.path).href)
  }
  if (prebuilt)
    process.stderr.write(
      `note: running from source, slower to start: the prebuilt CLI in out/cli is out of date (${prebuilt.stale ?? preludeBuilt?.stale}); \`npm run build:cli\` rebuilds it.\n`,
    )
  const { register } = await import('tsx/esm/api')
  register()
  const source = (name) => import(pathToFileURL(join(projectRoot, 'src', 'cli', `${name}.ts`)).href)
  if (prelude) await source(prelude.source)
  return source(entry)
}
