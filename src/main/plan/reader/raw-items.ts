import type { FileRef, Subtask, TextLine } from '../../../shared/plan-model'
import type { Block, ItemBlock, ParagraphBlock, Section } from '../outline'
import { allBlocks, descendants } from '../outline'
import type { TitleInfo } from '../grammar/title'
import type { Effort } from '../grammar/effort'
import { backtickedPaths, dedupeRefs, listEntryPaths, makeRef } from '../files'
import { cleanText } from '../text'
import { inlineText } from '../content'
import type { ReadResult } from './read'
import { rawCellOf } from './tables'
import type { HeadingUnit, RowUnit, Unit } from './units'

/** A chosen work item with everything build needs: what it says, where it sits, what it contains. */
export type RawItem = {
  source: 'heading' | 'list' | 'table'
  info: TitleInfo
  /** the heading section of a heading item (null for list and table items) */
  section: Section | null
  /** sections merged into a heading item (unnumbered headings between numbered ones) */
  continued: Section[]
  /** the enclosing sections, nearest first */
  ancestors: Section[]
  phaseSection: Section | null
  blocks: Block[]
  listBlock: ItemBlock | null
  /** "Effort:" or "Duration:" lines of a heading item's own body, "**3 days**" after a list line */
  bodyEffort: Effort | null
  /** what a table row's other columns say */
  row: RowContent | null
  line: number
  lineEnd: number
}

export type RowContent = { criteria: TextLine[]; files: FileRef[]; subtasks: Subtask[] }

export function rawItems(read: ReadResult, phaseOf: (unit: Unit, ancestors: Section[]) => Section | null): RawItem[] {
  const items: RawItem[] = []
  for (const group of read.groups) {
    for (const unit of group.units) {
      const ancestors = ancestorsOf(unit, read.titleSection)
      items.push(toRaw(unit, ancestors, phaseOf(unit, ancestors), read))
    }
  }
  return items.sort((a, b) => a.line - b.line)
}

/**
 * The lines of a list item's own paragraph after its first ("- [ ] Add rate limiting (2h)\n  Done when: …"): the
 * item's body, read like the blocks under it.
 */
function continuationOf(block: ItemBlock): ParagraphBlock[] {
  const lines = block.raw.split('\n')
  if (lines.length < 2) return []
  const raw = lines.slice(1).join('\n')
  return [
    {
      kind: 'paragraph',
      text: raw,
      raw,
      line: block.line + 1,
      lineEnd: block.line + lines.length - 1,
      listDepth: block.depth,
    },
  ]
}

function ancestorsOf(unit: Unit, titleSection: Section | null): Section[] {
  const out: Section[] = []
  const start = unit.kind === 'heading' ? unit.section.parent : unit.section
  for (let node = start; node && node.heading && node !== titleSection; node = node.parent) out.push(node)
  return out
}

function toRaw(unit: Unit, ancestors: Section[], phaseSection: Section | null, read: ReadResult): RawItem {
  switch (unit.kind) {
    case 'heading':
      return headingRaw(unit, ancestors, phaseSection, read)
    case 'list':
      return {
        source: 'list',
        info: unit.info,
        section: null,
        continued: [],
        ancestors,
        phaseSection,
        blocks: [...continuationOf(unit.block), ...unit.owned],
        listBlock: unit.block,
        bodyEffort: unit.nextLineEffort,
        row: null,
        line: unit.line,
        lineEnd: unit.lineEnd,
      }
    case 'row':
      return {
        source: 'table',
        info: unit.info,
        section: null,
        continued: [],
        ancestors,
        phaseSection,
        blocks: [],
        listBlock: null,
        bodyEffort: null,
        row: rowContent(unit),
        line: unit.line,
        lineEnd: unit.lineEnd,
      }
  }
}

function headingRaw(unit: HeadingUnit, ancestors: Section[], phaseSection: Section | null, read: ReadResult): RawItem {
  const continued = read.continuations.get(unit.section) ?? []
  const blocks = [...allBlocks(unit.section)]
  let lineEnd = unit.section.lineEnd
  for (const section of continued) {
    blocks.push(...(section.heading ? [section.heading] : []), ...allBlocks(section))
    lineEnd = Math.max(lineEnd, section.lineEnd)
  }
  return {
    source: 'heading',
    info: unit.info,
    section: unit.section,
    continued,
    ancestors,
    phaseSection,
    blocks,
    listBlock: null,
    bodyEffort: unit.bodyEffort ?? unit.bodyDuration,
    row: null,
    line: unit.line,
    lineEnd,
  }
}

function rowContent(unit: RowUnit): RowContent {
  const criteria: TextLine[] = []
  const files: FileRef[] = []
  for (const column of unit.shape.columns) {
    const cell = rawCellOf(unit.row, column)
    if (!cell) continue
    if (column.role === 'criteria') {
      criteria.push({ text: inlineText(cell), line: unit.row.line })
      for (const path of backtickedPaths(cell)) files.push(makeRef(path, 'mention', unit.row.line))
    } else if (column.role === 'files') {
      const paths = new Set([
        ...backtickedPaths(cell),
        ...cell.split(/[,;]\s*/).flatMap((part) => listEntryPaths(part)),
      ])
      for (const path of paths) files.push(makeRef(path, 'modify', unit.row.line))
    }
  }
  for (const path of backtickedPaths(rawCellOf(unit.row, unit.shape.title)))
    files.push(makeRef(path, 'mention', unit.row.line))
  const subtasks: Subtask[] = unit.children.map((child) => ({
    text: cleanText(
      child.cells
        .filter((cell) => cell.trim())
        .slice(0, 2)
        .join(' '),
    ),
    line: child.line,
    checked: null,
  }))
  return { criteria, files: dedupeRefs(files), subtasks }
}

/** Sections owned by heading items: their content belongs to the item. */
export function itemSections(items: RawItem[]): Set<Section> {
  const out = new Set<Section>()
  for (const item of items) {
    for (const section of [item.section, ...item.continued]) {
      if (!section) continue
      out.add(section)
      for (const inner of descendants(section)) out.add(inner)
    }
  }
  return out
}
