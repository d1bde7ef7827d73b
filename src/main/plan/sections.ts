import type {
  Backlog,
  Gate,
  Milestone,
  PlanClaim,
  PlanWarning,
  Recap,
  Subtask,
  Task,
  TextLine,
} from '../../shared/plan-model'
import type { Block, Section } from './outline'
import { allBlocks, descendants } from './outline'
import { parseLabel } from './reader/labels'
import { inlineText } from './content'
import type { TaskMatcher } from './matching'
import type { Range } from './grammar/time'
import { warning } from './guard'
import { bounded, cleanTitle } from './text'

/** The non-work sections: recaps, gates, backlog, milestones, and what the plan claims. */

/** What a non-item section is for, as the summary readers below need it. */
export type SectionKind = 'work' | 'recap' | 'gate' | 'backlog' | 'milestones' | 'metrics' | 'status' | 'other'

export type SectionContext = {
  root: Section
  kinds: Map<Section, SectionKind>
  /** the plan weeks and days a section's own heading names */
  scheduleOf: (section: Section) => { weeks: Range | null; days: Range | null }
  /** sections owned by a work item (their content is the item's) */
  itemSections: Set<Section>
}

/** Top-most sections of a kind (a recap inside a recap is part of the outer one). */
export function topSectionsOfKind(context: SectionContext, kind: SectionKind): Section[] {
  return descendants(context.root).filter(
    (section) =>
      context.kinds.get(section) === kind &&
      !hasItemAncestor(section, context) &&
      (section.parent === null || context.kinds.get(section.parent) !== kind),
  )
}

function hasItemAncestor(section: Section, context: SectionContext): boolean {
  for (let node: Section | null = section; node; node = node.parent) if (context.itemSections.has(node)) return true
  return false
}

const TOTAL = /^\W*(grand\s+)?total\b[^:\d]{0,30}:?\W*(~|≈)?\s*(\d{1,5}(?:\.\d{1,2})?)\s*(hours?|hrs?|h|days?|d)\b/i

export function parseStatedTotal(
  text: string,
): { grand: boolean; approximate: boolean; value: number; unit: 'hours' | 'days' } | null {
  const match = TOTAL.exec(bounded(text.replace(/\*\*/g, ''), 300))
  if (!match) return null
  return {
    grand: Boolean(match[1]),
    approximate: Boolean(match[2]),
    value: Number(match[3]),
    unit: /^d/i.test(match[4]) ? 'days' : 'hours',
  }
}

export type RecapResult = { recaps: Recap[]; grandTotal: number | null; warnings: PlanWarning[] }

export function readRecaps(
  context: SectionContext,
  matcher: TaskMatcher,
  tasksByKey: Map<string, Task>,
  hoursPerDay: number,
): RecapResult {
  const recaps: Recap[] = []
  const warnings: PlanWarning[] = []
  let grandTotal: number | null = null
  for (const top of topSectionsOfKind(context, 'recap')) {
    const recap: Recap = {
      title: cleanTitle(top.heading?.text ?? ''),
      line: top.line,
      links: [],
      statedHours: null,
      linkedHours: 0,
    }
    for (const section of [top, ...descendants(top)]) {
      const week = section.heading ? (context.scheduleOf(section).weeks?.start ?? null) : null
      const linkedKeys = new Set<string>()
      let stated: ReturnType<typeof parseStatedTotal> = null
      let statedLine = section.line
      for (const entry of recapEntries(section.blocks)) {
        const total = parseStatedTotal(entry.text)
        if (total) {
          if (total.grand) grandTotal = total.unit === 'days' ? total.value * hoursPerDay : total.value
          else if (!stated) {
            stated = total
            statedLine = entry.line
          }
          continue
        }
        const task = matcher.match(entry.text, week)
        if (task) linkedKeys.add(task.key)
        recap.links.push({ text: inlineText(entry.text), line: entry.line, taskKey: task?.key ?? null })
      }
      const linkedHours = [...linkedKeys].reduce((sum, key) => sum + (tasksByKey.get(key)?.estimateHours ?? 0), 0)
      if (section === top) recap.linkedHours = linkedHours
      if (stated) {
        const statedHours = stated.unit === 'days' ? stated.value * hoursPerDay : stated.value
        if (section === top) recap.statedHours = statedHours
        const tolerance = stated.approximate ? Math.max(0.5, statedHours * 0.1) : 0.5
        if (Math.abs(statedHours - linkedHours) > tolerance) {
          warnings.push(
            warning(
              'stated-total-mismatch',
              `"${cleanTitle(section.heading?.text ?? recap.title)}" states ${statedHours} h but the items it lists add up to ${linkedHours} h.`,
              statedLine,
            ),
          )
        }
      }
    }
    recaps.push(recap)
  }
  return { recaps, grandTotal, warnings }
}

/** List items, table rows (not the header) and standalone total lines of a recap section. */
function recapEntries(blocks: Block[]): TextLine[] {
  const out: TextLine[] = []
  for (const block of blocks) {
    if (block.kind === 'item' && block.raw.trim()) out.push({ text: block.raw, line: block.line })
    else if (block.kind === 'table')
      for (const row of block.rows.slice(1)) out.push({ text: row.cells[0] ?? '', line: row.line })
    else if (block.kind === 'paragraph' && parseStatedTotal(block.raw)) out.push({ text: block.raw, line: block.line })
  }
  return out
}

export function readGates(context: SectionContext): Gate[] {
  return topSectionsOfKind(context, 'gate').map((top) => {
    let week: number | null = null
    let day: number | null = null
    for (const section of [top, ...descendants(top)]) {
      const schedule = context.scheduleOf(section)
      week ??= schedule.weeks?.end ?? null
      day ??= schedule.days?.end ?? null
    }
    for (let node = top.parent; node && node.heading && week === null && day === null; node = node.parent) {
      const schedule = context.scheduleOf(node)
      week = schedule.weeks?.end ?? null
      day = schedule.days?.end ?? null
    }
    const items: Subtask[] = allBlocks(top)
      .filter((block) => block.kind === 'item' && block.raw.trim() !== '')
      .map((block) =>
        block.kind === 'item'
          ? { text: inlineText(block.raw), line: block.line, checked: block.checked }
          : (null as never),
      )
    return { title: cleanTitle(top.heading?.text ?? ''), week, day, items, line: top.line }
  })
}

export function readBacklog(context: SectionContext): Backlog[] {
  const out: Backlog[] = []
  for (const top of topSectionsOfKind(context, 'backlog')) {
    let added = false
    for (const section of [top, ...descendants(top)]) {
      const items = section.blocks.flatMap((block) =>
        block.kind === 'item' && block.raw.trim() ? [{ text: inlineText(block.raw), line: block.line }] : [],
      )
      if (items.length === 0) continue
      out.push({ title: cleanTitle(section.heading?.text ?? ''), items, line: section.line })
      added = true
    }
    if (!added) out.push({ title: cleanTitle(top.heading?.text ?? ''), items: [], line: top.line })
  }
  return out
}

export function readMilestones(context: SectionContext, matcher: TaskMatcher): Milestone[] {
  const out: Milestone[] = []
  for (const top of topSectionsOfKind(context, 'milestones')) {
    for (const section of [top, ...descendants(top)]) {
      const week = section.heading ? context.scheduleOf(section).weeks?.start : undefined
      if (week === undefined) continue
      for (const block of section.blocks) {
        if (block.kind !== 'item' || !block.raw.trim()) continue
        const text = inlineText(block.raw)
        const label = cleanTitle(text.split(':')[0] ?? text)
        const percent = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(bounded(text, 300))
        out.push({
          week,
          label,
          percent: percent ? Number(percent[1]) : null,
          taskKey: matcher.match(label, null)?.key ?? null,
          line: block.line,
        })
      }
    }
  }
  return out
}

function claimValue(text: string): { kind: 'score' | 'percent' | null; value: number | null } {
  const bounded300 = bounded(text, 300)
  const score = /\b(\d{1,3}(?:\.\d+)?)\s*\/\s*(100|10|5)\b/.exec(bounded300)
  if (score) return { kind: 'score', value: Number(score[1]) }
  const percent = /\b(\d{1,3}(?:\.\d+)?)\s*%/.exec(bounded300)
  if (percent) return { kind: 'percent', value: Number(percent[1]) }
  return { kind: null, value: null }
}

const STATUS_LABEL =
  /^(?:current\s+|overall\s+|project\s+)?(?:status|readiness(?:\s+score)?|score|completion|progress)$/i

/** Status lines anywhere outside work items, and everything a status or metrics section states. */
export function readClaims(context: SectionContext): PlanClaim[] {
  const claims: PlanClaim[] = []
  const visit = (section: Section): void => {
    if (context.itemSections.has(section)) return
    const kind = section.heading ? context.kinds.get(section) : 'work'
    if (section.heading && (kind === 'status' || kind === 'metrics')) {
      const headingValue = claimValue(section.heading.text)
      if (headingValue.kind)
        claims.push({
          kind: headingValue.kind,
          text: cleanTitle(section.heading.text),
          value: headingValue.value,
          line: section.line,
        })
    }
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') {
        block.raw.split('\n').forEach((line, offset) => {
          const label = parseLabel(line)
          if (label && STATUS_LABEL.test(label.label) && label.rest) {
            const value = claimValue(label.rest)
            claims.push({
              kind: value.kind ?? 'status',
              text: inlineText(`${label.label}: ${label.rest}`),
              value: value.value,
              line: block.line + offset,
            })
          } else if (kind === 'metrics' && line.trim()) {
            claims.push({
              kind: 'metric',
              text: inlineText(line),
              value: claimValue(line).value,
              line: block.line + offset,
            })
          }
        })
      } else if (block.kind === 'item' && block.raw.trim() && (kind === 'status' || kind === 'metrics')) {
        const value = claimValue(block.raw)
        claims.push({
          kind: kind === 'metrics' ? 'metric' : 'status',
          text: inlineText(block.raw),
          value: value.value,
          line: block.line,
        })
      }
    }
    for (const child of section.children) visit(child)
  }
  visit(context.root)
  return claims
}
