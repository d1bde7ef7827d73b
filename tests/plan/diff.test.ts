import { describe, expect, it } from 'vitest'
import { diffPlans, parsePlanBytes } from '../../src/main/plan'
import type { ParsedPlan } from '../../src/shared/plan-model'
import { seedPlan } from './seeds'

function plan(text: string): ParsedPlan {
  const outcome = parsePlanBytes(Buffer.from(text, 'utf8'))
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome.plan
}

const PREVIOUS = `# Plan
## Phase 1: Setup (Week 1)
### 1.1 Configure CI pipeline (4h)
### 1.2 Write onboarding docs (2h)
### 1.3 Remove legacy scripts (1h)
## Phase 2: Build (Week 2)
### 2.1 Implement login flow (6h)
### 2.2 Add audit logging (3h)
### Day 9: Security hardening
`

const NEXT = `# Plan
## Phase 1: Setup (Week 1)
### 1.1 Configure CI pipeline (5h)
### 1.2 Set up error tracking (2h)
### 1.3 Write onboarding docs (2h)
## Phase 2: Build (Week 2)
### 2.1 Implement login flow with SSO (6h)
### 2.2 Harden session cookies (2h)
### Day 9: Security hardening and secrets
## Phase 3: Later (Week 3)
### 3.1 Add audit logging (3h)
`

describe('diffPlans (re-import)', () => {
  const previous = plan(PREVIOUS)
  const next = plan(NEXT)
  const diff = diffPlans(previous, next)
  const how = Object.fromEntries(diff.mapping.map((entry) => [entry.previousKey, [entry.nextKey, entry.how]]))

  it('maps kept, renumbered, retitled and moved items', () => {
    expect(how['1.1']).toEqual(['1.1', 'same-key'])
    expect(how['1.2']).toEqual(['1.3', 'renumbered'])
    expect(how['2.1']).toEqual(['2.1', 'retitled'])
    expect(how['2.2']).toEqual(['3.1', 'moved'])
    expect(how['build/security-hardening']).toEqual(['build/security-hardening-and-secrets', 'retitled'])
  })

  it('records added, removed and re-estimated items', () => {
    expect(diff.added.map((item) => [item.key, item.title, item.estimateHours, item.weekStart])).toEqual([
      ['1.2', 'Set up error tracking', 2, 1],
      ['2.2', 'Harden session cookies', 2, 2],
    ])
    expect(diff.removed).toEqual([{ key: '1.3', title: 'Remove legacy scripts', estimateHours: 1, weekStart: 1 }])
    expect(diff.reestimated).toEqual([
      { previousKey: '1.1', nextKey: '1.1', title: 'Configure CI pipeline', from: 4, to: 5 },
    ])
  })

  it('maps a real plan onto itself one to one', () => {
    for (const prefix of ['000', '002', '003']) {
      const seed = seedPlan(prefix)
      const self = diffPlans(seed, seed)
      expect(self.mapping.every((entry) => entry.how === 'same-key' && entry.previousKey === entry.nextKey)).toBe(true)
      expect(self.mapping).toHaveLength(seed.tasks.length)
      expect([self.added, self.removed, self.reestimated]).toEqual([[], [], []])
    }
  })

  it('maps a re-estimated, re-ordered real plan', () => {
    const seed = seedPlan('004')
    const shuffled: ParsedPlan = {
      ...seed,
      tasks: [...seed.tasks].reverse().map((task) => (task.key === '2.3' ? { ...task, estimateHours: 5 } : task)),
    }
    const result = diffPlans(seed, shuffled)
    expect(result.mapping).toHaveLength(17)
    expect(result.reestimated).toEqual([expect.objectContaining({ previousKey: '2.3', from: 2, to: 5 })])
  })
})
