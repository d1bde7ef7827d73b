import { cleanText } from '../text'
import type { Effort, EffortUnit } from '../grammar/effort'

/**
 * A load plan drawn as a grid: rows are workstreams, the columns after the first are consecutive periods
 * ("Week 1 | Week 2", "W1 | W2", "KW 14 | KW 15", "M1 | M2", "Month 1", "Q1 | Q2", "Sprint 1") and the cells hold
 * hours (or blanks: "", "-", "x"). Each row spans the periods where it has a value and its effort is their sum. A
 * grid of marks (■, ✓, x) instead of numbers schedules its rows without effort.
 */

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'sprint'
export type PeriodColumn = { index: number; unit: PeriodUnit; number: number }
export type PeriodGrid = { columns: PeriodColumn[]; numeric: boolean }

const PERIOD_HEADER: Array<{ unit: PeriodUnit; pattern: RegExp }> = [
  {
    unit: 'week',
    pattern:
      /^(?:weeks?|wk|w|kw|woche|semaines?|semanas?|sem|settimana|week|tuần|неделя|tydzień|tydz)\.?\s*#?\s*(\d{1,3})$/i,
  },
  { unit: 'month', pattern: /^(?:months?|m|mois|monat|mes|mês|mese|maand|tháng|месяц|miesiąc)\.?\s*#?\s*(\d{1,2})$/i },
  { unit: 'quarter', pattern: /^(?:q|quarter)\s*(\d)$/i },
  { unit: 'sprint', pattern: /^(?:sprint|iteration|s)\s*#?\s*(\d{1,3})$/i },
]
const NUMBER = /^\d{1,5}(?:[.,]\d{1,2})?$/
const NONE = /^(?:|-|–|—|x|0|n\/a)$/i

/** The grid's period columns, when every header after the first is the next period of one kind. */
export function periodGrid(headers: string[], body: Array<{ cells: string[] }>): PeriodGrid | null {
  if (headers.length < 3) return null
  const columns: PeriodColumn[] = []
  for (const [index, header] of headers.entries()) {
    if (index === 0) continue
    const text = cleanText(header)
    const found = PERIOD_HEADER.map((entry) => ({ unit: entry.unit, match: entry.pattern.exec(text) })).find(
      (entry) => entry.match !== null,
    )
    // a Total column may close the grid
    if (!found?.match) {
      if (index === headers.length - 1 && columns.length >= 2 && /^(?:total|sum|σ|gesamt|somme)$/i.test(text)) break
      return null
    }
    const number = Number(found.match[1])
    const previous = columns.at(-1)
    if (previous && (previous.unit !== found.unit || previous.number + 1 !== number)) return null
    columns.push({ index, unit: found.unit, number })
  }
  if (columns.length < 2) return null
  const cells = body.flatMap((row) => columns.map((column) => (row.cells[column.index] ?? '').trim()))
  const numeric = cells.some((cell) => NUMBER.test(cell))
  // a grid of numbers holds nothing but numbers and blanks; a grid of marks holds short marks
  const fits = numeric
    ? cells.every((cell) => NUMBER.test(cell) || NONE.test(cleanText(cell)))
    : cells.every((cell) => cell.length <= 3)
  return fits ? { columns, numeric } : null
}

/** The periods a row fills: numbers above zero, or any mark in a grid of marks. */
function filled(grid: PeriodGrid, row: { cells: string[] }): PeriodColumn[] {
  return grid.columns.filter((column) => {
    const cell = (row.cells[column.index] ?? '').trim()
    return grid.numeric ? NUMBER.test(cell) && Number(cell.replace(',', '.')) > 0 : !NONE.test(cell.replace(/-/g, ''))
  })
}

/** The row's effort: the sum of its cells, in the plan's unit. */
export function gridEffort(grid: PeriodGrid, row: { cells: string[] }, unit: EffortUnit): Effort | null {
  if (!grid.numeric) return null
  const values = filled(grid, row).map((column) => Number((row.cells[column.index] ?? '').trim().replace(',', '.')))
  if (values.length === 0) return null
  const value = values.reduce((sum, cell) => sum + cell, 0)
  return { value, low: value, high: value, unit, text: values.join(' + ') }
}

/** "week 1-2", "month 3-9": the span of the periods the row fills, as a phrase the time grammar reads. */
export function gridSpan(grid: PeriodGrid, row: { cells: string[] }): string | null {
  const periods = filled(grid, row)
  const first = periods[0]
  const last = periods.at(-1)
  if (!first || !last) return null
  if (first.unit === 'quarter') return `month ${first.number * 3 - 2}-${last.number * 3}`
  return `${first.unit} ${first.number}-${last.number}`
}
