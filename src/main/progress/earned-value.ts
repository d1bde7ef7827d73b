import type { WeeklyAmounts } from './buckets'
import { round2, round3 } from '../../shared/rounding'

export interface EarnedValueFigures {
  plannedValue: number
  earnedValue: number
  spi: number | null
  scheduleVarianceWeeks: number
  behindWeeks: number
  scheduled: boolean
}

/**
 * Planned value, earned value, SPI and the schedule variance in weeks ("earned schedule"):
 * the plan time at which the ideal line had earned what is earned now, minus the time
 * elapsed. Planned value grows linearly within each week (work is spread over its days).
 * When behind, the earned schedule is the latest time the plan had earned no more than
 * now; when ahead, the earliest time it had earned at least as much — so an idle week in
 * the plan neither adds nor hides delay.
 *
 * plannedByWeek: budget scheduled in each week (week 0 = before start);
 * elapsedWeeks: plan time of asOf (see PlanCalendar.elapsedWeeksAt).
 */
export function earnedValueFigures(
  plannedByWeek: WeeklyAmounts,
  earnedValue: number,
  elapsedWeeks: number,
): EarnedValueFigures {
  const plannedValue = plannedValueAt(plannedByWeek, elapsedWeeks)
  const tolerance = 1e-9 * Math.max(1, Math.abs(plannedValue))
  let earnedSchedule = elapsedWeeks
  if (Math.abs(earnedValue - plannedValue) > tolerance) {
    const behind = earnedValue < plannedValue
    earnedSchedule = timeWhenPlanned(plannedByWeek, earnedValue, behind ? 'exceeds' : 'reaches') ?? elapsedWeeks
  }
  const variance = round2(earnedSchedule - elapsedWeeks)
  return {
    plannedValue: round2(plannedValue),
    earnedValue: round2(earnedValue),
    spi: plannedValue > 0 ? round3(earnedValue / plannedValue) : null,
    scheduleVarianceWeeks: variance,
    behindWeeks: Math.max(0, -variance),
    scheduled: Array.from({ length: plannedByWeek.length }, (_, week) => plannedByWeek.at(week)).some((v) => v > 0),
  }
}

function plannedValueAt(plannedByWeek: WeeklyAmounts, time: number): number {
  let cumulative = plannedByWeek.at(0)
  if (time <= 0) return cumulative
  const fullWeeks = Math.floor(time)
  for (let week = 1; week <= fullWeeks; week++) cumulative += plannedByWeek.at(week)
  return cumulative + (time - fullWeeks) * plannedByWeek.at(fullWeeks + 1)
}

/**
 * The plan time at which cumulative planned value first reaches `amount` ('reaches': the
 * earliest time PV ≥ amount) or the last time before it exceeds it ('exceeds': the latest
 * time PV ≤ amount). Both fall inside the first week whose cumulative value passes the
 * threshold. null when the plan never gets there.
 */
function timeWhenPlanned(plannedByWeek: WeeklyAmounts, amount: number, mode: 'reaches' | 'exceeds'): number | null {
  const passes = (cumulative: number) => (mode === 'reaches' ? cumulative >= amount : cumulative > amount)
  let cumulative = plannedByWeek.at(0)
  if (passes(cumulative)) return 0
  for (let week = 1; week < plannedByWeek.length; week++) {
    const inWeek = plannedByWeek.at(week)
    if (passes(cumulative + inWeek)) return week - 1 + (amount - cumulative) / inWeek
    cumulative += inWeek
  }
  return null
}
