import { useId, useState } from 'react'
import type { ProgressReport, TaskProgress } from '../../../../shared/progress-model'
import { formatHours } from '../../lib/format'
import { useNumberedKeys } from '../../data/hooks'
import { visibleKey } from '../../lib/task-label'
import { openTask } from '../tasks/task-actions'

/** How many items a list shows before "Show all". */
export const ATTENTION_LIST_CAP = 8

function TaskList({
  id,
  title,
  tasks,
  empty,
  detail,
}: {
  id: string
  title: string
  tasks: TaskProgress[]
  empty: string
  detail(task: TaskProgress): string
}) {
  const numberedKeys = useNumberedKeys()
  const [expanded, setExpanded] = useState(false)
  const listId = useId()
  const shown = expanded ? tasks : tasks.slice(0, ATTENTION_LIST_CAP)
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <ul className="plain-list task-links" data-testid={id} id={listId}>
            {shown.map((task) => {
              const key = visibleKey(task.key, numberedKeys)
              return (
                <li key={task.key} data-task-key={task.key}>
                  <button type="button" className="link-button" onClick={() => openTask(task.key)}>
                    {key !== null && (
                      <>
                        <span className="task-key">{key}</span>{' '}
                      </>
                    )}
                    {task.title}
                  </button>
                  <span className="muted small"> {detail(task)}</span>
                </li>
              )
            })}
          </ul>
          {tasks.length > ATTENTION_LIST_CAP && (
            <button
              type="button"
              className="link-button show-all"
              aria-expanded={expanded}
              aria-controls={listId}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? 'Show fewer' : `Show all ${tasks.length}`}
            </button>
          )}
        </>
      )}
    </section>
  )
}

/** What needs the lead: overdue work, items whose evidence needs a human, manual statuses git contradicts. */
export function AttentionLists({ progress }: { progress: ProgressReport }) {
  const overdue = progress.tasks.filter((task) => task.overdue)
  const confirm = progress.tasks.filter((task) => task.state === 'needs-confirmation' || task.disagreement)
  return (
    <div className="two-columns">
      <TaskList
        id="overdue-title"
        title="Overdue"
        tasks={overdue}
        empty="Nothing overdue."
        detail={(task) => `due week ${task.scheduledWeekEnd ?? '—'} · ${formatHours(task.estimateHours)}`}
      />
      <TaskList
        id="confirm-title"
        title="Needs confirmation"
        tasks={confirm}
        empty="Nothing waiting for a decision."
        detail={(task) =>
          task.disagreement
            ? 'manual status disagrees with git'
            : task.evidence.length === 0
              ? 'no checks yet'
              : 'no criterion check yet'
        }
      />
    </div>
  )
}
