import type { ParsedPlan } from '../../shared/plan-model'
import { ProgressBuckets } from './buckets'

export interface PhaseGroup {
  key: string
  title: string
  /** index in current.phases; null for baseline-only phases and for "no phase" */
  index: number | null
  weekStart: number | null
  weekEnd: number | null
  buckets: ProgressBuckets
}

const NO_PHASE_KEY = '\u0000no-phase'
const NO_PHASE_TITLE = '(no phase)'

/** Phases are matched between baseline and current import by their normalized title. */
const phaseKeyOf = (title: string) => title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * The phases progress is reported by: the current plan's phases in order, then phases only
 * the baseline has, then "(no phase)" for tasks outside any phase (created when needed).
 */
export class PhaseGroups {
  private readonly groups = new Map<string, PhaseGroup>()
  private readonly currentByIndex: PhaseGroup[]
  private readonly baselineByIndex: PhaseGroup[]

  constructor(baseline: ParsedPlan, current: ParsedPlan) {
    this.currentByIndex = current.phases.map((phase, index) =>
      this.ensure(phaseKeyOf(phase.title), phase.title, index, phase),
    )
    this.baselineByIndex = baseline.phases.map((phase) =>
      this.ensure(phaseKeyOf(phase.title), phase.title, null, phase),
    )
  }

  ofBaselinePhase(phaseIndex: number | null): PhaseGroup {
    return (phaseIndex !== null && this.baselineByIndex[phaseIndex]) || this.noPhase()
  }

  ofCurrentPhase(phaseIndex: number | null): PhaseGroup {
    return (phaseIndex !== null && this.currentByIndex[phaseIndex]) || this.noPhase()
  }

  /** groups in report order, leaving out baseline-only and no-phase groups with nothing in them */
  list(): PhaseGroup[] {
    return [...this.groups.values()].filter((group) => group.index !== null || hasContent(group.buckets))
  }

  private noPhase(): PhaseGroup {
    return this.ensure(NO_PHASE_KEY, NO_PHASE_TITLE, null, null)
  }

  private ensure(
    key: string,
    title: string,
    index: number | null,
    phase: { weekStart: number | null; weekEnd: number | null } | null,
  ): PhaseGroup {
    const existing = this.groups.get(key)
    if (existing) return existing
    const group: PhaseGroup = {
      key,
      title,
      index,
      weekStart: phase?.weekStart ?? null,
      weekEnd: phase?.weekEnd ?? null,
      buckets: new ProgressBuckets(),
    }
    this.groups.set(key, group)
    return group
  }
}

/**
 * A group outside the current phases is worth a row only while it holds work: current tasks, baseline
 * hours the ideal line counts, or hours its scope changes moved. Baseline tasks that were never scheduled
 * nor estimated, and 0 h items removed since, leave nothing to report ("(no phase) · unscheduled · 0 h").
 */
function hasContent(buckets: ProgressBuckets): boolean {
  return (
    buckets.taskCount > 0 ||
    buckets.idealTotalTasks > 0 ||
    buckets.unscheduledHours > 0 ||
    buckets.scopeHoursAtAsOf !== 0 ||
    buckets.scopeHoursChange.lastNonZeroWeek() >= 0
  )
}
