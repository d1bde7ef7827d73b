import type { Section } from '../outline'
import { cleanTitle } from '../text'
import { hasTime, type TimeMarker } from '../grammar/time'
import { parseLabeledEffort } from '../grammar/effort'
import { indexAnchors, titleWords } from './anchors'
import { labelContext, readLabel } from './labels'
import { skip, type SkippedEntry } from './skipped'
import { headingEffort, type Group, type HeadingUnit } from './units'

/**
 * Passes over the groups the reader kept, each taking out what restates or sums up other work: milestone tables
 * beside the work, overview tables over the sections they name, lists that sum up phases, sprint lists that name
 * stories written out elsewhere (which they schedule).
 */

/**
 * A milestone table beside the plan's work restates checkpoints of that work: its rows are not items, unless the
 * lead's mapping names its section.
 */
export function withoutMilestonesBesideWork(
  groups: Group[],
  skipped: SkippedEntry[],
  mapped: (section: Section) => boolean,
): Group[] {
  const checkpoints = (group: Group) => group.milestones === true && !mapped(group.section)
  if (!groups.some((group) => !checkpoints(group))) return groups
  for (const group of groups.filter(checkpoints))
    for (const unit of group.units) skipped.push(skip(unit, 'a row of a milestone table: a checkpoint, not work'))
  return groups.filter((group) => !checkpoints(group))
}

/** "d:2-3" for Day 2-3, "w:1" for Week 1, "s:2" for Sprint 2: the time a label names, to match a row to a section */
export function timeKey(time: TimeMarker): string | null {
  const key = (tag: string, range: { start: number; end: number } | null) =>
    range ? `${tag}:${range.start}-${range.end}` : null
  return key('d', time.days) ?? key('w', time.weeks) ?? key('s', time.sprints) ?? key('m', time.months)
}

/**
 * An overview table whose every row names the time of a section that holds work elsewhere ("| Day 2-3 | Fixes |"
 * over "## Days 2-3: Fixes") indexes those sections: its rows restate that work and are not items of their own.
 */
export function withoutIndexTables(
  groups: Group[],
  skipped: SkippedEntry[],
  unitOf: (section: Section) => HeadingUnit,
  mapped: (section: Section) => boolean,
): Group[] {
  const sectionKeys = (group: Group): string[] => {
    const keys: string[] = []
    for (const unit of group.units)
      for (
        let node: Section | null = unit.kind === 'heading' ? unit.section : group.section;
        node?.heading;
        node = node.parent
      ) {
        const key = timeKey(unitOf(node).info.time)
        if (key) keys.push(key)
      }
    return keys
  }
  // each group's section keys once: every row table asks about all the other groups
  const keysOf = new Map(groups.map((group) => [group, sectionKeys(group)]))
  const isIndex = (group: Group): boolean => {
    if (group.kind !== 'row' || group.units.length < 2 || mapped(group.section)) return false
    const elsewhere = new Set(
      groups.filter((other) => other.section !== group.section).flatMap((other) => keysOf.get(other) ?? []),
    )
    return group.units.every((unit) => {
      const key = timeKey(unit.info.time)
      return key !== null && elsewhere.has(key)
    })
  }
  const indexes = groups.filter(isIndex)
  for (const group of indexes)
    for (const unit of group.units)
      skipped.push(skip(unit, 'a row of an overview table: its sections below hold the work it names'))
  return groups.filter((group) => !indexes.includes(group))
}

/** "P0" of "P0 - Critical (Week 1)", "Phase 2" of "Phase 2: Build": a short label with a number that names a phase */
function phaseLabelOf(text: string): string | null {
  const lead = cleanTitle(text)
    .split(/\s+[-–—]\s+|:/)[0]
    .trim()
  return lead.split(/\s+/).length <= 3 && /\d/.test(lead) ? lead.toLowerCase() : null
}

/**
 * "- ✅ P0: All critical fixes (6 hours)", "- P1: Basic hardening (24 hours)" under "MVP": every line opens with the
 * label of one of the plan's phases, so the list sums those phases up. Its lines are not items, their estimates are
 * not added again, and a ✅ on them is decoration, not a claim.
 */
export function withoutPhaseSummaries(
  groups: Group[],
  skipped: SkippedEntry[],
  reader: { phaseLevel: (section: Section) => boolean },
): Group[] {
  const phases = new Map<string, Section>()
  for (const group of groups)
    for (let node: Section | null = group.section; node?.heading; node = node.parent) {
      const label = reader.phaseLevel(node) ? phaseLabelOf(node.heading.text) : null
      if (label) phases.set(label, node)
    }
  if (phases.size < 2) return groups
  const summaries = groups.filter(
    (group) =>
      group.kind === 'list' &&
      group.units.every((unit) => {
        // "P1 Security:" opens with "P1"
        const title = cleanTitle(unit.info.title)
        const label = title
          .slice(0, Math.max(0, title.indexOf(':')))
          .trim()
          .toLowerCase()
        const key = [...phases.keys()].find((name) => label === name || label.startsWith(`${name} `))
        const phase = key === undefined ? undefined : phases.get(key)
        return phase !== undefined && !(unit.line >= phase.line && unit.line <= phase.lineEnd)
      }),
  )
  for (const group of summaries)
    for (const unit of group.units)
      skipped.push(skip(unit, "it sums up one of the plan's phases: not an item of its own"))
  return groups.filter((group) => !summaries.includes(group))
}

/** The nearest heading from `section` up whose title names a week, day or sprint, with that time. */
function timedSectionOf(section: Section, unitOf: (section: Section) => HeadingUnit): TimeMarker | null {
  for (let node: Section | null = section; node?.heading; node = node.parent) {
    const time = unitOf(node).info.time
    if (timeKey(time) !== null) return time
  }
  return null
}

/**
 * "### Sprint 1 (Weeks 1-2)" listing "- Dev environment setup (3 pts)" where "### User Story F1.1: Dev Environment
 * Setup" is written out elsewhere: the list schedules those items and adds none. Only when most of its lines restate
 * items that have a body of their own (a heading with lines under it), so a list of the work beside bare headings
 * that sum it up stays the work.
 */
export function withoutScheduleLists(
  groups: Group[],
  skipped: SkippedEntry[],
  unitOf: (section: Section) => HeadingUnit,
): Group[] {
  const originals = groups.flatMap((group) =>
    group.units.filter((unit): unit is HeadingUnit => unit.kind === 'heading' && !unit.empty),
  )
  if (originals.length === 0) return groups
  const anchors = indexAnchors(originals)
  const indexes = new Set<Group>()
  for (const group of groups) {
    if (group.kind !== 'list') continue
    const time = timedSectionOf(group.section, unitOf)
    const matches = group.units.map((unit) => anchors.find(unit, group.section) as HeadingUnit | null)
    const found = matches.filter((match) => match !== null).length
    if (!time || found < Math.max(1, Math.ceil(group.units.length * 0.8))) continue
    indexes.add(group)
    group.units.forEach((unit, index) => {
      const original = matches[index]
      if (original && !hasTime(original.info.time) && original.bodyTime === null)
        original.info = { ...original.info, time }
      skipped.push(skip(unit, 'it names an item written out elsewhere: the list schedules that item, it adds none'))
    })
  }
  return groups.filter((group) => !indexes.has(group))
}

/**
 * The names an entry or a heading is known by, strongest first: its ID ("1.2"), its phase label ("phase 2"), and all
 * its title words when there are two or more ("Launch Review Meeting" names work under a "Launch Review" heading, it
 * does not restate it).
 */
function groupKeys(info: HeadingUnit['info']): string[] {
  const keys: string[] = []
  if (info.id) keys.push(`id:${info.id}`)
  const label = phaseLabelOf(info.title)
  if (label) keys.push(`label:${label}`)
  const words = [...new Set(titleWords(info.coreTitle))].sort()
  if (words.length >= 2) keys.push(`words:${words.join(' ')}`)
  return keys
}

/** The unit states an estimate: in its title or cells, on its heading's lines, or on a labelled line under it ("Effort: 3h"). */
function carriesEstimate(unit: Group['units'][number]): boolean {
  if (unit.info.effort !== null) return true
  if (unit.kind === 'heading') return headingEffort(unit) !== null
  if (unit.kind === 'row') return false
  if (unit.nextLineEffort !== null) return true
  return unit.owned.some((block) =>
    (block.kind === 'item' || block.kind === 'paragraph' ? block.raw : '').split('\n', 20).some((line) => {
      const label = readLabel(line)
      return label !== null && labelContext(label.label) === 'effort' && parseLabeledEffort(line) !== null
    }),
  )
}

/**
 * "| 1.1 Login | 5h |", "| 1.2 Export | 5h |" where "### 1.1 Login" and "### 1.2 Export" group items elsewhere: a
 * table or list whose every entry names a different one of the plan's own groups or phases restates their
 * subtotals. Its entries are not items and their estimates are not added again.
 */
export function withoutGroupRecaps(
  groups: Group[],
  skipped: SkippedEntry[],
  unitOf: (section: Section) => HeadingUnit,
  mapped: (section: Section) => boolean,
): Group[] {
  // the headings that group kept items (their ancestors), by each name they are known by
  const seen = new Set<Section>()
  const byKey = new Map<string, Section[]>()
  const estimated = new Set<Section>()
  for (const group of groups)
    for (const unit of group.units) {
      const start = unit.kind === 'heading' ? unit.section.parent : group.section
      if (carriesEstimate(unit))
        for (let node = start; node?.heading && !estimated.has(node); node = node.parent) estimated.add(node)
      for (let node = start; node?.heading && !seen.has(node); node = node.parent) {
        seen.add(node)
        for (const key of groupKeys(unitOf(node).info)) {
          const named = byKey.get(key)
          if (named) named.push(node)
          else byKey.set(key, [node])
        }
      }
    }
  if (seen.size < 2) return groups
  const namedOutside = (unit: Group['units'][number], outside: Section): Section | null => {
    for (const key of groupKeys(unit.info)) {
      // an entry's estimate restates a subtotal only of items that carry estimates; else it is the only figure
      const found = (byKey.get(key) ?? []).find(
        (node) =>
          (node.line > outside.lineEnd || node.lineEnd < outside.line) &&
          (unit.info.effort === null || estimated.has(node)),
      )
      if (found) return found
    }
    return null
  }
  const recaps = new Set(
    groups.filter((group) => {
      if (group.kind === 'heading' || group.units.length < 2 || mapped(group.section)) return false
      const named = group.units.map((unit) => namedOutside(unit, group.section))
      return named.every((node) => node !== null) && new Set(named).size === named.length
    }),
  )
  for (const group of recaps)
    for (const unit of group.units)
      skipped.push(
        skip(unit, "it restates one of the plan's own groups or phases (a recap of its subtotal): not an item"),
      )
  return groups.filter((group) => !recaps.has(group))
}
