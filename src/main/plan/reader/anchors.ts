import type { Section } from '../outline'
import { descendants } from '../outline'
import { cleanTitle, FUNCTION_WORDS } from '../text'
import type { ContentGroups, HeadingUnit, Unit } from './units'

/** What a recap or a schedule list restates: the items read so far, found again by ID, day span or title words. */

/** Most of the section's entries (list lines, table rows, headings) name items read elsewhere. */
export function restatesItems(
  section: Section,
  anchors: AnchorIndex,
  contentOf: (section: Section) => ContentGroups,
  unitOf: (section: Section) => HeadingUnit,
): boolean {
  const entries: Unit[] = []
  for (const node of [section, ...descendants(section)]) {
    const content = contentOf(node)
    for (const list of content.lists) entries.push(...list.units)
    for (const table of content.tables) entries.push(...table.units)
    if (node !== section && content.lists.length === 0 && content.tables.length === 0 && node.children.length === 0)
      entries.push(unitOf(node))
  }
  if (entries.length === 0) return false
  const matched = entries.filter((entry) => anchors.restated(entry, section)).length
  return matched >= Math.max(1, entries.length * 0.5)
}

/** The items read so far, indexed by ID, day span and title words, to find what an entry restates. */
export type AnchorIndex = {
  restated: (entry: Unit, outside: Section) => boolean
  /** the item outside `section` that the entry restates, if any */
  find: (entry: Unit, outside: Section) => Unit | null
}

export function indexAnchors(anchors: Unit[]): AnchorIndex {
  const byId = new Map<string, Unit[]>()
  const byDays = new Map<string, Unit[]>()
  const byWord = new Map<string, Array<{ unit: Unit; words: Set<string> }>>()
  const push = <K>(map: Map<K, Unit[]>, key: K, unit: Unit): void => {
    const list = map.get(key)
    if (list) list.push(unit)
    else map.set(key, [unit])
  }
  for (const unit of anchors) {
    if (unit.info.id) push(byId, unit.info.id, unit)
    const days = unit.info.time.days
    if (days) push(byDays, `${days.start}-${days.end}`, unit)
    const words = new Set(titleWords(unit.info.coreTitle))
    for (const word of words) {
      const list = byWord.get(word)
      if (list) list.push({ unit, words })
      else byWord.set(word, [{ unit, words }])
    }
  }
  const outside = (unit: Unit, section: Section): boolean => unit.line < section.line || unit.line > section.lineEnd
  const find = (entry: Unit, section: Section): Unit | null => {
    const byKey = (map: Map<string, Unit[]>, key: string | null) =>
      key === null ? undefined : (map.get(key) ?? []).find((unit) => outside(unit, section))
    const days = entry.info.time.days
    const keyed = byKey(byId, entry.info.id) ?? byKey(byDays, days ? `${days.start}-${days.end}` : null)
    if (keyed) return keyed
    const words = titleWords(leadOf(entry.kind === 'list' ? entry.block.raw : entry.info.title))
    const seen = new Set<Unit>()
    for (const word of words) {
      for (const candidate of byWord.get(word) ?? []) {
        if (seen.has(candidate.unit) || !outside(candidate.unit, section)) continue
        seen.add(candidate.unit)
        if (sharedShare(words, candidate.words) >= 0.6) return candidate.unit
      }
    }
    return null
  }
  return { find, restated: (entry, section) => find(entry, section) !== null }
}

/** The part of a restating line that names the work: its bold lead, else the text before " - ". */
function leadOf(raw: string): string {
  const bold = /^\s*(?:\[[ xX]\]\s*)?\*\*([^*]{2,200})\*\*/.exec(raw)
  const base = bold ? bold[1] : raw.split(/\s+[-–—]\s+/)[0]
  return base.replace(/\([^()]*\)/g, ' ')
}

const STOP = new Set([...FUNCTION_WORDS, 'set', 'up'])

/** Significant words of a title, cut to five letters so "hashing" meets "hash" and "exposed" meets "exposure". */
export function titleWords(text: string): string[] {
  return cleanTitle(text)
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP.has(word) && !/^\d+$/.test(word))
    .map((word) => (word.length > 4 ? word.slice(0, 5) : word))
}

/** Two titles name the same work when most words of the shorter one appear (by prefix) in the other. */
function sharedShare(left: string[], right: Set<string>): number {
  if (left.length === 0 || right.size === 0) return 0
  return left.filter((word) => right.has(word)).length / Math.min(left.length, right.size)
}
