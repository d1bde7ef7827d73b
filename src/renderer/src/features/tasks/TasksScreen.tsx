import { useDeferredValue, useId, useMemo, type ReactNode } from 'react'
import type { RepoLink } from '../../../../shared/contract/repos'
import { TaskStateSchema } from '../../../../shared/progress-model'
import { useStore } from '../../app/store'
import { Screen } from '../../components/Screen'
import { usePlanDetail, useProgress, useRepos } from '../../data/hooks'
import { errorMessage } from '../../lib/errors'
import { stateLabel } from '../../lib/format'
import {
  buildTaskRows,
  DEFAULT_TASK_FILTERS,
  filterTasks,
  groupByPhase,
  sortTasks,
  type StateFilter,
  type TaskFilters,
} from './task-rows'
import { TaskTable } from './TaskTable'

/** every task state, between "all" and the filters that cut across states */
const STATE_OPTIONS: StateFilter[] = ['all', ...TaskStateSchema.options, 'overdue', 'disagreement', 'manual']
const NO_REPOS: RepoLink[] = []
const STATE_OPTION_LABELS: Partial<Record<StateFilter, string>> = {
  all: 'All states',
  overdue: 'Overdue',
  disagreement: 'Git disagrees',
  manual: 'Manual status',
}

function SelectFilter({
  id,
  label,
  value,
  onChange,
  disabled,
  children,
}: {
  id: string
  label: string
  value: string
  onChange(value: string): void
  disabled?: boolean
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled}>
        {children}
      </select>
    </div>
  )
}

function PlanFilters({
  id,
  weeks,
  filters,
  setTaskFilters,
}: {
  id: string
  weeks: number
  filters: TaskFilters
  setTaskFilters(patch: Partial<TaskFilters>): void
}) {
  const phases = usePlanDetail().data?.plan.phases ?? []
  const repos = useRepos().data ?? []
  return (
    <>
      <SelectFilter
        id={`${id}-phase`}
        label="Phase"
        value={filters.phase}
        onChange={(phase) => setTaskFilters({ phase })}
      >
        <option value="all">All phases</option>
        {phases.map((phase, index) => (
          <option key={index} value={String(index)}>
            {phase.title}
          </option>
        ))}
        <option value="none">Outside any phase</option>
      </SelectFilter>
      <SelectFilter id={`${id}-week`} label="Week" value={filters.week} onChange={(week) => setTaskFilters({ week })}>
        <option value="all">All weeks</option>
        {Array.from({ length: weeks }, (_, index) => (
          <option key={index} value={String(index + 1)}>
            Week {index + 1}
          </option>
        ))}
      </SelectFilter>
      <SelectFilter
        id={`${id}-repo`}
        label="Repository"
        value={filters.repo}
        onChange={(repo) => setTaskFilters({ repo })}
        disabled={repos.length === 0}
      >
        <option value="all">All repositories</option>
        {repos.map((repo) => (
          <option key={repo.repoId} value={String(repo.repoId)}>
            {repo.name}
          </option>
        ))}
      </SelectFilter>
    </>
  )
}

function FilterBar({ weeks }: { weeks: number }) {
  const filters = useStore((s) => s.taskFilters)
  const setTaskFilters = useStore((s) => s.setTaskFilters)
  const id = useId()
  const changed = JSON.stringify(filters) !== JSON.stringify(DEFAULT_TASK_FILTERS)
  return (
    <div className="filter-bar" role="search" aria-label="Filter tasks">
      <div className="field">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          id={`${id}-text`}
          type="search"
          placeholder="Key or title"
          value={filters.text}
          onChange={(event) => setTaskFilters({ text: event.target.value })}
        />
      </div>
      <SelectFilter
        id={`${id}-state`}
        label="State"
        value={filters.state}
        onChange={(state) => setTaskFilters({ state: state as StateFilter })}
      >
        {STATE_OPTIONS.map((state) => (
          <option key={state} value={state}>
            {STATE_OPTION_LABELS[state] ?? stateLabel(state)}
          </option>
        ))}
      </SelectFilter>
      <PlanFilters id={id} weeks={weeks} filters={filters} setTaskFilters={setTaskFilters} />
      {changed && (
        <button type="button" onClick={() => setTaskFilters(DEFAULT_TASK_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  )
}

/** Every work item of the plan with its verified state; filter, search, sort, and open one for its evidence. */
export function TasksScreen() {
  const planId = useStore((s) => s.selectedPlanId)
  const detail = usePlanDetail().data
  const progressQuery = useProgress()
  const repos = useRepos().data ?? NO_REPOS
  const filters = useStore((s) => s.taskFilters)
  const sort = useStore((s) => s.taskSort)
  const deferredFilters = useDeferredValue(filters)
  const progress = progressQuery.data

  const rows = useMemo(() => (detail ? buildTaskRows(detail, progress ?? null) : []), [detail, progress])
  const items = useMemo(
    () => groupByPhase(sortTasks(filterTasks(rows, deferredFilters, repos), sort)),
    [rows, deferredFilters, repos, sort],
  )
  const shown = items.filter((item) => item.kind === 'task').length
  const count = (
    <p className="muted" aria-live="polite" data-testid="task-count">
      {shown} of {rows.length} work items
    </p>
  )
  return (
    <Screen
      title="Tasks"
      titleId="tasks-title"
      className="tasks-screen"
      actions={detail && count}
      empty={planId === null && 'No plan selected.'}
      loading={!detail}
      errors={[progressQuery.error && `States are unavailable: ${errorMessage(progressQuery.error)}`]}
    >
      {detail && <FilterBar weeks={Math.max(detail.plan.weeks, 1)} />}
      <TaskTable items={items} total={rows.length} />
    </Screen>
  )
}
