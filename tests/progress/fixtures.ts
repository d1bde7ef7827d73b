import type { ParsedPlan, Phase, Task } from '../../src/shared/plan-model'
import type { CalendarInput, ProgressInput, ProgressTaskInput } from '../../src/shared/progress-model'
import { progressTaskInput } from '../../src/main/progress/task-inputs'

/** Hand-built plans and progress inputs (the parser is not involved). */

export function planTask(fields: Partial<Task> & { key: string }): Task {
  return {
    number: fields.key,
    title: `Task ${fields.key}`,
    phase: null,
    weekStart: null,
    weekEnd: null,
    dayStart: null,
    dayEnd: null,
    estimateHours: null,
    estimateDerived: false,
    estimateText: null,
    claimedDone: false,
    files: [],
    criteria: [],
    subtasks: [],
    codeBlocks: [],
    body: [],
    line: 1,
    lineEnd: 1,
    source: 'heading',
    estimateRange: null,
    estimatePoints: null,
    owner: null,
    ...fields,
  }
}

export function phase(title: string, weekStart: number | null = null, weekEnd: number | null = weekStart): Phase {
  return { title, weekStart, weekEnd, dayStart: null, dayEnd: null, line: 1 }
}

export function plan(fields: Partial<ParsedPlan> & { tasks: Task[] }): ParsedPlan {
  return {
    title: 'Test plan',
    date: '2025-01-06',
    encoding: 'utf-8',
    daysPerWeek: 5,
    daysPerWeekSource: 'default',
    hoursPerDay: 8,
    weeks: Math.max(0, ...fields.tasks.map((task) => task.weekEnd ?? task.weekStart ?? 0)),
    dayWeeks: [],
    phases: [],
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
    ...fields,
  }
}

/** the progress input for a plan task, with optional evidence / manual / claim */
export function progressTask(task: Task, extra: Partial<ProgressTaskInput> = {}): ProgressTaskInput {
  return { ...progressTaskInput(task), ...extra }
}

export const doneBy = (date: string, sha = 'abc1234') => ({
  state: 'done' as const,
  doneAt: date,
  items: [{ checkSentence: 'file exists', holds: true, path: 'src/x.ts', commit: { sha, date, subject: 'work' } }],
})

export const inProgressSince = (date: string) => ({
  state: 'in-progress' as const,
  doneAt: null,
  items: [{ checkSentence: 'file exists', holds: true, commit: { sha: 'def5678', date, subject: 'start' } }],
})

/** Monday 2025-01-06 starts week 1; 5 working days, 8 h a day. */
export const mondayCalendar: CalendarInput = {
  start: '2025-01-06',
  firstWeekday: 1,
  daysPerWeek: 5,
  hoursPerDay: 8,
  nonWorkingDates: [],
}

export function progressInput(baseline: ParsedPlan, fields: Partial<ProgressInput> & { asOf: string }): ProgressInput {
  return {
    baseline,
    current: baseline,
    tasks: baseline.tasks.map((task) => progressTask(task)),
    scopeChanges: [],
    calendar: mondayCalendar,
    ...fields,
  }
}

export const column = <K extends string>(rows: Array<Record<K, unknown>>, key: K) => rows.map((row) => row[key])
