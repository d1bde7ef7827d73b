import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from './paths'

/**
 * Vitest global setup: the CLI tests run `bin/readiness.js`, which runs the bundle in out/cli/ only when it matches
 * the sources (else the sources through tsx, with a note on stderr the tests would read). Rebuild it when stale, so
 * `npx vitest run` right after an edit tests the edited code the way `npm test` (which builds first) does.
 */
export default async function ensureCliBundle(): Promise<void> {
  const { prebuiltEntry } = (await import(join(repoRoot, 'bin', 'launch.js'))) as {
    prebuiltEntry: (entry: string) => { path?: string; stale?: string }
  }
  if (prebuiltEntry('main').path && prebuiltEntry('web').path) return
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' })
}
