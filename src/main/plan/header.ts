import type { Section } from './outline'
import { readLabel } from './reader/labels'
import type { SectionKind } from './sections'
import { parseStatedTotal } from './sections'
import { parseAbsoluteDates } from './dates'
import { parseLooseDate, type DateContext } from './grammar/loose-dates'
import { bounded, cleanTitle } from './text'
import { START_LABEL_WORDS } from './grammar/words'
import { analyzeTitle } from './grammar/title'
import { hasTime } from './grammar/time'
import { UNTITLED_PLAN } from './untitled'

/** Plan-level facts stated outside the work items: title, start date, stated duration and total. */
export type Header = {
  title: string
  date: string | null
  /** the date comes from a start label ("Start:", "Period:", "Kick-off:"), not from the document's own date */
  startStated?: boolean
  /** a "Last updated" date: only the start of last resort, since it dates the document, not the work */
  updated: string | null
  statedDays: number | null
  statedHours: number | null
}

const START_LABEL = new RegExp(
  `^(?:kick[-\\s]?off|kickoff|start|starts|start date|started|plan start|project start|begins?|beginning|dates?|timeframe|period|sprint dates|${START_LABEL_WORDS})$`,
  'i',
)
const DATE_LABEL =
  /^(?:date|generated|created|date created|prepared|written|authored|plan date|as of|published|drafted)$/i
const UPDATED_LABEL = /^(?:last updated|updated|revised|last revised|modified)$/i
const DURATION_LABEL = /^(?:estimated\s+)?(?:timeline|duration|total duration|schedule|length)$/i
const TOTAL_LABEL =
  /^(?:grand\s+)?total(?:\s+estimated)?(?:\s+(?:time|effort|hours|estimate))?$|^(?:estimated\s+)?total\s+(?:effort|hours)$/i
/** in the plan's opening lines only: "Effort: about 113 h in total" */
const PREAMBLE_TOTAL_LABEL = /^(?:effort|estimated effort|total|hours|estimated hours|total hours|budget|hour budget)$/i
const PROSE_START =
  /\b(?:started|starts|starting|kick(?:s|ed)?[-\s]?off|begins?|began|commenc(?:es|ed|ing))\b[^.\n]{0,50}?\b(?:on|from)\s+([^.\n]{4,40})/i

export type HeaderInput = {
  root: Section
  titleSection: Section | null
  kindOf: (section: Section) => SectionKind
  itemSections: Set<Section>
  hoursPerDay: number
  dates: DateContext
}

/** The title heading, else the first heading unless it names a week or a phase ("## Week 1" is a stretch, not a name). */
function titleOf(root: Section, titleSection: Section | null): string {
  const first = titleSection?.heading ?? root.children[0]?.heading ?? null
  if (!first || (titleSection === null && namesAStretch(first.text))) return UNTITLED_PLAN
  return cleanTitle(first.text)
}

function namesAStretch(text: string): boolean {
  const info = analyzeTitle(text)
  return info.phaseMarked || hasTime(info.time)
}

export function readHeader(input: HeaderInput): Header {
  const { root, titleSection } = input
  const header: Header = {
    title: titleOf(root, titleSection),
    date: null,
    updated: null,
    statedDays: null,
    statedHours: null,
  }
  let start: string | null = null
  let stated: string | null = null
  let startLabelled = false
  let updated: string | null = null
  let prose: string | null = null
  const visit = (section: Section): void => {
    if (input.itemSections.has(section)) return
    const kind = section.heading ? input.kindOf(section) : 'work'
    // "### Total Estimated Hours: 1,127 hours": a fact written as a heading
    if (section.heading && section !== titleSection)
      readLabeledFact(section.heading.text.replace(/(\d),(\d{3})\b/g, '$1$2'), kind, false)
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph' || block.listDepth > 0) continue
      for (const line of block.raw.split('\n', 50)) {
        const grand = kind !== 'recap' ? parseStatedTotal(line) : null
        if (grand?.grand && header.statedHours === null)
          header.statedHours = grand.unit === 'days' ? grand.value * input.hoursPerDay : grand.value
        prose ??= proseStart(line, input.dates)
        for (const part of line.split(/\s+·\s+|\s+\|\s+/))
          readLabeledFact(part, kind, section === root || section === titleSection)
      }
    }
    for (const child of section.children) visit(child)
  }
  const readLabeledFact = (part: string, kind: SectionKind, preamble: boolean): void => {
    const label = readLabel(part) ?? plainLabel(part)
    if (!label || !label.rest) return
    if (START_LABEL.test(label.label)) {
      // "Date:" alone dates the document as often as the start
      if (start === null && !/^date$/i.test(label.label.trim()))
        startLabelled = dateOf(label.rest, input.dates) !== null
      start ??= dateOf(label.rest, input.dates)
    } else if (DATE_LABEL.test(label.label)) stated ??= dateOf(label.rest, input.dates)
    else if (UPDATED_LABEL.test(label.label)) updated ??= dateOf(label.rest, input.dates)
    else if (DURATION_LABEL.test(label.label) && header.statedDays === null) {
      const days = /\b(\d{1,4})\s*(?:working\s+)?days?\b/i.exec(bounded(label.rest, 200))
      if (days) header.statedDays = Number(days[1])
    } else if (
      (TOTAL_LABEL.test(label.label) || (preamble && PREAMBLE_TOTAL_LABEL.test(label.label))) &&
      kind !== 'recap' &&
      header.statedHours === null
    ) {
      const hours = /(\d{1,5}(?:\.\d{1,2})?)\s*(hours?|hrs?|h|days?|d)\b/i.exec(bounded(label.rest, 200))
      if (hours) header.statedHours = /^d/i.test(hours[2]) ? Number(hours[1]) * input.hoursPerDay : Number(hours[1])
    }
  }
  visit(root)
  header.date = start ?? stated ?? prose
  header.startStated = start !== null && startLabelled
  header.updated = updated
  return header
}

/** "Kick-off: **Monday 31 July 2023** (week 1)": a plain label before a colon, at most four words. */
function plainLabel(text: string): { label: string; rest: string } | null {
  const match = /^\s*([A-Za-z][A-Za-z -]{1,30}?)\s*:\s*(\S.*)$/.exec(bounded(text, 400))
  if (!match || match[1].trim().split(/\s+/).length > 4) return null
  return { label: match[1].trim(), rest: match[2] }
}

function dateOf(text: string, dates: DateContext): string | null {
  const clean = bounded(text, 200).replace(/\*\*|__|`/g, '')
  const absolute = parseAbsoluteDates(clean)
  if (absolute) return absolute.start
  return parseLooseDate(clean, dates)?.start ?? null
}

function proseStart(line: string, dates: DateContext): string | null {
  const match = PROSE_START.exec(bounded(line, 600))
  return match ? dateOf(match[1], dates) : null
}
