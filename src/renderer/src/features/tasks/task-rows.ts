import type { RepoLink } from '../../../../shared/contract/repos'
import type { PlanDetail } from '../../../../shared/contract/plans'
import type { ProgressReport, TaskProgress, TaskState } from '../../../../shared/progress-model'

/** One work item as the table shows it: the progress verdict joined with the plan's own data. */
export interface TaskRowData {
  key: string
  /** the plan's number for the item ("1.2"); null when unnumbered (its key is then generated, not shown) */
  number: string | null
  title: string
  phase: number | null
  phaseTitle: string
  state: TaskState
  source: TaskProgress['source']
  estimateHours: number | null
  weekStart: number | null
  weekEnd: number | null
  doneAt: string | null
  overdue: boolean
  claimedDone: boolean
  disagreement: boolean
  manual: TaskProgress['manual']
  files: string[]
  /** ids (as strings) of the repos its evidence came from; null when the task was never synced */
  evidenceRepoIds: string[] | null
  /** position in the plan, for the default sort */
  order: number
}

export type StateFilter = 'all' | TaskState | 'overdue' | 'disagreement' | 'manual'

export interface TaskFilters {
  state: StateFilter
  /** phase index as a string, 'none' (outside any phase) or 'all' */
  phase: string
  /** plan week as a string or 'all' */
  week: string
  /** repo id as a string or 'all' */
  repo: string
  text: string
}

export const DEFAULT_TASK_FILTERS: TaskFilters = { state: 'all', phase: 'all', week: 'all', repo: 'all', text: '' }

export type SortKey = 'plan' | 'title' | 'estimate' | 'state' | 'week' | 'doneAt'
export interface TaskSort {
  by: SortKey
  direction: 'asc' | 'desc'
}

export type TableItem =
  { kind: 'phase'; phase: string; count: number; hours: number } | { kind: 'task'; task: TaskRowData }

const OUTSIDE_PHASES = 'Outside any phase'

export function buildTaskRows(detail: PlanDetail, planProgress: ProgressReport | null): TaskRowData[] {
  const progressByKey = new Map((planProgress?.tasks ?? []).map((task) => [task.key, task]))
  return detail.plan.tasks.map((task, order) => {
    const progress = progressByKey.get(task.key)
    return {
      key: task.key,
      number: task.number ?? null,
      title: task.title,
      phase: task.phase,
      phaseTitle: task.phase !== null ? (detail.plan.phases[task.phase]?.title ?? OUTSIDE_PHASES) : OUTSIDE_PHASES,
      state: progress?.state ?? 'unknown',
      source: progress?.source ?? 'none',
      estimateHours: task.estimateHours,
      weekStart: progress?.scheduledWeekStart ?? task.weekStart,
      weekEnd: progress?.scheduledWeekEnd ?? task.weekEnd,
      doneAt: progress?.doneAt ?? null,
      overdue: progress?.overdue ?? false,
      claimedDone: task.claimedDone,
      disagreement: progress?.disagreement ?? false,
      manual: progress?.manual ?? null,
      files: task.files.map((file) => file.path),
      evidenceRepoIds: evidenceRepoIdsOf(progress),
      order,
    }
  })
}

/** Repos the task's evidence came from; null when there is no synced verdict (no progress, or evidence never evaluated). */
function evidenceRepoIdsOf(progress: TaskProgress | undefined): string[] | null {
  if (!progress || progress.evidenceState === null) return null
  return [...new Set(progress.evidence.flatMap((item) => (item.repoId === undefined ? [] : [item.repoId])))]
}

/**
 * A task is in a repo when any of its evidence was resolved in that repo; a synced task without evidence
 * is in no repo. Tasks never synced have no evidence to ask, so only for them the plan paths decide, as an
 * approximation: a repo with a path prefix holds the plan paths under that prefix, one without holds every path.
 */
export function taskInRepo(task: TaskRowData, repo: RepoLink): boolean {
  if (task.evidenceRepoIds !== null) return task.evidenceRepoIds.includes(String(repo.repoId))
  if (task.files.length === 0) return false
  const prefix = (repo.prefix ?? '').replace(/^\/+|\/+$/g, '')
  if (!prefix) return true
  return task.files.some((path) => path === prefix || path.startsWith(`${prefix}/`))
}

function matchesState(task: TaskRowData, state: StateFilter): boolean {
  if (state === 'all') return true
  if (state === 'overdue') return task.overdue
  if (state === 'disagreement') return task.disagreement
  if (state === 'manual') return task.manual !== null
  return task.state === state
}

export function filterTasks(tasks: TaskRowData[], filters: TaskFilters, repos: RepoLink[]): TaskRowData[] {
  const text = filters.text.trim().toLowerCase()
  const week = filters.week === 'all' ? null : Number(filters.week)
  const repo = filters.repo === 'all' ? null : (repos.find((r) => String(r.repoId) === filters.repo) ?? null)
  return tasks.filter((task) => {
    if (!matchesState(task, filters.state)) return false
    if (filters.phase !== 'all') {
      const phase = task.phase === null ? 'none' : String(task.phase)
      if (phase !== filters.phase) return false
    }
    if (week !== null) {
      if (task.weekStart === null) return false
      if (week < task.weekStart || week > (task.weekEnd ?? task.weekStart)) return false
    }
    if (repo && !taskInRepo(task, repo)) return false
    if (text && !`${task.key} ${task.title}`.toLowerCase().includes(text)) return false
    return true
  })
}

const STATE_ORDER: Record<TaskState, number> = {
  done: 0,
  'in-progress': 1,
  'needs-confirmation': 2,
  blocked: 3,
  'not-started': 4,
  unknown: 5,
}

function compare(a: TaskRowData, b: TaskRowData, by: SortKey): number {
  const nullsLast = (x: number | string | null, y: number | string | null) => {
    if (x === y) return 0
    if (x === null) return 1
    if (y === null) return -1
    return x < y ? -1 : 1
  }
  switch (by) {
    case 'title':
      return a.title.localeCompare(b.title)
    case 'estimate':
      return nullsLast(a.estimateHours, b.estimateHours)
    case 'state':
      return STATE_ORDER[a.state] - STATE_ORDER[b.state]
    case 'week':
      return nullsLast(a.weekStart, b.weekStart)
    case 'doneAt':
      return nullsLast(a.doneAt, b.doneAt)
    default:
      return 0
  }
}

export function sortTasks(tasks: TaskRowData[], sort: TaskSort): TaskRowData[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  return [...tasks].sort((a, b) => sign * compare(a, b, sort.by) || a.order - b.order)
}

/** Phase header rows followed by their tasks, phases in plan order. */
export function groupByPhase(tasks: TaskRowData[]): TableItem[] {
  const groups = new Map<number, { phase: string; tasks: TaskRowData[] }>()
  for (const task of tasks) {
    const index = task.phase ?? Number.MAX_SAFE_INTEGER
    if (!groups.has(index)) groups.set(index, { phase: task.phaseTitle, tasks: [] })
    groups.get(index)!.tasks.push(task)
  }
  const items: TableItem[] = []
  for (const [, group] of [...groups].sort(([a], [b]) => a - b)) {
    const hours = group.tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0)
    items.push({ kind: 'phase', phase: group.phase, count: group.tasks.length, hours })
    for (const task of group.tasks) items.push({ kind: 'task', task })
  }
  return items
}
