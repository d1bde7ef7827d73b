import type { ReportData } from '../../shared/contract/report'
import type { TaskProgress } from '../../shared/progress-model'
import { evidenceLocation } from './model'

type Cell = string | number | boolean | null

/** Quotes what CSV needs quoted; text a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const TASK_CSV_COLUMNS = [
  'key',
  'title',
  'phase',
  'state',
  'source',
  'estimate_hours',
  'week_start',
  'week_end',
  'done_at',
  'overdue',
  'claimed_done',
  'manual_status',
  'manual_note',
  'git_disagrees',
  'evidence_commits',
  'evidence_files',
  'evidence_checks',
] as const

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))]
}

function taskCells(task: TaskProgress): Cell[] {
  const holding = task.evidence.filter((item) => item.holds)
  return [
    task.key,
    task.title,
    task.phaseTitle,
    task.state,
    task.source,
    task.estimateHours,
    task.scheduledWeekStart,
    task.scheduledWeekEnd,
    task.doneAt,
    task.overdue,
    task.claimedDone,
    task.manual?.status ?? null,
    task.manual?.note ?? null,
    task.disagreement,
    unique(holding.map((item) => item.commit?.sha)).join(' ') || null,
    unique(holding.map(evidenceLocation)).join('; ') || null,
    unique(task.evidence.map((item) => `${item.holds ? 'holds' : 'fails'}: ${item.checkSentence}`)).join('; ') || null,
  ]
}

/** One row per work item: its verified state (never the plan's claim alone) and the evidence behind it. */
export function tasksCsv(report: ReportData): string {
  const rows = report.progress.tasks.map((task) => taskCells(task).map(csvCell).join(','))
  return [TASK_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}
