import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** The real user plans live beside the repo, never inside it. */
export const seedPlansDir = resolve(repoRoot, '../shared/plans')
export const cliBin = join(repoRoot, 'bin', 'readiness.js')
