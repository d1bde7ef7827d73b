import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { parseAbsoluteDates } from '../../src/main/plan/dates'
import type { ParsedPlan } from '../../src/shared/plan-model'

/** Generated plans only: the time grammar's rules from survey 4 (positions and dates the reader did not read). */
function parse(text: string): ParsedPlan {
  const outcome = parsePlanBytes(Buffer.from(text, 'utf8'))
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.plan
}

const task = (plan: ParsedPlan, title: string) => {
  const found = plan.tasks.find((candidate) => candidate.title === title)
  if (!found) throw new Error(`no task "${title}" in ${plan.tasks.map((t) => t.title).join(', ')}`)
  return found
}

describe('survey 4: Day 0 opens a Day-N sequence', () => {
  const plan = parse(
    [
      '# Feature flag ramp',
      '',
      '## Ramp checklist',
      '',
      '### Day 0',
      '- [ ] Ship the flag dark',
      '- [ ] Page the on-call',
      '',
      '### Day 1',
      '- [ ] Open to staff',
      '',
      '### Day 3',
      '- [ ] Open to half the users',
      '',
      '### Day 5+',
      '- [ ] Open to everyone',
      '',
    ].join('\n'),
  )

  it('Day 0 is the first day, and the days after it keep their order', () => {
    const days = [
      'Ship the flag dark',
      'Page the on-call',
      'Open to staff',
      'Open to half the users',
      'Open to everyone',
    ]
      .map((title) => task(plan, title))
      .map((item) => [item.dayStart, item.weekStart])
    expect(days).toEqual([
      [1, 1],
      [1, 1],
      [2, 1],
      [4, 1],
      [6, 2],
    ])
    expect(plan.warnings.filter((warning) => warning.code === 'missing-schedule')).toEqual([])
  })

  it('"day 0" in prose does not move a plan that counts from Day 1', () => {
    const counted = parse(
      '# Ramp\n\nWe call the launch itself day 0.\n\n## Day 1\n- [ ] Open to staff\n\n## Day 2\n- [ ] Open to all\n',
    )
    expect(task(counted, 'Open to staff').dayStart).toBe(1)
    expect(task(counted, 'Open to all').dayStart).toBe(2)
  })
})

describe('survey 4: year-less dotted day ranges ("01.06 ~ 01.09")', () => {
  const table = (rows: string[][], header = ['작업', '기간', '담당']) =>
    [
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n')

  it('a Korean plan that states its year reads month-first tilde ranges as its schedule', () => {
    const plan = parse(
      `# 출시 일정\n\n작성일: 2027-03-01\n\n## 작업 목록\n${table([
        ['로그인 화면 구현', '03.02 ~ 03.05', '민수'],
        ['결제 모듈 연동', '03.08 ~ 03.12', '지현'],
        ['알림 서비스 배포', '03.15 ~ 03.19', '민수'],
      ])}\n`,
    )
    expect(plan.date).toBe('2027-03-01')
    expect(plan.tasks.map((item) => [item.weekStart, item.weekEnd])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ])
  })

  it('a tilde range inside a heading rolls over the new year in month order', () => {
    const plan = parse(
      '# 移行計画\n\n開始日: 2027-12-20\n\n## 12.20 ~ 12.24 準備\n- 設計レビュー\n\n## 12.27 ~ 01.07 移行\n- データ移行\n',
    )
    expect(task(plan, '設計レビュー').weekStart).toBe(1)
    expect([task(plan, 'データ移行').weekStart, task(plan, 'データ移行').weekEnd]).toEqual([2, 3])
  })

  it('version ranges stay versions: single digits with a dash, and no year stated means no date', () => {
    const versions = parse(
      `# Runtime upgrade\n\nDate: 2027-03-01\n\n## Work\n${table(
        [
          ['Move the API to the new runtime', '3.8 - 3.12', 'Ann'],
          ['Move the workers to the new runtime', '3.9 - 3.12', 'Bob'],
        ],
        ['Task', 'Versions', 'Owner'],
      )}\n`,
    )
    expect(versions.tasks.map((item) => item.weekStart)).toEqual([null, null])
    const yearless = parse(
      `# 일정\n\n## 작업\n${table([
        ['로그인 화면 구현', '03.02 ~ 03.05', '민수'],
        ['결제 모듈 연동', '03.08 ~ 03.12', '지현'],
      ])}\n`,
    )
    expect(yearless.date).toBeNull()
  })
})

describe('survey 4: a year-less January after a December of the stated year is the next January', () => {
  const plan = (start: string) =>
    parse(
      `# Billing cutover\n\nKickoff: ${start}\n\n## Dec 6-10\n- Freeze the schema\n\n## Dec 13 - 17\n- Copy the ledgers\n\n## Jan 10-14\n- Switch the traffic\n\n## 17 Jan\n- Retire the old cluster\n`,
    )

  for (const start of ['2027-11-29', '29.11.2027', '2027/11/29']) {
    it(`the plan states its year as ${start}`, () => {
      const read = plan(start)
      expect(read.date).toBe('2027-11-29')
      const weeks = ['Freeze the schema', 'Copy the ledgers', 'Switch the traffic', 'Retire the old cluster'].map(
        (title) => task(read, title).weekStart,
      )
      expect(weeks).toEqual([2, 3, 7, 8])
    })
  }
})

describe('survey 4: "week of <date>" and month names in the languages the grammar knows', () => {
  it('French weekly headings "Semaine du 13-17 décembre 2027" schedule their items, across the new year', () => {
    const plan = parse(
      [
        '# Refonte du paiement',
        '',
        '### Semaine du 13-17 décembre 2027',
        '- [ ] Écrire le schéma des factures',
        '',
        '### Semaine du 20-24 décembre 2027',
        '- [ ] Brancher le prestataire',
        '',
        '### Semaine du 27 déc - 31 décembre 2027',
        '- [ ] Tester les remboursements',
        '',
        '### Semaine du 3-7 janvier 2028',
        '- [ ] Mettre en production',
        '',
      ].join('\n'),
    )
    expect(plan.date).toBe('2027-12-13')
    const titles = [
      'Écrire le schéma des factures',
      'Brancher le prestataire',
      'Tester les remboursements',
      'Mettre en production',
    ]
    expect(titles.map((title) => task(plan, title).weekStart)).toEqual([1, 2, 3, 4])
  })

  const forms: Array<[string, string | null, string | null]> = [
    ['Semaine du 13-17 décembre 2027', '2027-12-13', '2027-12-17'],
    ['Semaine du 27 déc - 7 janvier 2028', '2027-12-27', '2028-01-07'],
    ['du 13 au 17 décembre 2027', '2027-12-13', '2027-12-17'],
    ['Semaine du 13 décembre 2027', '2027-12-13', '2027-12-13'],
    ['Woche vom 6. März 2028', '2028-03-06', '2028-03-06'],
    ['Semana del 8 mayo 2028', '2028-05-08', '2028-05-08'],
    ['Settimana del 12 giugno 2028', '2028-06-12', '2028-06-12'],
    ['13–17 December 2027', '2027-12-13', '2027-12-17'],
    // a phase number and a date, not a range from the 1st
    ['Phase 1 - 15 March 2028', null, null],
  ]
  for (const [text, start, end] of forms)
    it(`reads "${text}"`, () => {
      const dates = parseAbsoluteDates(text)
      expect(dates && [dates.start, dates.end]).toEqual(start === null ? null : [start, end])
    })
})
