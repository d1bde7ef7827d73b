import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../src/main/bootstrap'
import type { PlatformPort } from '../../src/main/rpc'
import type { Logger } from '../../src/main/log'
import type { GitPort } from '../../src/main/evidence'
import { projectRoot, sourceLayout } from '../../src/main/source-layout'
import { headlessPrinter } from '../../src/main/printers/headless-printer'

export interface TestCore extends Core {
  dir: string
  dbPath: string
  dispose(): void
}

/** A real core over a fresh SQLite file in its own temp folder, migrated with the real migrations. */
export function createTestCore(
  options: { now?: () => Date; mode?: PlatformPort['mode']; logger?: Logger; git?: GitPort } = {},
): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-test-'))
  const dbPath = join(dir, 'test.db')
  const core = openCore({
    dbPath,
    migrationsFolder: sourceLayout.migrationsFolder,
    resourcesDir: sourceLayout.resourcesDir,
    appVersion: '0.0.0-test',
    platform: { mode: options.mode ?? 'cli', dialogs: null },
    now: options.now,
    logger: options.logger,
    git: options.git,
    pdf: headlessPrinter(sourceLayout.rendererDir, projectRoot),
  })
  return {
    ...core,
    dir,
    dbPath,
    dispose() {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function callOk<T = unknown>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`)
  return result.value as T
}
