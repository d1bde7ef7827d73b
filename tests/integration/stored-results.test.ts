import { describe, expect, it } from 'vitest'
import { CheckResultSchema, type CheckResult } from '../../src/shared/check-model'
import { MALFORMED_RESULT_MESSAGE, storableResult } from '../../src/main/services/evidence-sync'

const held: CheckResult = {
  checkId: '7',
  holdsNow: true,
  since: null,
  weekStates: [false, true, true],
  evidence: [],
  uncommitted: null,
  repoId: '1',
  message: null,
  histories: [
    {
      repoId: '1',
      windowKind: 'root',
      windowCommit: null,
      flips: [{ commit: null, value: false, minAt: 1_700_000_000_000 }],
    },
  ],
}

describe('a check result as stored', () => {
  it('is the result itself when it reads back within its schema', () => {
    expect(JSON.parse(storableResult(held))).toEqual(held)
  })

  it('is "could not be evaluated", saying why, when it would not read back (a date left at Infinity)', () => {
    const broken = {
      ...held,
      histories: [{ ...held.histories![0], flips: [{ commit: null, value: false, minAt: Infinity }] }],
    }
    const stored = JSON.parse(storableResult(broken))
    expect(CheckResultSchema.safeParse(stored).success).toBe(true)
    expect(stored).toMatchObject({
      checkId: '7',
      holdsNow: null,
      weekStates: [null, null, null],
      message: MALFORMED_RESULT_MESSAGE,
    })
  })
})
