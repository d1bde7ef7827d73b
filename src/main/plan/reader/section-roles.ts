import type { ItemBlock, Section } from '../outline'
import { cleanTitle } from '../text'
import { hasTime, parseTime } from '../grammar/time'
import { readRole, type RoleReading, type SectionRole } from './roles'
import { headingEffort, type HeadingUnit } from './units'
import type { ProfileRules } from './profile-rules'

/** Each section's role (work, criteria, cadence, backlog, …) from its heading, its lines and where it sits. */

export type RoleInfo = {
  role: SectionRole
  own: SectionRole | null
  recapCandidate: boolean
  /** the title has recap words ("checklist", "deliverables", "summary") even where a time marker keeps it work */
  recapWorded: boolean
}

export function assignRoles(
  root: Section,
  titleSection: Section | null,
  unitOf: (section: Section) => HeadingUnit,
  rules: ProfileRules,
): Map<Section, RoleInfo> {
  const roles = new Map<Section, RoleInfo>()
  const visit = (section: Section, inherited: SectionRole, inPhase: boolean): void => {
    let own: SectionRole | null = null
    let recapCandidate = false
    let recapWorded = false
    const unit = section.heading ? unitOf(section) : null
    if (unit && section !== titleSection) {
      const reading = readRole(section.heading?.text ?? '')
      // a plain "1)" numbers a document section; it is not the mark of a work item
      const strongItem =
        (unit.info.id !== null && !/^\d{1,3}$/.test(unit.info.id)) ||
        headingEffort(unit) !== null ||
        unit.info.time.hourBlock !== null
      // "Thursday: Beta Testing & Validation" among "Monday: …" slots is a stretch of time, like "Week 2: …"
      const timed = hasTime(unit.info.time) || inRunOfSlots(section)
      own = ownRole(unit, section, { reading, strongItem, timed, inPhase })
      recapCandidate = reading.recapCandidate && !strongItem && !timed && own === null
      recapWorded = reading.recapCandidate
    }
    const override = rules.roleFor(section)
    const role = override ?? (inherited !== 'work' ? inherited : (own ?? 'work'))
    roles.set(section, {
      role,
      own,
      recapCandidate: override ? override === 'recap' : recapCandidate && role === 'work',
      recapWorded,
    })
    const timedHere = unit !== null && section !== titleSection && (hasTime(unit.info.time) || unit.info.phaseMarked)
    for (const child of section.children) visit(child, role, inPhase || timedHere)
  }
  visit(root, 'work', false)
  return roles
}

/** The role a section's own heading and lines give it, before what it inherits. */
function ownRole(
  unit: HeadingUnit,
  section: Section,
  facts: { reading: RoleReading; strongItem: boolean; timed: boolean; inPhase: boolean },
): SectionRole | null {
  const { reading, strongItem, timed, inPhase } = facts
  // "(Weeks 9+)" runs from week 9 to the last week its items name; with none named it is ongoing, after the plan
  if (unit.info.time.openEnded && !itemsNameTheirTime(section)) return 'backlog'
  // a meeting's "Duration: 1.5 hours" is not an estimate: cadence wins over it, not over an item ID
  if (!timed && unit.info.id === null && isCadenceSection(section)) return 'cadence'
  if (strongItem || unit.info.phaseMarked) return null
  return reading.role !== 'work' && roleHolds(reading, section, timed, inPhase) ? reading.role : null
}

const RECURRENCE =
  /\b(?:every|each|daily|weekly|bi-?weekly|fortnightly|monthly|quarterly|nightly|per\s+(?:day|week|sprint|month)|recurring|stand-?ups?|retro(?:spective)?s?|(?:mon|tues?|wed|thu(?:rs)?|fri)(?:day)?\s*[-–]\s*(?:fri|sat|sun)(?:day)?)\b/i

const FREQUENCY_LABEL = /^\W{0,6}(?:frequency|cadence|recurrence|how often)\W{0,4}:/i

/**
 * "Backlog Grooming Sessions" with a "Frequency:" line, "Sprint Planning Approach" whose every line recurs ("Daily
 * Standups: 15 minutes (Monday-Friday)"): meetings, not work. Never a section of checkboxes or numbered items.
 */
function isCadenceSection(section: Section): boolean {
  const items = section.blocks.filter((block): block is ItemBlock => block.kind === 'item' && block.depth === 1)
  if (items.some((item) => item.checked !== null)) return false
  const lines = section.blocks.flatMap((block) =>
    block.kind === 'paragraph' ? block.raw.split('\n') : block.kind === 'item' ? [block.raw.split('\n')[0]] : [],
  )
  if (lines.some((line) => FREQUENCY_LABEL.test(cleanTitle(line)))) return true
  return items.length >= 2 && items.every((item) => RECURRENCE.test(item.text))
}

/** a heading that opens with a weekday or a clock time ("Monday:", "06:30 –", "10:00 EST:") */
const SLOT_LEAD = /^\W{0,4}(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\d{1,2}:\d{2}\b)/i

/** The heading opens with a time slot, and so do at least two of its sibling headings: a run of slots. */
export function inRunOfSlots(section: Section): boolean {
  if (!section.heading || !SLOT_LEAD.test(cleanTitle(section.heading.text))) return false
  const siblings = (section.parent?.children ?? []).filter(
    (other) => other.heading && SLOT_LEAD.test(cleanTitle(other.heading.text)),
  )
  return siblings.length >= 2
}

/**
 * A scheduled heading ("Week 1 Exit Criteria") takes a role only when the role is all its title
 * says; inside a scheduled phase only criteria, gates and risks are roles — "Communication" or
 * "Post-Launch" under "Launch Day" are workstreams of that day.
 */
function roleHolds(reading: RoleReading, section: Section, timed: boolean, inPhase: boolean): boolean {
  // "Long-term (Months 2-3)", "Later (Week 6+)": backlog words name a time outside the plan
  if (reading.role === 'backlog') return reading.strong || (!timed && !inPhase)
  if (timed) return reading.strong && isWholeTitle(section.heading?.text ?? '')
  // "Success Metrics", "Team Structure", "Code Example" under a phase are never work, whatever the phase
  if (inPhase)
    return (
      ['criteria', 'gate', 'risks', 'metrics', 'people'].includes(reading.role) ||
      (reading.role === 'reference' && reading.strong)
    )
  return true
}

/** After its schedule words, the title is only the role phrase ("Week 1 Exit Criteria (MANDATORY)"). */
function isWholeTitle(raw: string): boolean {
  const rest = cleanTitle(raw)
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\b(?:weeks?|wks?|days?|sprints?|months?|phase|stage|hours?)\s*#?\d+(?:\s*[-–—]\s*\d+)?\b/gi, ' ')
    .replace(/^[\s:.–—-]+|[\s:.–—-]+$/g, '')
    .trim()
  const words = rest.toLowerCase().split(/\s+/)
  if (words.length > 3 || words.some((word) => /^(?:and|&|\+|or|with)$/.test(word))) return false
  return ROLE_HEADS.has(words[words.length - 1] ?? '') && readRole(rest).role !== 'work'
}

/** the nouns a role phrase ends with: "Exit Criteria", "Success Metrics", "Quality Gates" */
const ROLE_HEADS = new Set([
  'criteria',
  'criterion',
  'checklist',
  'gate',
  'gates',
  'metrics',
  'kpis',
  'kpi',
  'risks',
  'risk',
  'done',
  'sign-off',
  'signoff',
  'backlog',
  'mitigation',
  'mitigations',
  'contingency',
])

/** Some list line or bold line of the section names its own week, day or sprint ("- **Week 10:** Deploy"). */
function itemsNameTheirTime(section: Section): boolean {
  return section.blocks.some(
    (block) => (block.kind === 'item' || block.kind === 'heading') && hasTime(parseTime(block.text)),
  )
}
