/** Display helpers shared by every screen. Pure functions of their inputs. */

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '—'
  const rounded = Math.round(hours * 10) / 10
  return `${rounded.toLocaleString('en-US')} h`
}

export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return '—'
  return `${Math.round(percent * 10) / 10}%`
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return value.toFixed(digits)
}

/** "2024-12-08" or a full timestamp → "8 Dec 2024" */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value)
  if (Number.isNaN(date.getTime())) return value
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return 'never'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** The schedule variance as a lead reads it; a plan that schedules nothing is "unscheduled", never "on schedule". */
export function formatSchedule(summary: { scheduleVarianceWeeks: number; scheduled: boolean }): string {
  return summary.scheduled ? formatWeeks(summary.scheduleVarianceWeeks) : 'unscheduled'
}

export function formatWeeks(weeks: number): string {
  const rounded = Math.round(weeks * 10) / 10
  if (rounded === 0) return 'on schedule'
  const size = Math.abs(rounded)
  return `${size} wk ${rounded < 0 ? 'behind' : 'ahead'}`
}

export const STATE_LABELS: Record<string, string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  'needs-confirmation': 'Needs confirmation',
  blocked: 'Blocked',
  unknown: 'Unknown',
}

export function stateLabel(state: string): string {
  return STATE_LABELS[state] ?? state
}

export function shortSha(sha: string): string {
  return sha.slice(0, 8)
}

/** "1 check", "3 checks" (pass `many` for irregular plurals). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`
}
