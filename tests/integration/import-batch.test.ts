import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { callOk, createTestCore } from '../support/core'

/** 1,200 checkbox tasks, each with a "Done when" file of its own: more than one INSERT's worth of tasks and checks. */
function bigPlan(count: number): string {
  const lines = ['# Big plan', '', '**Start:** 2025-01-06', '']
  for (let i = 1; i <= count; i++) {
    if (i % 100 === 1) lines.push(`## Week ${Math.ceil(i / 100)}`, '')
    lines.push(`- [ ] Harden module ${i} (2h)`, `  Done when: \`src/mod${i}.ts\` exists`)
  }
  return `${lines.join('\n')}\n`
}

describe('importing a large plan in batches', () => {
  const core = createTestCore()
  afterAll(() => core.dispose())

  it('stores every task with its own derived checks, then keeps them across a re-import that renames some', async () => {
    const source = (text: string) => ({ name: 'big.md', base64: Buffer.from(text).toString('base64') })
    const { planId } = await callOk<{ planId: number }>(core, 'plans.import', { source: source(bigPlan(1200)) })
    const db = new Database(core.dbPath, { readonly: true })
    const rows = () =>
      db
        .prepare(
          `SELECT t.title AS title, c.spec_json AS spec FROM tasks t JOIN checks c ON c.task_id = t.id
           WHERE t.plan_id = ? AND t.removed_in_version_id IS NULL ORDER BY t.sort_order`,
        )
        .all(planId) as Array<{ title: string; spec: string }>
    const first = rows()
    expect(first).toHaveLength(1200)
    // each task's check names its own file: ids were matched to the right tasks
    for (const row of first) expect(row.spec).toContain(`src/mod${/\d+/.exec(row.title)![0]}.ts`)

    await callOk(core, 'plans.import', {
      source: source(bigPlan(1200).replace('Harden module 7 (2h)', 'Harden module 7 well (2h)')),
      planId,
    })
    const second = rows()
    expect(second).toHaveLength(1200)
    for (const row of second) expect(row.spec).toContain(`src/mod${/\d+/.exec(row.title)![0]}.ts`)
    db.close()
  }, 60_000)
})
