import type {
  BurndownPoint,
  ProgressInput,
  ProgressReport,
  ProgressTaskInput,
  ScopeChange,
  ScopeChangeLogEntry,
  TaskProgress,
} from '../../shared/progress-model'
import { ProgressBuckets } from './buckets'
import { calendarDate, planCalendar, type PlanCalendar } from '../../shared/calendar'
import { earnedValueFigures } from './earned-value'
import { forecastFinish } from './forecast-report'
import { milestoneProgress, type MilestoneTaskFacts } from './milestones'
import { PhaseGroups } from './phases'
import { percentOf, round2 } from '../../shared/rounding'
import { scheduledWeeks, weekOfPlanDayFor } from './schedule'
import { originalIdealBuckets, scheduleBaseline, splitScopeChangesByBaseline } from './baseline'
import { burndownRows } from './series'
import { resolveTaskState, type ResolvedTaskState } from './task-state'

interface EffectiveChange {
  change: ScopeChange
  changeWeek: number
}

interface TaskOnAsOf {
  task: ProgressTaskInput
  /** its estimate as it stood on asOf (re-estimates made later are undone) */
  estimateAsOf: number
  resolved: ResolvedTaskState
  doneWeek: number | null
}

/** Where asOf falls on the plan's calendar. */
interface AsOfClock {
  calendar: PlanCalendar
  asOf: string
  asOfWeek: number
  lastCompletedWeek: number
  elapsedWeeks: number
}

/** The buckets filled from the baseline, the scope changes and the tasks as they stood on asOf. */
interface Ledger {
  groups: PhaseGroups
  overall: ProgressBuckets
  inBaselineChanges: ScopeChange[]
  effectiveChanges: EffectiveChange[]
  tasksOnAsOf: TaskOnAsOf[]
}

/** The weeks the series run over, the finish forecast and the burndown rows. */
interface Timeline {
  planMilestones: ProgressInput['current']['milestones']
  planEndWeek: number
  lastWeek: number
  forecast: ReturnType<typeof forecastFinish>
  burndown: BurndownPoint[]
}

type Basis = 'hours' | 'tasks'

/**
 * Progress of a plan as it stood at the end of `asOf`: task states, burndown/burnup series
 * (overall and per phase), earned-value figures, scope-change log, milestones and finish
 * forecasts. Pure: everything, including "today", comes from the input.
 */
export function computeProgress(input: ProgressInput): ProgressReport {
  const clock = asOfClockOf(input)
  const ledger = fillLedger(input, clock)
  const { overall, tasksOnAsOf } = ledger
  const scopeBasis = basisOf(input, ledger)
  const { taskRows, latestScheduledWeek } = taskRowsOf(input, clock, tasksOnAsOf)
  const timeline = timelineOf(input, clock, ledger, scopeBasis, latestScheduledWeek)
  const { calendar, asOf, asOfWeek, lastCompletedWeek } = clock
  const taskFacts = new Map<string, MilestoneTaskFacts>(
    tasksOnAsOf.map((onAsOf) => [onAsOf.task.key, { estimateHours: onAsOf.estimateAsOf, doneWeek: onAsOf.doneWeek }]),
  )
  const milestones = milestoneProgress(timeline.planMilestones, {
    calendar,
    burndown: timeline.burndown,
    basis: scopeBasis,
    asOfWeek,
    lastCompletedWeek,
    taskFacts,
  })
  const earnedValueOf = earnedValueFor(scopeBasis, clock.elapsedWeeks)

  return {
    start: calendarDate(input.calendar.start),
    week1Start: calendar.week1Start,
    asOf,
    asOfWeek,
    asOfElapsedWeeks: round2(clock.elapsedWeeks),
    planEndWeek: timeline.planEndWeek,
    ...(input.baselineRef ? { baseline: input.baselineRef } : {}),
    calendar: input.calendar,
    summary: { ...percentsOf(overall, scopeBasis), ...earnedValueOf(overall), ...countsOf(ledger, taskRows, asOfWeek) },
    forecast: timeline.forecast,
    tasks: taskRows,
    burndown: timeline.burndown,
    phases: ledger.groups.list().map((group) => ({
      title: group.title,
      index: group.index,
      weekStart: group.weekStart,
      weekEnd: group.weekEnd,
      scopeHours: round2(group.buckets.scopeHoursAtAsOf),
      doneHours: round2(group.buckets.doneHoursAtAsOf),
      remainingHours: round2(group.buckets.scopeHoursAtAsOf - group.buckets.doneHoursAtAsOf),
      verifiedPercent: verifiedPercentOf(group.buckets, scopeBasis),
      claimedPercent: claimedPercentOf(group.buckets, scopeBasis),
      taskCount: group.buckets.taskCount,
      doneTaskCount: group.buckets.doneTaskCount,
      ...earnedValueOf(group.buckets),
      burndown: burndownRows(group.buckets, calendar, asOfWeek, timeline.lastWeek),
    })),
    scopeChanges: scopeLog(ledger.inBaselineChanges, ledger.effectiveChanges, asOf, calendar),
    milestones,
  }
}

/**
 * The one basis every figure is weighted by (percentages, burndown, forecast, earned value): hours only when
 * every work item, in the baseline and on asOf, has an estimate; else items, so an unestimated item counts as
 * much as any other instead of 0 h.
 */
function basisOf(input: ProgressInput, ledger: Ledger): Basis {
  const everyItemEstimated =
    ledger.tasksOnAsOf.every((onAsOf) => onAsOf.task.estimateHours !== null) &&
    input.baseline.tasks.every((task) => task.estimateHours !== null)
  return everyItemEstimated && ledger.overall.scopeHoursAtAsOf > 0 ? 'hours' : 'tasks'
}

function asOfClockOf(input: ProgressInput): AsOfClock {
  const calendar = planCalendar(input.calendar)
  const asOf = calendarDate(input.asOf)
  const asOfWeek = calendar.progressWeekOfDate(asOf)
  const lastCompletedWeek = asOfWeek >= 1 && asOf >= calendar.week(asOfWeek).end ? asOfWeek : Math.max(0, asOfWeek - 1)
  return { calendar, asOf, asOfWeek, lastCompletedWeek, elapsedWeeks: calendar.elapsedWeeksAt(asOf) }
}

/** The baseline's ideal line, then the scope changes, then each task on asOf, into the overall and phase buckets. */
function fillLedger(input: ProgressInput, clock: AsOfClock): Ledger {
  const { calendar, asOf } = clock
  const groups = new PhaseGroups(input.baseline, input.current)
  const overall = new ProgressBuckets()
  const baselineBudget = addBaselineSchedule(input, calendar, overall, groups)
  const currentKeys = new Set(input.tasks.map((task) => task.key))
  const baselinePhaseByKey = new Map(input.baseline.tasks.map((task) => [task.key, task.phase]))
  const currentPhaseByKey = new Map(input.tasks.map((task) => [task.key, task.phase]))
  /** a scope change belongs to the phase its task is in now, or was in when removed */
  const groupOfKey = (key: string) =>
    currentPhaseByKey.has(key)
      ? groups.ofCurrentPhase(currentPhaseByKey.get(key)!)
      : groups.ofBaselinePhase(baselinePhaseByKey.get(key) ?? null)

  const changes = splitScopeChangesByBaseline(input.scopeChanges, input.baselineRef?.versionNo)
  const scope = applyScopeChanges(
    changes.afterBaseline,
    asOf,
    calendar,
    (key) => [overall, groupOfKey(key).buckets],
    currentKeys,
  )
  const tasksOnAsOf: TaskOnAsOf[] = []
  for (const task of input.tasks) {
    if (scope.addedLater.has(task.key)) continue
    const onAsOf = taskOnAsOf(task, clock, scope.laterHoursByKey.get(task.key) ?? 0)
    tasksOnAsOf.push(onAsOf)
    for (const buckets of [overall, groups.ofCurrentPhase(task.phase).buckets])
      addTaskOnAsOf(buckets, onAsOf, scope.effectiveByKey.get(task.key) ?? [])
    const budget = baselineBudget.get(task.key)
    if (onAsOf.doneWeek !== null && budget) {
      for (const buckets of [overall, budget.buckets]) {
        buckets.earnedHours += budget.hours
        buckets.earnedTasks += 1
      }
    }
  }
  return {
    groups,
    overall,
    inBaselineChanges: changes.inBaseline,
    effectiveChanges: scope.effectiveChanges,
    tasksOnAsOf,
  }
}

function taskOnAsOf(task: ProgressTaskInput, clock: AsOfClock, hoursAddedLater: number): TaskOnAsOf {
  const estimateAsOf = (task.estimateHours ?? 0) - hoursAddedLater
  const resolved = resolveTaskState(task, clock.asOf)
  const doneWeek =
    resolved.state === 'done' && resolved.doneAt ? clock.calendar.progressWeekOfDate(resolved.doneAt) : null
  return { task, estimateAsOf, resolved, doneWeek }
}

function taskRowsOf(
  input: ProgressInput,
  clock: AsOfClock,
  tasksOnAsOf: TaskOnAsOf[],
): { taskRows: TaskProgress[]; latestScheduledWeek: number } {
  const currentWeekOfDay = weekOfPlanDayFor(input.current, clock.calendar)
  const taskRows: TaskProgress[] = []
  let latestScheduledWeek = 0
  for (const onAsOf of tasksOnAsOf) {
    const schedule = scheduledWeeks(onAsOf.task, input.current, currentWeekOfDay)
    if (schedule) latestScheduledWeek = Math.max(latestScheduledWeek, schedule.last)
    const overdue = schedule !== null && schedule.last <= clock.lastCompletedWeek && onAsOf.resolved.state !== 'done'
    taskRows.push(taskRow(onAsOf, schedule, overdue, input))
  }
  return { taskRows, latestScheduledWeek }
}

/** The plan's end, the finish forecast, and the burndown over every week either reaches. */
function timelineOf(
  input: ProgressInput,
  clock: AsOfClock,
  ledger: Ledger,
  scopeBasis: Basis,
  latestScheduledWeek: number,
): Timeline {
  const { calendar, asOfWeek, lastCompletedWeek } = clock
  const { overall } = ledger
  const planMilestones = input.current.milestones.length ? input.current.milestones : input.baseline.milestones
  const planEndWeek = Math.max(
    input.baseline.weeks,
    input.current.weeks,
    overall.idealHours.length - 1,
    overall.idealTasks.length - 1,
    latestScheduledWeek,
    ...planMilestones.map((milestone) => milestone.week),
  )
  const forecast = forecastFinish({
    calendar,
    overall,
    basis: scopeBasis,
    remaining:
      scopeBasis === 'hours'
        ? overall.scopeHoursAtAsOf - overall.doneHoursAtAsOf
        : overall.scopeTasksAtAsOf - overall.doneTaskCount,
    hasWork: overall.scopeTasksAtAsOf > 0,
    lastCompletedWeek,
    latestDoneAt: latestDoneAt(ledger.tasksOnAsOf),
    options: input.forecast ?? {},
  })
  const lastWeek = Math.max(
    planEndWeek,
    asOfWeek,
    forecast.p50Week ?? 0,
    forecast.p85Week ?? 0,
    forecast.p95Week ?? 0,
    forecast.velocityWeek ?? 0,
  )
  const burndown = burndownRows(overall, calendar, asOfWeek, lastWeek)
  if (input.originalBaseline) addOriginalIdeal(burndown, originalIdealBuckets(input.originalBaseline, calendar))
  return { planMilestones, planEndWeek, lastWeek, forecast, burndown }
}

function earnedValueFor(scheduleBasis: Basis, elapsedWeeks: number) {
  return (buckets: ProgressBuckets) =>
    scheduleBasis === 'hours'
      ? earnedValueFigures(buckets.idealHours, buckets.earnedHours, elapsedWeeks)
      : earnedValueFigures(buckets.idealTasks, buckets.earnedTasks, elapsedWeeks)
}

function percentsOf(overall: ProgressBuckets, scopeBasis: Basis) {
  return {
    basis: scopeBasis,
    verifiedPercent: verifiedPercentOf(overall, scopeBasis),
    claimedPercent: claimedPercentOf(overall, scopeBasis),
    scopeHours: round2(overall.scopeHoursAtAsOf),
    doneHours: round2(overall.doneHoursAtAsOf),
    remainingHours: round2(overall.scopeHoursAtAsOf - overall.doneHoursAtAsOf),
  }
}

function countsOf(ledger: Ledger, taskRows: TaskProgress[], asOfWeek: number) {
  const { overall } = ledger
  const overdueKeys = taskRows.filter((row) => row.overdue).map((row) => row.key)
  const countState = (state: string) => taskRows.filter((row) => row.state === state).length
  const doneThisWeek = ledger.tasksOnAsOf.filter((onAsOf) => onAsOf.doneWeek === asOfWeek)
  return {
    taskCount: overall.taskCount,
    doneTaskCount: overall.doneTaskCount,
    remainingTaskCount: overall.taskCount - overall.doneTaskCount,
    inProgressCount: countState('in-progress'),
    needsConfirmationCount: countState('needs-confirmation'),
    blockedCount: countState('blocked'),
    disagreementCount: taskRows.filter((row) => row.disagreement).length,
    overdueCount: overdueKeys.length,
    overdueTaskKeys: overdueKeys,
    doneThisWeek: {
      tasks: doneThisWeek.length,
      hours: round2(doneThisWeek.reduce((sum, onAsOf) => sum + onAsOf.estimateAsOf, 0)),
      taskKeys: doneThisWeek.map((onAsOf) => onAsOf.task.key),
    },
    unscheduledTasks: overall.unscheduledTasks,
    unscheduledHours: round2(overall.unscheduledHours),
    unestimatedTasks: ledger.tasksOnAsOf.filter((onAsOf) => onAsOf.task.estimateHours === null).length,
  }
}

/**
 * The baseline's ideal line: each scheduled task's hours spread over its schedule.
 * Returns each scheduled task's budget and the phase it was planned in, for earned value.
 */
function addBaselineSchedule(
  input: ProgressInput,
  calendar: PlanCalendar,
  overall: ProgressBuckets,
  groups: PhaseGroups,
): Map<string, { hours: number; buckets: ProgressBuckets }> {
  const budgets = new Map<string, { hours: number; buckets: ProgressBuckets }>()
  scheduleBaseline(
    input.baseline,
    calendar,
    (task) => [overall, groups.ofBaselinePhase(task.phase).buckets],
    (task, hours) => budgets.set(task.key, { hours, buckets: groups.ofBaselinePhase(task.phase).buckets }),
  )
  return budgets
}

interface ScopeTimeline {
  effectiveChanges: EffectiveChange[]
  effectiveByKey: Map<string, EffectiveChange[]>
  /** hours each task gained after asOf (undone to get its estimate on asOf) */
  laterHoursByKey: Map<string, number>
  /** tasks added after asOf: not there yet on asOf */
  addedLater: Set<string>
}

/**
 * Scope changes made on or before asOf step the scope line in the week they were made;
 * changes made later are undone, so the scope is what it was on asOf.
 */
function applyScopeChanges(
  changes: ScopeChange[],
  asOf: string,
  calendar: PlanCalendar,
  bucketsOfKey: (key: string) => ProgressBuckets[],
  currentKeys: Set<string>,
): ScopeTimeline {
  const timeline: ScopeTimeline = {
    effectiveChanges: [],
    effectiveByKey: new Map(),
    laterHoursByKey: new Map(),
    addedLater: new Set(),
  }
  for (const change of changes) {
    const taskCountDelta = change.kind === 'added' ? 1 : change.kind === 'removed' ? -1 : 0
    const targets = bucketsOfKey(change.taskKey)
    if (calendarDate(change.date) > asOf) {
      timeline.laterHoursByKey.set(
        change.taskKey,
        (timeline.laterHoursByKey.get(change.taskKey) ?? 0) + change.hoursDelta,
      )
      if (change.kind === 'added') timeline.addedLater.add(change.taskKey)
      // Work removed after asOf is not among the current tasks but was in scope on asOf.
      if (!currentKeys.has(change.taskKey)) {
        for (const buckets of targets) {
          buckets.scopeHoursAtAsOf -= change.hoursDelta
          buckets.scopeTasksAtAsOf -= taskCountDelta
        }
      }
      continue
    }
    const effective = { change, changeWeek: calendar.progressWeekOfDate(change.date) }
    timeline.effectiveChanges.push(effective)
    const forKey = timeline.effectiveByKey.get(change.taskKey) ?? []
    forKey.push(effective)
    timeline.effectiveByKey.set(change.taskKey, forKey)
    for (const buckets of targets) {
      buckets.scopeHoursChange.add(effective.changeWeek, change.hoursDelta)
      buckets.scopeTasksChange.add(effective.changeWeek, taskCountDelta)
    }
  }
  return timeline
}

/**
 * Adds one current task to the scope and burnup. Done hours count with the estimate the
 * task had in each week: a re-estimate made after the task was done moves its done hours
 * at the week of the change, and a task added after it was done counts from the addition.
 */
function addTaskOnAsOf(buckets: ProgressBuckets, onAsOf: TaskOnAsOf, changes: EffectiveChange[]): void {
  const { task, estimateAsOf, doneWeek } = onAsOf
  buckets.taskCount++
  buckets.scopeHoursAtAsOf += estimateAsOf
  buckets.scopeTasksAtAsOf += 1
  if (task.claimedDone) {
    buckets.claimedHours += estimateAsOf
    buckets.claimedTasks++
  }
  if (doneWeek === null) return
  buckets.doneTaskCount++
  buckets.doneHoursAtAsOf += estimateAsOf
  buckets.doneHours.add(doneWeek, estimateAsOf)
  let countsFromWeek = doneWeek
  for (const { change, changeWeek } of changes) {
    if (changeWeek <= doneWeek) continue
    buckets.doneHours.add(doneWeek, -change.hoursDelta)
    buckets.doneHours.add(changeWeek, change.hoursDelta)
    if (change.kind === 'added') countsFromWeek = Math.max(countsFromWeek, changeWeek)
  }
  buckets.doneTasks.add(countsFromWeek, 1)
}

function taskRow(
  onAsOf: TaskOnAsOf,
  schedule: { first: number; last: number } | null,
  overdue: boolean,
  input: ProgressInput,
): TaskProgress {
  const { task, resolved } = onAsOf
  return {
    key: task.key,
    title: task.title,
    phase: task.phase,
    phaseTitle: task.phase === null ? null : (input.current.phases[task.phase]?.title ?? null),
    state: resolved.state,
    source: resolved.source,
    claimedDone: task.claimedDone,
    disagreement: resolved.disagreement,
    evidenceState: resolved.evidenceState,
    manual: resolved.source === 'manual' ? task.manual : null,
    doneAt: resolved.state === 'done' ? resolved.doneAt : null,
    doneWeek: onAsOf.doneWeek,
    estimateHours: task.estimateHours === null ? null : round2(onAsOf.estimateAsOf),
    estimateDerived: task.estimateDerived,
    scheduledWeekStart: schedule?.first ?? null,
    scheduledWeekEnd: schedule?.last ?? null,
    overdue,
    evidence: resolved.evidenceItems,
  }
}

function verifiedPercentOf(buckets: ProgressBuckets, basis: 'hours' | 'tasks'): number {
  return basis === 'hours'
    ? percentOf(buckets.doneHoursAtAsOf, buckets.scopeHoursAtAsOf)
    : percentOf(buckets.doneTaskCount, buckets.scopeTasksAtAsOf)
}

function claimedPercentOf(buckets: ProgressBuckets, basis: 'hours' | 'tasks'): number {
  return basis === 'hours'
    ? percentOf(buckets.claimedHours, buckets.scopeHoursAtAsOf)
    : percentOf(buckets.claimedTasks, buckets.scopeTasksAtAsOf)
}

function latestDoneAt(tasks: TaskOnAsOf[]): string | null {
  let latest: string | null = null
  for (const { resolved } of tasks) {
    if (resolved.state === 'done' && resolved.doneAt && (latest === null || resolved.doneAt > latest))
      latest = resolved.doneAt
  }
  return latest
}

function toLogEntry({ change, changeWeek }: EffectiveChange): ScopeChangeLogEntry {
  return { ...change, date: calendarDate(change.date), changeWeek }
}

/** Every change made by asOf, in the order made: those the baseline holds are kept in the log, marked. */
function scopeLog(
  inBaseline: ScopeChange[],
  effective: EffectiveChange[],
  asOf: string,
  calendar: PlanCalendar,
): ScopeChangeLogEntry[] {
  const held = inBaseline
    .filter((change) => calendarDate(change.date) <= asOf)
    .map((change) => ({
      ...toLogEntry({ change, changeWeek: calendar.progressWeekOfDate(change.date) }),
      inBaseline: true,
    }))
  return [...held, ...effective.map(toLogEntry)]
}

/** Puts the original baseline's ideal remaining beside each burndown row. */
function addOriginalIdeal(rows: BurndownPoint[], original: ProgressBuckets): void {
  let hours = 0
  let tasks = 0
  for (const row of rows) {
    hours += original.idealHours.at(row.week)
    tasks += original.idealTasks.at(row.week)
    row.originalIdealRemainingHours = Math.max(0, round2(original.idealTotalHours - hours))
    row.originalIdealRemainingTasks = Math.max(0, round2(original.idealTotalTasks - tasks))
  }
}
