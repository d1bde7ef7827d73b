import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadToolMap, type ToolMap } from '../evidence/tool-map'

/** The editable tool → package/file mapping shipped in resources/ (the core reads it once, on first use). */
export function readToolMap(resourcesDir: string): ToolMap {
  return loadToolMap(JSON.parse(readFileSync(join(resourcesDir, 'tool-packages.json'), 'utf8')))
}
