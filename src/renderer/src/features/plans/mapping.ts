import type { ImportProfile, Interpretation } from '../../../../shared/plan-model'

/**
 * The mapping step's edits as pure changes to an import profile: a section's role and item layer,
 * which headings are phases, the estimate column and unit, hours per point, where items are. A rule
 * that says nothing is dropped, so "auto" everywhere gives back an empty profile.
 */

export type SectionRoleChoice = NonNullable<ImportProfile['sections'][number]['role']>
export type SectionLayerChoice = NonNullable<ImportProfile['sections'][number]['items']>
export type SectionRule = { role?: SectionRoleChoice; items?: SectionLayerChoice }

export const ROLE_CHOICES: Array<{ value: SectionRoleChoice; label: string }> = [
  { value: 'work', label: 'Work' },
  { value: 'backlog', label: 'Backlog (outside totals)' },
  { value: 'gate', label: 'Gate / checklist' },
  { value: 'criteria', label: 'Criteria' },
  { value: 'recap', label: 'Recap of other items' },
  { value: 'ignore', label: 'Ignore' },
]

export const LAYER_CHOICES: Array<{ value: SectionLayerChoice; label: string }> = [
  { value: 'headings', label: 'Headings' },
  { value: 'list', label: 'List lines' },
  { value: 'table', label: 'Table rows' },
  { value: 'none', label: 'No items' },
]

export const UNIT_CHOICES = ['hours', 'days', 'weeks', 'points', 'minutes'] as const

export function emptyProfile(): ImportProfile {
  return { version: 1, sections: [] }
}

const normalize = (heading: string): string => heading.trim().toLowerCase().replace(/\s+/g, ' ')

export function sectionRule(profile: ImportProfile | null, heading: string): SectionRule {
  const rule = profile?.sections.find((entry) => normalize(entry.heading) === normalize(heading))
  return rule ? { role: rule.role, items: rule.items } : {}
}

export function withSectionRule(profile: ImportProfile | null, heading: string, patch: SectionRule): ImportProfile {
  const base = profile ?? emptyProfile()
  const current = sectionRule(base, heading)
  const next = { ...current, ...patch }
  const others = base.sections.filter((entry) => normalize(entry.heading) !== normalize(heading))
  const rule: ImportProfile['sections'][number] = { heading }
  if (next.role) rule.role = next.role
  if (next.items) rule.items = next.items
  return { ...base, sections: rule.role || rule.items ? [...others, rule] : others }
}

/** Marks or unmarks a heading as a phase; the first change lists every phase the reader found. */
export function withPhase(
  profile: ImportProfile | null,
  interpretation: Interpretation,
  heading: string,
  isPhase: boolean,
): ImportProfile {
  const base = profile ?? emptyProfile()
  const current =
    base.phases ?? interpretation.sections.filter((section) => section.isPhase).map((section) => section.title)
  const others = current.filter((title) => normalize(title) !== normalize(heading))
  return { ...base, phases: isPhase ? [...others, heading] : others }
}

export function isPhaseHeading(
  profile: ImportProfile | null,
  interpretation: Interpretation,
  heading: string,
): boolean {
  if (profile?.phases) return profile.phases.some((title) => normalize(title) === normalize(heading))
  return interpretation.sections.some((section) => section.isPhase && normalize(section.title) === normalize(heading))
}

export function withEstimate(
  profile: ImportProfile | null,
  patch: { column?: string | null; unit?: (typeof UNIT_CHOICES)[number] | null },
): ImportProfile {
  const base = profile ?? emptyProfile()
  const estimate = { ...base.estimate }
  if (patch.column !== undefined) {
    if (patch.column) estimate.column = patch.column
    else delete estimate.column
  }
  if (patch.unit !== undefined) {
    if (patch.unit) estimate.unit = patch.unit
    else delete estimate.unit
  }
  const next = { ...base }
  if (estimate.column || estimate.unit) next.estimate = estimate
  else delete next.estimate
  return next
}

export function withNumber(
  profile: ImportProfile | null,
  field: 'hoursPerPoint' | 'sprintWeeks',
  value: number | null,
): ImportProfile {
  const next = { ...(profile ?? emptyProfile()) }
  if (value !== null && Number.isFinite(value) && value > 0) next[field] = value
  else delete next[field]
  return next
}

export function withItems(profile: ImportProfile | null, items: ImportProfile['items'] | null): ImportProfile {
  const next = { ...(profile ?? emptyProfile()) }
  if (items && items !== 'auto') next.items = items
  else delete next.items
  return next
}

/** True when the profile changes nothing (the plan is read as written). */
export function isEmptyProfile(profile: ImportProfile | null): boolean {
  if (!profile) return true
  return (
    profile.sections.length === 0 &&
    !profile.phases &&
    !profile.estimate &&
    !profile.items &&
    profile.hoursPerPoint === undefined &&
    profile.sprintWeeks === undefined &&
    !profile.startDate &&
    profile.hoursPerDay === undefined &&
    profile.daysPerWeek === undefined
  )
}
