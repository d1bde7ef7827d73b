import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ParsedPlan } from '../../src/shared/plan-model'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { runCli } from '../support/cli'

/**
 * A plan whose items the reader cannot find: the preview still shows what it saw (so the mapping
 * step can say where the work is), the import refuses it, the CLI says what it looks for — and one
 * line of profile makes it importable.
 */

const TEXT =
  '# Ops notes\n\n## Context\n\nSome context about the service.\n\n## Rotate the keys\n\nIt takes an afternoon, and the on-call engineer does it.\n\n## Move the cron jobs\n\nTwo days of work once the keys are rotated.\n'

describe('a plan with no items found', () => {
  let core: TestCore
  let file: string
  beforeAll(() => {
    core = createTestCore()
    file = join(core.dir, 'notes.md')
    writeFileSync(file, TEXT)
  })
  afterAll(() => core.dispose())

  it('previews with the reading, zero items and a low confidence', async () => {
    const { plan } = await callOk<{ plan: ParsedPlan }>(core, 'plans.preview', { source: { path: file } })
    expect(plan.tasks).toHaveLength(0)
    expect(plan.interpretation?.confidence).toBe('low')
    expect(plan.interpretation?.sections.map((section) => section.title)).toEqual(
      expect.arrayContaining(['Rotate the keys', 'Move the cron jobs']),
    )
  })

  it('is refused by the import, with what the reader looks for', async () => {
    const result = await core.dispatch('plans.import', { source: { path: file } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/No work items were found.*mapping step/)
  })

  it('imports once the lead says the headings hold the work', async () => {
    const profile = {
      version: 1,
      sections: [
        { heading: 'Rotate the keys', items: 'headings' },
        { heading: 'Move the cron jobs', items: 'headings' },
      ],
    }
    const { plan } = await callOk<{ plan: ParsedPlan }>(core, 'plans.preview', {
      source: { path: file },
      options: { profile },
    })
    expect(plan.tasks.map((task) => task.title)).toEqual(['Rotate the keys', 'Move the cron jobs'])
  })

  it('the CLI exits 1 with the message, and --explain still prints the reading', () => {
    const plain = runCli(['parse', file])
    expect(plain.status).toBe(1)
    expect(plain.stderr).toMatch(/No work items were found/)
    const explained = runCli(['parse', file, '--explain'])
    expect(explained.status).toBe(1)
    expect(explained.stdout).toMatch(/^sections:$/m)
  })
})
