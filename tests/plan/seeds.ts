import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ParsedPlan } from '../../src/shared/plan-model'
import { parsePlanBytes } from '../../src/main/plan'

/** The real plans live outside the repo, in ../shared/plans/ next to the checkout. */
export const PLANS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'plans')

export function seedBytes(prefix: string): Uint8Array {
  const name = readdirSync(PLANS_DIR).find((file) => file.startsWith(prefix))
  if (!name) throw new Error(`no seed plan ${prefix} in ${PLANS_DIR}`)
  return readFileSync(join(PLANS_DIR, name))
}

export function seedPlan(prefix: string): ParsedPlan {
  const outcome = parsePlanBytes(seedBytes(prefix))
  if (!outcome.ok) throw new Error(`${prefix}: ${outcome.error.code} ${outcome.error.message}`)
  return outcome.plan
}

/**
 * The lead's ideal-burndown rule: a task's hours spread evenly over its days (mapped to weeks
 * through dayWeeks) when it has days, else evenly over weeks weekStart..weekEnd.
 */
export function idealRemainingByWeek(plan: ParsedPlan): number[] {
  const burnedPerWeek = new Array<number>(plan.weeks + 1).fill(0)
  for (const task of plan.tasks) {
    const hours = task.estimateHours ?? 0
    if (task.dayStart !== null && task.dayEnd !== null) {
      const days = task.dayEnd - task.dayStart + 1
      for (let day = task.dayStart; day <= task.dayEnd; day++) burnedPerWeek[plan.dayWeeks[day - 1]] += hours / days
    } else if (task.weekStart !== null && task.weekEnd !== null) {
      const weeks = task.weekEnd - task.weekStart + 1
      for (let week = task.weekStart; week <= task.weekEnd; week++) burnedPerWeek[week] += hours / weeks
    }
  }
  const remaining: number[] = []
  let left = plan.totals.estimateHours
  for (let week = 1; week <= plan.weeks; week++) {
    left -= burnedPerWeek[week]
    remaining.push(Math.round(left * 100) / 100)
  }
  return remaining
}

export const MOJIBAKE = /Ã|â€|ðŸ|‚Ä|√/
