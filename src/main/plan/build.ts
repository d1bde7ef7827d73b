import { addDaysTo } from '../../shared/calendar'
import { round2 } from '../../shared/rounding'
import type { Gate, ParseOptions, ParsedPlan, Phase, PlanWarning, Repair, Task } from '../../shared/plan-model'
import { allBlocks, buildSections, descendants, parseBlocks, type Section } from './outline'
import { readItemContent, type ItemContent } from './content'
import { containerEstimate, resolveEstimates, type ContainerEstimate, type EstimateInput } from './estimates'
import { buildDayWeeks, chooseDaysPerWeek, recordNesting, weeksOfDays } from './schedule'
import { TaskMatcher } from './matching'
import {
  readBacklog,
  readClaims,
  readGates,
  readMilestones,
  readRecaps,
  type SectionContext,
  type SectionKind,
} from './sections'
import { readHeader, type Header } from './header'
import { lintPlan } from './lint'
import { statedDaysPerWeek } from './patterns'
import { bounded, cleanTitle, slugify } from './text'
import { choosePlanStart, WeekCalendar, type PlanStart } from './calendar'
import type { AbsoluteDates } from './dates'
import {
  parseEffortInTitle,
  parseHoursPerDayStatement,
  parsePointScale,
  parseSizeScale,
  parseUnitStatement,
  type EffortScale,
} from './grammar/effort'
import { dateContextOf } from './grammar/loose-dates'
import { emptyMarker, hasTime, type Range, type TimeMarker } from './grammar/time'
import { readPlanStructure, type ReadResult } from './reader/read'
import { profileRules } from './reader/profile-rules'
import { itemSections as sectionsOwnedBy, rawItems, type RawItem } from './reader/raw-items'
import { makeTimeResolver, type TimeResolver } from './reader/time-resolver'
import { markExtent, pointColumnsOf, scheduleMarks } from './reader/plan-facts'
import { describeInterpretation, collectSkipped } from './reader/interpretation'
import {
  durationsBesideDates,
  headingEffort,
  parentRowMismatches,
  unscaledSizeRows,
  type ReaderContext,
  type Unit,
} from './reader/units'

export type BuildInput = {
  text: string
  encoding: string
  repairs: Repair[]
  warnings: PlanWarning[]
  options: ParseOptions
}

type ScheduledItem = {
  raw: RawItem
  content: ItemContent
  days: Range | null
  explicitWeeks: Range | null
  ownDays: Range | null
}
type DatedLine = { dates: AbsoluteDates; line: number }

/** Everything about the plan that has to be known before its items are read. */
type Setup = {
  lines: string[]
  root: Section
  reader: ReaderContext
  scale: EffortScale
  statedPerWeek: number | null
  hoursPerDayStated: number | null
}

/** The reading of the plan: its outline, the reader's decision per section, the work items and the header. */
type Reading = {
  setup: Setup
  read: ReadResult
  kinds: Map<Section, SectionKind>
  unitTime: (section: Section) => TimeMarker
  resolver: TimeResolver
  raws: RawItem[]
  contents: ItemContent[]
  owned: Set<Section>
  header: Header
}

/** Where the reading sits in time: the plan start, weeks of dated sections, each item's days and weeks. */
type Schedule = {
  planStart: PlanStart
  calendar: WeekCalendar
  sectionWeeks: (section: Section, quiet?: boolean) => Range | null
  scheduled: ScheduledItem[]
  daysPerWeek: ReturnType<typeof chooseDaysPerWeek>
  marks: ReturnType<typeof markExtent>
  dayWeeks: number[]
}

type Items = { tasks: Task[]; phases: Phase[]; duplicateWarnings: PlanWarning[]; scale: EffortScale }

export function buildPlan(input: BuildInput): ParsedPlan {
  const reading = readPlan(input)
  const schedule = schedulePlan(reading, input.options)
  const items = buildItems(reading, schedule)
  const { setup, read, resolver, unitTime } = reading
  const context: SectionContext = {
    root: setup.root,
    kinds: reading.kinds,
    scheduleOf: (section) => ({ weeks: schedule.sectionWeeks(section), days: resolver.days(unitTime(section)) }),
    itemSections: reading.owned,
  }
  const gates = collectGates(context, schedule, items.tasks)
  const matcher = lazyMatcher(items.tasks)
  const recapResult = readRecaps(
    context,
    matcher,
    new Map(items.tasks.map((task) => [task.key, task])),
    items.scale.hoursPerDay,
  )
  const plan = assemblePlan(input, reading, schedule, items, { context, gates, matcher, recapResult })
  plan.interpretation = describeInterpretation(plan, read, reading.raws, {
    defaultUnit: setup.reader.defaultUnit,
    pointScale: items.scale.points,
    hoursPerDayStated: setup.hoursPerDayStated,
    estimateColumns: estimateColumnsOf(setup.root, setup.reader),
    workLinesInCode: workLinesInCode(setup.root),
  })
  plan.warnings = [
    ...input.warnings,
    ...(schedule.planStart.warning ? [schedule.planStart.warning] : []),
    ...schedule.calendar.warnings.map((found) => ({
      ...found,
      taskKey: found.taskKey ?? taskKeyAt(items.tasks, found.line),
    })),
    ...items.duplicateWarnings,
    ...recapResult.warnings,
    ...pointWarnings(items.tasks),
    ...durationWarnings(durationsBesideDates(read.groups.flatMap((group) => group.units))),
    ...sizeWarnings(
      unscaledSizeRows(
        read.groups.flatMap((group) => group.units),
        setup.reader,
      ),
    ),
    ...parentRowWarnings(
      parentRowMismatches(
        read.groups.flatMap((group) => group.units),
        setup.reader,
        items.scale,
      ),
    ).map((found) => ({ ...found, taskKey: taskKeyAt(items.tasks, found.line) })),
    ...lintPlan(plan, {
      scheduled: reading.raws,
      containerOf: (section) => (reading.owned.has(section) ? null : containerOf(read, section, items.scale)),
      root: setup.root,
      itemSections: reading.owned,
    }),
  ]
  return plan
}

function readPlan(input: BuildInput): Reading {
  const setup = prepare(input)
  const profile = input.options.profile
  const rules = profileRules(profile)
  const read = readPlanStructure(setup.root, setup.reader, rules)
  const kinds = sectionKinds(setup.root, read)
  const unitTime = (section: Section): TimeMarker => {
    const unit = read.headingUnits.get(section)
    return unit?.bodyTime && !hasTime(unit.info.time) ? unit.bodyTime : (unit?.info.time ?? emptyMarker())
  }
  const resolver = makeTimeResolver(allMarkers(setup.root, read, unitTime), input.text, profile)
  const raws = rawItems(read, (unit, ancestors) => phaseOf(unit, ancestors, read, rules))
  const contents = raws.map((raw) => contentOf(raw, setup.reader))
  const owned = sectionsOwnedBy(raws)
  const header = readHeader({
    root: setup.root,
    titleSection: read.titleSection,
    kindOf: (section) => kinds.get(section) ?? 'work',
    itemSections: owned,
    hoursPerDay: setup.scale.hoursPerDay,
    dates: setup.reader.dates,
  })
  return { setup, read, kinds, unitTime, resolver, raws, contents, owned, header }
}

function schedulePlan(reading: Reading, options: ParseOptions): Schedule {
  const { setup, read, resolver, unitTime, raws, contents } = reading
  const profile = options.profile
  const scheduleNotes = scheduleMarks(setup.root, read, reading.kinds, setup.reader, unitTime)
  const markDates = scheduleNotes.flatMap(({ time, line }) =>
    resolver.dates(time) ? [{ dates: resolver.dates(time) as AbsoluteDates, line }] : [],
  )
  const planStart = choosePlanStart(
    profile?.startDate ?? reading.header.date,
    [...datedLines(raws, contents, resolver, unitTime), ...datesOfWork(markDates, raws)],
    reading.header.updated,
    // only a stated start moves off a weekend; a document's own date ("Generated: <Sunday>") stays week 1's anchor
    Boolean(profile?.startDate) || !reading.header.startStated,
  )
  const calendar = new WeekCalendar(planStart.date, planStart.earliest)
  const sectionWeeks = (section: Section, quiet = false): Range | null => {
    const time = unitTime(section)
    return resolver.weeks(time) ?? calendar.weeksOf(resolver.dates(time), section.line, null, quiet)
  }
  const nesting = new Map<number, number>()
  const dayClock: DayClock = {
    relative: restartsDayNumbering(setup.root, resolver, unitTime, sectionWeeks),
    daysPerWeek: setup.scale.daysPerWeek,
  }
  const scheduled = raws.map((raw, index) =>
    scheduleItem(raw, contents[index], resolver, calendar, unitTime, sectionWeeks, nesting, dayClock),
  )
  const daysPerWeek = chooseDaysPerWeek(setup.statedPerWeek, nesting, {
    ...options,
    daysPerWeek: options.daysPerWeek ?? profile?.daysPerWeek,
  })
  const marks = markExtent(scheduleNotes, resolver, (time, line) =>
    calendar.weeksOf(resolver.dates(time), line, null, true),
  )
  const phaseDays =
    read.groups.length > 0
      ? [...new Set(raws.map((raw) => raw.phaseSection))].map((section) =>
          section ? resolver.days(unitTime(section)) : null,
        )
      : []
  const maxDay = Math.max(
    0,
    ...scheduled.map((item) => item.days?.end ?? 0),
    ...phaseDays.map((days) => days?.end ?? 0),
  )
  const dayWeeks = maxDay > 0 ? buildDayWeeks(maxDay, nesting, daysPerWeek.value) : []
  return { planStart, calendar, sectionWeeks, scheduled, daysPerWeek, marks, dayWeeks }
}

function buildItems(reading: Reading, schedule: Schedule): Items {
  const { read, raws, owned, setup } = reading
  const scale = { ...setup.scale }
  const estimates = resolveEstimates(
    schedule.scheduled.map((item): EstimateInput => ({ raw: item.raw, content: item.content, ownDays: item.ownDays })),
    (section) => (owned.has(section) ? null : containerOf(read, section, scale)),
    scale,
  )
  const phaseSections = orderedPhases(raws)
  const phaseIndex = new Map<Section, number>(phaseSections.map((phase, index) => [phase, index]))
  const duplicateWarnings: PlanWarning[] = []
  const tasks = buildTasks(schedule.scheduled, estimates, phaseIndex, schedule.dayWeeks, setup.lines, duplicateWarnings)
  const phases = phaseSections.map((section, index) =>
    buildPhase(section, index, tasks, reading.unitTime, reading.resolver, schedule.dayWeeks, schedule.sectionWeeks),
  )
  return { tasks, phases, duplicateWarnings, scale }
}

/** Gates of gate sections (a day gate takes its day's week), then each item's own gates at the item's end, in line order. */
function collectGates(context: SectionContext, schedule: Schedule, tasks: Task[]): Gate[] {
  const gates: Gate[] = readGates(context).map((gate) => ({
    ...gate,
    week: gate.week ?? (gate.day !== null ? (schedule.dayWeeks[gate.day - 1] ?? null) : null),
  }))
  schedule.scheduled.forEach((item, index) => {
    for (const gate of item.content.gates) gates.push({ ...gate, week: tasks[index].weekEnd, day: tasks[index].dayEnd })
  })
  return gates.sort((a, b) => a.line - b.line)
}

type Sections = {
  context: SectionContext
  gates: Gate[]
  matcher: TaskMatcher
  recapResult: ReturnType<typeof readRecaps>
}

function assemblePlan(
  input: BuildInput,
  reading: Reading,
  schedule: Schedule,
  items: Items,
  sections: Sections,
): ParsedPlan {
  const { tasks, phases, scale } = items
  const { gates, context, recapResult } = sections
  const { dayWeeks, daysPerWeek, marks } = schedule
  const estimateHours = round2(tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0))
  const markWeeks = [
    ...marks.weeks,
    ...marks.days.map((day) => dayWeeks[day - 1] ?? Math.ceil(day / daysPerWeek.value)),
  ]
  const weeks = Math.max(
    0,
    ...tasks.map((task) => task.weekEnd ?? 0),
    ...gates.map((gate) => gate.week ?? 0),
    ...phases.map((phase) => phase.weekEnd ?? 0),
    ...markWeeks,
  )
  return {
    title: reading.header.title,
    date: schedule.planStart.date,
    encoding: input.encoding,
    daysPerWeek: daysPerWeek.value,
    daysPerWeekSource: daysPerWeek.source,
    hoursPerDay: scale.hoursPerDay,
    weeks,
    dayWeeks,
    phases,
    tasks,
    gates,
    backlog: readBacklog(context),
    recaps: recapResult.recaps,
    milestones: readMilestones(context, sections.matcher),
    claims: readClaims(context),
    totals: {
      estimateHours: tasks.some((task) => task.estimateHours !== null) ? estimateHours : 0,
      statedHours: recapResult.grandTotal ?? reading.header.statedHours,
      statedDays: reading.header.statedDays,
    },
    repairs: input.repairs,
    warnings: [],
    skipped: collectSkipped(reading.setup.root, reading.read, reading.setup.reader),
    interpretation: null,
  }
}

function containerOf(read: ReadResult, section: Section, scale: EffortScale): ContainerEstimate | null {
  const unit = read.headingUnits.get(section)
  return containerEstimate(unit ? headingEffort(unit) : null, scale)
}

function prepare(input: BuildInput): Setup {
  const { text, options } = input
  const profile = options.profile
  const hoursPerDayStated = parseHoursPerDayStatement(text)
  const hoursPerDay = profile?.hoursPerDay ?? options.hoursPerDay ?? hoursPerDayStated ?? 8
  const statedPerWeek = findStatedDaysPerWeek(text)
  const daysPerWeek = profile?.daysPerWeek ?? options.daysPerWeek ?? statedPerWeek ?? options.defaultDaysPerWeek ?? 5
  const lines = text.split('\n')
  const dates = dateContextOf(text)
  const root = buildSections(parseBlocks(text), lines.length)
  const points = profile?.hoursPerPoint
    ? ([[1, profile.hoursPerPoint]] as Array<[number, number]>)
    : parsePointScale(text, hoursPerDay)
  const pointColumns = pointColumnsOf(text)
  const estimateColumn = profile?.estimate?.column ?? null
  if (estimateColumn && profile?.estimate?.unit === 'points') pointColumns.add(estimateColumn.toLowerCase())
  const defaultUnit = profile?.estimate?.unit ?? parseUnitStatement(text) ?? 'hours'
  const sizes = parseSizeScale(text, hoursPerDay, daysPerWeek)
  const reader: ReaderContext = { dates, pointColumns, defaultUnit, estimateColumn, sizes }
  return { lines, root, reader, scale: { hoursPerDay, daysPerWeek, points }, statedPerWeek, hoursPerDayStated }
}

function contentOf(raw: RawItem, reader: ReaderContext): ItemContent {
  const content = readItemContent(raw.blocks, reader.dates, raw.listBlock ? raw.listBlock.depth + 1 : 1)
  if (raw.row) {
    content.criteria.push(...raw.row.criteria)
    content.files.push(...raw.row.files.filter((file) => !content.files.some((known) => known.path === file.path)))
    content.subtasks.push(...raw.row.subtasks)
  }
  return content
}

function scheduleItem(
  raw: RawItem,
  content: ItemContent,
  resolver: TimeResolver,
  calendar: WeekCalendar,
  unitTime: (section: Section) => TimeMarker,
  sectionWeeks: (section: Section) => Range | null,
  nesting: Map<number, number>,
  dayClock: DayClock,
): ScheduledItem {
  // a list line or row that mentions a week in its prose ("results of week 3 pilot") is not scheduled by it
  const titleTime = raw.source !== 'heading' && raw.info.timeInProse ? null : raw.info.time
  const ownDays = (titleTime && resolver.days(titleTime)) ?? (content.time ? resolver.days(content.time) : null)
  const ownWeeks = (titleTime && resolver.weeks(titleTime)) ?? (content.time ? resolver.weeks(content.time) : null)
  const ownDates: DatedLine | null = (() => {
    const dates = resolver.dates(raw.info.time)
    if (dates) return { dates, line: raw.line }
    if (content.time && resolver.dates(content.time))
      return { dates: resolver.dates(content.time) as AbsoluteDates, line: raw.line }
    return content.timelineDates
  })()
  const absoluteWeeks = ownDays || ownWeeks || !ownDates ? null : calendar.weeksOf(ownDates.dates, ownDates.line)
  const derivableDays = raw.source === 'heading' ? ownDays : null
  if (absoluteWeeks) return { raw, content, days: null, explicitWeeks: absoluteWeeks, ownDays: derivableDays }
  const inheritedDays = nearest(raw.ancestors, (section) => resolver.days(unitTime(section)))
  const inheritedWeeks = nearest(raw.ancestors, (section) => sectionWeeks(section))
  const days = ownDays ?? inheritedDays
  const explicitWeeks = ownWeeks ?? inheritedWeeks
  if (
    days &&
    inheritedWeeks &&
    !ownWeeks &&
    (dayClock.relative || daysBeforeParent(ownDays, inheritedWeeks, dayClock))
  ) {
    // "Day 1-2" under "Sprint 2": days count from the sprint's first week, not from the plan start
    return {
      raw,
      content,
      days: null,
      explicitWeeks: daysWithin(days, inheritedWeeks, dayClock.daysPerWeek),
      ownDays: derivableDays,
    }
  }
  if (days) recordNesting(nesting, days, explicitWeeks)
  return { raw, content, days, explicitWeeks, ownDays: derivableDays }
}

/**
 * "Due: Day 3" under "Sprint 2 (Weeks 3-4)": a day that would fall before its parent's weeks counts from the parent's
 * first week, whatever the plan does elsewhere.
 */
function daysBeforeParent(days: Range | null, parent: Range, dayClock: DayClock): boolean {
  return days !== null && Math.ceil(days.end / dayClock.daysPerWeek) < parent.start
}

/** How a plan counts its days: from the plan start, or again from 1 inside each week or sprint. */
type DayClock = { relative: boolean; daysPerWeek: number }

/**
 * The dated headings and rows that date the plan: those inside the sections that hold its items, when there are any.
 * A dated section with no work ("## 2018 Q4" holding links to old plans) is history, not the start.
 */
function datesOfWork<T extends { line: number }>(marks: T[], raws: RawItem[]): T[] {
  const spans = raws.flatMap((raw) =>
    [raw.section, ...raw.ancestors].flatMap((section) => (section ? [[section.line, section.lineEnd]] : [])),
  )
  const inWork = marks.filter(({ line }) => spans.some(([start, end]) => line >= start && line <= end))
  return inWork.length > 0 ? inWork : marks
}

/** Day numbers that start again under different weeks or sprints ("Sprint 1 > Day 1-2", "Sprint 2 > Day 1-2"). */
function restartsDayNumbering(
  root: Section,
  resolver: TimeResolver,
  unitTime: (section: Section) => TimeMarker,
  sectionWeeks: (section: Section) => Range | null,
): boolean {
  const startsByParent = new Map<Section, Set<number>>()
  for (const section of descendants(root)) {
    const days = resolver.days(unitTime(section))
    if (!days || resolver.weeks(unitTime(section))) continue
    let parent = section.parent
    while (parent && parent.heading && !sectionWeeks(parent)) parent = parent.parent
    if (!parent || !parent.heading) continue
    const starts = startsByParent.get(parent) ?? new Set<number>()
    starts.add(days.start)
    startsByParent.set(parent, starts)
  }
  const seen = new Set<number>()
  for (const starts of startsByParent.values()) {
    for (const start of starts) {
      if (seen.has(start)) return true
    }
    for (const start of starts) seen.add(start)
  }
  return false
}

function daysWithin(days: Range, parent: Range, daysPerWeek: number): Range {
  const start = Math.min(parent.end, parent.start + Math.floor((days.start - 1) / daysPerWeek))
  const end = Math.min(parent.end, parent.start + Math.floor((days.end - 1) / daysPerWeek))
  return { start, end: Math.max(start, end) }
}

function nearest<T>(sections: Section[], read: (section: Section) => T | null): T | null {
  for (const section of sections) {
    const value = read(section)
    if (value !== null) return value
  }
  return null
}

function buildTasks(
  scheduled: ScheduledItem[],
  estimates: ReturnType<typeof resolveEstimates>,
  phaseIndex: Map<Section, number>,
  dayWeeks: number[],
  lines: string[],
  duplicateWarnings: PlanWarning[],
): Task[] {
  const usedKeys = new Map<string, number>()
  const noteNumber = duplicateNumberWatch(duplicateWarnings)
  return scheduled.map((item, index) => {
    const { raw, content } = item
    const weeks = item.days ? (weeksOfDays(item.days, dayWeeks) ?? item.explicitWeeks) : item.explicitWeeks
    const number = raw.info.id
    // a plain "1." starts again in each section (Day 1: 1, 2; Day 2: 1, 2); "1.2" names its place in the whole plan
    if (number) noteNumber(/^\d+$/.test(number) ? `${number}@${raw.phaseSection?.line ?? 0}` : number, raw.line)
    const phaseSlug = raw.phaseSection ? slugify(phaseCoreTitle(raw.phaseSection), 32) : 'plan'
    const estimate = estimates[index]
    return {
      key: uniqueKey(number ?? `${phaseSlug}/${slugify(raw.info.coreTitle)}`, usedKeys),
      number,
      title: raw.info.title || raw.info.coreTitle || `Item ${index + 1}`,
      phase: raw.phaseSection ? (phaseIndex.get(raw.phaseSection) ?? null) : null,
      weekStart: weeks?.start ?? null,
      weekEnd: weeks?.end ?? null,
      dayStart: item.days?.start ?? null,
      dayEnd: item.days?.end ?? null,
      estimateHours: estimate.hours,
      estimateDerived: estimate.derived,
      estimateText: estimate.text,
      claimedDone: claimsDone(item),
      files: content.files,
      criteria: content.criteria,
      subtasks: content.subtasks,
      codeBlocks: content.codeBlocks,
      body: bodyLines(lines, raw.line, raw.lineEnd),
      line: raw.line,
      lineEnd: trimmedLineEnd(lines, raw.line, raw.lineEnd),
      source: raw.source,
      estimateRange: estimate.range,
      estimatePoints: estimate.points,
      owner: raw.info.owner ?? content.owner,
    }
  })
}

/** warns when an item number is used a second time in its scope (`number@section` for per-section numbers) */
function duplicateNumberWatch(warnings: PlanWarning[]): (number: string, line: number) => void {
  const numberLines = new Map<string, number>()
  return (number, line) => {
    const firstLine = numberLines.get(number)
    if (firstLine === undefined) return void numberLines.set(number, line)
    warnings.push({
      code: 'duplicate-number',
      message: `Item number ${number.split('@')[0]} is used on line ${firstLine} and again on line ${line}.`,
      line,
      taskKey: null,
    })
  }
}

/** the plan's own claim that an item is done: a done mark, a checked box, a status, every box of a heading checked */
function claimsDone({ raw, content }: ScheduledItem): boolean {
  const boxes = content.subtasks.filter((subtask) => subtask.checked !== null)
  const allBoxesChecked =
    raw.source === 'heading' && boxes.length > 0 && boxes.every((subtask) => subtask.checked === true)
  return (
    raw.info.claimsDone || raw.listBlock?.checked === true || content.statusDone || allBoxesChecked || inDoneColumn(raw)
  )
}

/** The recap/milestone matcher indexes every task; most plans never ask it anything. */
function lazyMatcher(tasks: Task[]): TaskMatcher {
  let built: TaskMatcher | null = null
  return {
    match: (text: string, week: number | null = null) => (built ??= new TaskMatcher(tasks)).match(text, week),
  } as TaskMatcher
}

/** A kanban-style section named "Done" / "Completed" / "Shipped" claims the items in it. */
function inDoneColumn(raw: RawItem): boolean {
  return raw.ancestors.some((section) =>
    /^(?:done|complete[d]?|shipped|finished|closed|released|delivered)$/i.test(cleanTitle(section.heading?.text ?? '')),
  )
}

/** "Weeks 9+" starts at week 9 and ends at the last week its own items reach. */
function openEndedWeeks(weeks: Range | null, openEnded: boolean, ownSpan: Range | null): Range | null {
  if (!weeks || !openEnded || !ownSpan) return weeks
  return { start: weeks.start, end: Math.max(weeks.end, ownSpan.end) }
}

function buildPhase(
  section: Section,
  index: number,
  tasks: Task[],
  unitTime: (section: Section) => TimeMarker,
  resolver: TimeResolver,
  dayWeeks: number[],
  sectionWeeks: (section: Section) => Range | null,
): Phase {
  const own = tasks.filter((task) => task.phase === index)
  const time = unitTime(section)
  const days = resolver.days(time) ?? spanOf(own.map((task) => [task.dayStart, task.dayEnd]))
  const ownDays = resolver.days(time)
  const ownSpan = spanOf(own.map((task) => [task.weekStart, task.weekEnd]))
  const weeks =
    openEndedWeeks(resolver.weeks(time), time.openEnded, ownSpan) ??
    (ownDays ? weeksOfDays(ownDays, dayWeeks) : null) ??
    sectionWeeks(section) ??
    ownSpan
  return {
    title: cleanTitle(section.heading?.text ?? ''),
    weekStart: weeks?.start ?? null,
    weekEnd: weeks?.end ?? null,
    dayStart: days?.start ?? null,
    dayEnd: days?.end ?? null,
    line: section.line,
  }
}

/**
 * An item's phase: the lead's named phases when the profile gives them; else its outermost
 * schedule or phase heading ("Week 2", "Sprint 3", "Phase 1"); else its top-level section; a table
 * row without either takes the bold group row above it.
 */
function phaseOf(
  unit: Unit,
  ancestors: Section[],
  read: ReadResult,
  rules: ReturnType<typeof profileRules>,
): Section | null {
  const profiled = ancestors.filter((section) => rules.phaseFor(section) !== null)
  if (profiled.length > 0) return profiled.filter((section) => rules.phaseFor(section) === true).at(-1) ?? null
  const marked = ancestors.filter((section) => read.marked(section))
  if (marked.length > 0) return marked[marked.length - 1]
  if (unit.kind === 'row' && unit.groupLabel) return groupSection(unit.groupLabel, read)
  return ancestors.find((section) => read.topLevel.includes(section)) ?? null
}

const groupSections = new WeakMap<ReadResult, Map<string, Section>>()

/** A bold group row ("__Design__") as a phase: a section of its own with the row as heading. */
function groupSection(label: { text: string; line: number }, read: ReadResult): Section {
  let byKey = groupSections.get(read)
  if (!byKey) groupSections.set(read, (byKey = new Map()))
  const key = `${label.line}:${label.text}`
  let section = byKey.get(key)
  if (!section) {
    section = {
      heading: { kind: 'heading', depth: 7, text: label.text, raw: label.text, line: label.line },
      depth: 7,
      line: label.line,
      lineEnd: label.line,
      blocks: [],
      children: [],
      parent: null,
    }
    byKey.set(key, section)
  }
  return section
}

function orderedPhases(raws: RawItem[]): Section[] {
  const seen = new Set<Section>()
  const out: Section[] = []
  for (const raw of raws) {
    if (raw.phaseSection && !seen.has(raw.phaseSection)) {
      seen.add(raw.phaseSection)
      out.push(raw.phaseSection)
    }
  }
  return out.sort((a, b) => a.line - b.line)
}

function sectionKinds(root: Section, read: ReadResult): Map<Section, SectionKind> {
  const kinds = new Map<Section, SectionKind>()
  const inRecap = (section: Section): boolean => {
    for (let node: Section | null = section; node; node = node.parent) if (read.recaps.has(node)) return true
    return false
  }
  for (const section of descendants(root)) {
    const role = read.roles.get(section)?.role ?? 'work'
    kinds.set(section, inRecap(section) || role === 'recap' ? 'recap' : (KIND_OF_ROLE[role] ?? 'other'))
  }
  return kinds
}

const KIND_OF_ROLE: Record<string, SectionKind> = {
  work: 'work',
  gate: 'gate',
  backlog: 'backlog',
  milestones: 'milestones',
  criteria: 'metrics',
  metrics: 'metrics',
  status: 'status',
  recap: 'recap',
}

function allMarkers(root: Section, read: ReadResult, unitTime: (section: Section) => TimeMarker): TimeMarker[] {
  const out: TimeMarker[] = []
  for (const section of descendants(root)) if (section.heading) out.push(unitTime(section))
  for (const group of read.groups) for (const unit of group.units) out.push(unit.info.time)
  return out
}

/** Every absolute date a work item, its enclosing headings or its body states (the plan date may be inferred from them). */
function datedLines(
  raws: RawItem[],
  contents: ItemContent[],
  resolver: TimeResolver,
  unitTime: (section: Section) => TimeMarker,
): DatedLine[] {
  const out: DatedLine[] = []
  const seen = new Set<Section>()
  const addSection = (section: Section): void => {
    if (seen.has(section)) return
    seen.add(section)
    const dates = resolver.dates(unitTime(section))
    if (dates) out.push({ dates, line: section.line })
  }
  raws.forEach((raw, index) => {
    const own = resolver.dates(raw.info.time)
    const week = resolver.weeks(raw.info.time)?.start ?? null
    // a line that names both its plan week and its date ("| 3 | 30.09.2019 |") dates week 1 (weeks earlier)
    if (own) out.push({ dates: week !== null && week > 1 ? datesWeeksEarlier(own, week - 1) : own, line: raw.line })
    const fromBody = contents[index].timelineDates
    if (fromBody) out.push(fromBody)
    raw.ancestors.forEach(addSection)
  })
  return out
}

function datesWeeksEarlier(dates: AbsoluteDates, weeks: number): AbsoluteDates {
  return { ...dates, start: addDaysTo(dates.start, -7 * weeks), end: addDaysTo(dates.end, -7 * weeks) }
}

function findStatedDaysPerWeek(text: string): number | null {
  for (const match of text.matchAll(/^.*\bdays?\b.*$/gim)) {
    const perWeek = statedDaysPerWeek(match[0])
    if (perWeek !== null) return perWeek
  }
  return null
}

/** Lines inside code blocks that read like estimated work ("ST-1 (6h) - Login form"): never items, but said. */
function workLinesInCode(root: Section): number {
  return allBlocks(root)
    .filter((block) => block.kind === 'code')
    .flatMap((block) => block.text.split('\n'))
    .filter((line) => parseEffortInTitle(line) !== null).length
}

/** Table columns a lead could name as the estimate: estimate-like headers, or columns of numbers. */
function estimateColumnsOf(root: Section, reader: ReaderContext): string[] {
  const out = new Set<string>()
  for (const section of [root, ...descendants(root)]) {
    for (const block of section.blocks) {
      if (block.kind !== 'table') continue
      const body = block.rows.slice(1)
      ;(block.rows[0]?.cells ?? []).forEach((cell, index) => {
        const header = cleanTitle(cell)
        if (!header) return
        const values = body.map((row) => cleanTitle(row.cells[index] ?? '')).filter((value) => value !== '')
        const numeric =
          values.length > 0 &&
          values.filter((value) => /^~?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*\p{L}{0,8}\.?$/u.test(value))
            .length /
            values.length >=
            0.6
        if (
          numeric ||
          /^(?:est\.?|estimates?|estimated.*|effort.*|hours.*|hrs|days|points|pts|sp|story points|size|optimistic|realistic|pessimistic|time|duration)$/i.test(
            header,
          ) ||
          header.toLowerCase() === reader.estimateColumn?.toLowerCase()
        )
          out.add(header)
      })
    }
  }
  return [...out]
}

function pointWarnings(tasks: Task[]): PlanWarning[] {
  const unscaled = tasks.filter((task) => task.estimatePoints !== null && task.estimateHours === null)
  if (unscaled.length === 0) return []
  return [
    {
      code: 'points-without-scale',
      message: `${unscaled.length} items are estimated in points and the plan gives no scale; set hours per point in the mapping step.`,
      line: unscaled[0].line,
      taskKey: unscaled[0].key,
    },
  ]
}

function durationWarnings(rows: Array<{ line: number }>): PlanWarning[] {
  if (rows.length === 0) return []
  return [
    {
      code: 'durations-as-effort',
      message: `${rows.length} items take their effort from a Duration column beside dates; if those durations are elapsed time rather than work, choose no estimate column (or another one) in the mapping step.`,
      line: rows[0].line,
      taskKey: null,
    },
  ]
}

function sizeWarnings(rows: Array<{ line: number }>): PlanWarning[] {
  if (rows.length === 0) return []
  return [
    {
      code: 'sizes-without-scale',
      message: `${rows.length} items are sized (S, M, L…) and the plan does not say how many hours a size is; add a line such as "S = 2h, M = 1 day, L = 3 days" and import again.`,
      line: rows[0].line,
      taskKey: null,
    },
  ]
}

function parentRowWarnings(rows: Array<{ line: number; title: string; own: number; children: number }>): PlanWarning[] {
  const round = (hours: number): number => Math.round(hours * 10) / 10
  return rows.map((row) => ({
    code: 'parent-estimate-mismatch',
    message: `"${row.title}" states ${round(row.own)} h but the rows under it add up to ${round(row.children)} h; its own estimate is the one counted.`,
    line: row.line,
    taskKey: null,
  }))
}

/** A warning on a line inside a work item belongs to that item. */
function taskKeyAt(tasks: Task[], line: number | null): string | null {
  if (line === null) return null
  return tasks.find((task) => line >= task.line && line <= task.lineEnd)?.key ?? null
}

/** "Phase 2: Auth (Weeks 3-4)" keys its items "auth/…"; a phase named only by its number keys them "phase-2/…". */
function phaseCoreTitle(section: Section): string {
  const title = cleanTitle(section.heading?.text ?? '')
  const core = title.replace(/^(?:phase|stage|part|sprint)\s+\d+\s*[:.–—-]?\s*/i, '').replace(/\([^()]*\)/g, '')
  return slugify(core) === 'item' ? title.replace(/\([^()]*\)/g, '') : core
}

function uniqueKey(base: string, used: Map<string, number>): string {
  const count = (used.get(base) ?? 0) + 1
  used.set(base, count)
  return count === 1 ? base : `${base}~${count}`
}

function spanOf(pairs: Array<[number | null, number | null]>): Range | null {
  const starts = pairs.map(([start]) => start).filter((value): value is number => value !== null)
  const ends = pairs.map(([, end]) => end).filter((value): value is number => value !== null)
  if (starts.length === 0 || ends.length === 0) return null
  return { start: Math.min(...starts), end: Math.max(...ends) }
}

const MAX_BODY_LINES = 400

function bodyLines(lines: string[], line: number, lineEnd: number): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = []
  for (let index = line; index <= lineEnd && out.length < MAX_BODY_LINES; index++) {
    const value = lines[index - 1]
    if (value === undefined) break
    if (value.trim() === '' || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(value)) continue
    out.push({ text: bounded(value.trimEnd(), 2000), line: index })
  }
  return out
}

function trimmedLineEnd(lines: string[], line: number, lineEnd: number): number {
  let end = Math.min(lineEnd, lines.length)
  while (end > line && /^\s*(?:(?:-{3,}|\*{3,}|_{3,})\s*)?$/.test(lines[end - 1] ?? '')) end--
  return end
}
