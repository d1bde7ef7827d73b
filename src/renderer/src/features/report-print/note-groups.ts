import type { ReportTaskRow } from '../../../../shared/contract/report'

export interface NoteGroup {
  /** shared by every row of the group (said once above them); null for rows listed with their own note */
  note: string | null
  rows: ReportTaskRow[]
}

/** Rows sharing a note are listed under it once; a note only one row has stays in that row. */
export function groupByNote(rows: ReportTaskRow[]): NoteGroup[] {
  const counts = new Map<string, number>()
  for (const row of rows) if (row.note) counts.set(row.note, (counts.get(row.note) ?? 0) + 1)
  const groups: NoteGroup[] = []
  const byNote = new Map<string, NoteGroup>()
  for (const row of rows) {
    const shared = row.note && (counts.get(row.note) ?? 0) > 1 ? row.note : null
    if (shared) {
      const group = byNote.get(shared) ?? { note: shared, rows: [] }
      if (!byNote.has(shared)) {
        byNote.set(shared, group)
        groups.push(group)
      }
      group.rows.push(row)
    } else {
      const last = groups.at(-1)
      if (last && last.note === null) last.rows.push(row)
      else groups.push({ note: null, rows: [row] })
    }
  }
  return groups
}
