import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { PlanDetail, PlanSummary } from '../../src/shared/contract/plans'
import { callOk, createTestCore } from '../support/core'
import { repoRoot, seedPlansDir } from '../support/paths'

const wildPlansDir = join(repoRoot, '../shared/plans-wild')

/** Every seed plan and real plan on disk: their readings differ in every field the summary shows. */
function planFiles(): string[] {
  const inFolder = (dir: string, pattern: RegExp) =>
    readdirSync(dir)
      .filter((name) => pattern.test(name))
      .map((name) => join(dir, name))
  return [...inFolder(seedPlansDir, /\.txt$/), ...inFolder(wildPlansDir, /^\d+-.*\.md$/)]
}

describe('the plan list', () => {
  const core = createTestCore()
  afterAll(() => core.dispose())

  it("shows each plan's date, items, hours and weeks as its stored reading has them", async () => {
    const files = planFiles()
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const file of files)
      await callOk(core, 'plans.import', {
        source: { name: file.split('/').at(-1)!, base64: readFileSync(file).toString('base64') },
      })
    const summaries = await callOk<PlanSummary[]>(core, 'plans.list', {})
    expect(summaries).toHaveLength(files.length)
    for (const summary of summaries) {
      const { plan, settings } = await callOk<PlanDetail>(core, 'plans.get', { planId: summary.id })
      expect(summary).toMatchObject({
        planDate: plan.date,
        startDate: settings.startDate ?? plan.date,
        taskCount: plan.tasks.length,
        totalHours: plan.totals.estimateHours,
        weeks: plan.weeks,
      })
    }
    // the list is not all alike: the comparison above could not pass on constant values
    expect(new Set(summaries.map((s) => s.totalHours)).size).toBeGreaterThan(3)
    expect(new Set(summaries.map((s) => s.weeks)).size).toBeGreaterThan(3)
    expect(summaries.some((s) => s.planDate === null) && summaries.some((s) => s.planDate !== null)).toBe(true)
  })
})
