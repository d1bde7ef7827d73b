import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Folders of the project when run from source (CLI via tsx, browser mode, tests). Electron passes its own. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const sourceLayout = {
  migrationsFolder: join(projectRoot, 'drizzle'),
  resourcesDir: join(projectRoot, 'resources'),
  rendererDir: join(projectRoot, 'out', 'renderer'),
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version
}
