/**
 * Progress bench: series + forecast for 10,000 tasks over 104 weeks.
 * Run: npx tsx bench/progress-bench.ts
 *
 * Targets: series < 100 ms, series + 10,000 Monte Carlo trials < 500 ms. Each figure is
 * printed next to a raw baseline measured in the same run:
 *  - series vs. a bare single pass that buckets estimates by week (the floor for any series),
 *    and vs. a naive per-week rescan of every task (what per-week buckets avoid);
 *  - Monte Carlo vs. a bare loop making the same number of PRNG draws.
 */
import { performance } from 'node:perf_hooks'
import { computeProgress, monteCarloForecast, mulberry32 } from '../src/main/progress'
import type { ParsedPlan, Task } from '../src/shared/plan-model'
import type { ProgressInput, ProgressTaskInput, ScopeChange } from '../src/shared/progress-model'

const TASKS = 10_000
const WEEKS = 104
const PHASES = 8
const random = mulberry32(2024)
const randomInt = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const dateOfDay = (day: number) => new Date(Date.UTC(2025, 0, 6) + day * 86_400_000).toISOString().slice(0, 10)

function buildInput(trials: number): ProgressInput {
  const tasks: Task[] = []
  for (let index = 0; index < TASKS; index++) {
    const weekStart = randomInt(1, WEEKS)
    tasks.push({
      key: `t${index}`,
      number: null,
      title: `Task ${index}`,
      phase: Math.min(PHASES - 1, Math.floor(((weekStart - 1) * PHASES) / WEEKS)),
      weekStart,
      weekEnd: Math.min(WEEKS, weekStart + randomInt(0, 2)),
      dayStart: null,
      dayEnd: null,
      estimateHours: randomInt(1, 16),
      estimateDerived: false,
      estimateText: null,
      claimedDone: random() < 0.3,
      files: [],
      criteria: [],
      subtasks: [],
      codeBlocks: [],
      body: [],
      line: index + 1,
      lineEnd: index + 1,
      source: 'heading',
      estimateRange: null,
      estimatePoints: null,
      owner: null,
    })
  }
  const plan: ParsedPlan = {
    title: 'bench',
    date: '2025-01-06',
    encoding: 'utf-8',
    daysPerWeek: 5,
    daysPerWeekSource: 'default',
    hoursPerDay: 8,
    weeks: WEEKS,
    dayWeeks: [],
    phases: Array.from({ length: PHASES }, (_, index) => ({
      title: `Phase ${index + 1}`,
      weekStart: null,
      weekEnd: null,
      dayStart: null,
      dayEnd: null,
      line: 1,
    })),
    tasks,
    gates: [],
    backlog: [],
    recaps: [],
    milestones: [],
    claims: [],
    totals: { estimateHours: 0, statedHours: null, statedDays: null },
    repairs: [],
    warnings: [],
    skipped: [],
    interpretation: null,
  }
  const asOfDay = 7 * 60 + 2 // Wednesday of week 61
  const progressTasks: ProgressTaskInput[] = tasks.map((task) => {
    const plannedDay = 7 * ((task.weekEnd ?? 1) - 1) + randomInt(0, 4) + randomInt(-10, 25)
    const done = plannedDay <= asOfDay && random() < 0.85
    const doneAt = dateOfDay(Math.max(-5, plannedDay))
    return {
      key: task.key,
      title: task.title,
      phase: task.phase,
      estimateHours: task.estimateHours,
      estimateDerived: false,
      weekStart: task.weekStart,
      weekEnd: task.weekEnd,
      dayStart: null,
      dayEnd: null,
      claimedDone: task.claimedDone,
      evidence: done
        ? {
            state: 'done',
            doneAt,
            items: [{ checkSentence: 'exists', holds: true, commit: { sha: 'x', date: doneAt, subject: 's' } }],
          }
        : { state: random() < 0.5 ? 'in-progress' : 'not-started', doneAt: null, items: [] },
      manual: random() < 0.02 ? { status: 'done', note: 'by hand', date: dateOfDay(asOfDay - 3) } : null,
    }
  })
  const scopeChanges: ScopeChange[] = Array.from({ length: 100 }, (_, index) => ({
    date: dateOfDay(randomInt(0, asOfDay)),
    kind: 'reestimated',
    taskKey: `t${index * 97}`,
    title: `Task ${index * 97}`,
    hoursDelta: randomInt(-2, 4),
    week: null,
  }))
  return {
    baseline: plan,
    current: plan,
    tasks: progressTasks,
    scopeChanges,
    calendar: { start: '2025-01-06', firstWeekday: 1, daysPerWeek: 5, hoursPerDay: 8, nonWorkingDates: [] },
    asOf: dateOfDay(asOfDay),
    forecast: { trials, seed: 7 },
  }
}

function medianMs(runs: number, work: () => unknown): number {
  for (let warm = 0; warm < 8; warm++) work()
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

/** the floor: one pass over the tasks, bucketing estimates by week, then a prefix sum */
function rawSinglePass(input: ProgressInput): number[] {
  const perWeek = new Float64Array(WEEKS + 2)
  for (const task of input.tasks) perWeek[task.weekEnd ?? 0] += task.estimateHours ?? 0
  const remaining: number[] = []
  let left = perWeek.reduce((sum, hours) => sum + hours, 0)
  for (let week = 0; week <= WEEKS; week++) remaining.push((left -= perWeek[week]))
  return remaining
}

/** naive series: rescans every task for every week (O(tasks × weeks)) */
function naivePerWeekScan(input: ProgressInput): number[] {
  const remaining: number[] = []
  for (let week = 0; week <= WEEKS; week++) {
    let left = 0
    for (const task of input.tasks) if ((task.weekEnd ?? 0) > week) left += task.estimateHours ?? 0
    remaining.push(left)
  }
  return remaining
}

function rawPrngDraws(draws: number): number {
  const next = mulberry32(1)
  let sum = 0
  for (let draw = 0; draw < draws; draw++) sum += next()
  return sum
}

const seriesInput = buildInput(1_000)
const fullInput = { ...seriesInput, forecast: { trials: 10_000, seed: 7 } }
const report = computeProgress(fullInput)
const history = report.burndown
  .slice(1, report.forecast.historyWeeks + 1)
  .map((row, index) => (row.doneHours ?? 0) - (report.burndown[index].doneHours ?? 0))

const seriesMs = medianMs(15, () => computeProgress(seriesInput))
const fullMs = medianMs(15, () => computeProgress(fullInput))
const rawMs = medianMs(15, () => rawSinglePass(seriesInput))
const naiveMs = medianMs(5, () => naivePerWeekScan(seriesInput))
const monteCarloMs = medianMs(15, () =>
  monteCarloForecast({
    weeklyThroughput: history,
    remaining: report.forecast.remaining,
    trials: 10_000,
    seed: 7,
    horizonWeeks: 520,
  }),
)
const meanWeeksPerTrial = (report.forecast.p50Week ?? 0) - report.forecast.historyWeeks
const drawsPerRun = 10_000 * Math.max(1, meanWeeksPerTrial)
const rawDrawsMs = medianMs(15, () => rawPrngDraws(drawsPerRun))

const fmt = (ms: number) => `${ms.toFixed(2).padStart(8)} ms`
console.log(
  `progress bench — ${TASKS} tasks, ${WEEKS} plan weeks, ${report.burndown.length} series weeks, ${report.phases.length} phases`,
)
console.log(
  `forecast: ${report.forecast.status}, P50 week ${report.forecast.p50Week}, P95 week ${report.forecast.p95Week}, velocity week ${report.forecast.velocityWeek}`,
)
console.log('')
console.log(
  `series (computeProgress, 1,000-trial minimum forecast)  ${fmt(seriesMs)}   target < 100 ms  ${seriesMs < 100 ? 'OK' : 'MISSED'}`,
)
console.log(
  `  raw single-pass bucket + prefix sum                   ${fmt(rawMs)}   ratio ${(seriesMs / rawMs).toFixed(1)}x`,
)
console.log(
  `  naive per-week rescan of all tasks                    ${fmt(naiveMs)}   ratio ${(seriesMs / naiveMs).toFixed(2)}x`,
)
console.log(
  `series + 10,000-trial Monte Carlo                        ${fmt(fullMs)}   target < 500 ms  ${fullMs < 500 ? 'OK' : 'MISSED'}`,
)
console.log(`  monteCarloForecast alone (10,000 trials)              ${fmt(monteCarloMs)}`)
console.log(
  `  raw loop of ${drawsPerRun} mulberry32 draws              ${fmt(rawDrawsMs)}   ratio ${(monteCarloMs / rawDrawsMs).toFixed(1)}x`,
)
