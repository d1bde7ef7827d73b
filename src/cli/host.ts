import { homedir } from 'node:os'
import { openCore, type Core } from '../main/bootstrap'
import { resolveDbPath } from '../main/paths'
import { packageVersion, projectRoot, sourceLayout } from '../main/source-layout'
import { attachHeadlessPdfPort } from '../main/report/headless-port'
import type { HeadlessPdfPort } from '../main/report/chromium-printer'
import type { PlatformPort } from '../main/rpc'

export function dbPathFrom(explicit: string | undefined): string {
  return resolveDbPath(explicit, { platform: process.platform, env: process.env, homedir: homedir() })
}

/** A core for headless use (CLI, browser mode): no native dialogs, same database as the desktop app. */
export function openHeadlessCore(dbPath: string, mode: PlatformPort['mode'], options: { notice?: string } = {}): Core {
  const core = openCore({
    dbPath,
    migrationsFolder: sourceLayout.migrationsFolder,
    resourcesDir: sourceLayout.resourcesDir,
    appVersion: packageVersion(),
    platform: { mode, dialogs: null, notice: options.notice },
    watchRepos: mode === 'web',
  })
  attachHeadlessPdfPort(core, process.env.READINESS_RENDERER_DIR ?? sourceLayout.rendererDir, projectRoot)
  return core
}

/** Closes the PDF printer's browser (waiting, so it removes its profile folder), then the core. */
export async function closeHeadlessCore(core: Core): Promise<void> {
  await (core.context.platform.pdf as Partial<HeadlessPdfPort> | undefined)?.close?.()
  core.close()
}
