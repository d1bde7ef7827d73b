import type { Section } from './outline'
import type { HeadingInfo } from './headings'
import { parseLabeledEstimate, type Estimate, type Range, type Units } from './patterns'

/**
 * Item estimates: stated on the item (heading, Hour block, labeled line); else a share of a
 * stated container duration ("Days 6-7 ... Duration: 16 hours") when no sibling states its
 * own; else days x hours-per-day from its day span. Both fallbacks are marked derived.
 */

export type EstimateInput = {
  info: HeadingInfo
  bodyEstimate: Estimate | null
  days: Range | null
  ancestors: Section[]
}

export type ResolvedEstimate = { hours: number | null; derived: boolean; text: string | null }

export function statedItemEstimate(input: EstimateInput): Estimate | null {
  if (input.info.estimate) return input.info.estimate
  if (input.info.hours) {
    const hours = input.info.hours.end - input.info.hours.start + 1
    return { hours, text: `Hour ${input.info.hours.start}${input.info.hours.end !== input.info.hours.start ? `-${input.info.hours.end}` : ''}` }
  }
  return input.bodyEstimate
}

/** A section's own stated duration: its heading estimate or a labeled line among its direct blocks. */
export function containerEstimate(section: Section, info: HeadingInfo | undefined, units: Units): Estimate | null {
  if (info?.estimate) return info.estimate
  for (const block of section.blocks) {
    if (block.kind !== 'paragraph' || block.listDepth > 0) continue
    for (const line of block.raw.split('\n', 20)) {
      const estimate = parseLabeledEstimate(line, units)
      if (estimate) return estimate
    }
  }
  return null
}

export function resolveEstimates(
  inputs: EstimateInput[],
  containerOf: (section: Section) => Estimate | null,
  units: Units,
): ResolvedEstimate[] {
  const stated = inputs.map(statedItemEstimate)
  const resolved: ResolvedEstimate[] = stated.map((estimate) =>
    estimate ? { hours: estimate.hours, derived: false, text: estimate.text } : { hours: null, derived: false, text: null },
  )
  const settled = new Set<Section>()
  inputs.forEach((input, index) => {
    if (resolved[index].hours !== null) return
    for (const ancestor of input.ancestors) {
      const container = containerOf(ancestor)
      if (!container) continue
      if (settled.has(ancestor)) break
      settled.add(ancestor)
      const members = inputs.map((other, otherIndex) => ({ other, otherIndex })).filter(({ other }) => other.ancestors.includes(ancestor))
      if (members.some(({ otherIndex }) => stated[otherIndex] !== null)) break
      const weights = members.map(({ other }) => (other.days ? other.days.end - other.days.start + 1 : 1))
      const totalWeight = weights.reduce((sum, weight) => sum + weight, 0)
      members.forEach(({ otherIndex }, memberIndex) => {
        const hours = Math.round(((container.hours * weights[memberIndex]) / totalWeight) * 100) / 100
        resolved[otherIndex] = { hours, derived: true, text: container.text }
      })
      break
    }
    if (resolved[index].hours === null && input.days) {
      const days = input.days.end - input.days.start + 1
      resolved[index] = { hours: days * units.hoursPerDay, derived: true, text: `${days} day${days === 1 ? '' : 's'} × ${units.hoursPerDay} h` }
    }
  })
  return resolved
}
