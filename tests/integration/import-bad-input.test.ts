import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../support/core'

describe('importing bad input through the contract', () => {
  let core: TestCore
  beforeAll(() => {
    core = createTestCore()
  })
  afterAll(() => core.dispose())

  const storedCounts = () => ({
    plans: core.context.db.$client.prepare('select count(*) from plans').pluck().get(),
    versions: core.context.db.$client.prepare('select count(*) from plan_versions').pluck().get(),
    tasks: core.context.db.$client.prepare('select count(*) from tasks').pluck().get(),
  })

  const cases: [string, () => Buffer][] = [
    ['a binary file', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0x01])],
    ['an empty file', () => Buffer.alloc(0)],
    ['a file with no tasks', () => Buffer.from('# Notes\n\nJust some thoughts about the launch.\n')],
  ]
  for (const [what, bytes] of cases) {
    it(`refuses ${what} with a clear message and stores nothing`, async () => {
      const result = await core.dispatch('plans.import', {
        source: { name: 'plan.md', base64: bytes().toString('base64') },
      })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('bad-input')
        expect(result.error.message.length).toBeGreaterThan(10)
        expect(result.error.message).not.toMatch(/at .*\.ts:\d+/)
      }
      expect(storedCounts()).toEqual({ plans: 0, versions: 0, tasks: 0 })
    })
  }

  it('refuses a file over 20 MB before reading it', async () => {
    const big = join(core.dir, 'big.md')
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x61))
    const result = await core.dispatch('plans.import', { source: { path: big } })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/over 20 MB|20 MB/) },
    })
    expect(storedCounts().plans).toBe(0)
  })

  it('says which file is missing', async () => {
    const result = await core.dispatch('plans.import', { source: { path: join(core.dir, 'nope.md') } })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: `No such file or directory: ${join(core.dir, 'nope.md')}` },
    })
  })

  it('imports nothing when a stored re-import target does not exist', async () => {
    const result = await core.dispatch('plans.import', {
      planId: 999,
      source: { name: 'p.md', base64: Buffer.from('#### 1.1 Do it (2h)\n').toString('base64') },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(storedCounts()).toEqual({ plans: 0, versions: 0, tasks: 0 })
  })
})
