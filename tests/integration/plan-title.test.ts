import { afterAll, describe, expect, it } from 'vitest'
import type { PlanSummary } from '../../src/shared/contract/plans'
import { callOk, createTestCore } from '../support/core'

/** A plan's name: its title heading, else its file's name — never its first week or phase. */
describe('the name of an imported plan', () => {
  const core = createTestCore()
  afterAll(() => core.dispose())
  const importAs = async (name: string, text: string) => {
    await callOk(core, 'plans.import', { source: { name, base64: Buffer.from(text).toString('base64') } })
    const plans = await callOk<PlanSummary[]>(core, 'plans.list', {})
    return plans.at(-1)?.title
  }

  it('is the file name when the plan starts with its first week', async () => {
    expect(
      await importAs(
        'q3-hardening.md',
        '## Week 1\n- [ ] Add rate limiting ~2h\n## Week 2\n- [ ] Write runbook (4h)\n',
      ),
    ).toBe('q3-hardening')
  })

  it('is the title heading when there is one', async () => {
    expect(await importAs('plan.md', '# Payments readiness\n\n## Week 1\n- [ ] Add rate limiting ~2h\n')).toBe(
      'Payments readiness',
    )
  })
})
