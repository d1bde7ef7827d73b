import type { ImportProfile } from '../../../shared/plan-model'
import type { Section } from '../outline'
import { cleanTitle } from '../text'
import type { SectionRole } from './roles'
import type { Group } from './units'

/**
 * The lead's corrections, as rules the reader asks while it reads: a section's role, and which
 * layer holds its items. A rule names sections by heading text ("Sprint *" matches every sprint)
 * and applies to the section and everything under it.
 */

export type ProfileRules = {
  roleFor: (section: Section) => SectionRole | null
  layerFor: (section: Section) => Group['kind'] | 'none' | null
  phaseFor: (section: Section) => boolean | null
}

const ROLE_OF: Record<string, SectionRole> = {
  work: 'work',
  backlog: 'backlog',
  gate: 'gate',
  ignore: 'ignore',
  criteria: 'criteria',
  recap: 'recap',
}
const LAYER_OF: Record<string, Group['kind'] | 'none'> = {
  headings: 'heading',
  list: 'list',
  table: 'row',
  none: 'none',
}

const NO_RULES: ProfileRules = { roleFor: () => null, layerFor: () => null, phaseFor: () => null }

export function profileRules(profile: ImportProfile | undefined): ProfileRules {
  const rules = profile?.sections ?? []
  if (rules.length === 0 && !profile?.phases && (!profile?.items || profile.items === 'auto')) return NO_RULES
  const compiled = rules.map((rule) => ({ rule, pattern: headingPattern(rule.heading) }))
  const matching = (section: Section): Array<(typeof compiled)[number]['rule']> => {
    const out: Array<(typeof compiled)[number]['rule']> = []
    for (let node: Section | null = section; node; node = node.parent) {
      if (!node.heading) continue
      const title = normalizeHeading(node.heading.text)
      for (const entry of compiled) if (entry.pattern.test(title)) out.push(entry.rule)
    }
    return out
  }
  const phaseNames = (profile?.phases ?? []).map(headingPattern)
  return {
    roleFor: (section) => {
      const rule = matching(section).find((candidate) => candidate.role !== undefined)
      return rule?.role ? ROLE_OF[rule.role] : null
    },
    layerFor: (section) => {
      const rule = matching(section).find((candidate) => candidate.items !== undefined)
      if (rule?.items) return LAYER_OF[rule.items]
      return profile?.items && profile.items !== 'auto' ? LAYER_OF[profile.items] : null
    },
    phaseFor: (section) => {
      if (!profile?.phases || !section.heading) return null
      const title = normalizeHeading(section.heading.text)
      return phaseNames.some((pattern) => pattern.test(title))
    },
  }
}

export function normalizeHeading(text: string): string {
  return cleanTitle(text).toLowerCase().replace(/\s+/g, ' ').trim()
}

function headingPattern(heading: string): RegExp {
  const normalized = normalizeHeading(heading)
  const escaped = normalized.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')
  return new RegExp(`^${escaped}$`)
}
