import type { Section } from './outline'
import type { ItemContent } from './content'
import type { RawItem } from './reader/raw-items'
import { effortHours, parseEffortInTitle, type Effort, type EffortScale } from './grammar/effort'
import type { Range } from './grammar/time'

/**
 * Item estimates: stated on the item (its title, an Hour block, a table cell, the line after it, a
 * labeled line in its body); else a share of a stated container duration ("Days 6-7 … Duration: 16
 * hours") when no item under that container states its own; else days × hours-per-day when the
 * item itself is a day block ("Day 1-2: …"). Both fallbacks are marked derived. Never invented.
 */

export type EstimateInput = { raw: RawItem; content: ItemContent; ownDays: Range | null }
export type ContainerEstimate = { hours: number; text: string }

export type ResolvedEstimate = {
  hours: number | null
  derived: boolean
  text: string | null
  range: { low: number; high: number } | null
  points: number | null
}

const NONE: ResolvedEstimate = { hours: null, derived: false, text: null, range: null, points: null }

export function statedEffort(input: EstimateInput): Effort | null {
  const { raw } = input
  if (raw.info.effort) return raw.info.effort
  const block = raw.info.time.hourBlock
  if (block && raw.source === 'heading') {
    const hours = block.end - block.start + 1
    return {
      value: hours,
      low: hours,
      high: hours,
      unit: 'hours',
      text: `Hour ${block.start}${block.end !== block.start ? `-${block.end}` : ''}`,
    }
  }
  return raw.bodyEffort ?? input.content.effort
}

/** A container's own stated duration: its heading estimate or an "Effort:"/"Duration:" line of its own. */
export function containerEstimate(effort: Effort | null, scale: EffortScale): ContainerEstimate | null {
  if (!effort) return null
  const hours = effortHours(effort, scale)
  return hours === null ? null : { hours, text: effort.text }
}

export function resolveEstimates(
  inputs: EstimateInput[],
  containerOf: (section: Section) => ContainerEstimate | null,
  scale: EffortScale,
): ResolvedEstimate[] {
  const stated = inputs.map(statedEffort)
  const resolved: ResolvedEstimate[] = stated.map((effort) => (effort ? fromEffort(effort, scale) : NONE))
  const settled = new Set<Section>()
  inputs.forEach((input, index) => {
    if (stated[index] !== null) return
    shareContainer(inputs, stated, resolved, index, containerOf, settled)
    if (resolved[index].hours === null && input.ownDays) {
      const days = input.ownDays.end - input.ownDays.start + 1
      resolved[index] = {
        ...NONE,
        hours: days * scale.hoursPerDay,
        derived: true,
        text: `${days} day${days === 1 ? '' : 's'} × ${scale.hoursPerDay} h`,
      }
    }
    if (resolved[index].hours === null) resolved[index] = fromSubtasks(input, scale) ?? resolved[index]
  })
  return resolved
}

/** An item with no size of its own whose sub-items state theirs ("- Sales ledger (5h)"): their sum, derived. */
function fromSubtasks(input: EstimateInput, scale: EffortScale): ResolvedEstimate | null {
  const hours = input.content.subtasks
    .map((subtask) => parseEffortInTitle(subtask.text))
    .map((effort) => (effort ? effortHours(effort, scale) : null))
    .filter((value): value is number => value !== null)
  if (hours.length === 0) return null
  const total = hours.reduce((sum, value) => sum + value, 0)
  return {
    ...NONE,
    hours: total,
    derived: true,
    text: `sum of ${hours.length} sub-item estimate${hours.length === 1 ? '' : 's'}`,
  }
}

function fromEffort(effort: Effort, scale: EffortScale): ResolvedEstimate {
  const hours = effortHours(effort, scale)
  const range =
    effort.low !== effort.high
      ? {
          low: effortHours({ ...effort, value: effort.low }, scale) ?? effort.low,
          high: effortHours({ ...effort, value: effort.high }, scale) ?? effort.high,
        }
      : null
  return { hours, derived: false, text: effort.text, range, points: effort.unit === 'points' ? effort.value : null }
}

function shareContainer(
  inputs: EstimateInput[],
  stated: Array<Effort | null>,
  resolved: ResolvedEstimate[],
  index: number,
  containerOf: (section: Section) => ContainerEstimate | null,
  settled: Set<Section>,
): void {
  for (const ancestor of inputs[index].raw.ancestors) {
    const container = containerOf(ancestor)
    if (!container) continue
    if (settled.has(ancestor)) return
    settled.add(ancestor)
    const members = inputs
      .map((other, otherIndex) => ({ other, otherIndex }))
      .filter(({ other }) => other.raw.ancestors.includes(ancestor))
    if (members.some(({ otherIndex }) => stated[otherIndex] !== null)) return
    const weights = members.map(({ other }) => (other.ownDays ? other.ownDays.end - other.ownDays.start + 1 : 1))
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0)
    members.forEach(({ otherIndex }, memberIndex) => {
      const hours = Math.round(((container.hours * weights[memberIndex]) / totalWeight) * 100) / 100
      resolved[otherIndex] = { ...NONE, hours, derived: true, text: container.text }
    })
    return
  }
}
