import { round2 } from '../../../shared/rounding'
import type { Interpretation, ItemLayer, ParsedPlan } from '../../../shared/plan-model'
import type { Block, ItemBlock, Section, TableBlock } from '../outline'
import { cleanTitle } from '../text'
import type { EffortUnit, PointScale } from '../grammar/effort'
import type { ReadResult } from './read'
import { skip, type SkippedEntry } from './skipped'
import type { RawItem } from './raw-items'
import { headingUnit, isEmptyItem, isTotalLine, notWorkLine, type ReaderContext } from './units'
import { excludesItems, labelContext, openingLabel } from './labels'
import { analyzeTitle } from '../grammar/title'
import { analyzeTable, cellOf } from './tables'

/**
 * How the reader understood the plan: per section its role, the layer its items came from, how
 * many and how many hours; an overall confidence with its reasons; and every work-looking line that
 * did not become an item, with why.
 */

const MAX_SKIPPED = 500

/**
 * Every heading, list line (at any depth) and table row that carries an ID, an estimate or a
 * checkbox and is neither an item nor inside one, with the reason it was left out. The reader's own
 * rejections (weaker groups, empty titles) come first; the rest is found by sweeping the outline.
 */
export function collectSkipped(root: Section, read: ReadResult, reader: ReaderContext): SkippedEntry[] {
  const out = new Map<string, SkippedEntry>()
  const sweep: Sweep = {
    reader,
    insideItem: coverage(itemRanges(read)),
    emptyBoxes: 0,
    add: (entry) => {
      const key = `${entry.line}:${entry.kind}`
      if (!out.has(key)) out.set(key, entry)
    },
  }
  for (const entry of read.skipped) sweep.add(entry)
  const walk = (section: Section, inherited: string | null): void => {
    const why = sectionReason(section, read) ?? inherited
    if (section.heading && section !== read.titleSection && !sweep.insideItem(section.line)) {
      const unit = read.headingUnits.get(section) ?? headingUnit(section, reader)
      const reason = why ?? 'it groups the items under it (a phase or a group; its estimate is a subtotal of theirs)'
      if (unit.info.id || unit.info.effort || unit.bodyEffort) sweep.add(skip(unit, reason))
    }
    sweepBlocks(section.blocks, why, sweep)
    for (const child of section.children) walk(child, why)
  }
  walk(root, null)
  const entries = [...out.values()].sort((a, b) => a.line - b.line).slice(0, MAX_SKIPPED)
  if (sweep.emptyBoxes > 0)
    entries.push({
      line: 0,
      text: `${sweep.emptyBoxes} empty checkbox${sweep.emptyBoxes === 1 ? '' : 'es'}`,
      kind: 'list-item',
      reason: 'a checkbox with no text is a placeholder, not work',
    })
  return entries
}

type Sweep = {
  reader: ReaderContext
  insideItem: (line: number) => boolean
  add: (entry: SkippedEntry) => void
  emptyBoxes: number
}

/** the work-looking list lines and table rows of one section that are not items; `why` is the section's reason */
function sweepBlocks(blocks: Block[], why: string | null, sweep: Sweep): void {
  let label: string | null = null
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.listDepth === 0) {
      const found = openingLabel(block.raw)
      label = found && excludesItems(labelContext(found.label)) ? found.label : null
    } else if (block.kind === 'item')
      sweepListLine(block, why ?? (label ? `listed under "${label}": not work` : null), sweep)
    else if (block.kind === 'table') sweepTable(block, why, sweep)
  }
}

function sweepListLine(block: ItemBlock, why: string | null, sweep: Sweep): void {
  if (sweep.insideItem(block.line)) return
  if (isEmptyItem(block)) {
    if (block.checked !== null || block.text.trim()) sweep.emptyBoxes++
    return
  }
  const info = analyzeTitle(block.raw.split('\n', 1)[0], sweep.reader.dates)
  if (block.checked === null && !info.id && !info.effort) return
  const reason =
    why ??
    (block.depth > 1
      ? 'a sub-point of a line that is not an item'
      : (notWorkLine(info, block.raw) ?? 'not chosen as an item'))
  sweep.add({ line: block.line, text: info.title, kind: 'list-item', reason })
}

function sweepTable(block: TableBlock, why: string | null, sweep: Sweep): void {
  const shape = analyzeTable(block, sweep.reader)
  const workColumns = shape.columns.some(
    (column) => column.role === 'id' || column.role === 'estimate' || column.role === 'likely',
  )
  if (!workColumns) return
  const reason = why ?? (shape.nonWork ? `a row of a ${shape.nonWork} table, not work` : 'not chosen as an item')
  for (const row of block.rows.slice(1)) {
    const title = cleanTitle(cellOf(row, shape.title) || (row.cells.find((cell) => /[A-Za-z]{3,}/.test(cell)) ?? ''))
    const onlyTitle = row.cells.every((cell, index) => index === shape.title?.index || !cell.trim())
    if (sweep.insideItem(row.line) || !title || onlyTitle) continue
    sweep.add({
      line: row.line,
      text: title,
      kind: 'table-row',
      reason: isTotalLine(title) ? 'a total, not work' : reason,
    })
  }
}

/** Why nothing in this section is work, when its role says so. */
function sectionReason(section: Section, read: ReadResult): string | null {
  if (!section.heading) return null
  const title = cleanTitle(section.heading.text)
  if (read.recaps.has(section)) return `restates items listed elsewhere ("${title}" is a recap)`
  const role = read.roles.get(section)?.role ?? 'work'
  const parentRole = section.parent ? (read.roles.get(section.parent)?.role ?? 'work') : 'work'
  return role !== 'work' && role !== parentRole ? `in a ${roleWords(role)} section ("${title}")` : null
}

/** A line lookup over many ranges, linear in the number of lines covered. */
function coverage(ranges: Array<[number, number]>): (line: number) => boolean {
  const last = Math.max(0, ...ranges.map(([, to]) => to))
  const depth = new Int32Array(last + 2)
  for (const [from, to] of ranges) {
    depth[from] += 1
    depth[to + 1] -= 1
  }
  for (let line = 1; line < depth.length; line++) depth[line] += depth[line - 1]
  return (line) => line >= 0 && line <= last && depth[line] > 0
}

/** The lines each chosen item covers (a heading item: its whole section and the sections it absorbed). */
function itemRanges(read: ReadResult): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const group of read.groups) {
    for (const unit of group.units) {
      if (unit.kind !== 'heading') {
        out.push([unit.line, unit.lineEnd])
        continue
      }
      const continued = read.continuations.get(unit.section) ?? []
      out.push([unit.line, Math.max(unit.section.lineEnd, ...continued.map((section) => section.lineEnd))])
    }
  }
  return out
}

function roleWords(role: string): string {
  const words: Record<string, string> = {
    criteria: 'success / exit criteria',
    metrics: 'metrics / KPI',
    risks: 'risks',
    people: 'owners / team',
    cadence: 'cadence / communication',
    'next-actions': 'next actions',
    reference: 'reference / summary',
    status: 'status',
    milestones: 'milestones',
    backlog: 'backlog (outside the totals)',
    gate: 'gate / launch checklist',
    recap: 'recap',
    ignore: 'ignored',
  }
  return words[role] ?? role
}

export type UnitFacts = {
  defaultUnit: EffortUnit
  pointScale: PointScale | null
  hoursPerDayStated: number | null
  estimateColumns: string[]
  /** lines inside code blocks that read like estimated work */
  workLinesInCode: number
}

export function describeInterpretation(
  plan: ParsedPlan,
  read: ReadResult,
  raws: RawItem[],
  facts: UnitFacts,
): Interpretation {
  const sections = describeSections(plan, read, raws)
  const { score, reasons } = confidenceOf(plan, read, raws, facts)
  return {
    confidence: score >= 0.8 ? 'high' : score >= 0.6 ? 'medium' : 'low',
    score: round2(score),
    reasons,
    sections,
    estimateColumns: facts.estimateColumns,
    units: {
      defaultUnit: facts.defaultUnit,
      hoursPerPoint:
        facts.pointScale && facts.pointScale.length > 0 ? facts.pointScale[0][1] / facts.pointScale[0][0] : null,
      pointScale: facts.pointScale,
      hoursPerDayStated: facts.hoursPerDayStated,
    },
  }
}

function describeSections(plan: ParsedPlan, read: ReadResult, raws: RawItem[]): Interpretation['sections'] {
  const phaseLines = new Set(plan.phases.map((phase) => phase.line))
  const shown = new Set<Section>([
    ...read.topLevel,
    ...raws.flatMap((raw) => (raw.phaseSection && raw.phaseSection.parent ? [raw.phaseSection] : [])),
  ])
  for (const section of [...shown])
    for (const child of section.children)
      if ((read.roles.get(child)?.role ?? 'work') !== (read.roles.get(section)?.role ?? 'work')) shown.add(child)
  const ordered = [...shown].filter((section) => section.heading).sort((a, b) => a.line - b.line)
  return ordered.map((section) => {
    const inside = raws.filter((raw) => raw.line >= section.line && raw.line <= section.lineEnd)
    const tasks = plan.tasks.filter((task) => task.line >= section.line && task.line <= section.lineEnd)
    const sources = new Set(inside.map((raw) => raw.source))
    const layer: ItemLayer =
      sources.size === 0
        ? 'none'
        : sources.size > 1
          ? 'mixed'
          : inside[0].source === 'heading'
            ? 'headings'
            : inside[0].source === 'list'
              ? 'list'
              : 'table'
    const hours = tasks.some((task) => task.estimateHours !== null)
      ? Math.round(tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0) * 100) / 100
      : null
    const role = read.recaps.has(section) ? 'recap' : (read.roles.get(section)?.role ?? 'work')
    return {
      title: cleanTitle(section.heading?.text ?? ''),
      line: section.line,
      depth: section.depth,
      role,
      layer,
      items: tasks.length,
      hours,
      isPhase: phaseLines.has(section.line),
      why: whyOf(role, layer, inside),
    }
  })
}

function whyOf(role: string, layer: ItemLayer, inside: RawItem[]): string {
  if (role !== 'work')
    return role === 'recap' ? 'its entries restate items listed elsewhere' : `not work: read as ${roleWords(role)}`
  if (layer === 'none') return 'no work items found here'
  const features = new Set<string>()
  for (const raw of inside) {
    if (raw.info.id) features.add('IDs')
    if (raw.info.effort || raw.bodyEffort) features.add('estimates')
    if (raw.info.owner) features.add('owners')
    if (raw.listBlock?.checked !== null && raw.listBlock?.checked !== undefined) features.add('checkboxes')
  }
  const what =
    layer === 'headings'
      ? 'headings'
      : layer === 'list'
        ? 'list lines'
        : layer === 'table'
          ? 'table rows'
          : 'headings, lists and tables'
  return features.size > 0 ? `items are ${what} (with ${[...features].join(', ')})` : `items are ${what}`
}

/** 0..1: how clearly the plan shows its items, minus what the reader had to guess. */
function confidenceOf(
  plan: ParsedPlan,
  read: ReadResult,
  raws: RawItem[],
  { estimateColumns, workLinesInCode }: UnitFacts,
): { score: number; reasons: string[] } {
  const reasons: string[] = []
  if (plan.tasks.length === 0)
    return { score: 0, reasons: ['no work items were found', ...codeReason(workLinesInCode)] }
  let score = [0.5, 0.65, 0.78, 0.92][read.docLevel]
  reasons.push(
    [
      'items are plain lines or headings without IDs, estimates or checkboxes',
      'items are known by checkboxes or status marks only',
      'items carry owners, due dates or status',
      'items carry IDs or estimates',
    ][read.docLevel],
  )
  if (read.groups.some((group) => group.consistent)) {
    score -= 0.04
    reasons.push('some unnumbered headings were read as items because they have the shape of the numbered ones')
  }
  const sources = new Set(raws.map((raw) => raw.source))
  if (sources.size > 1) {
    score -= 0.03
    reasons.push(`items come from ${[...sources].join(' and ')} (different sections use different layouts)`)
  }
  const strongSkipped = plan.skipped.filter((entry) => /weaker than/.test(entry.reason)).length
  if (strongSkipped > 0) {
    score -= Math.min(0.15, (0.15 * strongSkipped) / Math.max(plan.tasks.length, 1))
    reasons.push(`${strongSkipped} lines that look like work were left out as weaker than the plan's items`)
  }
  const unscheduled = plan.tasks.filter((task) => task.weekStart === null).length
  if (plan.weeks > 0 && unscheduled > 0) {
    score -= Math.min(0.1, (0.1 * unscheduled) / plan.tasks.length)
    reasons.push(`${unscheduled} items have no week`)
  }
  // numbers in a table column the reader did not take as estimates: the total of 0 h is probably a misreading
  if (
    estimateColumns.length > 0 &&
    !plan.tasks.some((task) => task.estimateHours !== null || task.estimatePoints !== null)
  ) {
    score -= 0.25
    reasons.push(
      `no estimates were read, yet ${estimateColumns.map((name) => `"${name}"`).join(', ')} may hold them: choose the estimate column if one does`,
    )
  }
  if (plan.tasks.length < 3) {
    score -= 0.1
    reasons.push('very few items')
  }
  for (const signal of doubtSignals(plan)) {
    score -= signal.penalty
    reasons.push(signal.reason)
  }
  // work kept in code blocks (a text Gantt, a pasted backlog) is never read: the items found may be the wrong ones
  if (workLinesInCode >= 2 && workLinesInCode * 2 >= plan.tasks.length) {
    score -= 0.2
    reasons.push(...codeReason(workLinesInCode))
  }
  return { score: Math.max(0, Math.min(1, score)), reasons }
}

/** Shapes of a reading that often mean some items were counted twice or read from the wrong numbers. */
function doubtSignals(plan: ParsedPlan): Array<{ penalty: number; reason: string }> {
  const signals: Array<{ penalty: number; reason: string }> = []
  const sameTitle = new Map<string, Set<number | null>>()
  for (const task of plan.tasks) {
    const key = cleanTitle(task.title)
      .toLowerCase()
      .replace(/^[\w.-]*\d[\w.-]*\s*[:.)-]\s*/, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
    if (key) sameTitle.set(key, (sameTitle.get(key) ?? new Set()).add(task.phase))
  }
  const repeated = [...sameTitle.values()].filter((phases) => phases.size > 1).length
  if (repeated >= 2 && repeated * 10 >= plan.tasks.length)
    signals.push({
      penalty: 0.15,
      reason: `${repeated} titles appear in more than one section: a section may restate others`,
    })
  const ids = new Set(plan.tasks.flatMap((task) => (task.estimateHours !== null && task.number ? [task.number] : [])))
  const nested = [...ids].filter((id) => ids.has(id.replace(/\.?\d+$/, '').replace(/\.$/, '')) && /\.\d+$/.test(id))
  if (nested.length > 0)
    signals.push({
      penalty: 0.1,
      reason: `${nested.length} items are counted beside a parent item whose ID they extend (${nested[0]})`,
    })
  const estimated = plan.tasks.filter((task) => task.estimateHours !== null)
  if (estimated.length >= 2 && estimated.every((task) => (task.estimateHours ?? 0) < 1))
    signals.push({
      penalty: 0.2,
      reason: 'every estimate read is under an hour: they may be durations of something else',
    })
  return signals
}

function codeReason(lines: number): string[] {
  if (lines < 2) return []
  return [
    `${lines} lines inside code blocks read like estimated work; code blocks are never read as items: list that work outside them`,
  ]
}
