import type { Block, ItemBlock, Section } from './outline'
import { allBlocks, descendants } from './outline'
import { sectionKind, type SectionKind } from './classify'
import { analyzeHeading, type HeadingInfo } from './headings'
import { parseEstimateAtStart, type Estimate, type Units } from './patterns'

/**
 * Finding the work items: the deepest numbered / Hour / Day / Step / estimated headings in
 * work sections, or estimated checklist lines outside any such heading. Their blocks come along.
 */

export type RawItem = {
  info: HeadingInfo
  /** the heading section of a heading item; null for a checklist item */
  section: Section | null
  /** the enclosing sections, nearest first */
  ancestors: Section[]
  phaseSection: Section | null
  blocks: Block[]
  /** the checklist line of a checklist item */
  listBlock: ItemBlock | null
  line: number
  lineEnd: number
}

export type Structure = {
  items: RawItem[]
  phases: Section[]
  kinds: Map<Section, SectionKind>
  headingInfo: Map<Section, HeadingInfo>
  topLevel: Section[]
  titleSection: Section | null
}

export function findStructure(root: Section, units: Units): Structure {
  const kinds = new Map<Section, SectionKind>()
  const headingInfo = new Map<Section, HeadingInfo>()
  const everySection = descendants(root)
  for (const section of everySection) {
    headingInfo.set(section, analyzeHeading(section.heading?.text ?? '', units))
    sectionKind(section, kinds)
  }
  const titleSection = root.children.length > 0 && root.children[0].depth === 1 && root.children.filter((s) => s.depth === 1).length === 1 ? root.children[0] : null
  const topLevel = titleSection ? [...titleSection.children, ...root.children.slice(1)] : root.children

  const isWork = (section: Section): boolean => kinds.get(section) === 'work'
  const isCandidate = (section: Section): boolean => {
    const info = headingInfo.get(section) as HeadingInfo
    return info.candidate && !info.isPhase && isWork(section)
  }
  const estimatedLines = (section: Section): ItemBlock[] =>
    section.blocks.filter((block): block is ItemBlock => block.kind === 'item' && checklistEstimate(block, units) !== null)

  const items: RawItem[] = []
  const hasCandidateBelow = new Map<Section, boolean>()
  const candidateBelow = (section: Section): boolean => {
    const cached = hasCandidateBelow.get(section)
    if (cached !== undefined) return cached
    const result = section.children.some((child) => isCandidate(child) || candidateBelow(child))
    hasCandidateBelow.set(section, result)
    return result
  }

  const ancestorsOf = (section: Section): Section[] => {
    const out: Section[] = []
    for (let node = section.parent; node && node.heading; node = node.parent) out.push(node)
    return out
  }
  const phaseOf = (ancestors: Section[]): Section | null => {
    const explicit = ancestors.find((section) => headingInfo.get(section)?.isPhase)
    if (explicit) return explicit
    return ancestors.find((section) => topLevel.includes(section)) ?? null
  }

  const visit = (section: Section): void => {
    const info = headingInfo.get(section) as HeadingInfo
    const ancestors = ancestorsOf(section)
    if (isCandidate(section) && !candidateBelow(section) && (info.estimate !== null || estimatedLines(section).length === 0)) {
      items.push({
        info,
        section,
        ancestors,
        phaseSection: phaseOf(ancestors),
        blocks: allBlocks(section),
        listBlock: null,
        line: section.line,
        lineEnd: section.lineEnd,
      })
      return
    }
    if (isWork(section)) items.push(...checklistItems(section, [section, ...ancestors], units, phaseOf([section, ...ancestors])))
    for (const child of section.children) visit(child)
  }
  for (const section of root.children) visit(section)
  if (isRootWork(root)) items.push(...checklistItems(root, [], units, null))
  items.sort((a, b) => a.line - b.line)

  const phases = topLevel.filter((section) => items.some((item) => item.phaseSection === section))
  for (const item of items) {
    const explicit = item.phaseSection
    if (explicit && !phases.includes(explicit)) phases.push(explicit)
  }
  phases.sort((a, b) => a.line - b.line)
  return { items, phases, kinds, headingInfo, topLevel, titleSection }
}

function isRootWork(root: Section): boolean {
  return root.heading === null
}

/** Estimated checklist lines ("- [ ] Set up CI (4h)") directly in a section, with their nested blocks. */
function checklistItems(section: Section, ancestors: Section[], units: Units, phaseSection: Section | null): RawItem[] {
  const out: RawItem[] = []
  const blocks = section.blocks
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (block.kind !== 'item' || checklistEstimate(block, units) === null) continue
    const owned: Block[] = [block]
    let next = index + 1
    while (next < blocks.length && belongsToListItem(blocks[next], block.depth)) owned.push(blocks[next++])
    const estimate = checklistEstimate(block, units) as Estimate
    const info = analyzeHeading(block.raw.replace(estimate.text, ''), units)
    const lastLine = owned.reduce((max, b) => Math.max(max, 'lineEnd' in b ? b.lineEnd : b.line), block.line)
    out.push({
      info: { ...info, estimate, candidate: true, claimsDone: info.claimsDone || block.checked === true },
      section: null,
      ancestors,
      phaseSection,
      blocks: owned.slice(1),
      listBlock: block,
      line: block.line,
      lineEnd: lastLine,
    })
  }
  return out
}

/**
 * A task-list line that ends with its estimate: "- [ ] Set up CI (4h)", "- [ ] Docs ~2d".
 * Plain bullets are not work items: "(15min)" in a bullet is content, not an estimate.
 */
export function checklistEstimate(block: ItemBlock, units: Units): Estimate | null {
  if (block.depth !== 1 || block.checked === null) return null
  const text = block.text.length > 300 ? block.text.slice(-300) : block.text
  if (/\btotal\b/i.test(text)) return null
  const trailing = /(?:\(([^()]{1,40})\)|~\s?(\d[^\s]{0,12}))\s*[.!]?\s*$/.exec(text)
  if (!trailing) return null
  const estimate = parseEstimateAtStart(trailing[1] ?? trailing[2], units)
  return estimate ? { hours: estimate.hours, text: trailing[0].trim() } : null
}

function belongsToListItem(block: Block, depth: number): boolean {
  if (block.kind === 'item') return block.depth > depth
  if (block.kind === 'paragraph' || block.kind === 'code') return block.listDepth >= depth
  return false
}
