import { useStore } from '../../app/store'
import type { ProgressReport, TaskProgress } from '../../../../shared/progress-model'
import { formatHours } from '../../lib/format'

function TaskList({ id, title, tasks, empty, detail }: { id: string; title: string; tasks: TaskProgress[]; empty: string; detail(task: TaskProgress): string }) {
  const openTask = useStore((s) => s.openTask)
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list task-links" data-testid={id}>
          {tasks.slice(0, 50).map((task) => (
            <li key={task.key}>
              <button type="button" className="link-button" onClick={() => void openTask(task.key)}>
                <span className="task-key">{task.key}</span> {task.title}
              </button>
              <span className="muted small"> {detail(task)}</span>
            </li>
          ))}
          {tasks.length > 50 && <li className="muted">… and {tasks.length - 50} more (see Tasks)</li>}
        </ul>
      )}
    </section>
  )
}

/** What needs the lead: overdue work, items whose evidence needs a human, manual statuses git contradicts. */
export function AttentionLists({ report }: { report: ProgressReport }) {
  const overdue = report.tasks.filter((task) => task.overdue)
  const confirm = report.tasks.filter((task) => task.state === 'needs-confirmation' || task.disagreement)
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
        detail={(task) => (task.disagreement ? 'manual status disagrees with git' : 'evidence is not conclusive')}
      />
    </div>
  )
}
