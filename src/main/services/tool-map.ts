import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadToolMap, type ToolMap } from '../evidence'

const toolMaps = new Map<string, ToolMap>()

/** The editable tool → package/file mapping shipped in resources/ (read once per resources folder). */
export function toolMapFor(resourcesDir: string): ToolMap {
  let map = toolMaps.get(resourcesDir)
  if (!map) {
    map = loadToolMap(JSON.parse(readFileSync(join(resourcesDir, 'tool-packages.json'), 'utf8')))
    toolMaps.set(resourcesDir, map)
  }
  return map
}
