import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'

/**
 * Plans written for these tests in shapes the seeds and the real plans do not have (Obsidian Tasks,
 * a Notion database export, Jira keys with story points, a quarter roadmap, GitHub issue lines, a
 * kanban board, a Gantt table, numbered lines with week prefixes, milestones with due dates, a RACI
 * table, TODO/DONE keywords), each with the figures a lead would read from it.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'shapes')
type Figures = { tasks: number; hours: number | null; phases: number; weeks: number | null; checked: number }
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Figures>

describe('plans in shapes none of the other plans have', () => {
  it('has at least 10 of them, each with expected figures', () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith('.md'))
    expect(files.length).toBeGreaterThanOrEqual(10)
    expect(files.map((name) => name.replace(/\.md$/, '')).sort()).toEqual(Object.keys(expected).sort())
  })

  it.each(Object.entries(expected))('%s', (name, want) => {
    const outcome = parsePlanBytes(readFileSync(join(DIR, `${name}.md`)))
    if (!outcome.ok) throw new Error(outcome.error.message)
    const plan = outcome.plan
    const got = {
      tasks: plan.tasks.length,
      hours: plan.tasks.some((task) => task.estimateHours !== null) ? plan.totals.estimateHours : null,
      phases: plan.phases.length,
      weeks: want.weeks === null ? (plan.weeks <= 1 ? null : plan.weeks) : plan.weeks,
      checked: plan.tasks.filter((task) => task.claimedDone).length,
    }
    expect(got).toEqual(want)
  })
})
