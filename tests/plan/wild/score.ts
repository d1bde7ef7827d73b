import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ParsedPlan } from '../../../src/shared/plan-model'

/**
 * The answer key of ../shared/plans-wild (truth.json) and the same comparison its score.py makes:
 * tasks, hours, phases, weeks and checked-done, each within the key's tolerance or an accepted
 * alternative. The plans stay where they are; nothing of their text is copied here.
 */

export const WILD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'plans-wild')
export const hasWildPlans = existsSync(join(WILD_DIR, 'truth.json'))

type Key = Record<string, unknown> & { notes?: string }
export type Field = 'tasks' | 'hours' | 'phases' | 'weeks' | 'checked'
export const FIELDS: Field[] = ['tasks', 'hours', 'phases', 'weeks', 'checked']

export function readTruth(): Record<string, Key> {
  return JSON.parse(readFileSync(join(WILD_DIR, 'truth.json'), 'utf8')) as Record<string, Key>
}

export function wildBytes(name: string): Uint8Array {
  return readFileSync(join(WILD_DIR, `${name}.md`))
}

export function observed(plan: ParsedPlan | null): Record<Field, number | null> {
  if (!plan) return { tasks: 0, hours: null, phases: 0, weeks: null, checked: 0 }
  return {
    tasks: plan.tasks.length,
    hours: plan.totals.estimateHours,
    phases: plan.phases.length,
    weeks: plan.weeks,
    checked: plan.tasks.filter((task) => task.claimedDone).length,
  }
}

function accepted(key: Key, field: Field): Array<[number | null, number]> {
  const tolerance = (key[`${field}_tolerance`] as number | undefined) ?? 0
  const out: Array<[number | null, number]> = [[(key[field] as number | null | undefined) ?? null, tolerance]]
  for (const alt of (key[`${field}_alt`] as Array<number | [number, number]> | undefined) ?? [])
    out.push(Array.isArray(alt) ? [alt[0], alt[1]] : [alt, tolerance])
  return out
}

export function fieldMatches(key: Key, field: Field, got: number | null): boolean {
  return accepted(key, field).some(([value, tolerance]) => {
    if (value === null) return field === 'weeks' ? got === null || got === 0 || got === 1 : got === null || got === 0
    return got !== null && Math.abs(got - value) <= tolerance + 1e-9
  })
}

export function describeKey(key: Key, field: Field): string {
  return accepted(key, field)
    .map(([value, tolerance]) => (value === null ? 'none' : tolerance ? `${value}±${tolerance}` : `${value}`))
    .join(' or ')
}
