import { describe, expect, it } from 'vitest'
import { allHold, anyHolds } from '../../src/main/evidence/fold'

describe('three-valued folds (one rule for every combination of check values)', () => {
  it('all hold: a false decides, then an unknown, else true', () => {
    expect(allHold([true, null, false])).toBe(false)
    expect(allHold([true, null, true])).toBeNull()
    expect(allHold([true, true])).toBe(true)
    expect(allHold([])).toBe(true)
  })

  it('one holds: a true decides, then an unknown, else false', () => {
    expect(anyHolds([false, null, true])).toBe(true)
    expect(anyHolds([false, null])).toBeNull()
    expect(anyHolds([false, false])).toBe(false)
    expect(anyHolds([])).toBe(false)
  })
})
