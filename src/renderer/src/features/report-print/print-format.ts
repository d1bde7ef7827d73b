/**
 * Number and date text of the printed report. Figures are printed exactly as `readiness status --json` gives
 * them (no locale grouping, no re-rounding), so the PDF and the CLI agree to the digit.
 */

export function exactNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : String(value)
}

export function percentText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${exactNumber(value)}%`
}

export function hoursText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${exactNumber(value)} h`
}

export function weeksText(start: number | null, end: number | null): string {
  if (start === null) return 'unscheduled'
  return end === null || end === start ? `week ${start}` : `weeks ${start}–${end}`
}

export function varianceText(weeks: number, asOfWeek: number, scheduled = true): string {
  if (asOfWeek === 0) return 'not started'
  if (!scheduled) return 'unscheduled'
  if (weeks === 0) return 'on schedule'
  return weeks < 0 ? `${exactNumber(-weeks)} weeks behind` : `${exactNumber(weeks)} weeks ahead`
}

export function dateText(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '—'
}

const STATE_TEXT: Record<string, string> = {
  done: 'done',
  'in-progress': 'in progress',
  'not-started': 'not started',
  'needs-confirmation': 'needs confirmation',
  blocked: 'blocked',
  unknown: 'unknown',
  late: 'late',
  behind: 'behind',
  'on-track': 'on track',
  upcoming: 'upcoming',
  unscheduled: 'unscheduled',
}

export function statusText(state: string): string {
  return STATE_TEXT[state] ?? state
}
