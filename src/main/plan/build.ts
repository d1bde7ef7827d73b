import type { Gate, ParseOptions, ParsedPlan, Phase, PlanWarning, Repair, Task } from '../../shared/plan-model'
import { buildSections, descendants, parseBlocks, type Section } from './outline'
import { findStructure, type RawItem, type Structure } from './items'
import { readItemContent, type ItemContent } from './content'
import { containerEstimate, resolveEstimates, type EstimateInput } from './estimates'
import { buildDayWeeks, chooseDaysPerWeek, recordNesting, weeksOfDays } from './schedule'
import { TaskMatcher } from './matching'
import { readBacklog, readClaims, readGates, readMilestones, readRecaps, type SectionContext } from './sections'
import { readHeader } from './header'
import { lintPlan } from './lint'
import { statedDaysPerWeek, type Estimate, type Range, type Units } from './patterns'
import { bounded, cleanTitle, slugify } from './text'
import { choosePlanStart, WeekCalendar } from './calendar'
import type { AbsoluteDates } from './dates'

export type BuildInput = { text: string; encoding: string; repairs: Repair[]; warnings: PlanWarning[]; options: ParseOptions }

type ScheduledItem = { raw: RawItem; content: ItemContent; days: Range | null; explicitWeeks: Range | null }
type DatedLine = { dates: AbsoluteDates; line: number }

export function buildPlan(input: BuildInput): ParsedPlan {
  const { text, options } = input
  const hoursPerDay = options.hoursPerDay ?? 8
  const statedPerWeek = findStatedDaysPerWeek(text)
  const units: Units = { hoursPerDay, daysPerWeek: options.daysPerWeek ?? statedPerWeek ?? options.defaultDaysPerWeek ?? 5 }

  const lines = text.split('\n')
  const root = buildSections(parseBlocks(text), lines.length)
  const structure = findStructure(root, units)
  const itemSections = new Set<Section>()
  for (const item of structure.items) if (item.section) for (const section of [item.section, ...descendants(item.section)]) itemSections.add(section)

  const contents = structure.items.map((raw) => readItemContent(raw.blocks, units))
  const header = readHeader(root, structure, itemSections, hoursPerDay)
  const planStart = choosePlanStart(header.date, datedLines(structure, contents))
  const calendar = new WeekCalendar(planStart.date)
  // On one heading a relative "Week 3" beats its absolute dates; the nearest scheduled ancestor wins.
  const sectionWeeks = (section: Section): Range | null => {
    const info = structure.headingInfo.get(section)
    return info?.weeks ?? calendar.weeksOf(info?.dates ?? null, section.line)
  }
  const nearest = <T>(sections: Section[], read: (section: Section) => T | null): T | null => {
    for (const section of sections) {
      const value = read(section)
      if (value !== null) return value
    }
    return null
  }

  const nesting = new Map<number, number>()
  const scheduled: ScheduledItem[] = structure.items.map((raw, index) => {
    const content = contents[index]
    const ownRelative = raw.info.days ?? content.timelineDays ?? raw.info.weeks ?? content.timelineWeeks
    const ownDates: DatedLine | null = raw.info.dates ? { dates: raw.info.dates, line: raw.line } : content.timelineDates
    const absoluteWeeks = ownRelative || !ownDates ? null : calendar.weeksOf(ownDates.dates, ownDates.line)
    if (absoluteWeeks) return { raw, content, days: null, explicitWeeks: absoluteWeeks }
    const inheritedDays = nearest(raw.ancestors, (section) => structure.headingInfo.get(section)?.days ?? null)
    const inheritedWeeks = nearest(raw.ancestors, sectionWeeks)
    const days = raw.info.days ?? content.timelineDays ?? inheritedDays
    const explicitWeeks = raw.info.weeks ?? content.timelineWeeks ?? inheritedWeeks
    if (days) recordNesting(nesting, days, explicitWeeks)
    return { raw, content, days, explicitWeeks }
  })

  const daysPerWeek = chooseDaysPerWeek(statedPerWeek, nesting, options)
  const phaseDays = structure.phases.map((phase) => structure.headingInfo.get(phase)?.days ?? null)
  const maxDay = Math.max(0, ...scheduled.map((item) => item.days?.end ?? 0), ...phaseDays.map((days) => days?.end ?? 0))
  const dayWeeks = maxDay > 0 ? buildDayWeeks(maxDay, nesting, daysPerWeek.value) : []

  const containerCache = new Map<Section, Estimate | null>()
  const containerOf = (section: Section): Estimate | null => {
    if (!containerCache.has(section)) containerCache.set(section, containerEstimate(section, structure.headingInfo.get(section), units))
    return containerCache.get(section) ?? null
  }
  const estimateInputs: EstimateInput[] = scheduled.map((item) => ({
    info: item.raw.info,
    bodyEstimate: item.content.estimate,
    days: item.days,
    ancestors: item.raw.ancestors,
  }))
  const estimates = resolveEstimates(estimateInputs, containerOf, units)

  const phaseIndex = new Map<Section, number>(structure.phases.map((phase, index) => [phase, index]))
  const usedKeys = new Map<string, number>()
  const numberLines = new Map<string, number>()
  const duplicateWarnings: PlanWarning[] = []
  const tasks: Task[] = scheduled.map((item, index) => {
    const { raw, content } = item
    const weeks = item.days ? (weeksOfDays(item.days, dayWeeks) ?? item.explicitWeeks) : item.explicitWeeks
    const phase = raw.phaseSection ? (phaseIndex.get(raw.phaseSection) ?? null) : null
    const number = raw.info.number
    if (number) {
      const firstLine = numberLines.get(number)
      if (firstLine !== undefined) duplicateWarnings.push({ code: 'duplicate-number', message: `Item number ${number} is used on line ${firstLine} and again on line ${raw.line}.`, line: raw.line, taskKey: null })
      else numberLines.set(number, raw.line)
    }
    const phaseSlug = raw.phaseSection ? slugify(phaseCoreTitle(raw.phaseSection), 32) : 'plan'
    const key = uniqueKey(number ?? `${phaseSlug}/${slugify(raw.info.coreTitle)}`, usedKeys)
    const boxes = content.subtasks.filter((subtask) => subtask.checked !== null)
    const allBoxesChecked = boxes.length > 0 && boxes.every((subtask) => subtask.checked === true)
    return {
      key,
      number,
      title: raw.info.title || raw.info.coreTitle || `Item ${index + 1}`,
      phase,
      weekStart: weeks?.start ?? null,
      weekEnd: weeks?.end ?? null,
      dayStart: item.days?.start ?? null,
      dayEnd: item.days?.end ?? null,
      estimateHours: estimates[index].hours,
      estimateDerived: estimates[index].derived,
      estimateText: estimates[index].text,
      claimedDone: raw.info.claimsDone || content.statusDone || allBoxesChecked,
      files: content.files,
      criteria: content.criteria,
      subtasks: content.subtasks,
      codeBlocks: content.codeBlocks,
      body: bodyLines(lines, raw.line, raw.lineEnd),
      line: raw.line,
      lineEnd: trimmedLineEnd(lines, raw.line, raw.lineEnd),
    }
  })

  const phases: Phase[] = structure.phases.map((section, index) => {
    const info = structure.headingInfo.get(section)
    const own = tasks.filter((task) => task.phase === index)
    const days = info?.days ?? spanOf(own.map((task) => [task.dayStart, task.dayEnd]))
    const weeks = info?.weeks ?? (info?.days ? weeksOfDays(info.days, dayWeeks) : null) ?? calendar.weeksOf(info?.dates ?? null, section.line) ?? spanOf(own.map((task) => [task.weekStart, task.weekEnd]))
    return {
      title: cleanTitle(section.heading?.text ?? ''),
      weekStart: weeks?.start ?? null,
      weekEnd: weeks?.end ?? null,
      dayStart: days?.start ?? null,
      dayEnd: days?.end ?? null,
      line: section.line,
    }
  })

  const context: SectionContext = { root, kinds: structure.kinds, headingInfo: structure.headingInfo, itemSections }
  const gates: Gate[] = readGates(context).map((gate) => ({ ...gate, week: gate.week ?? (gate.day !== null ? (dayWeeks[gate.day - 1] ?? null) : null) }))
  scheduled.forEach((item, index) => {
    for (const gate of item.content.gates) gates.push({ ...gate, week: tasks[index].weekEnd, day: tasks[index].dayEnd })
  })
  gates.sort((a, b) => a.line - b.line)

  const tasksByKey = new Map(tasks.map((task) => [task.key, task]))
  const matcher = new TaskMatcher(tasks)
  const recapResult = readRecaps(context, matcher, tasksByKey, hoursPerDay)
  const estimateHours = round2(tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0))
  const weeks = Math.max(0, ...tasks.map((task) => task.weekEnd ?? 0), ...gates.map((gate) => gate.week ?? 0), ...phases.map((phase) => phase.weekEnd ?? 0))

  const plan: ParsedPlan = {
    title: header.title,
    date: planStart.date,
    encoding: input.encoding,
    daysPerWeek: daysPerWeek.value,
    daysPerWeekSource: daysPerWeek.source,
    hoursPerDay,
    weeks,
    dayWeeks,
    phases,
    tasks,
    gates,
    backlog: readBacklog(context),
    recaps: recapResult.recaps,
    milestones: readMilestones(context, matcher),
    claims: readClaims(context),
    totals: { estimateHours, statedHours: recapResult.grandTotal ?? header.statedHours, statedDays: header.statedDays },
    repairs: input.repairs,
    warnings: [],
  }
  plan.warnings = [
    ...input.warnings,
    ...(planStart.warning ? [planStart.warning] : []),
    ...calendar.warnings.map((found) => ({ ...found, taskKey: found.taskKey ?? taskKeyAt(tasks, found.line) })),
    ...duplicateWarnings,
    ...recapResult.warnings,
    ...lintPlan(plan, { scheduled: scheduled.map((item) => item.raw), containerOf, root, itemSections }),
  ]
  return plan
}

function findStatedDaysPerWeek(text: string): number | null {
  for (const match of text.matchAll(/^.*\bdays?\b.*$/gim)) {
    const perWeek = statedDaysPerWeek(match[0])
    if (perWeek !== null) return perWeek
  }
  return null
}

/** Every absolute date a work item, its enclosing headings or its body states (the plan date may be inferred from them). */
function datedLines(structure: Structure, contents: ItemContent[]): DatedLine[] {
  const out: DatedLine[] = []
  const seenSections = new Set<Section>()
  const addSection = (section: Section): void => {
    if (seenSections.has(section)) return
    seenSections.add(section)
    const dates = structure.headingInfo.get(section)?.dates
    if (dates) out.push({ dates, line: section.line })
  }
  structure.items.forEach((raw, index) => {
    if (raw.info.dates) out.push({ dates: raw.info.dates, line: raw.line })
    const fromBody = contents[index].timelineDates
    if (fromBody) out.push(fromBody)
    raw.ancestors.forEach(addSection)
  })
  structure.phases.forEach(addSection)
  return out
}

/** A warning on a line inside a work item belongs to that item. */
function taskKeyAt(tasks: Task[], line: number | null): string | null {
  if (line === null) return null
  return tasks.find((task) => line >= task.line && line <= task.lineEnd)?.key ?? null
}

function phaseCoreTitle(section: Section): string {
  return cleanTitle(section.heading?.text ?? '')
    .replace(/^(?:phase|stage|part|sprint)\s+\d+\s*[:.–—-]?\s*/i, '')
    .replace(/\([^()]*\)/g, '')
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

function round2(value: number): number {
  return Math.round(value * 100) / 100
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
