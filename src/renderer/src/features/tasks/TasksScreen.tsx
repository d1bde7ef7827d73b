import { useDeferredValue, useId, useMemo } from 'react'
import { useStore } from '../../app/store'
import { stateLabel } from '../../lib/format'
import { buildTaskRows, DEFAULT_TASK_FILTERS, filterTasks, groupByPhase, sortTasks, type StateFilter } from './task-rows'
import { TaskTable } from './TaskTable'

const STATE_OPTIONS: StateFilter[] = ['all', 'done', 'in-progress', 'not-started', 'needs-confirmation', 'blocked', 'unknown', 'overdue', 'disagreement', 'manual']
const STATE_OPTION_LABELS: Partial<Record<StateFilter, string>> = { all: 'All states', overdue: 'Overdue', disagreement: 'Git disagrees', manual: 'Manual status' }

function FilterBar({ weeks }: { weeks: number }) {
  const filters = useStore((s) => s.taskFilters)
  const setTaskFilters = useStore((s) => s.setTaskFilters)
  const phases = useStore((s) => s.detail?.plan.phases ?? [])
  const repos = useStore((s) => s.repos)
  const id = useId()
  const changed = JSON.stringify(filters) !== JSON.stringify(DEFAULT_TASK_FILTERS)
  return (
    <div className="filter-bar" role="search" aria-label="Filter tasks">
      <div className="field">
        <label htmlFor={`${id}-text`}>Search</label>
        <input id={`${id}-text`} type="search" placeholder="Key or title" value={filters.text} onChange={(event) => setTaskFilters({ text: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>State</label>
        <select id={`${id}-state`} value={filters.state} onChange={(event) => setTaskFilters({ state: event.target.value as StateFilter })}>
          {STATE_OPTIONS.map((state) => (
            <option key={state} value={state}>
              {STATE_OPTION_LABELS[state] ?? stateLabel(state)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-phase`}>Phase</label>
        <select id={`${id}-phase`} value={filters.phase} onChange={(event) => setTaskFilters({ phase: event.target.value })}>
          <option value="all">All phases</option>
          {phases.map((phase, index) => (
            <option key={index} value={String(index)}>
              {phase.title}
            </option>
          ))}
          <option value="none">Outside any phase</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-week`}>Week</label>
        <select id={`${id}-week`} value={filters.week} onChange={(event) => setTaskFilters({ week: event.target.value })}>
          <option value="all">All weeks</option>
          {Array.from({ length: weeks }, (_, index) => (
            <option key={index} value={String(index + 1)}>
              Week {index + 1}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repo`}>Repository</label>
        <select id={`${id}-repo`} value={filters.repo} onChange={(event) => setTaskFilters({ repo: event.target.value })} disabled={repos.length === 0}>
          <option value="all">All repositories</option>
          {repos.map((repo) => (
            <option key={repo.repoId} value={String(repo.repoId)}>
              {repo.name}
            </option>
          ))}
        </select>
      </div>
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
  const detail = useStore((s) => s.detail)
  const report = useStore((s) => s.report)
  const repos = useStore((s) => s.repos)
  const filters = useStore((s) => s.taskFilters)
  const sort = useStore((s) => s.taskSort)
  const deferredFilters = useDeferredValue(filters)
  const reportError = useStore((s) => s.reportError)

  const rows = useMemo(() => (detail ? buildTaskRows(detail, report) : []), [detail, report])
  const items = useMemo(() => groupByPhase(sortTasks(filterTasks(rows, deferredFilters, repos), sort)), [rows, deferredFilters, repos, sort])
  const shown = items.filter((item) => item.kind === 'task').length

  if (!detail) return <section className="screen"><h1>Tasks</h1><p>{useStore.getState().selectedPlanId === null ? 'No plan selected.' : 'Loading…'}</p></section>

  return (
    <section className="screen tasks-screen" aria-labelledby="tasks-title">
      <header className="screen-header">
        <h1 id="tasks-title">Tasks</h1>
        <p className="muted" aria-live="polite" data-testid="task-count">
          {shown} of {rows.length} work items
        </p>
      </header>
      {reportError && (
        <p role="alert" className="inline-error">
          States are unavailable: {reportError}
        </p>
      )}
      <FilterBar weeks={Math.max(detail.plan.weeks, 1)} />
      <TaskTable items={items} total={rows.length} />
    </section>
  )
}
