import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { repairPipeTables } from '../../src/main/plan/table-repair'
import type { ParsedPlan } from '../../src/shared/plan-model'

/**
 * Shapes found in real plans the reader had never seen (a survey of 21 public plans), each written here in our
 * own words as the smallest plan that shows it. Each case failed before the reader learned the general rule.
 */
function read(text: string): ParsedPlan {
  const outcome = parsePlanBytes(Buffer.from(text, 'utf8'))
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.plan
}
const titles = (plan: ParsedPlan): string[] => plan.tasks.map((task) => task.title)
const hours = (plan: ParsedPlan): number => plan.totals.estimateHours

describe('work that used to disappear', () => {
  it('a numbered heading over a table whose rows carry IDs and estimates groups them', () => {
    const plan = read(
      '# Plan\n\n## 2.1 Storage\n\n| ID | Task | Estimate |\n|----|------|----------|\n| A | Schema | 8h |\n| B | Backfill | 4h |\n\n## 2.2 Access\n\n| ID | Task | Estimate |\n|----|------|----------|\n| C | Tokens | 8h |\n',
    )
    expect(titles(plan)).toEqual(['Schema', 'Backfill', 'Tokens'])
    expect(hours(plan)).toBe(20)
  })

  it('keeps a numbered heading with its own estimate as the item over its sub-steps', () => {
    const plan = read(
      '# Plan\n\n## 1.1 Storage (6h)\n\n- Schema (2h)\n- Backfill (4h)\n\n## 1.2 Access (3h)\n\n- Tokens\n',
    )
    expect(titles(plan)).toEqual(['Storage', 'Access'])
  })

  it('keeps an unestimated checklist section when other sections carry estimates', () => {
    const plan = read(
      '# Plan\n\n## Phase 1 (Week 1)\n\n- [ ] Configure CI\n- [ ] Create the board\n\n## Phase 2 (Week 2)\n\n- [ ] Build the parser (8 hours)\n- [ ] Add validation (12 hours)\n',
    )
    expect(titles(plan)).toEqual(['Configure CI', 'Create the board', 'Build the parser', 'Add validation'])
    expect(plan.phases).toHaveLength(2)
  })

  it('reads a table after a line of facts ("Impact: … | Effort: …") and still leaves a criteria list out', () => {
    const plan = read(
      '# Plan\n\n## Tier A (Week 1)\n\n**Impact**: blocks launch | **Effort**: 4 hours\n\n| ID | Task | Effort |\n|----|------|--------|\n| A1 | Pin the toolchain | 1 hour |\n| A2 | Lint in CI | 3 hours |\n\n**Success criteria**:\n- Builds are reproducible\n',
    )
    expect(titles(plan)).toEqual(['Pin the toolchain', 'Lint in CI'])
  })
})

describe('a week of plainer lines beside a week of estimated ones', () => {
  it("is the plan's work too: kept, its unestimated lines warned about", () => {
    const plan = read(
      '# Plan\n\n## Week 1\n- Parser (1 day)\n- Lexer (2 days)\n\n## Week 2\n- Docs (2 days)\n- Polish UI\n- Release notes\n- Demo\n',
    )
    expect(titles(plan)).toEqual(['Parser', 'Lexer', 'Docs', 'Polish UI', 'Release notes', 'Demo'])
    expect(hours(plan)).toBe(40)
    expect(plan.warnings.filter((warning) => warning.code === 'missing-estimate')).toHaveLength(3)
  })

  it('but a plain list beside the estimated list of the same week is something else', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n1. Parser (1 day)\n2. Lexer (2 days)\n\nNotes:\n- keep it small\n- ask the team\n\n## Week 2\n1. Docs (2 days)\n',
    )
    expect(titles(plan)).toEqual(['Parser', 'Lexer', 'Docs'])
  })
})

describe('lines that are not work', () => {
  it('leaves metrics, team and example sections inside a phase out', () => {
    const plan = read(
      '# Plan\n\n## Phase 1: Auth (Weeks 1-4)\n\n### Deliverables\n- [ ] Login middleware\n- [ ] Session store\n\n### Success Metrics\n- [ ] All endpoints behind auth\n\n### Team Structure\n- [ ] One backend developer\n\n### Code Example\n- [ ] call login()\n',
    )
    expect(titles(plan)).toEqual(['Login middleware', 'Session store'])
  })

  it('leaves a check-in agenda and a status-report template out', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n- [ ] Build the parser (8h)\n\n## Weekly check-ins\n- [ ] Review progress\n\n## Status report template\n- [ ] Task ID – description\n',
    )
    expect(titles(plan)).toEqual(['Build the parser'])
  })

  it('reads "Week 1: 10 hours" lines as a budget, not as work', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n- [ ] Build the parser (8h)\n\n## Week 2\n- [ ] Write the docs (8h)\n\n## Effort Estimate\n- **Week 1**: 10 hours\n- **Week 2**: 6 hours\n- **Total**: 16 hours\n',
    )
    expect(titles(plan)).toEqual(['Build the parser', 'Write the docs'])
    expect(plan.phases.map((phase) => phase.title)).toEqual(['Week 1', 'Week 2'])
  })

  it('reads headings that only say when ("Day 2 (8 hours)", "Morning (4h)") as holders of their checklists', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n\n### Day 1\n\n**Morning (4 hours)**\n- [ ] Snapshot the index\n- [ ] Freeze mappings\n\n### Day 2 (8 hours)\n- [ ] Add a replica\n- [ ] Pin the client\n',
    )
    expect(titles(plan)).toEqual(['Snapshot the index', 'Freeze mappings', 'Add a replica', 'Pin the client'])
    expect(plan.tasks.map((task) => task.estimateHours)).toEqual([2, 2, 4, 4])
  })
})

describe("the plan's own numbers and dates", () => {
  it('reads an empty estimated line before estimated blocks as their subtotal, not as one more item', () => {
    const plan = read(
      '# Plan\n\n## Phase 2 (Weeks 3-4)\n\n**Feature A: Import (20 hours)**\n\n**Week 3: Core**\n- [ ] Build the parser (8 hours)\n- [ ] Add validation (12 hours)\n\n**Week 4: Polish**\n- [ ] Write the docs (4 hours)\n',
    )
    expect(titles(plan)).toEqual(['Build the parser', 'Add validation', 'Write the docs'])
    expect(hours(plan)).toBe(24)
  })

  it('never reads a status recap or a progress fraction ("~14h / 40h") as work or as an estimate', () => {
    const plan = read(
      '# Plan\n\n## Phase 1 (Weeks 1-2)\n\n### Week 1\n\n- [ ] ST-1 (6h) - Login form\n- [ ] ST-2 (8h) - Session store\n\n**Status end of week 1:**\n- ✅ ST-1 to ST-2: 2 stories complete\n- Cumulative effort: ~14h / 40h (35%)\n\n### Week 2\n\n- [ ] ST-3 (10h) - Profile page\n',
    )
    expect(titles(plan)).toEqual(['Login form', 'Session store', 'Profile page'])
    expect(hours(plan)).toBe(24)
    expect(plan.tasks.some((task) => task.claimedDone)).toBe(false)
  })

  it('reads a stated total from "Hours:" in the preamble and from a total written as a heading', () => {
    expect(read('# Plan\n\n**Hours:** 33 hours\n\n## Week 1\n- [ ] A task\n- [ ] B task\n').totals.statedHours).toBe(33)
    const heading = read(
      '# Plan\n\n## Week 1\n- [ ] A task (8h)\n- [ ] B task (4h)\n\n## Summary\n\n### Total Estimated Hours: 1,130 hours\n',
    )
    expect(heading.totals.statedHours).toBe(1130)
    expect(heading.warnings.some((warning) => warning.code === 'stated-total-mismatch')).toBe(true)
  })

  it("gives a year-less date the year that keeps it near the plan's first full date (ranges across New Year)", () => {
    const plan = read(
      '# Roadmap (Dec 10 - Jan 6, 2026)\n\n## Week 1 (Dec 10-14)\n- [ ] Build the parser (8h)\n\n## Week 2 (Dec 15-21)\n- [ ] Write the docs (4h)\n',
    )
    expect(plan.date).toBe('2025-12-08')
    expect(plan.weeks).toBe(2)
  })

  it('does not read YAML front matter as a heading', () => {
    const plan = read(
      '---\ntitle: Plan\nowner: someone\n---\n\n| Week | Task | Hours |\n|---|---|---|\n| 1 | Build the parser | 8 |\n| 2 | Write the docs | 4 |\n',
    )
    expect(plan.phases).toEqual([])
    expect(titles(plan)).toEqual(['Build the parser', 'Write the docs'])
    expect(plan.tasks[0].line).toBe(8)
  })

  it('counts a mark, a yes or a date in a Done column as the plan claiming done', () => {
    const plan = read(
      '# Plan\n\n| Task | Hours | Done |\n|---|---|---|\n| Build the parser | 6 | ✓ |\n| Write the docs | 2 | |\n| Ship it | 1 | 2024-12-03 |\n| Tag it | 1 | no |\n',
    )
    expect(plan.tasks.map((task) => task.claimedDone)).toEqual([true, false, true, false])
  })
  it('a heading of prose beside day blocks frames them: a goal statement is not a task', () => {
    const plan = read(
      '# Plan\n\n## Week 1: Core\n\n### North Star\n> Parser and docs shipped by Friday\n\n### Day 1 (Mon) - Parser\n- [ ] Build the tokenizer\n- [ ] Build the AST\n\n### Day 2 (Tue) - Docs\n- [ ] Write the guide\n',
    )
    expect(titles(plan)).toEqual(['Day 1 (Mon) - Parser', 'Day 2 (Tue) - Docs'])
    // the same prose heading among plain task headings is a task
    const tasks = read(
      '# Plan\n\n## Week 1\n\n### Rate limiting\nUse a token bucket.\n\n### Health check\nAdd /healthz.\n',
    )
    expect(titles(tasks)).toEqual(['Rate limiting', 'Health check'])
  })
})

describe('tables beside the work table', () => {
  const weekly =
    '## Weekly plan\n\n| Woche | Von (Datum) | Tätigkeit | Aufwand (h) |\n|---:|---:|---|---:|\n| 1 | 16.09.2019 | Kick-off and planning | 4 |\n| 2 | 23.09.2019 | Analysis | 10 |\n| 3 | 30.09.2019 | Concept | 12 |\n'
  const milestones =
    '## Meilensteinplan\n\n| Woche | Datum | Nr | Meilenstein |\n|---:|---:|---:|---|\n| 2 | 27.09.2019 | 1 | Concept ready |\n| 3 | 04.10.2019 | 2 | Prototype runs |\n'

  it('a milestone table beside the work is checkpoints, not work, and is listed as not imported', () => {
    const plan = read(`# Project plan\n\n${milestones}\n${weekly}`)
    expect(titles(plan)).toEqual(['Kick-off and planning', 'Analysis', 'Concept'])
    expect(hours(plan)).toBe(26)
    expect(plan.skipped.filter((entry) => /milestone table/.test(entry.reason)).map((entry) => entry.text)).toEqual([
      'Concept ready',
      'Prototype runs',
    ])
  })

  it('a milestone table alone is the plan: its rows are the items, in their stated weeks', () => {
    const plan = read(`# Project\n\n${milestones}`)
    expect(plan.tasks.map((task) => [task.title, task.weekStart])).toEqual([
      ['Concept ready', 2],
      ['Prototype runs', 3],
    ])
  })

  it('a row naming both its week and its date dates week 1, weeks before it', () => {
    const plan = read(
      '# Plan\n\n| Weeks | From | Task | Hours |\n|---|---|---|---|\n| 3 | 2019-09-30 | Concept | 12 |\n| 4 | 2019-10-07 | Build | 20 |\n',
    )
    expect(plan.date).toBe('2019-09-16')
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([3, 4])
  })
})

describe('plans written in other languages', () => {
  it('reads German column headers: week, task and effort', () => {
    const plan = read(
      '# Plan\n\n| Woche | Tätigkeit | Aufwand (h) |\n|---:|---|---:|\n| 1 | Kickoff und Planung | 4 |\n| 2 | Umsetzung | 14 |\n| 3 | Abnahme | 6 |\n',
    )
    expect(hours(plan)).toBe(24)
    expect(plan.tasks.map((task) => [task.weekStart, task.weekEnd])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ])
    expect(plan.tasks.map((task) => task.key)).not.toContain('1')
  })

  it("reads week headings and unit words in Spanish, German and Japanese, with keys in the plan's script", () => {
    const plan = read(
      '# Plan\n\n## Semana 1\n- [ ] Configurar CI (2 horas)\n- [ ] Escribir docs (1 día)\n\n## Woche 2\n- [ ] Tests schreiben (3 Std.)\n- [ ] Review (1,5 Tage)\n\n## 第3週\n- [ ] 検証 (2時間)\n',
    )
    expect(plan.tasks.map((task) => [task.estimateHours, task.weekStart])).toEqual([
      [2, 1],
      [8, 1],
      [3, 2],
      [12, 2],
      [2, 3],
    ])
    expect(plan.tasks[4].key).toContain('検証')
  })

  it('takes the start date from a label in another language', () => {
    expect(read('# Plan\n\n**Data de Início:** 27/12/2024\n\n## Week 1\n- [ ] Build the parser (8h)\n').date).toBe(
      '2024-12-27',
    )
  })
})

describe('words and numbers from a second survey of real plans', () => {
  it('reads an effort label in other languages: 推定時間, Aufwand', () => {
    const plan = read(
      '# Plan\n\n### Task 1.1: Setup\n- **推定時間**: 2 時間\n\n### Task 1.2: Docker\n- **Aufwand**: 3 Std.\n',
    )
    expect(plan.tasks.map((task) => task.estimateHours)).toEqual([2, 3])
  })

  it('reads a table whose titles are not in Latin letters, with 2022/04/01 dates', () => {
    const plan = read(
      '# WBS\n\n| No | 作業項目 | 開始 | 工数(h) |\n|---|---|---|---|\n| 1 | テーマ策定 | 2022/04/01 | 2 |\n| 2 | 機能一覧 | 2022/04/08 | 3 |\n',
    )
    expect(titles(plan)).toEqual(['テーマ策定', '機能一覧'])
    expect(hours(plan)).toBe(5)
    expect(plan.date).toBe('2022-03-28')
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([1, 2])
  })

  it('reads low and high estimate columns as a range counted at its midpoint', () => {
    const plan = read(
      '# Plan\n\n| Task | Hours (Min) | Hours (Max) |\n|---|---|---|\n| Wireframes | 12 | 18 |\n| Prototype | 10 | 20 |\n',
    )
    expect(plan.tasks.map((task) => [task.estimateHours, task.estimateRange])).toEqual([
      [15, { low: 12, high: 18 }],
      [15, { low: 10, high: 20 }],
    ])
  })

  it('reads a fraction of a day as an estimate', () => {
    const plan = read('# Plan\n\n## Week 1\n- [ ] Base setup (1/2 day)\n- [ ] Docs (½ day)\n- [ ] Release (1 day)\n')
    expect(plan.tasks.map((task) => task.estimateHours)).toEqual([4, 4, 8])
  })

  it('knows criteria sections in other languages: never work', () => {
    const plan = read(
      '# Plan\n\n## Woche 1\n- [ ] Parser bauen (8h)\n- [ ] Doku schreiben (4h)\n\n## Akzeptanzkriterien\n- [ ] Alle Tests grün\n\n## 验收标准\n- [ ] 测试通过\n',
    )
    expect(titles(plan)).toEqual(['Parser bauen', 'Doku schreiben'])
  })

  it('takes the start from a period label in another language (Zeitraum)', () => {
    expect(read('# Plan\n\nZeitraum: 06.10.2025 – 17.11.2025\n\n## Woche 1\n- [ ] Build (2h)\n').date).toBe(
      '2025-10-06',
    )
  })

  it('reads 100 % in a progress column as the plan claiming done', () => {
    const plan = read(
      '# Plan\n\n| ID | Task | Hours | Progress |\n|---|---|---|---|\n| 1 | Theme | 3 | 100% |\n| 2 | List | 2 | 50% |\n',
    )
    expect(plan.tasks.map((task) => task.claimedDone)).toEqual([true, false])
  })

  it('capacity and velocity sections are about people and figures, not work', () => {
    const plan = read(
      '# Sprint 1\n\n## Stories\n\n### Story 1: Login\nBuild it.\n\n### Story 2: Logout\nBuild it.\n\n## Sprint Capacity Analysis\n\n### Backend developer\nSix weeks.\n\n## Velocity prediction\n\n### Next sprint\n30 points.\n',
    )
    expect(titles(plan)).toEqual(['Login', 'Logout'])
  })

  it("a sprint backlog is the sprint's committed work, not a backlog for later", () => {
    const plan = read(
      '# Sprint 1\n\n## Sprint Backlog - Prioritized Stories\n\n- [ ] Story 1: Login (5h)\n- [ ] Story 2: Logout (3h)\n\n## Product backlog\n\n- [ ] Dark mode (8h)\n',
    )
    expect(titles(plan)).toEqual(['Login', 'Logout'])
    expect(hours(plan)).toBe(8)
  })
})

describe('a deliverables or checklist section beside the work', () => {
  it('a dated deliverables checklist lists outcomes: not work, and its week does not stretch the plan', () => {
    const plan = read(
      '# Plan\n\n## Day 1\n- [ ] Run scans (4h)\n- [ ] Triage findings (4h)\n\n## Week 9 Deliverables Checklist\n\n### Security\n- [ ] Security scan reports\n- [ ] Findings register\n',
    )
    expect(titles(plan)).toEqual(['Run scans', 'Triage findings'])
    expect(plan.weeks).toBe(1)
    expect(plan.skipped.map((entry) => entry.text)).toContain('Security scan reports')
  })

  it('weeks all worded as checklists are the work, plainer weeks included', () => {
    const plan = read(
      '# Plan\n\n## Week 1 Checklist\n- [ ] Run scans (4h)\n- [ ] Triage findings (4h)\n\n## Week 2 Checklist\n\n- [ ] Patch the base image\n- [ ] Rotate the keys\n',
    )
    expect(titles(plan)).toEqual(['Run scans', 'Triage findings', 'Patch the base image', 'Rotate the keys'])
    expect(plan.weeks).toBe(2)
  })
})

describe('an overview table over the sections it names', () => {
  const overview =
    '| Day | Focus | Duration | Activities |\n|---|---|---|---|\n| Day 1 | Security | Full day | Scans, triage |\n| Day 2-3 | Fixes | 2 days | Fix critical issues |\n'

  it('restates the day sections below it: its rows are not counted again, and numbering may restart per day', () => {
    const plan = read(
      `# Plan\n\n## Schedule\n\n${overview}\n## Day 1: Security\n#### 1. Run scans (4 hours)\n#### 2. Triage findings (4 hours)\n\n## Days 2-3: Fixes\n#### 1. Fix critical issues (16 hours)\n`,
    )
    expect(titles(plan)).toEqual(['Run scans', 'Triage findings', 'Fix critical issues'])
    expect(hours(plan)).toBe(24)
    expect(plan.warnings.map((warning) => warning.code)).not.toContain('duplicate-number')
    expect(plan.skipped.map((entry) => entry.reason)).toContain(
      'a row of an overview table: its sections below hold the work it names',
    )
  })

  it('is the work when no section holds the days it names', () => {
    const plan = read(`# Plan\n\n## Schedule\n\n${overview}\n## Notes\n\nKeep the pager on.\n`)
    expect(titles(plan)).toEqual(['Scans, triage', 'Fix critical issues'])
  })
})

describe('breaks in the calendar', () => {
  it('a holiday week in a schedule table or list is time off, not a task; a task about holidays is work', () => {
    const plan = read(
      '# Schedule\n\n| Week | Activity |\n|---|---|\n| Week 1 | Gather requirements |\n| Week 2 | Christmas break |\n| Week 3 | Support public holidays in the scheduler |\n\n## Extra\n\n- [ ] Break the monolith into services\n- [ ] Public holiday (Dec 26)\n',
    )
    expect(titles(plan)).toEqual([
      'Gather requirements',
      'Support public holidays in the scheduler',
      'Break the monolith into services',
    ])
    expect(plan.weeks).toBe(3)
  })
})

describe("a list item's own lines after its first", () => {
  it('are its body: a "Done when" line right under a checkbox is its criterion', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n\n- [ ] Add rate limiting (2h)\n  Done when: `src/middleware/rate-limit.ts` exists\n- [ ] Add health check (1h)\n  Acceptance: `/healthz` returns 200\n',
    )
    expect(titles(plan)).toEqual(['Add rate limiting', 'Add health check'])
    expect(plan.tasks.map((task) => task.criteria.map((line) => line.text))).toEqual([
      ['`src/middleware/rate-limit.ts` exists'],
      ['`/healthz` returns 200'],
    ])
    expect(plan.tasks[0].criteria[0].line).toBe(6)
  })
})

describe('T-shirt sizes', () => {
  it('a Size column counts in the hours the plan gives each size, in a sentence or a legend table', () => {
    const sentence = read(
      '# Plan\n\nStart: 2025-03-03\n\n| Task | Size | Week |\n|---|---|---|\n| Add rate limiting | M | 1 |\n| Structured logging | S | 1 |\n| Chaos test | L | 2 |\n\nSizes: S = 2h, M = 1 day, L = 3 days\n',
    )
    expect(sentence.tasks.map((task) => task.estimateHours)).toEqual([8, 2, 24])
    const legend = read(
      '# Plan\n\n| Size | Meaning |\n|---|---|\n| S | 4 hours |\n| M | 2 days |\n\n| Task | Size |\n|---|---|\n| Write the runbook | S |\n| Migrate the queue | M |\n',
    )
    expect(titles(legend)).toEqual(['Write the runbook', 'Migrate the queue'])
    expect(hours(legend)).toBe(20)
  })

  it('without a stated scale the sizes stay unestimated, and the plan is told why', () => {
    const plan = read('# Plan\n\n| Task | Size |\n|---|---|\n| Write the runbook | S |\n| Migrate the queue | M |\n')
    expect(hours(plan)).toBe(0)
    expect(plan.warnings.map((warning) => warning.code)).toContain('sizes-without-scale')
  })
})

describe('phases that say only how long they last', () => {
  it('are laid end to end as timeboxes: their length is the schedule of their items, not their effort', () => {
    const plan = read(
      '# Plan\n\nKickoff: 2025-03-03\n\n## Phase 1: Foundations (2 weeks)\n- [ ] Set up CI\n- [ ] Add linting\n\n## Phase 2: Hardening (3 weeks)\n- [ ] Rate limiting\n\n## Open questions\n\nWho owns the pager?\n\n## Phase 3: Launch (1 week)\n- [ ] Load test\n',
    )
    expect(plan.phases.map((phase) => [phase.weekStart, phase.weekEnd])).toEqual([
      [1, 2],
      [3, 5],
      [6, 6],
    ])
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([1, 1, 3, 6])
    expect(hours(plan)).toBe(0)
    expect(plan.weeks).toBe(6)
  })

  it('fill in around phases that name their weeks, and a phase that is itself the item keeps its length as effort', () => {
    const mixed = read(
      '# Plan\n\n## Phase 1: Foundations (2 weeks)\n- [ ] Set up CI (2d)\n\n## Phase 2: Hardening (Weeks 3-4)\n- [ ] Rate limiting (3d)\n',
    )
    expect(mixed.tasks.map((task) => [task.weekStart, task.weekEnd])).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(mixed.warnings.map((warning) => warning.code)).not.toContain('stated-total-mismatch')
    const items = read(
      '# Plan\n\n## Phase 1: Build the API (2 weeks)\n\nWe write the endpoints.\n\n## Phase 2: Harden it (1 week)\n\nRate limits and auth.\n',
    )
    expect(items.tasks.map((task) => [task.estimateHours, task.weekStart, task.weekEnd])).toEqual([
      [80, 1, 2],
      [40, 3, 3],
    ])
  })
})

describe('a sprint plan that lists stories written out elsewhere', () => {
  const stories =
    '# Backlog\n\n## EPIC 1: Foundation\n\n### Epic Goal\nA reproducible dev setup.\n\n### User Story F1.1: Dev Environment Setup\n**Story Points:** 3\n\n### User Story F1.2: API Layer\n**Story Points:** 5\n\n'

  it('schedules the stories and adds no items; a goal heading of prose is context', () => {
    const plan = read(
      `${stories}## Sprint Plan\n\n### Sprint 1 (Weeks 1-2)\n- Dev environment setup (3 pts)\n\n### Sprint 2 (Weeks 3-4)\n- API layer (5 pts)\n`,
    )
    expect(titles(plan)).toEqual(['User Story F1.1: Dev Environment Setup', 'User Story F1.2: API Layer'])
    expect(plan.tasks.map((task) => [task.weekStart, task.weekEnd])).toEqual([
      [1, 2],
      [3, 4],
    ])
  })

  it('a week list beside bare headings that only name the same work stays the work', () => {
    const plan = read(
      '# Plan\n\n## Scope\n\n### Rate limiting\n\n### Structured logging\n\n## Schedule\n\n### Week 1\n- Rate limiting (4h)\n- Structured logging (2h)\n',
    )
    expect(hours(plan)).toBe(6)
    expect(plan.tasks.every((task) => task.weekStart === 1)).toBe(true)
  })
})

describe("a list that sums up the plan's phases", () => {
  it('is not work: its lines open with the phase labels, and their hours and ✅ are not counted again', () => {
    const plan = read(
      '# Priority matrix\n\n## P0 - Critical (Week 1)\n\n| ID | Task | Effort |\n|---|---|---|\n| C1 | Fix the build | 2 hours |\n| C2 | Fix the lint warnings | 4 hours |\n\n## P1 - High (Week 2)\n\n| ID | Task | Effort |\n|---|---|---|\n| S1 | Harden the RPC layer | 3 days |\n\n## Scope\n\n### MVP\n- ✅ P0: All critical fixes (6 hours)\n- ✅ P1: Basic hardening (24 hours)\n',
    )
    expect(titles(plan)).toEqual(['Fix the build', 'Fix the lint warnings', 'Harden the RPC layer'])
    expect(hours(plan)).toBe(30)
    expect(plan.tasks.some((task) => task.claimedDone)).toBe(false)
  })
})

describe('a run of time slots', () => {
  it('holds work even when a slot is named for validation or testing', () => {
    const plan = read(
      '# Go-live\n\n## Final week\n\n#### Monday: Infrastructure\n- [ ] Set up production servers\n\n#### Thursday: Beta Testing & Validation\n- [ ] Run beta user testing\n\n## Launch day\n\n#### 06:30: Initial Validation\n- [ ] Check core systems\n\n#### 08:00: Traffic switch\n- [ ] Flip DNS\n',
    )
    expect(titles(plan)).toEqual([
      'Set up production servers',
      'Run beta user testing',
      'Check core systems',
      'Flip DNS',
    ])
  })

  it('a validation section that is not one of a run of slots stays criteria', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n- [ ] Set up production servers (4h)\n\n### Monday: Validation\n- [ ] p99 under 300 ms\n',
    )
    expect(titles(plan)).toEqual(['Set up production servers'])
  })
})

describe('meetings', () => {
  it('a section of recurring meetings is cadence: its lines are not work and a meeting length is not effort', () => {
    const plan = read(
      '# Delivery\n\n## Phase 1 (Weeks 1-2)\n- **Week 1:** Gather requirements\n- **Week 2:** Write the design\n\n## Backlog Grooming Sessions\n- **Frequency:** Bi-weekly (every 2 weeks)\n- **Duration:** 1.5 hours\n\n## Sprint Planning Approach\n1. **Sprint Planning Meeting:** 2 hours (start of each sprint)\n2. **Daily Standups:** 15 minutes (Monday-Friday)\n',
    )
    expect(plan.tasks).toHaveLength(2)
    expect(hours(plan)).toBe(0)
  })

  it('work about recurring jobs stays work', () => {
    const plan = read('# Plan\n\n## Ops automation\n- [ ] Nightly backups (4h)\n- [ ] Weekly dependency updates (2h)\n')
    expect(hours(plan)).toBe(6)
  })
})

describe('dated sections with no work', () => {
  it('are history: links to past quarters do not move the start of the quarter that holds the work', () => {
    const plan = read(
      '# OKRs\n\n## 2019 Q3\n\n| Key result | Priority | Owner |\n|---|---|---|\n| Publish a release policy | P0 | alan |\n| Automate nightly tests | P1 | bo |\n\n## 2019 Q1\n- [Q1 OKRs](https://example.com/q1)\n\n## 2018 Q4\n- [Q4 OKRs](https://example.com/q4)\n',
    )
    expect(plan.date).toBe('2019-07-01')
    expect(plan.tasks.every((task) => task.weekStart === 1)).toBe(true)
  })
})

describe('a # column of row numbers', () => {
  it('does not make its table stronger than a detail table beside it', () => {
    const plan = read(
      '# Plan\n\n## Priorities\n\n| # | Outcome | Priority |\n|---|---|---|\n| 1 | A content system | High |\n| 2 | Automatic notices | High |\n\n## March\n\n| Date | Task | Owner | Status |\n|---|---|---|---|\n| 2026-03-02 | Set up the dev environment | DevOps | ✅ |\n| 2026-03-09 | Build the content API | Backend | ⏳ |\n',
    )
    expect(titles(plan)).toEqual(expect.arrayContaining(['Set up the dev environment', 'Build the content API']))
  })
})

describe('a Duration column beside dates', () => {
  it('is read as effort and the plan is told it may be elapsed time', () => {
    const plan = read(
      '# Plan\n\n| # | Task | Duration | Start | End |\n|---|---|---|---|---|\n| 1 | Discovery | 5d | 2026-02-02 | 2026-02-06 |\n| 2 | Build | 10d | 2026-02-09 | 2026-02-20 |\n',
    )
    expect(hours(plan)).toBe(120)
    expect(plan.warnings.map((warning) => warning.code)).toContain('durations-as-effort')
  })
})

describe('lines that name other items', () => {
  it('an order of items by their IDs is not work', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n- [ ] 1.1 Parser (2h)\n- [ ] 1.2 Lexer (3h)\n\n## Order\n- Task 1.1 → Task 1.2\n- 1.2 -> 1.1\n',
    )
    expect(titles(plan)).toEqual(['Parser', 'Lexer'])
    expect(plan.skipped.filter((entry) => /order of other items/.test(entry.reason))).toHaveLength(2)
    expect(plan.warnings.some((warning) => warning.code === 'duplicate-number')).toBe(false)
  })
})

describe('rows that are not work', () => {
  it("an item with no size of its own takes the sum of its sub-items' estimates, marked derived", () => {
    const plan = read(
      '# Schedule\n\n1. Development (Aug 21)\n   - Customer signup (3h)\n   - Sales ledger (5h)\n2. Testing (Aug 22)\n   - Unit tests (3h)\n',
    )
    expect(plan.tasks.map((task) => [task.estimateHours, task.estimateDerived])).toEqual([
      [8, true],
      [3, true],
    ])
  })

  it('a work-breakdown parent row without its own estimate groups the estimated rows under it', () => {
    const plan = read(
      '# WBS\n\n| WBS | Task | Hours |\n|---|---|---|\n| 3 | Design | - |\n| 3.1 | Theme | 3 |\n| 3.2 | Feature list | 6 |\n| 4 | Build | 10 |\n| 4.1 | Login form | |\n',
    )
    expect(titles(plan)).toEqual(['Theme', 'Feature list', 'Build'])
    expect(hours(plan)).toBe(19)
    expect(plan.tasks.find((task) => task.title === 'Build')?.subtasks.map((subtask) => subtask.text)).toEqual([
      expect.stringContaining('Login form'),
    ])
  })

  it('a Phase column groups the rows into phases, in the order they first appear', () => {
    const plan = read(
      '# Launch\n\n| Phase | Task | Due |\n|---|---|---|\n| 1) Research | Interviews | 2025-10-17 |\n| 2) Build | Landing page | 2025-10-24 |\n| 1) Research | Survey | 2025-10-17 |\n',
    )
    expect(plan.phases.map((phase) => phase.title)).toEqual(['1) Research', '2) Build'])
    expect(plan.tasks.map((task) => [task.title, task.phase])).toEqual([
      ['Interviews', 0],
      ['Landing page', 1],
      ['Survey', 0],
    ])
  })

  it('a total row sums the rows above it: not an item, not counted twice', () => {
    const plan = read(
      '# Plan\n\n| Task | Hours |\n|---|---|\n| Wireframes | 12 |\n| Prototype | 12 |\n| **Phase total** | **24** |\n',
    )
    expect(titles(plan)).toEqual(['Wireframes', 'Prototype'])
    expect(hours(plan)).toBe(24)
    expect(plan.skipped.find((entry) => entry.text === 'Phase total')?.reason).toBe('a total, not work')
  })

  it('a calendar table of weeks with notes holds no work; the week sections do', () => {
    const plan = read(
      '# Plan\n\nWeek | Dates | Notes\n---- | ----- | -----\nWeek 1 | 02-27 to 03-05 |\nWeek 2 | 03-06 to 03-12 | 50% vacation.\nWeek 3 | 03-13 to 03-19 | 03-15 is demo day\n\n## Week 1\n- Parser (1 day)\n\n## Week 2\n- Docs (1 day)\n',
    )
    expect(titles(plan)).toEqual(['Parser', 'Docs'])
  })
})

describe('honest confidence', () => {
  it('doubts a reading whose only estimates are minutes, or whose items repeat across sections', () => {
    const minutes = read(
      '# Plan\n\n## Monday\n\n| Activity | Owner | Duration |\n|---|---|---|\n| Smoke test | Ana | 10 min |\n| Warm caches | Bo | 5 min |\n| Flip DNS | Ana | 15 min |\n',
    )
    expect(minutes.interpretation?.reasons.join(' ')).toContain('under an hour')
    const repeated = read(
      '# Plan\n\n## Week 1\n- [ ] Add metrics (2h)\n- [ ] Add tracing (3h)\n- [ ] Add alerts (1h)\n\n## Week 2\n- [ ] Add metrics (2h)\n- [ ] Add tracing (3h)\n- [ ] Write runbook (2h)\n',
    )
    expect(repeated.interpretation?.reasons.join(' ')).toContain('more than one section')
    expect(repeated.interpretation?.confidence).not.toBe('high')
  })

  it('says so when a numeric column may hold the estimates the reader did not read', () => {
    const plan = read(
      '# Plan\n\n| Step | Cost |\n|---|---|\n| Build the parser | 4 |\n| Write the docs | 2 |\n| Ship it | 1 |\n',
    )
    expect(hours(plan)).toBe(0)
    expect(plan.interpretation?.confidence).not.toBe('high')
    expect(plan.interpretation?.reasons.join(' ')).toContain('"Cost"')
  })

  it('says so when the estimated work sits in code blocks, which are never read as items', () => {
    const week = (n: number, lines: string) => `### Week ${n}\n\n\`\`\`\n${lines}\n\`\`\`\n\n`
    const plan = read(
      `# Roadmap\n\n## Phase 1 (Weeks 1-2)\n\n${week(1, 'ST-1 (6h) - Login form\nST-2 (8h) - Session store')}${week(2, 'ST-3 (10h) - Profile page')}`,
    )
    expect(plan.interpretation?.confidence).toBe('low')
    expect(plan.interpretation?.reasons.join(' ')).toMatch(/3 lines inside code blocks read like estimated work/)
    // code examples in a plan whose work is outside them change nothing
    const examples = read(
      '# Plan\n\n## Week 1\n- [ ] Add retries (3h)\n- [ ] Add a timeout (2h)\n- [ ] Log failures (1h)\n\n```js\nretry(fn, { times: 3 })\n```\n',
    )
    expect(examples.interpretation?.reasons.join(' ')).not.toMatch(/code blocks/)
  })
})

describe('a week named in a task title', () => {
  it('schedules the task only as a label (start, after a separator, in brackets), never from its prose', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n- [ ] Review results of week 3 pilot (4h)\n- [ ] Ship the parser (week 2)\n- [ ] Add pydantic · wk 2\n- [ ] Week 2: write docs\n',
    )
    expect(plan.tasks.map((task) => [task.title, task.weekStart])).toEqual([
      ['Review results of week 3 pilot', 1],
      ['Ship the parser', 2],
      ['Add pydantic', 2],
      [expect.stringMatching(/write docs/), 2],
    ])
    expect(plan.weeks).toBe(2)
  })

  it('a Week column schedules its row even when the title mentions another week', () => {
    const plan = read(
      '# Plan\n\n| Week | Task | Hours |\n|---|---|---|\n| 3 | Review the results of week 2 | 4 |\n| 1 | Build | 2 |\n',
    )
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([3, 1])
  })

  it('leaves a backlog row unscheduled when its story merely mentions a sprint', () => {
    const plan = read(
      '# Backlog\n\n| ID | Story | Effort |\n|---|---|---|\n| 001 | Set up the repo | 1h |\n| 002 | Draw the burndown chart for sprint 1 | 3h |\n',
    )
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([null, null])
  })
})

describe('blank cells in a grouping column (survey 3, C1)', () => {
  it('a blank Phase cell continues the phase above it, as a spreadsheet writes merged cells', () => {
    const plan = read(
      '# Plan\n\n| Phase | Task | Week |\n|---|---|---|\n| Design | Draw wireframes | 1 |\n| | Review wireframes | 2 |\n| Build | Write API | 3 |\n| | Write UI | 4 |\n',
    )
    expect(plan.phases.map((phase) => [phase.title, phase.weekStart, phase.weekEnd])).toEqual([
      ['Design', 1, 2],
      ['Build', 3, 4],
    ])
    expect(plan.tasks.map((task) => task.phase)).toEqual([0, 0, 1, 1])
  })

  it('a first column written merged-cell style (a value, then blanks) groups the rows whatever its header', () => {
    const plan = read(
      '# Plan\n\n| Bloque | Actividad | Semana |\n|---|---|---|\n| Diseño | Dibujar wireframes | 1 |\n| | Revisar wireframes | 2 |\n| Construcción | Escribir API | 3 |\n| | Escribir UI | 4 |\n',
    )
    expect(plan.phases.map((phase) => phase.title)).toEqual(['Diseño', 'Construcción'])
    expect(plan.tasks.map((task) => task.phase)).toEqual([0, 0, 1, 1])
  })

  it('an Epic column beside the story column groups the stories, its blanks continuing the epic above', () => {
    const plan = read(
      '# Backlog\n\n| Epic | Story | Points |\n|---|---|---|\n| Auth | Login form | 3 |\n| | Password reset | 5 |\n| Billing | Invoices | 8 |\n',
    )
    expect(titles(plan)).toEqual(['Login form', 'Password reset', 'Invoices'])
    expect(plan.phases.map((phase) => phase.title)).toEqual(['Auth', 'Billing'])
    expect(plan.tasks.map((task) => task.phase)).toEqual([0, 0, 1])
  })
})

describe('work-breakdown child numbers written in the title cell (survey 3, C2)', () => {
  it('a blank ID cell takes the dotted number its title starts with, so parent and children count once', () => {
    const plan = read(
      '# WBS\n\n| ID | Task Name | Duration |\n|---|---|---|\n| 1. | Design | 1 week |\n| | 1.1 Sketch | 3 days |\n| | 1.2 Review | 3 days |\n| 2. | Build | 4 days |\n| | 2.1 Code | 4 days |\n',
    )
    expect(titles(plan)).toEqual(['Design', 'Build'])
    expect(hours(plan)).toBe(72)
    // Design states 1 week (40 h), its rows 3 + 3 days (48 h); Build's 4 days match its one row
    const mismatches = plan.warnings.filter((warning) => warning.code === 'parent-estimate-mismatch')
    expect(mismatches.map((warning) => [warning.line, warning.taskKey])).toEqual([[5, plan.tasks[0].key]])
  })

  it('and a parent without an estimate groups its numbered children as the items', () => {
    const plan = read(
      '# WBS\n\n| ID | Task Name | Duration |\n|---|---|---|\n| 1. | Design | |\n| | 1.1 Sketch | 3 days |\n| | 1.2 Review | 2 days |\n',
    )
    expect(titles(plan)).toEqual(['Sketch', 'Review'])
    expect(hours(plan)).toBe(40)
  })
})

describe('rows that are not items (survey 3, A3 and A4)', () => {
  it('a row whose title is empty once its markup is removed is a score or legend row', () => {
    const plan = read(
      '# OKRs\n\n| Key result | Priority | Owner | Score |\n|---|---|---|---|\n| **** | P0-P4 | | **0.2** |\n| Publish a release policy | P0 | alan | 0.5 |\n| Automate nightly tests | P1 | steven | 0.1 |\n',
    )
    expect(titles(plan)).toEqual(['Publish a release policy', 'Automate nightly tests'])
  })

  it('a table keyed by severity levels (P1, P2…) defines a scale: no items, no task IDs', () => {
    const plan = read(
      '# Plan\n\n## Launch\n\n| Task | Owner |\n|---|---|\n| Cut the release | Ana |\n\n## Incident Response\n\n| Severity | Description | Response Time |\n|---|---|---|\n| P1 | Service down | 15 min |\n| P2 | Degraded service | 30 min |\n| P3 | Minor issue | 1 day |\n',
    )
    expect(titles(plan)).toEqual(['Cut the release'])
  })

  it('but a Priority column of a task table stays an attribute of real work', () => {
    const plan = read(
      '# Plan\n\n| Priority | Task | Owner |\n|---|---|---|\n| P1 | Cut the release | Ana |\n| P2 | Write notes | Bo |\n',
    )
    expect(titles(plan)).toEqual(['Cut the release', 'Write notes'])
  })

  it('a slot that names only a break (Lunch, Lunch break, Coffee break, Pause) is time off; "Break the monolith" is work', () => {
    const plan = read(
      '# Day 1\n\n| Time | Activity | Owner |\n|---|---|---|\n| 09:00-10:00 | Team standup | Lead |\n| 10:00-10:15 | Coffee break | - |\n| 10:15-12:00 | Break the monolith | Dev |\n| 12:00-13:00 | Lunch break | - |\n| 13:00-13:30 | Lunch | - |\n| 15:00-15:15 | Pause | - |\n| 15:15-17:00 | Load testing | DevOps |\n',
    )
    expect(titles(plan)).toEqual(['Team standup', 'Break the monolith', 'Load testing'])
  })
})

describe('a parameter table beside the work table (survey 3, A3c)', () => {
  it('a table with no owner, status or ID column and no task header, beside one that has them, is supporting detail', () => {
    const plan = read(
      '# Week Plan\n\n## Monday\n\n| Time | Activity | Owner | Status |\n|---|---|---|---|\n| 09:00-10:00 | Team standup | Lead | ⬜ |\n| 13:00-15:00 | Load testing | DevOps | ⬜ |\n\n**Load Test Scenarios:**\n\n| Scenario | Target | Duration |\n|---|---|---|\n| Normal load | 100 req/s | 10 min |\n| Peak load | 500 req/s | 5 min |\n',
    )
    expect(titles(plan)).toEqual(['Team standup', 'Load testing'])
    expect(hours(plan)).toBe(0)
  })

  it('but a second table of tasks (a task header, an estimate) stays work', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n\n| Task | Owner | Estimate |\n|---|---|---|\n| Cut the release | Ana | 4h |\n\n| Task | Estimate |\n|---|---|\n| Write notes | 2h |\n',
    )
    expect(titles(plan)).toEqual(['Cut the release', 'Write notes'])
  })
})

describe('column roles from what the cells hold (survey 3, D)', () => {
  it('a Vietnamese task table: the task column beats an English Deliverables column, ✅ claims done', () => {
    const plan = read(
      '# Kế hoạch\n\n| Ngày | Công việc | Người phụ trách | Deliverables | Trạng thái |\n|---|---|---|---|---|\n| 02/03/2026 | Thiết lập môi trường phát triển | DevOps | Dev env | ✅ |\n| 09/03/2026 | Xây dựng API xác thực | Backend Lead | Auth API | ⏳ |\n',
    )
    expect(titles(plan)).toEqual(['Thiết lập môi trường phát triển', 'Xây dựng API xác thực'])
    expect(plan.tasks.map((task) => [task.owner, task.claimedDone])).toEqual([
      ['DevOps', true],
      ['Backend Lead', false],
    ])
  })

  it('in a language the reader has no words for, a column of status marks is the status and the leftmost text column the title', () => {
    const plan = read(
      '# Plan\n\n| Päivä | Tehtävä | Tuotos | Tila |\n|---|---|---|---|\n| 02/03/2026 | Kehitysympäristön pystytys | Dev env | ✅ Valmis |\n| 09/03/2026 | Tunnistautumisrajapinta | Auth API | ⏳ Käynnissä |\n',
    )
    expect(titles(plan)).toEqual(['Kehitysympäristön pystytys', 'Tunnistautumisrajapinta'])
    expect(plan.tasks.map((task) => task.claimedDone)).toEqual([true, false])
  })

  it('a task column headed in Polish or Russian, with an owner and a status column', () => {
    const polish = read(
      '# Plan\n\n| Nr | Zadanie | Odpowiedzialny | Status |\n|---|---|---|---|\n| 1 | Analiza wymagań | Ania | zrobione |\n| 2 | Konfiguracja serwera | Bartek | |\n',
    )
    expect(polish.tasks.map((task) => [task.title, task.owner])).toEqual([
      ['Analiza wymagań', 'Ania'],
      ['Konfiguracja serwera', 'Bartek'],
    ])
    const russian = read(
      '# План\n\n| Описание | Задача | Ответственный | Статус |\n|---|---|---|---|\n| Первый шаг | Согласовать ТЗ | Иван | ✅ Завершено |\n| Второй шаг | Подготовить MVP | Олег | 🔸 В работе |\n',
    )
    expect(russian.tasks.map((task) => [task.title, task.owner, task.claimedDone])).toEqual([
      ['Согласовать ТЗ', 'Иван', true],
      ['Подготовить MVP', 'Олег', false],
    ])
  })
})

describe('a load grid of periods (survey 3, F1)', () => {
  it('rows are workstreams spanning the weeks they fill; their effort is the sum of their cells', () => {
    const plan = read(
      '# Charge\n\n| Workstream | Week 1 | Week 2 | Week 3 |\n|---|---|---|---|\n| Design | 30 | 15 | - |\n| Build | - | 31 | 46 |\n',
    )
    expect(plan.tasks.map((task) => [task.title, task.estimateHours, task.weekStart, task.weekEnd])).toEqual([
      ['Design', 45, 1, 2],
      ['Build', 77, 2, 3],
    ])
    expect(hours(plan)).toBe(122)
  })

  it('a month grid with "x" for none, whatever the first header says', () => {
    const plan = read(
      '# Plan de charge\n\n| Plan de charge | M1 | M2 | M3 | M4 |\n|---|---|---|---|---|\n| Conception | 300 | 150 | x | x |\n| Réalisation | x | 310 | 460 | 455 |\n',
    )
    expect(plan.tasks.map((task) => [task.title, task.estimateHours])).toEqual([
      ['Conception', 450],
      ['Réalisation', 1225],
    ])
    expect(plan.tasks[1].weekStart).toBeLessThan(plan.tasks[1].weekEnd ?? 0)
  })

  it('marks instead of numbers schedule the rows without effort', () => {
    const plan = read(
      '# Plan\n\n| Workstream | W1 | W2 | W3 |\n|---|---|---|---|\n| Design | ■ | ■ | |\n| Build | | | ■ |\n',
    )
    expect(plan.tasks.map((task) => [task.title, task.estimateHours, task.weekStart, task.weekEnd])).toEqual([
      ['Design', null, 1, 2],
      ['Build', null, 3, 3],
    ])
  })
})

describe('survey 3: an open-ended phase "(Weeks 9+)"', () => {
  it('runs from its first week to the last week its items name, and is work, not backlog', () => {
    const plan = read(
      '# Roadmap\n\n## Phase 1: Build (Weeks 1-3)\n- **Week 1:** Write the importer\n\n## Phase 2: Rollout (Weeks 4+)\n- **Week 4:** Deploy to staging\n- **Week 5:** Deploy to production\n- **Week 6+:** Watch the dashboards\n\n## Later (Weeks 7+)\n- Offline mode\n',
    )
    expect(titles(plan)).toEqual([
      'Week 1: Write the importer',
      'Week 4: Deploy to staging',
      'Week 5: Deploy to production',
      'Watch the dashboards',
    ])
    expect(plan.phases.map((phase) => [phase.weekStart, phase.weekEnd])).toEqual([
      [1, 3],
      [4, 6],
    ])
    expect(plan.weeks).toBe(6)
  })
  it('stays after the plan when none of its items names a week (ongoing work)', () => {
    const plan = read(
      '# Roadmap\n\n## Phase 1: Build (Weeks 1-2)\n- Write the importer\n\n## Afterwards (Week 3+)\n- Watch the dashboards\n- Gather feedback\n',
    )
    expect(titles(plan)).toEqual(['Write the importer'])
    expect(plan.backlog.flatMap((group) => group.items.map((item) => item.text))).toEqual([
      'Watch the dashboards',
      'Gather feedback',
    ])
  })
})

describe('survey 3: countdown labels before and after a launch', () => {
  it('places T-24h, T-0 and T+24h around the stated go-live day', () => {
    const plan = read(
      '# Cutover Runbook\n\n**Cutover date:** 2026-05-14\n\n## Steps\n\n### T-24h\n- Freeze merges\n- Snapshot the database\n\n### T-0\n1. Switch DNS\n\n### T+24h\n- Review error budgets\n',
    )
    expect(titles(plan)).toEqual(['Freeze merges', 'Snapshot the database', 'Switch DNS', 'Review error budgets'])
    expect(plan.tasks.map((task) => [task.weekStart, task.weekEnd])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ])
    expect(plan.date).toBe('2026-05-11')
  })

  it('counts "T-7 Days" and "D-3:" as days before launch, never as item IDs', () => {
    const plan = read(
      '# Launch\n\nLaunch: 2026-05-14\n\n## D-14: Content\n- Write the release notes\n\n## T-7 Days\n- Brief support\n\n## Launch Day\n- Flip the flag\n',
    )
    expect(plan.tasks.map((task) => [task.title, task.weekStart])).toEqual([
      ['Write the release notes', 1],
      ['Brief support', 2],
      ['Flip the flag', 3],
    ])
  })

  it('a heading made of a countdown label and a date is a time slot: its bullets are the items', () => {
    const plan = read(
      '# Go-Live\n\n## Workstreams\n\n### Platform\n\n**Deadline:** 2026-06-01\n\n- Provision the cluster\n\n### Access\n\n**Deadline:** 2026-06-02\n\n- Rotate the keys\n\n## Timeline\n\n### T-24h: Tuesday, 2 June 2026\n- Verify backups\n- Dry-run the rollback\n\n### T-0: Wednesday, 3 June 2026\n- Deploy the release\n',
    )
    expect(titles(plan)).toEqual([
      'Provision the cluster',
      'Rotate the keys',
      'Verify backups',
      'Dry-run the rollback',
      'Deploy the release',
    ])
    expect(plan.tasks.every((task) => task.key.split('/').length === 2)).toBe(true)
  })
})

describe('survey 3: year-less day/month cells and a weekend start', () => {
  it('reads "dd/mm" and "dd-dd/mm" cells in the year the plan states, from the Monday after a Sunday start', () => {
    const plan = read(
      '# Rollout\n\nPeriod: 05/04/2026 - 30/06/2026\n\n| When | Task |\n|---|---|\n| 06/04 | Order the hardware |\n| 13-15/04 | Install the racks |\n| 20/04 - 24/04 | Burn-in tests |\n',
    )
    expect(plan.date).toBe('2026-04-06')
    expect(plan.tasks.map((task) => [task.title, task.weekStart, task.weekEnd])).toEqual([
      ['Order the hardware', 1, 1],
      ['Install the racks', 2, 2],
      ['Burn-in tests', 3, 3],
    ])
  })

  it('leaves a column alone when one of its cells is not a day and month ("24/7", "0/2")', () => {
    const plan = read(
      '# Ops\n\nStart: 2026-04-06\n\n| Task | Coverage |\n|---|---|\n| Staff the help desk | 24/7 |\n| Rotate on-call | 0/2 |\n',
    )
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([null, null])
  })

  it("keeps a document's own date on a weekend as week 1's anchor (only a stated start moves)", () => {
    const plan = read('# Plan\n\nCreated: 2026-04-05\n\n## Tasks\n- Kick off (Due: 2026-04-06)\n')
    expect(plan.date).toBe('2026-04-05')
    expect(plan.tasks[0].weekStart).toBe(2)
  })

  it('keeps a weekday start as week 1', () => {
    const plan = read('# Plan\n\nStart: 2026-04-08\n\n## Week 1\n- Kick off\n')
    expect(plan.date).toBe('2026-04-08')
  })
})

describe("survey 3: an item's own field lines schedule it", () => {
  it('a "Due:" sub-bullet directly under a list item dates that item', () => {
    const plan = read(
      '# Plan\n\n## Stage 1: Groundwork\n\n- **Sign the contract**\n  - Owner: Legal\n  - Due: 2026-02-02\n- **Order the servers**\n  - Deadline: 2026-02-16\n  - Notes\n    - Due: 2026-03-30\n',
    )
    expect(plan.date).toBe('2026-02-02')
    expect(plan.tasks.map((task) => [task.title, task.weekStart])).toEqual([
      ['Sign the contract', 1],
      ['Order the servers', 3],
    ])
  })

  it('a "**Sprint:** N" line under a story heading takes the weeks the plan gives that sprint', () => {
    const plan = read(
      '# Backlog\n\n## Epic: Accounts\n\n### Story A1: Sign-up form\n**Story Points:** 3\n**Sprint:** 1\n\n### Story A2: Password reset\n**Story Points:** 5\n**Sprint:** 2\n\n## Sprints\n\n### Sprint 1 (Weeks 1-3)\nKick-off and sign-up.\n\n### Sprint 2 (Weeks 4-6)\nRecovery flows.\n',
    )
    const story = (id: string) => plan.tasks.find((task) => task.key === id)
    expect([story('A1')?.weekStart, story('A1')?.weekEnd]).toEqual([1, 3])
    expect([story('A2')?.weekStart, story('A2')?.weekEnd]).toEqual([4, 6])
  })

  it('a "Due: Day N" field under a later sprint counts from that sprint', () => {
    const plan = read(
      '# Sprints\n\n## Sprint 1 (Weeks 1-2)\n- [ ] Set up CI\n  - Due: Day 3\n\n## Sprint 2 (Weeks 3-4)\n- [ ] Build the API\n  - Due: Day 2\n',
    )
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([1, 3])
  })
})

describe('survey 3: field lines and dates in other languages', () => {
  it('reads Russian status and deadline sub-bullets, numeric day ranges included', () => {
    const plan = read(
      '# План\n\n## Этап 1\n\n- **Собрать требования**\n  - Статус: ✅ Завершено\n  - Срок: 02–06.03.2026\n- **Запустить пилот**\n  - Статус: 🔄 В работе\n  - Срок: 09.03–20.03.2026\n',
    )
    expect(plan.tasks.map((task) => [task.claimedDone, task.weekStart, task.weekEnd])).toEqual([
      [true, 1, 1],
      [false, 2, 3],
    ])
  })

  it('a field line of any label whose value is only a date, or only a done mark, is the due date or status', () => {
    const plan = read(
      '# Plan\n\n## Stage 1\n\n- **Draft the runbook**\n  - Stan: ✅ gotowe\n  - Hạn: 2026-03-02\n- **Train the team**\n  - Backend: ✅\n  - Frontend: ⏳\n  - Zieldatum: 2026-03-09\n- **Reuse the parser**\n  - Depends: ✅ reuse `parser.ts`\n',
    )
    expect(plan.tasks.map((task) => [task.claimedDone, task.weekStart])).toEqual([
      [true, 1],
      [false, 2],
      [false, null],
    ])
  })
})

describe('survey 3: durations, week words and month names in more languages', () => {
  it('reads a Polish duration column ("Czas trwania") in tygodnie and dni', () => {
    const plan = read(
      '# Harmonogram\n\n| Nr | Zadanie | Termin | Czas trwania |\n|---|---|---|---|\n| 1. | Projekt bazy | 05.01.2026 | 2 tygodnie |\n| 2. | Testy | 19.01.2026 | 4 dni |\n',
    )
    expect(plan.tasks.map((task) => task.estimateHours)).toEqual([80, 32])
  })

  it('reads Russian and Vietnamese units in brackets, and their week names', () => {
    const plan = read(
      '# План\n\n## Неделя 1\n- [ ] Настроить CI (3 дня)\n- [ ] Написать тесты (6 часов)\n\n## Tuần 2\n- [ ] Viết tài liệu (1 tuần)\n- [ ] Kiểm thử (4 giờ)\n',
    )
    expect(plan.tasks.map((task) => [task.estimateHours, task.weekStart])).toEqual([
      [24, 1],
      [6, 1],
      [40, 2],
      [4, 2],
    ])
  })

  it('reads German long dates with month names ("Mittwoch, 4. März 2026")', () => {
    const plan = read(
      '# Plan\n\n## Montag, 2. März 2026\n- Server bestellen\n\n## Dienstag, 10. März 2026\n- Server einbauen\n\n## Freitag, 1. Mai 2026\n- Abnahme\n',
    )
    expect(plan.tasks.map((task) => task.weekStart)).toEqual([1, 2, 9])
  })
})

describe('survey 3: a bracket with a span and an hours figure', () => {
  it('takes the hours as the effort: "(3 weeks, 45 hours)" is 45 h; "(4h, 1h review)" stays 4 h', () => {
    const plan = read(
      '# Plan\n\n## Week 1\n- [ ] Migrate the billing jobs (3 weeks, 45 hours)\n- [ ] Rotate secrets (4h, 1h review)\n- [ ] Write the handbook (2 days)\n',
    )
    expect(plan.tasks.map((task) => task.estimateHours)).toEqual([45, 4, 16])
  })
})

describe('survey 4: tables strict markdown drops', () => {
  it('reads a table whose delimiter row has fewer cells than its header', () => {
    const plan = read(
      '# Hardening\n\n## Month 1 Tasks\n\n| ID | Task | Owner | Status | Target | Notes |\n|----|------|-------|--------|--------|\n| H-1 | Rotate the signing keys | Ops | Not started | | |\n| H-2 | Enable audit logging | Sec | Not started | | |\n',
    )
    expect(titles(plan)).toEqual(['Rotate the signing keys', 'Enable audit logging'])
    expect(plan.tasks.map((task) => task.key)).toEqual(['H-1', 'H-2'])
  })

  it('reads a table wrapped in a block HTML tag with no blank line before it', () => {
    const plan = read(
      '# Schedule\n\n<div align="center">\n| Sprint | Deliverable | Owner |\n|---|---|---|\n| 1 | Draft the charter | All |\n| 2 | Review the risks | Leads |\n</div>\n',
    )
    expect(titles(plan)).toEqual(['Draft the charter', 'Review the risks'])
    expect(plan.tasks[0].line).toBe(6)
  })

  it('leaves a ragged table inside fenced code as written, line for line', () => {
    const fenced = '# Plan\n\n```\n<div>\n| a | b | c |\n|---|---|\n```\n'
    expect(repairPipeTables(fenced)).toBe(fenced)
    expect(repairPipeTables('<div>\n| a | b | c |\n|---|---|\n').split('\n')).toEqual([
      '',
      '| a | b | c |',
      '| --- | --- | --- |',
      '',
    ])
  })
})

describe('survey 4: short letter codes', () => {
  it('a short letter code with a colon is the ID of a table item ("QW1: Rotate keys")', () => {
    const plan = read(
      '# Plan\n\n## Quick wins\n\n| Quick win | Status | Owner |\n|---|---|---|\n| **QW1: Rotate keys** | Not started | Ops |\n| **QW2: Enable MFA** | Not started | Sec |\n\n## Month 1\n\n| ID | Task | Owner |\n|---|---|---|\n| M1-T1 | Appoint a security lead | Exec |\n',
    )
    expect(plan.tasks.map((task) => `${task.key} ${task.title}`)).toEqual([
      'QW1 Rotate keys',
      'QW2 Enable MFA',
      'M1-T1 Appoint a security lead',
    ])
  })
})

describe('survey 4: done claims', () => {
  it('a status in brackets after a heading claims done in any case: "(Completed)", "(Erledigt)"', () => {
    const plan = read(
      '# Cutover\n\n## 4.1 Freeze the source system (Completed)\n\n- Announce the freeze\n\n## 4.2 Load the final delta (Erledigt)\n\n- Run the loader\n\n## 4.3 Sign off (Not completed)\n\n- Collect signatures\n',
    )
    expect(plan.tasks.map((task) => `${task.title}:${task.claimedDone}`)).toEqual([
      'Freeze the source system:true',
      'Load the final delta:true',
      'Sign off (Not completed):false',
    ])
  })
})

describe('survey 4: phase names in more languages', () => {
  it('reads "阶段1", "Fase 2" and "Этап 3" headings as the phases of their tasks, not the list heading above them', () => {
    const plan = read(
      '# 计划\n\n## 任务清单\n\n### 阶段1: 基础设施\n\n#### Task 1.1: 创建辅助类\n- [x] 写代码\n\n### Fase 2: Integração\n\n#### Task 2.1: Conectar API\n- [ ] Código\n\n### Этап 3: Запуск\n\n#### Task 3.1: Выпуск\n- [ ] Код\n',
    )
    expect(plan.phases.map((phase) => phase.title)).toEqual(['阶段1: 基础设施', 'Fase 2: Integração', 'Этап 3: Запуск'])
    expect(plan.tasks.map((task) => task.phase)).toEqual([0, 1, 2])
  })
})

describe("survey 4: a record of the document's own edits", () => {
  it('a change-log section ("变更记录", "Änderungshistorie", "Revision history") holds history, not work', () => {
    const plan = read(
      '# 计划\n\n## 阶段1: 准备\n\n- [ ] 创建辅助类\n- [ ] 更新文档\n\n## 变更记录\n\n| 日期 | 变更 |\n|---|---|\n| 2025-12-11 | 初始创建工作计划文档 |\n| 2025-12-12 | 修正任务状态 |\n\n## Änderungshistorie\n\n- 2025-12-13: Tabelle ergänzt\n',
    )
    expect(titles(plan)).toEqual(['创建辅助类', '更新文档'])
  })
})

describe('item keys of countdown sections', () => {
  it('keep the sign of an offset: the items of "T-24h" and "T+24h" get different keys', () => {
    const plan = read(
      [
        '# Cutover',
        '',
        '## T-24h',
        '- [ ] Freeze deploys',
        '- [ ] Review error budget',
        '',
        '## T+24h',
        '- [ ] Review error budget',
        '- [ ] Remove the old cluster',
        '',
      ].join('\n'),
    )
    const keys = plan.tasks.map((task) => task.key)
    expect(keys).toHaveLength(4)
    expect(new Set(keys).size).toBe(4)
    const prefixes = new Set(keys.map((key) => key.split('/')[0]))
    expect(prefixes.size).toBe(2)
    // the same title in both sections: each keeps its own section's prefix, no "~2" suffix needed
    expect(keys.filter((key) => key.endsWith('/review-error-budget'))).toHaveLength(2)
  })
})

describe("a recap of the plan's own groups", () => {
  const plan = (recapRows: string[], recapHeading = '## Where the groups stand'): string =>
    [
      '# Widget shop',
      '',
      '## Phase 1: Foundation',
      '',
      '### 1.1 Login screen',
      '- [ ] **1.1.1** Build the sign-in form (3h)',
      '- [ ] **1.1.2** Validate inputs (2h)',
      '',
      '### 1.2 Data export',
      '- [ ] **1.2.1** Write the CSV encoder (4h)',
      '- [ ] **1.2.2** Add a download button (1h)',
      '',
      recapHeading,
      '',
      '| Group | Effort | State |',
      '|---|---|---|',
      ...recapRows,
      '',
      '## Phase 2: Reports',
      '',
      '### 2.1 Charts',
      '- [ ] **2.1.1** Pick a chart library (2h)',
      '- [ ] **2.1.2** Draw the monthly chart (6h)',
      '',
    ].join('\n')

  it('restates their subtotals (rows named by ID and title): not items, hours not added again', () => {
    const read1 = read(plan(['| 1.1 Login screen | 5h | open |', '| 1.2 Data export | 5h | open |']))
    expect(titles(read1)).not.toContain('Login screen')
    expect(read1.tasks).toHaveLength(6)
    expect(hours(read1)).toBe(18)
    expect(read1.skipped.filter((entry) => /restates one of the plan's own groups/.test(entry.reason))).toHaveLength(2)
  })

  it('also when the grouped items state their estimates on a labelled line under them', () => {
    const labelled = read(
      plan(['| 1.1 Login screen | 5h | open |', '| 1.2 Data export | 5h | open |'])
        .replace('Build the sign-in form (3h)', 'Build the sign-in form\n  - **Effort**: 3h')
        .replace('Validate inputs (2h)', 'Validate inputs\n  - **Effort**: 2h')
        .replace('Write the CSV encoder (4h)', 'Write the CSV encoder\n  - **Effort**: 4h')
        .replace('Add a download button (1h)', 'Add a download button\n  - **Effort**: 1h'),
    )
    expect(labelled.tasks).toHaveLength(6)
    expect(hours(labelled)).toBe(18)
  })

  it('naming the phases by their label ("Phase 2") is a recap too', () => {
    const read2 = read(plan(['| Phase 1 | 10h | open |', '| Phase 2 | 8h | open |'], '## Totals by stage'))
    expect(read2.tasks).toHaveLength(6)
    expect(hours(read2)).toBe(18)
  })

  it('but a table whose rows are new work, or name one group twice, stays work', () => {
    const fresh = read(plan(['| 1.1 Login screen | 5h | open |', '| Publish the release notes | 2h | open |']))
    expect(titles(fresh)).toContain('Publish the release notes')
    const twice = read(plan(['| Login screen polish | 1h | open |', '| Login screen copy edits | 1h | open |']))
    expect(twice.tasks).toHaveLength(8)
  })

  it('nor when its rows carry the only estimates (the groups they name list unestimated steps)', () => {
    const steps = read(
      [
        '# Widget shop',
        '',
        '## Where the groups stand',
        '',
        '| ID | Group | Effort |',
        '|---|---|---|',
        '| 1.1 | Login screen | 5h |',
        '| 1.2 | Data export | 4h |',
        '',
        '## Details',
        '',
        '### 1.1 Login screen',
        '- [ ] **1.1.1** Build the sign-in form',
        '- [ ] **1.1.2** Validate inputs',
        '',
        '### 1.2 Data export',
        '- [ ] **1.2.1** Write the CSV encoder',
        '- [ ] **1.2.2** Add a download button',
        '',
      ].join('\n'),
    )
    expect(hours(steps)).toBe(9)
    expect(titles(steps)).toContain('Login screen')
  })
})
