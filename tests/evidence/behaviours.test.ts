import { describe, expect, it } from 'vitest'
import { BEHAVIOURS, runBehaviour, withShas } from './helpers/behaviours'

/** Must-show #1: each behaviour's state, done week and evidence, as of its date. */
describe('evidence behaviours on dated fixture histories', () => {
  for (const c of BEHAVIOURS) {
    it(c.name, async () => {
      const outcome = await runBehaviour(c)
      expect({ state: outcome.state, doneWeek: outcome.doneWeek }).toEqual({
        state: c.expect.state,
        doneWeek: c.expect.doneWeek,
      })
      if (c.expect.doneCommit) expect(outcome.doneSha).toBe(outcome.shas[c.expect.doneCommit])
      if (c.expect.evidencePath) expect(outcome.evidencePaths).toContain(c.expect.evidencePath)
      for (const part of c.expect.history ?? []) expect(outcome.history).toContain(withShas(part, outcome.shas))
    })
  }
})
