import type { Section } from '../outline'
import { descendants } from '../outline'
import { bounded } from '../text'
import { hasTime, type Range, type TimeMarker } from '../grammar/time'
import type { SectionKind } from '../sections'
import type { ReadResult } from './read'
import { analyzeTable } from './tables'
import { rowTime, type ReaderContext } from './units'
import type { TimeResolver } from './time-resolver'

/**
 * Plan-wide facts read around the items: which table columns the plan says are story points, and
 * the schedule marks outside items (a release-date table, "Week 10" in a weekly schedule) that
 * widen the plan's calendar without being work.
 */

/** "**Est.**: Story points (1 ≈ ½ d …)", "Size = points": columns whose bare numbers are points. */
export function pointColumnsOf(text: string): Set<string> {
  const out = new Set<string>()
  for (const match of bounded(text, 400_000).matchAll(
    /^[\s>*+-]*(?:\*\*|__)?([A-Za-z][\w .]{0,20}?)(?:\*\*|__)?\s*[:=]\s*(?:\*\*|__)?\s*(?:in\s+)?(?:story\s+)?points?\b/gim,
  )) {
    out.add(match[1].trim().toLowerCase())
  }
  return out
}

const MARKED_KINDS = new Set<SectionKind>(['work', 'milestones', 'gate', 'status', 'recap'])

export type ScheduleMark = { time: TimeMarker; line: number }

/** Schedule headings and dated table rows outside items that still belong to the plan's calendar. */
export function scheduleMarks(
  root: Section,
  read: ReadResult,
  kinds: Map<Section, SectionKind>,
  reader: ReaderContext,
  unitTime: (section: Section) => TimeMarker,
): ScheduleMark[] {
  const out: ScheduleMark[] = []
  const add = (time: TimeMarker, line: number): void => {
    if (hasTime(time) && !time.openEnded) out.push({ time, line })
  }
  for (const section of descendants(root)) {
    if (section === read.titleSection || !MARKED_KINDS.has(kinds.get(section) ?? 'work')) continue
    // "Week 9 Deliverables Checklist" names the week it sums up; its own items, if kept, carry their weeks
    if (!read.roles.get(section)?.recapWorded) add(unitTime(section), section.line)
    for (const block of section.blocks) {
      if (block.kind !== 'table') continue
      const shape = analyzeTable(block, reader)
      for (const row of block.rows.slice(1)) {
        const time = rowTime(row, shape, reader)
        if (time) add(time, row.line)
      }
    }
  }
  return out
}

/** The last week and day the marks reach. */
export function markExtent(
  marks: ScheduleMark[],
  resolver: TimeResolver,
  quietWeeks: (time: TimeMarker, line: number) => Range | null,
): { weeks: number[]; days: number[] } {
  const weeks: number[] = []
  const days: number[] = []
  for (const { time, line } of marks) {
    const dayRange = resolver.days(time)
    if (dayRange) days.push(dayRange.end)
    const weekRange = resolver.weeks(time) ?? quietWeeks(time, line)
    if (weekRange) weeks.push(weekRange.end)
  }
  return { weeks, days }
}
