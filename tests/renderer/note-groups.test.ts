import { describe, expect, it } from 'vitest'
import { groupByNote } from '../../src/renderer/src/features/report-print/note-groups'
import type { ReportTaskRow } from '../../src/shared/contract/report'

const row = (key: string, note: string | null): ReportTaskRow => ({
  key,
  label: key,
  title: `Task ${key}`,
  phaseTitle: null,
  state: 'needs-confirmation',
  estimateHours: 1,
  scheduledWeekStart: 1,
  scheduledWeekEnd: 1,
  doneAt: null,
  note,
})

describe('report notes', () => {
  it('says a note shared by several rows once, over them; a note of one row stays with it', () => {
    const groups = groupByNote([row('1', 'same'), row('2', 'own'), row('3', 'same'), row('4', null), row('5', 'same')])
    expect(groups.map((group) => [group.note, group.rows.map((r) => r.key)])).toEqual([
      ['same', ['1', '3', '5']],
      [null, ['2', '4']],
    ])
  })
})
