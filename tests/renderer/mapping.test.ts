import { describe, expect, it } from 'vitest'
import type { Interpretation } from '../../src/shared/plan-model'
import {
  emptyProfile,
  isEmptyProfile,
  isPhaseHeading,
  sectionRule,
  withEstimate,
  withItems,
  withNumber,
  withPhase,
  withSectionRule,
} from '../../src/renderer/src/features/plans/mapping'

const reading = {
  sections: [
    { title: 'Sprint 1', isPhase: true },
    { title: 'Sprint 2', isPhase: true },
    { title: 'Notes', isPhase: false },
  ],
} as unknown as Interpretation

describe('mapping-step edits of an import profile', () => {
  it('sets, changes and drops a section rule; matching ignores case and spacing', () => {
    let profile = withSectionRule(null, 'Sprint 1', { items: 'table' })
    expect(profile.sections).toEqual([{ heading: 'Sprint 1', items: 'table' }])
    profile = withSectionRule(profile, 'sprint  1', { role: 'gate' })
    expect(sectionRule(profile, 'SPRINT 1')).toEqual({ role: 'gate', items: 'table' })
    profile = withSectionRule(profile, 'Sprint 1', { role: undefined, items: undefined })
    expect(profile.sections).toEqual([])
    expect(isEmptyProfile(profile)).toBe(true)
  })

  it('marks phases starting from what the reader found', () => {
    const profile = withPhase(null, reading, 'Notes', true)
    expect(profile.phases).toEqual(['Sprint 1', 'Sprint 2', 'Notes'])
    const fewer = withPhase(profile, reading, 'Sprint 2', false)
    expect(fewer.phases).toEqual(['Sprint 1', 'Notes'])
    expect(isPhaseHeading(fewer, reading, 'Sprint 2')).toBe(false)
    expect(isPhaseHeading(null, reading, 'Sprint 2')).toBe(true)
  })

  it('sets and clears the estimate column, unit, hours per point and the items layer', () => {
    let profile = withEstimate(emptyProfile(), { column: 'Cost', unit: 'points' })
    profile = withNumber(profile, 'hoursPerPoint', 4)
    profile = withItems(profile, 'table')
    expect(profile).toMatchObject({ estimate: { column: 'Cost', unit: 'points' }, hoursPerPoint: 4, items: 'table' })
    profile = withEstimate(profile, { column: null, unit: null })
    profile = withNumber(profile, 'hoursPerPoint', null)
    profile = withItems(profile, 'auto')
    expect(isEmptyProfile(profile)).toBe(true)
    expect(withNumber(profile, 'sprintWeeks', -1).sprintWeeks).toBeUndefined()
  })
})
