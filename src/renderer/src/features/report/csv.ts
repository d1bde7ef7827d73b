import type { ProgressReport } from '../../../../shared/progress-model'

function cell(value: string | number | boolean | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One row per work item, as the report computes it (verified state, not the plan's claim). */
export function tasksCsv(report: ProgressReport): string {
  const header = ['key', 'title', 'phase', 'state', 'source', 'estimate_hours', 'week_start', 'week_end', 'done_at', 'overdue', 'claimed_done', 'manual_status', 'manual_note', 'git_disagrees']
  const rows = report.tasks.map((task) =>
    [
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
    ]
      .map(cell)
      .join(','),
  )
  return [header.join(','), ...rows].join('\r\n') + '\r\n'
}

export function downloadText(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function safeFileName(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'plan'
}
