import { join } from 'node:path'

export const APP_DIR_NAME = 'Readiness Cockpit'
export const DB_FILE_NAME = 'readiness.db'

export interface PathEnvironment {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  homedir: string
}

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives for an app named
 * "Readiness Cockpit", so the desktop app, the CLI and browser mode share one database.
 */
export function defaultDataDir({ platform, env, homedir }: PathEnvironment): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir, '.config'), APP_DIR_NAME)
}

/** `--db PATH` wins, then READINESS_DB, then the shared default. */
export function resolveDbPath(explicit: string | undefined, pathEnv: PathEnvironment): string {
  if (explicit) return explicit
  if (pathEnv.env.READINESS_DB) return pathEnv.env.READINESS_DB
  return join(defaultDataDir(pathEnv), DB_FILE_NAME)
}
