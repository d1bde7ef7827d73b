import { describe, expect, it } from 'vitest'
import { asOfMarker } from '../../src/renderer/src/features/dashboard/chart-data'
import type { ProgressReport } from '../../src/shared/progress-model'

const report = { asOf: '2025-01-20', asOfWeek: 3, asOfElapsedWeeks: 2.2 } as ProgressReport

describe('the as-of marker', () => {
  it('stands at the as-of instant and says "Today" only on the day itself', () => {
    expect(asOfMarker(report, '2025-01-20')).toEqual({ x: 2.2, label: 'Today', isToday: true })
    expect(asOfMarker(report, '2025-03-01')).toEqual({ x: 2.2, label: 'As of 20 Jan 2025', isToday: false })
  })
})
