import type { Section } from '../outline'
import { descendants } from '../outline'
import { hasTime, type TimeMarker } from '../grammar/time'
import { MILESTONE_HEADER } from '../grammar/words'
import { readRole } from './roles'
import {
  contentGroups,
  headingEffort,
  headingUnit,
  type ContentGroups,
  type Group,
  type HeadingUnit,
  type Level,
  type ReaderContext,
  type Unit,
} from './units'
import type { ProfileRules } from './profile-rules'
import { indexAnchors, restatesItems } from './anchors'
import {
  withoutGroupRecaps,
  withoutIndexTables,
  withoutMilestonesBesideWork,
  withoutPhaseSummaries,
  withoutScheduleLists,
} from './post-passes'
import { assignRoles, type RoleInfo } from './section-roles'
import { skip, type SkippedEntry } from './skipped'

/**
 * Decides which layer holds the work items — headings, list items or table rows — section by
 * section, from features that generalise (IDs, estimates, owners, status cells, checkboxes,
 * schedule headings) and the consistency of siblings, never from the words of one plan:
 *
 * 1. Every section gets a role (work, criteria, metrics, risks, backlog, …); only work is read.
 * 2. Bottom-up, a heading is an item when nothing inside it is a stronger layer: an ID'd heading
 *    keeps its lists as subtasks; a heading whose lists carry IDs, estimates or owners is a group;
 *    deeper headings win over their parents; a heading subdivided into schedule blocks ("Day 6",
 *    "Day 7") is a container; the outermost schedule or top-level sections are phases.
 * 3. Headings at the depth where the plan keeps its ID'd items are items elsewhere too when they
 *    hold only checklists (the plan's own grammar), and unnumbered headings between numbered
 *    siblings continue the one before.
 * 4. Sections named as summaries or checklists are recaps when their entries restate items.
 * 5. A group weaker than the plan's item grammar (plain bullets in a plan of estimated tasks) is
 *    not work; it is reported as "not imported" with the reason.
 */

export type ReadResult = {
  groups: Group[]
  roles: Map<Section, RoleInfo>
  headingUnits: Map<Section, HeadingUnit>
  /** heading items that absorb the unnumbered sections after them */
  continuations: Map<Section, Section[]>
  recaps: Set<Section>
  titleSection: Section | null
  topLevel: Section[]
  phaseLevel: (section: Section) => boolean
  marked: (section: Section) => boolean
  skipped: SkippedEntry[]
  docLevel: Level
}

type Pass = { headingDepth: number | null }

export function readPlanStructure(root: Section, context: ReaderContext, rules: ProfileRules): ReadResult {
  const reader = new StructureReader(root, context, rules)
  reader.applyTimeboxes()
  // Pass A finds where the plan keeps its numbered or estimated heading items; pass B reads with that grammar.
  const first = reader.choose(root, { headingDepth: null }, true)
  reader.continuations.clear()
  const headingDepth = dominantHeadingDepth(first)
  const groups = reader.choose(root, { headingDepth }, true)
  const { recaps, fromSummaries } = reader.readSummaries(groups, headingDepth)
  const docLevel = documentLevel(groups)
  const skipped: SkippedEntry[] = []
  const kept = withoutMilestonesBesideWork(
    reader.keepStrongEnough(groups, docLevel, fromSummaries, skipped),
    skipped,
    (section) => rules.roleFor(section) !== null || rules.layerFor(section) !== null,
  )
  const unindexed = withoutIndexTables(kept, skipped, reader.unitOf, (section) => rules.layerFor(section) !== null)
  const unrecapped = withoutGroupRecaps(
    unindexed,
    skipped,
    reader.unitOf,
    (section) => rules.layerFor(section) !== null,
  )
  const summarized = withoutPhaseSummaries(unrecapped, skipped, reader)
  const scheduled = withoutScheduleLists(summarized, skipped, reader.unitOf)
  const dropped = dropEmptySingletons(scheduled, skipped, reader.phaseLevel)
  const { roles, headingUnits, continuations, titleSection, topLevel, phaseLevel, marked } = reader
  return {
    groups: dropped,
    roles,
    headingUnits,
    continuations,
    recaps,
    titleSection,
    topLevel,
    phaseLevel,
    marked,
    skipped,
    docLevel,
  }
}

/** The reader's view of one plan: roles, heading units and section contents (each read once), and the layer rules. */
class StructureReader {
  readonly titleSection: Section | null
  readonly topLevel: Section[]
  readonly headingUnits = new Map<Section, HeadingUnit>()
  readonly continuations = new Map<Section, Section[]>()
  readonly roles: Map<Section, RoleInfo>
  private readonly topSet: Set<Section>
  private readonly contentCache = new Map<Section, ContentGroups>()

  constructor(
    private readonly root: Section,
    private readonly context: ReaderContext,
    private readonly rules: ProfileRules,
  ) {
    this.titleSection = findTitleSection(root)
    this.topLevel = this.titleSection ? [...this.titleSection.children, ...root.children.slice(1)] : root.children
    this.topSet = new Set(this.topLevel)
    this.roles = assignRoles(root, this.titleSection, this.unitOf, rules)
  }

  readonly unitOf = (section: Section): HeadingUnit => {
    let unit = this.headingUnits.get(section)
    if (!unit) this.headingUnits.set(section, (unit = headingUnit(section, this.context)))
    return unit
  }

  readonly contentOf = (section: Section): ContentGroups => {
    let content = this.contentCache.get(section)
    if (!content) this.contentCache.set(section, (content = contentGroups(section, this.context)))
    return content
  }

  /** a schedule or phase heading; a numbered item that states its week ("1.1 Ship (Week 2)") is an item, not a phase */
  readonly marked = (section: Section): boolean => {
    if (section.heading === null || section === this.titleSection) return false
    const info = this.unitOf(section).info
    if (info.id !== null && !/^\d{1,3}$/.test(info.id) && !info.phaseMarked) return false
    return info.phaseMarked || hasTime(info.time)
  }

  readonly phaseLevel = (section: Section): boolean => {
    if (this.topSet.has(section)) return true
    if (!this.marked(section)) return false
    for (let node = section.parent; node && node !== this.titleSection && node.heading; node = node.parent)
      if (this.marked(node)) return false
    return true
  }

  /**
   * "Phase 1: Foundations (2 weeks)", "Phase 2: Hardening (3 weeks)": sibling phases that state only how long they
   * last are timeboxes laid end to end from the plan's first week (or day). For a phase that holds items the length is
   * their schedule, not their effort; a phase that is itself the item keeps it as its estimate too.
   */
  applyTimeboxes(): void {
    const parents = new Set(
      descendants(this.root)
        .filter((section) => section.heading && this.phaseLevel(section))
        .map((section) => section.parent),
    )
    for (const parent of parents) {
      // a section of prose beside the phases ("Open questions") neither breaks nor joins the sequence
      const phases = (parent?.children ?? []).filter(
        (section) =>
          section.heading &&
          this.phaseLevel(section) &&
          this.isWork(section) &&
          (this.holdsItems(section) ||
            timeboxOf(this.unitOf(section)) !== null ||
            hasTime(this.unitOf(section).info.time)),
      )
      const spans = phases.map((section) => timeboxOf(this.unitOf(section)))
      const units = new Set(spans.flatMap((span) => (span ? [span.unit] : [])))
      if (phases.length < 2 || units.size !== 1) continue
      const unit = [...units][0]
      // each phase is a timebox or names its own weeks ("Phase 2 (Weeks 3-4)"); the timeboxes fill in after the last
      const stated = phases.map((section) => statedRange(this.unitOf(section).info.time, unit))
      if (phases.some((_, index) => spans[index] === null && stated[index] === null)) continue
      let next = 1
      phases.forEach((section, index) => {
        const own = stated[index]
        if (own) return void (next = own.end + 1)
        const length = Math.max(1, Math.round((spans[index] as Timebox).value))
        this.setTimebox(section, unit, { start: next, end: next + length - 1 })
        next += length
      })
    }
  }

  private holdsItems(section: Section): boolean {
    const content = this.contentOf(section)
    return section.children.length > 0 || content.lists.length > 0 || content.tables.length > 0
  }

  private setTimebox(section: Section, unit: Timebox['unit'], range: { start: number; end: number }): void {
    const heading = this.unitOf(section)
    const holdsItems = this.holdsItems(section)
    const time = { ...heading.info.time, [unit]: range }
    heading.info = { ...heading.info, time, effort: holdsItems ? null : heading.info.effort }
    if (holdsItems) {
      heading.bodyEffort = null
      heading.bodyDuration = null
    }
  }

  private isWork(section: Section): boolean {
    return (this.roles.get(section)?.role ?? 'work') === 'work'
  }

  private deferred(section: Section): boolean {
    return (
      section !== this.titleSection &&
      (this.roles.get(section)?.recapCandidate ?? false) &&
      !(this.roles.get(section.parent as Section)?.recapCandidate ?? false)
    )
  }

  choose(section: Section, pass: Pass, skipDeferred: boolean): Group[] {
    if (section.heading && !this.isWork(section)) return []
    if (skipDeferred && section.heading && this.deferred(section)) return []
    const children = withoutSubtotalHeadings(
      section.children.map((child) => ({ child, groups: this.choose(child, pass, skipDeferred) })),
      this.unitOf,
    )
    const content = this.contentOf(section)
    const own: Group[] = [
      ...content.lists.map((list) => makeGroup('list', list.units, section, list.label)),
      ...content.tables.map((table) => ({
        ...makeGroup('row', table.units, section, table.label),
        milestones: MILESTONE_HEADER.test(table.shape.title?.header ?? ''),
      })),
    ]
    const inner = [...mergeHeadingItems(section, children, this.unitOf, this.continuations), ...own]
    if (!section.heading || section === this.titleSection) return inner
    const layer = this.rules.layerFor(section)
    if (layer === 'none') return []
    const unit = this.unitOf(section)
    if (layer === 'heading' || (layer === null && this.isItem(section, unit, inner, pass))) {
      return [
        {
          ...makeGroup('heading', [unit], section.parent as Section, null),
          consistent: layer === null && this.isConsistent(section, unit, inner, pass),
        },
      ]
    }
    if (layer === 'list' || layer === 'row')
      return inner.filter((group) => group.kind === layer || group.kind === 'heading')
    return inner
  }

  private isItem(section: Section, unit: HeadingUnit, inner: Group[], pass: Pass): boolean {
    if (inner.some((group) => group.kind === 'heading')) return false
    if (isTimeSubdivided(section, this.marked)) return false
    const strong = unit.info.id !== null || unit.info.effort !== null || unit.bodyEffort !== null
    // a phase names a stretch of the plan: it is an item only when it is sized and holds nothing else
    if (this.phaseLevel(section) && this.marked(section))
      return (
        strong && inner.length === 0 && !unit.empty && !descendants(section).some((inside) => this.deferred(inside))
      )
    // a numbered heading without an estimate of its own over lines that carry IDs or estimates groups them ("2.1 Model" over A1, A2)
    if (unit.info.id !== null && !unit.info.phaseMarked)
      return !(headingEffort(unit) === null && inner.some((group) => group.kind !== 'heading' && group.level >= 3))
    // a top-level section with only prose is context; one that states its own size or ID is work
    if (inner.length === 0) {
      // prose beside the section's time blocks ("North Star" before "Day 1", "Day 2") frames them: context too
      if (!strong && !hasTime(unit.info.time) && this.besideTimeBlocks(section)) return false
      // "Epic Goal", "Background" under a phase: prose that frames the phase's items, whatever their shape
      if (!strong && !hasTime(unit.info.time) && readRole(section.heading?.text ?? '').role === 'reference')
        return false
      return !this.phaseLevel(section) || (strong && !unit.empty)
    }
    if (this.isConsistent(section, unit, inner, pass)) return true
    // "Day 3 (8 hours)", "Morning (4h)": a title that only says when holds its checklist's items, it is not one
    if (
      unit.info.namesOnlyWhen &&
      unit.info.id === null &&
      inner.every((group) => group.kind === 'list' && group.level >= 1)
    )
      return false
    const innerLevel = Math.max(...inner.map((group) => group.level))
    // a schedule block ("Week of Feb 17: Cutover") keeps its checkboxes as its steps
    const scheduleBlock = hasTime(unit.info.time) && innerLevel <= 1 && inner.every((group) => group.kind === 'list')
    return unit.level > innerLevel || (scheduleBlock && unit.level >= innerLevel)
  }

  /** most of the section's sibling headings (at least two) name when they happen: days, hours, weeks */
  private besideTimeBlocks(section: Section): boolean {
    const siblings = (section.parent?.children ?? []).filter((other) => other !== section && other.heading)
    const timed = siblings.filter((other) => hasTime(this.unitOf(other).info.time)).length
    return timed >= 2 && timed * 2 >= siblings.length
  }

  private isConsistent(section: Section, unit: HeadingUnit, inner: Group[], pass: Pass): boolean {
    return (
      pass.headingDepth !== null &&
      section.depth === pass.headingDepth &&
      !this.phaseLevel(section) &&
      unit.level <= 1 &&
      inner.length > 0 &&
      inner.every((group) => group.kind === 'list' && group.level <= 1)
    )
  }

  /** Summary and checklist sections: recaps when their entries restate items, else read now (their groups are added). */
  readSummaries(groups: Group[], headingDepth: number | null): { recaps: Set<Section>; fromSummaries: Set<Group> } {
    const anchors = indexAnchors(groups.flatMap((group) => group.units))
    const recaps = new Set<Section>()
    const fromSummaries = new Set<Group>()
    for (const section of descendants(this.root)) {
      if (!this.deferred(section) || !this.isWork(section)) continue
      if (restatesItems(section, anchors, this.contentOf, this.unitOf)) {
        recaps.add(section)
        continue
      }
      const late = this.choose(section, { headingDepth }, false)
      for (const group of late) fromSummaries.add(group)
      groups.push(...late)
    }
    return { recaps, fromSummaries }
  }

  /**
   * where a group sits: its kind under a schedule heading's parent ("list under a Week N of Plan"), and whether that
   * heading is worded as a recap ("Week 9 Deliverables Checklist" is not another "Day 1")
   */
  private slotOf(group: Group): string {
    const parent = group.section.parent
    const marked = this.marked(group.section) ? 'marked' : 'plain'
    const recap = this.roles.get(group.section)?.recapWorded ? 'recap' : 'plain'
    return `${group.kind}:${parent ? parent.line : -1}:${marked}:${recap}`
  }

  /**
   * "Week 2" holds the same kind of list as "Week 1" under the same parent: the plan's work, even where fewer of its
   * lines carry an estimate or an ID (a week of plainer lines is not a summary of the stronger week). Only for a
   * section with no strong group of its own: beside one, a weaker list is something else (criteria, notes).
   */
  private besideStrongSibling(group: Group, strongSlots: Set<string>): boolean {
    return group.kind !== 'heading' && this.marked(group.section) && strongSlots.has(this.slotOf(group))
  }

  private underRecapWords(section: Section): boolean {
    for (let node: Section | null = section; node && node !== this.titleSection; node = node.parent)
      if (this.roles.get(node)?.recapWorded) return true
    return false
  }

  /** Groups as strong as the plan's items (or otherwise vouched for); the others are reported as skipped. */
  keepStrongEnough(groups: Group[], docLevel: Level, fromSummaries: Set<Group>, skipped: SkippedEntry[]): Group[] {
    const kept: Group[] = []
    const strong = groups.filter((group) => group.level >= docLevel)
    const strongSlots = new Set(strong.map((group) => this.slotOf(group)))
    const strongSections = new Set(strong.map((group) => group.section))
    for (const group of groups) {
      // a checklist is the plan's to-do list, unless a summary or deliverables heading says it lists outcomes
      const checklistBesideOwners =
        isChecklist(group) && !fromSummaries.has(group) && !this.underRecapWords(group.section)
      if (
        group.level >= docLevel ||
        // a milestone table is judged next, beside the work (checkpoints) or alone (the plan)
        group.milestones === true ||
        group.schedule ||
        group.consistent ||
        checklistBesideOwners ||
        this.rules.layerFor(group.section) !== null ||
        (!strongSections.has(group.section) && this.besideStrongSibling(group, strongSlots))
      )
        kept.push(group)
      else
        for (const unit of group.units)
          skipped.push(
            skip(
              unit,
              `weaker than the plan's other items (${levelWords(group.level)} where the plan's items have ${levelWords(docLevel)})`,
            ),
          )
    }
    return kept
  }
}

type Timebox = { value: number; unit: 'weeks' | 'days' }

/** The weeks (or days) a phase heading names itself */
function statedRange(time: TimeMarker, unit: Timebox['unit']): { start: number; end: number } | null {
  return unit === 'weeks' ? time.weeks : time.days
}

/** How long a heading says its stretch lasts ("(2 weeks)", "Duration: 10 days"), when it names no week or day. */
function timeboxOf(unit: HeadingUnit): Timebox | null {
  const effort = headingEffort(unit)
  if (!effort || hasTime(unit.info.time) || unit.bodyTime !== null) return null
  return effort.unit === 'weeks' || effort.unit === 'days' ? { value: effort.value, unit: effort.unit } : null
}

function makeGroup(kind: Group['kind'], units: Unit[], section: Section, label: string | null): Group {
  const schedule =
    kind === 'heading' &&
    units.length > 0 &&
    units.every((unit) => unit.kind === 'heading' && hasTime(unit.info.time) && !unit.info.phaseMarked)
  return { kind, units, level: groupLevel(units), section, schedule, consistent: false, label }
}

/** The level most of a group reaches: at least two units (or 40 %) must have it. */
export function groupLevel(units: Unit[]): Level {
  if (units.length === 1) return units[0].level
  const need = Math.max(2, Math.ceil(units.length * 0.4))
  for (const level of [3, 2, 1] as const) if (units.filter((unit) => unit.level >= level).length >= need) return level
  return 0
}

/**
 * The heading items among a section's children become one sibling group. An unnumbered child
 * between numbered item siblings (with nothing strong of its own) continues the numbered one before it.
 */
function mergeHeadingItems(
  parent: Section,
  children: Array<{ child: Section; groups: Group[] }>,
  unitOf: (section: Section) => HeadingUnit,
  continuations: Map<Section, Section[]>,
): Group[] {
  const isHeadingItem = (entry: { child: Section; groups: Group[] }): boolean =>
    entry.groups.length === 1 &&
    entry.groups[0].kind === 'heading' &&
    entry.groups[0].units[0]?.kind === 'heading' &&
    (entry.groups[0].units[0] as HeadingUnit).section === entry.child
  const numbered = children.filter((entry) => isHeadingItem(entry) && unitOf(entry.child).info.id !== null)
  const out: Group[] = []
  const items: Group[] = []
  let lastNumbered: Section | null = null
  for (const entry of children) {
    const unit = unitOf(entry.child)
    const weak =
      unit.info.id === null &&
      headingEffort(unit) === null &&
      !hasTime(unit.info.time) &&
      entry.groups.every((group) => group.level <= 1 && (group.kind !== 'heading' || isHeadingItem(entry)))
    if (numbered.length >= 2 && lastNumbered && weak && (entry.groups.length > 0 || !unit.empty)) {
      const list = continuations.get(lastNumbered) ?? []
      list.push(entry.child)
      continuations.set(lastNumbered, list)
      continue
    }
    if (isHeadingItem(entry)) {
      items.push(entry.groups[0])
      if (unit.info.id !== null) lastNumbered = entry.child
    } else {
      out.push(...entry.groups)
    }
  }
  if (items.length > 0) {
    const units = items.flatMap((group) => group.units)
    const merged = makeGroup('heading', units, parent, null)
    merged.consistent = items.some((group) => group.consistent)
    out.unshift(merged)
  }
  return out
}

/**
 * "**Feature A (80 hours)**" with nothing under it, followed by "**Week 3**" blocks whose lines carry their own
 * estimates: the empty estimated heading titles the work after it (a subtotal), it is not an item of its own.
 */
function withoutSubtotalHeadings(
  children: Array<{ child: Section; groups: Group[] }>,
  unitOf: (section: Section) => HeadingUnit,
): Array<{ child: Section; groups: Group[] }> {
  const isEmptyEstimated = (entry: { child: Section; groups: Group[] }): boolean => {
    const unit = unitOf(entry.child)
    return unit.empty && headingEffort(unit) !== null && entry.groups.length === 1 && entry.groups[0].kind === 'heading'
  }
  return children.map((entry, index) => {
    if (!isEmptyEstimated(entry)) return entry
    const after: Group[] = []
    for (const next of children.slice(index + 1)) {
      if (isEmptyEstimated(next)) break
      after.push(...next.groups)
    }
    const estimatedAfter = after.some((group) => group.kind !== 'heading' && group.level >= 3)
    return estimatedAfter ? { ...entry, groups: [] } : entry
  })
}

function isTimeSubdivided(section: Section, marked: (section: Section) => boolean): boolean {
  return section.children.filter((child) => marked(child)).length >= 2
}

/** The depth of the plan's numbered or estimated heading items, when they are most of its strong items. */
function dominantHeadingDepth(groups: Group[]): number | null {
  const depths = new Map<number, number>()
  let strongHeadings = 0
  let strongUnits = 0
  for (const group of groups) {
    for (const unit of group.units) {
      if (unit.level < 3) continue
      strongUnits++
      if (unit.kind !== 'heading' || (unit.info.id === null && headingEffort(unit) === null)) continue
      strongHeadings++
      depths.set(unit.section.depth, (depths.get(unit.section.depth) ?? 0) + 1)
    }
  }
  if (strongHeadings < 3 || strongHeadings * 2 < strongUnits) return null
  return [...depths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}

function documentLevel(groups: Group[]): Level {
  const multi = groups.filter((group) => group.units.length >= 2 && !group.schedule)
  const pool = multi.length > 0 ? multi : groups.filter((group) => !group.schedule)
  return pool.reduce<Level>((max, group) => (group.level > max ? group.level : max), 0)
}

/** A lone top-level heading with nothing under it is a title, not work ("## 2) Task order (10 days)"). */
function dropEmptySingletons(
  groups: Group[],
  skipped: SkippedEntry[],
  phaseLevel: (section: Section) => boolean,
): Group[] {
  return groups.filter((group) => {
    const only = group.units.length === 1 ? group.units[0] : null
    const numbered = only?.info.id !== null && only?.info.id !== undefined && !/^\d{1,3}$/.test(only.info.id)
    if (group.kind === 'heading' && only?.kind === 'heading' && only.empty && phaseLevel(only.section) && !numbered) {
      skipped.push(skip(only, 'a heading with nothing under it'))
      return false
    }
    return true
  })
}

function findTitleSection(root: Section): Section | null {
  const first = root.children[0]
  if (!first || first.depth !== 1) return null
  return root.children.filter((section) => section.depth === 1).length === 1 ? first : null
}

/**
 * Checkbox lines are work as surely as lines that name an owner: beside owner-marked items they are
 * kept (outside sections named as summaries or checklists, which must be as strong as the plan's items).
 */
function isChecklist(group: Group): boolean {
  return group.kind === 'list' && group.units.every((unit) => unit.kind === 'list' && unit.block.checked !== null)
}

function levelWords(level: Level): string {
  return ['plain lines', 'checkboxes or status marks', 'owners, due dates or status', 'IDs or estimates'][level]
}
