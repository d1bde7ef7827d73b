import { describe, expect, it } from 'vitest'
import { planPickerLabels } from '../../src/renderer/src/lib/plan-labels'

const plan = (id: number, title: string, sourceName: string, importedAt = '2026-11-02T10:00:00Z') => ({
  id,
  title,
  sourceName,
  importedAt,
})

describe('plan picker labels', () => {
  it('keeps unique titles as they are', () => {
    expect([...planPickerLabels([plan(1, 'Checkout', 'a.md'), plan(2, 'Billing', 'b.md')]).values()]).toEqual([
      'Checkout',
      'Billing',
    ])
  })

  it('tells duplicate titles apart by file name, else by import date, always with the plan number', () => {
    const labels = planPickerLabels([
      plan(1, 'Checkout', 'v1.md'),
      plan(2, 'checkout ', 'v2.md'),
      plan(3, 'Billing', 'b.md'),
      plan(4, 'Billing', 'b.md', '2026-11-20T10:00:00Z'),
    ])
    expect(labels.get(1)).toBe('Checkout — v1.md (#1)')
    expect(labels.get(2)).toBe('checkout  — v2.md (#2)')
    expect(labels.get(3)).toMatch(/^Billing — imported 2 Nov 2026 \(#3\)$/)
    expect(labels.get(4)).toMatch(/^Billing — imported 20 Nov 2026 \(#4\)$/)
    expect(new Set(labels.values()).size).toBe(4)
  })
})
