import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import type { ParsedPlan } from '../../src/shared/plan-model'

function read(text: string): ParsedPlan {
  const outcome = parsePlanBytes(Buffer.from(text, 'utf8'))
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.plan
}

const chart = (body: string) => `# Roadmap\n\n\`\`\`mermaid\ngantt\n${body}\n\`\`\`\n`

describe('a plan that is a mermaid gantt chart', () => {
  it('reads sections as phases and tasks with their dates, done tags and after-dependencies; milestones are not tasks', () => {
    const plan = read(
      chart(
        '    title Release\n    dateFormat YYYY-MM-DD\n    section Build\n    Parser :active, 2024-03-04, 14d\n    Docs :done, d1, 2024-03-18, 2024-03-29\n    section Ship\n    Polish :after d1, 1w\n    Release :milestone, 2024-04-05, 0d',
      ),
    )
    expect(plan.phases.map((phase) => phase.title)).toEqual(['Build', 'Ship'])
    expect(plan.tasks.map((task) => [task.title, task.weekStart, task.weekEnd, task.claimedDone])).toEqual([
      ['Parser', 1, 2, false],
      ['Docs', 3, 4, true],
      ['Polish', 4, 5, false],
    ])
    expect(plan.date).toBe('2024-03-04')
    // a duration is a span, not effort
    expect(plan.totals.estimateHours).toBe(0)
    // every task keeps its line in the file
    expect(plan.tasks.map((task) => task.line)).toEqual([8, 9, 11])
    expect(plan.warnings.map((warning) => warning.code)).toContain('read-from-gantt')
  })

  it("reads the chart's own date format", () => {
    const plan = read(
      chart(
        '    dateFormat DD.MM.YYYY\n    section Build\n    Parser : 04.03.2024, 5d\n    Docs : 11.03.2024, 15.03.2024',
      ),
    )
    expect(plan.tasks.map((task) => [task.weekStart, task.weekEnd])).toEqual([
      [1, 1],
      [2, 2],
    ])
  })

  it("takes the chart's title when the file has no title heading", () => {
    const outcome = parsePlanBytes(
      Buffer.from(
        '```mermaid\ngantt\n    title Launch readiness\n    section Backend\n    API : 2026-11-02, 5d\n```\n',
      ),
    )
    expect(outcome.ok && outcome.plan.title).toBe('Launch readiness')
  })

  it('is left alone when the plan has items of its own (code is never structure)', () => {
    const plan = read(
      `# Plan\n\n## Week 1\n- [ ] Write the runbook (2h)\n\n${chart('    section Build\n    Parser : 2024-03-04, 5d')}`,
    )
    expect(plan.tasks.map((task) => task.title)).toEqual(['Write the runbook'])
  })
})
