import type { Section } from './outline'
import { parseLabel } from './classify'
import type { Structure } from './items'
import { parseDate } from './patterns'
import { parseStatedTotal } from './sections'
import { bounded, cleanTitle } from './text'

/** Plan-level facts stated outside the work items: title, date, stated duration and total. */
export type Header = { title: string; date: string | null; statedDays: number | null; statedHours: number | null }

const DATE_LABEL = /^(?:date|generated|created|date created|prepared|written|authored|plan date|start date|as of)$/i
const UPDATED_LABEL = /^(?:last updated|updated|revised|last revised)$/i
const DURATION_LABEL = /^(?:estimated\s+)?(?:timeline|duration|total duration|schedule|length)$/i
const TOTAL_LABEL = /^(?:grand\s+)?total(?:\s+estimated)?(?:\s+(?:time|effort|hours|estimate))?$/i

export function readHeader(root: Section, structure: Structure, itemSections: Set<Section>, hoursPerDay: number): Header {
  const firstHeading = structure.titleSection?.heading ?? findFirstHeading(root)
  const header: Header = { title: firstHeading ? cleanTitle(firstHeading.text) : 'Untitled plan', date: null, statedDays: null, statedHours: null }
  let updated: string | null = null
  const visit = (section: Section): void => {
    if (itemSections.has(section)) return
    const kind = section.heading ? structure.kinds.get(section) : 'work'
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph' || block.listDepth > 0) continue
      for (const line of block.raw.split('\n', 50)) {
        const grand = kind !== 'recap' ? parseStatedTotal(line) : null
        if (grand?.grand && header.statedHours === null) header.statedHours = grand.unit === 'days' ? grand.value * hoursPerDay : grand.value
        const label = parseLabel(line)
        if (!label || !label.rest) continue
        if (DATE_LABEL.test(label.label)) header.date ??= parseDate(label.rest)
        else if (UPDATED_LABEL.test(label.label)) updated ??= parseDate(label.rest)
        else if (DURATION_LABEL.test(label.label) && header.statedDays === null) {
          const days = /\b(\d{1,4})\s*(?:working\s+)?days?\b/i.exec(bounded(label.rest, 200))
          if (days) header.statedDays = Number(days[1])
        } else if (TOTAL_LABEL.test(label.label) && kind !== 'recap' && header.statedHours === null) {
          const hours = /(\d{1,5}(?:\.\d{1,2})?)\s*(hours?|hrs?|h|days?|d)\b/i.exec(bounded(label.rest, 200))
          if (hours) header.statedHours = /^d/i.test(hours[2]) ? Number(hours[1]) * hoursPerDay : Number(hours[1])
        }
      }
    }
    for (const child of section.children) visit(child)
  }
  visit(root)
  header.date ??= updated
  return header
}

function findFirstHeading(root: Section): Section['heading'] {
  let node: Section | undefined = root.children[0]
  return node?.heading ?? null
}
