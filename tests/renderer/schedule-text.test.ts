import { describe, expect, it } from 'vitest'
import { formatSchedule } from '../../src/renderer/src/lib/format'
import { varianceText } from '../../src/renderer/src/features/report-print/print-format'

describe('the schedule as the dashboard and the printed report say it', () => {
  it('says "unscheduled" for a plan that schedules nothing, whatever the variance', () => {
    expect(formatSchedule({ scheduleVarianceWeeks: 0, scheduled: false })).toBe('unscheduled')
    expect(varianceText(0, 5, false)).toBe('unscheduled')
  })

  it('says on schedule, behind or ahead for a scheduled plan', () => {
    expect(formatSchedule({ scheduleVarianceWeeks: 0, scheduled: true })).toBe('on schedule')
    expect(formatSchedule({ scheduleVarianceWeeks: -1.5, scheduled: true })).toBe('1.5 wk behind')
    expect(varianceText(-2, 5, true)).toBe('2 weeks behind')
  })
})
