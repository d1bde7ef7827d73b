import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { calendarInputFor, computeProgress, progressTaskInputs } from '../../src/main/progress'
import type { ParsedPlan } from '../../src/shared/plan-model'

/** The five real plans live outside the repository; their text is never copied in. */
const plansDir = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/plans')
const seedFile = (prefix: string) => join(plansDir, `${prefix}_${SEED_HASHES[prefix]}.txt`)
const SEED_HASHES: Record<string, string> = {
  '000': 'f36da2492d71ad53',
  '001': '6f1b61519dbf6480',
  '002': 'b51860faf58f80b1',
  '003': '270b09d1ecc628fb',
  '004': '5444bc3a38160578',
}

function importSeed(prefix: string): ParsedPlan {
  const outcome = parsePlanBytes(readFileSync(seedFile(prefix)))
  if (!outcome.ok) throw new Error(`${prefix}: ${outcome.error.message}`)
  return outcome.plan
}

/** ideal remaining hours at week 0 (the start) and at the end of each plan week */
const EXPECTED_IDEAL: Record<string, number[]> = {
  '000': [256, 240, 210, 156, 128, 96, 74, 30, 0],
  '001': [320, 240, 176, 96, 56, 0, 0],
  '002': [168, 112, 56, 0],
  '003': [112, 72, 0],
  '004': [62, 49, 38, 25, 18, 6, 0],
}

describe('ideal line of the five real plans, from import alone', () => {
  for (const [prefix, expected] of Object.entries(EXPECTED_IDEAL)) {
    it(`plan ${prefix}: ${expected.join(' → ')}`, () => {
      const plan = importSeed(prefix)
      const report = computeProgress({
        baseline: plan,
        current: plan,
        tasks: progressTaskInputs(plan),
        scopeChanges: [],
        calendar: calendarInputFor(plan, {}, '2025-01-06'),
        asOf: '2000-01-01',
      })
      const ideal = report.burndown.slice(0, expected.length).map((row) => row.idealRemainingHours)
      expect(ideal).toEqual(expected)
      expect(report.planEndWeek).toBe(expected.length - 1)
    })
  }
})
