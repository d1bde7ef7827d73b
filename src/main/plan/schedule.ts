import type { ParseOptions } from '../../shared/plan-model'
import type { Range } from './grammar/time'

/**
 * Days per week and the day -> week map. Explicit nesting (Day blocks under a single
 * "Week N" heading) wins, then the lead's explicit choice, then what the plan states
 * ("21 Days (3 Weeks)"), then the global default setting, then 5.
 */

export type DaysPerWeek = { value: number; source: 'plan' | 'nesting' | 'default' | 'option' }

export function chooseDaysPerWeek(
  stated: number | null,
  nestingWeeks: Map<number, number>,
  options: ParseOptions,
): DaysPerWeek {
  if (nestingWeeks.size > 0) return { value: clampDays(daysFromNesting(nestingWeeks, stated)), source: 'nesting' }
  if (options.daysPerWeek !== undefined) return { value: clampDays(options.daysPerWeek), source: 'option' }
  if (stated !== null) return { value: clampDays(stated), source: 'plan' }
  return { value: clampDays(options.defaultDaysPerWeek ?? 5), source: 'default' }
}

/**
 * Days nested under week headings bound the week length: day d in week w needs (w-1)·n < d ≤ w·n.
 * Within those bounds the days under the first week win ("Day 1..4" in "Week 1"), then the plan's
 * stated length, then five; bounds that contradict each other (numbering restarts) leave the first week's days.
 */
function daysFromNesting(nestingWeeks: Map<number, number>, stated: number | null): number {
  const firstWeek = Math.min(...nestingWeeks.values())
  const inFirst = [...nestingWeeks.entries()].filter(([, week]) => week === firstWeek).map(([day]) => day)
  const span = firstWeek === 1 ? Math.max(...inFirst) : Math.max(...inFirst) - Math.min(...inFirst) + 1
  let low = 1
  let high = 7
  for (const [day, week] of nestingWeeks) {
    low = Math.max(low, Math.ceil(day / week))
    if (week > 1) high = Math.min(high, Math.ceil(day / (week - 1)) - 1)
  }
  if (low > high) return span
  const fits = (value: number | null): value is number => value !== null && value >= low && value <= high
  return [span, stated, 5].find(fits) ?? low
}

function clampDays(value: number): number {
  return Math.min(7, Math.max(1, Math.round(value)))
}

/** Days that sit under a single-week heading belong to that week. */
export function recordNesting(nesting: Map<number, number>, days: Range, weeks: Range | null): void {
  if (!weeks || weeks.start !== weeks.end) return
  for (let day = days.start; day <= days.end && day <= 1000; day++) if (!nesting.has(day)) nesting.set(day, weeks.start)
}

/** dayWeeks[d - 1] = week of plan day d. Days past the nested ones continue at daysPerWeek. */
export function buildDayWeeks(maxDay: number, nesting: Map<number, number>, daysPerWeek: number): number[] {
  const out: number[] = []
  const nestedDays = [...nesting.keys()]
  const lastNestedDay = nestedDays.length > 0 ? Math.max(...nestedDays) : 0
  const lastNestedWeek = lastNestedDay > 0 ? (nesting.get(lastNestedDay) as number) : 0
  for (let day = 1; day <= Math.min(maxDay, 1000); day++) {
    const nested = nesting.get(day)
    if (nested !== undefined) out.push(nested)
    else if (day > lastNestedDay && lastNestedDay > 0)
      out.push(lastNestedWeek + Math.ceil((day - lastNestedDay) / daysPerWeek))
    else out.push(Math.ceil(day / daysPerWeek))
  }
  return out
}

export function weeksOfDays(days: Range, dayWeeks: number[]): Range | null {
  const start = dayWeeks[days.start - 1]
  const end = dayWeeks[days.end - 1]
  return start !== undefined && end !== undefined ? { start, end } : null
}
