import type { Interpretation, ItemLayer, ParsedPlan } from '../../../shared/plan-model'
import type { Section } from '../outline'
import { cleanTitle } from '../text'
import type { EffortUnit, PointScale } from '../grammar/effort'
import type { ReadResult, SkippedEntry } from './read'
import { skip } from './read'
import type { RawItem } from './raw-items'
import { contentGroups, headingUnit, type ReaderContext } from './units'

/**
 * How the reader understood the plan: per section its role, the layer its items came from, how
 * many and how many hours; an overall confidence with its reasons; and every work-looking line that
 * did not become an item, with why.
 */

const MAX_SKIPPED = 500

export function collectSkipped(root: Section, read: ReadResult, reader: ReaderContext): SkippedEntry[] {
  const out: SkippedEntry[] = [...read.skipped]
  const chosenLines = new Set(read.groups.flatMap((group) => group.units.map((unit) => unit.line)))
  let emptyBoxes = 0
  const walk = (section: Section, reason: string | null): void => {
    const role = read.roles.get(section)?.role ?? 'work'
    const own = read.recaps.has(section)
      ? `restates items listed elsewhere ("${cleanTitle(section.heading?.text ?? '')}" is a recap)`
      : role !== 'work' && role !== (read.roles.get(section.parent as Section)?.role ?? 'work')
        ? `in a ${roleWords(role)} section ("${cleanTitle(section.heading?.text ?? '')}")`
        : null
    const why = own ?? reason
    if (why && section.heading && section !== read.titleSection) {
      const unit = headingUnit(section, reader)
      if ((unit.info.id || unit.info.effort) && !chosenLines.has(unit.line)) out.push(skip(unit, why))
    }
    if (why) {
      const content = contentGroups(section, reader)
      emptyBoxes += content.emptyBoxes
      for (const list of content.lists) for (const unit of list.units) if (unit.level >= 1 && !chosenLines.has(unit.line)) out.push(skip(unit, why))
      for (const table of content.tables) for (const unit of table.units) if (unit.level >= 2 && !chosenLines.has(unit.line)) out.push(skip(unit, why))
    } else {
      emptyBoxes += contentGroups(section, reader).emptyBoxes
    }
    for (const child of section.children) walk(child, why)
  }
  walk(root, null)
  if (emptyBoxes > 0) out.push({ line: 0, text: `${emptyBoxes} empty checkbox${emptyBoxes === 1 ? '' : 'es'}`, kind: 'list-item', reason: 'a checkbox with no text is a placeholder, not work' })
  const unique = new Map<string, SkippedEntry>()
  for (const entry of out) if (!unique.has(`${entry.line}:${entry.kind}`)) unique.set(`${entry.line}:${entry.kind}`, entry)
  return [...unique.values()].sort((a, b) => a.line - b.line).slice(0, MAX_SKIPPED)
}

function roleWords(role: string): string {
  const words: Record<string, string> = {
    criteria: 'success / exit criteria', metrics: 'metrics / KPI', risks: 'risks', people: 'owners / team', cadence: 'cadence / communication',
    'next-actions': 'next actions', reference: 'reference / summary', status: 'status', milestones: 'milestones', backlog: 'backlog (outside the totals)',
    gate: 'gate / launch checklist', recap: 'recap', ignore: 'ignored',
  }
  return words[role] ?? role
}

export type UnitFacts = { defaultUnit: EffortUnit; pointScale: PointScale | null; hoursPerDayStated: number | null; estimateColumns: string[] }

export function describeInterpretation(plan: ParsedPlan, read: ReadResult, raws: RawItem[], facts: UnitFacts): Interpretation {
  const sections = describeSections(plan, read, raws)
  const { score, reasons } = confidenceOf(plan, read, raws)
  return {
    confidence: score >= 0.8 ? 'high' : score >= 0.6 ? 'medium' : 'low',
    score: Math.round(score * 100) / 100,
    reasons,
    sections,
    estimateColumns: facts.estimateColumns,
    units: {
      defaultUnit: facts.defaultUnit,
      hoursPerPoint: facts.pointScale && facts.pointScale.length > 0 ? facts.pointScale[0][1] / facts.pointScale[0][0] : null,
      pointScale: facts.pointScale,
      hoursPerDayStated: facts.hoursPerDayStated,
    },
  }
}

function describeSections(plan: ParsedPlan, read: ReadResult, raws: RawItem[]): Interpretation['sections'] {
  const phaseLines = new Set(plan.phases.map((phase) => phase.line))
  const shown = new Set<Section>([...read.topLevel, ...raws.flatMap((raw) => (raw.phaseSection && raw.phaseSection.parent ? [raw.phaseSection] : []))])
  for (const section of [...shown]) for (const child of section.children) if ((read.roles.get(child)?.role ?? 'work') !== (read.roles.get(section)?.role ?? 'work')) shown.add(child)
  const ordered = [...shown].filter((section) => section.heading).sort((a, b) => a.line - b.line)
  return ordered.map((section) => {
    const inside = raws.filter((raw) => raw.line >= section.line && raw.line <= section.lineEnd)
    const tasks = plan.tasks.filter((task) => task.line >= section.line && task.line <= section.lineEnd)
    const sources = new Set(inside.map((raw) => raw.source))
    const layer: ItemLayer = sources.size === 0 ? 'none' : sources.size > 1 ? 'mixed' : inside[0].source === 'heading' ? 'headings' : inside[0].source === 'list' ? 'list' : 'table'
    const hours = tasks.some((task) => task.estimateHours !== null) ? Math.round(tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0) * 100) / 100 : null
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
  if (role !== 'work') return role === 'recap' ? 'its entries restate items listed elsewhere' : `not work: read as ${roleWords(role)}`
  if (layer === 'none') return 'no work items found here'
  const features = new Set<string>()
  for (const raw of inside) {
    if (raw.info.id) features.add('IDs')
    if (raw.info.effort || raw.bodyEffort) features.add('estimates')
    if (raw.info.owner) features.add('owners')
    if (raw.listBlock?.checked !== null && raw.listBlock?.checked !== undefined) features.add('checkboxes')
  }
  const what = layer === 'headings' ? 'headings' : layer === 'list' ? 'list lines' : layer === 'table' ? 'table rows' : 'headings, lists and tables'
  return features.size > 0 ? `items are ${what} (with ${[...features].join(', ')})` : `items are ${what}`
}

/** 0..1: how clearly the plan shows its items, minus what the reader had to guess. */
function confidenceOf(plan: ParsedPlan, read: ReadResult, raws: RawItem[]): { score: number; reasons: string[] } {
  const reasons: string[] = []
  if (plan.tasks.length === 0) return { score: 0, reasons: ['no work items were found'] }
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
  if (plan.tasks.length < 3) {
    score -= 0.1
    reasons.push('very few items')
  }
  return { score: Math.max(0, Math.min(1, score)), reasons }
}
