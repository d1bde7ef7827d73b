import { useStore } from '../../app/store'
import { Modal } from '../../components/Modal'
import { Badge, StateBadge } from '../../components/StateBadge'
import { formatDate, formatDateTime, formatHours } from '../../lib/format'
import { CheckList } from './CheckList'
import { ManualStatusForm } from './ManualStatusForm'

function History() {
  const drawer = useStore((s) => s.drawer)
  if (!drawer) return null
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      {drawer.historyError && <p className="inline-error">{drawer.historyError}</p>}
      {drawer.history?.length === 0 && <p className="muted">No manual status yet.</p>}
      <ol className="plain-list history-list" data-testid="status-history">
        {drawer.history?.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.status}</strong> for {formatDate(entry.date)}
            {entry.note && <> — “{entry.note}”</>} <span className="muted small">({formatDateTime(entry.createdAt)})</span>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** One work item: its verdict and why (checks with commit evidence), the manual status, and its history. */
export function TaskDrawer() {
  const drawer = useStore((s) => s.drawer)
  const closeTask = useStore((s) => s.closeTask)
  const task = useStore((s) => (s.drawer ? s.detail?.plan.tasks.find((t) => t.key === s.drawer!.key) : undefined))
  const progress = useStore((s) => (s.drawer ? s.report?.tasks.find((t) => t.key === s.drawer!.key) : undefined))
  if (!drawer) return null
  return (
    <Modal titleId="drawer-title" onClose={closeTask} variant="drawer">
      <div className="drawer-content" data-testid="task-drawer" data-task-key={drawer.key}>
        <header className="drawer-header">
          <div>
            <p className="muted small">
              {task?.number ? `${drawer.key} · ` : ''}
              {progress?.phaseTitle ?? 'Outside any phase'}
            </p>
            <h2 id="drawer-title">{task?.title ?? progress?.title ?? drawer.key}</h2>
          </div>
          <button type="button" className="icon-button" aria-label="Close task" onClick={closeTask}>
            ×
          </button>
        </header>
        <div className="badges">
          <StateBadge state={progress?.state ?? drawer.evidence?.state ?? 'unknown'} />
          {progress?.source && progress.source !== 'none' && <Badge tone="muted">{`from ${progress.source}`}</Badge>}
          {progress?.disagreement && (
            <Badge tone="warn" title="The manual status contradicts the git evidence">
              {`git disagrees (git says ${progress.evidenceState ?? 'nothing'})`}
            </Badge>
          )}
          {progress?.overdue && <Badge tone="danger">overdue</Badge>}
          {task?.claimedDone && <Badge tone="muted">plan claims done</Badge>}
          {drawer.evidence?.hasUncommittedEvidence && <Badge tone="warn">uncommitted evidence</Badge>}
        </div>
        <dl className="facts">
          <dt>Estimate</dt>
          <dd>
            {formatHours(task?.estimateHours)} {task?.estimateText && <span className="muted small">(“{task.estimateText}”{task.estimateDerived ? ', from its days' : ''})</span>}
          </dd>
          <dt>Scheduled</dt>
          <dd>{progress?.scheduledWeekStart ? `week ${progress.scheduledWeekStart}${progress.scheduledWeekEnd && progress.scheduledWeekEnd !== progress.scheduledWeekStart ? `–${progress.scheduledWeekEnd}` : ''}` : 'unscheduled'}</dd>
          <dt>Done</dt>
          <dd>{progress?.doneAt ? `${formatDate(progress.doneAt)} (week ${progress.doneWeek})` : 'not yet'}</dd>
          {progress?.manual && (
            <>
              <dt>Manual</dt>
              <dd>
                {progress.manual.status} on {formatDate(progress.manual.date)}
                {progress.manual.note && ` — “${progress.manual.note}”`}
              </dd>
            </>
          )}
          {task && task.files.length > 0 && (
            <>
              <dt>Files</dt>
              <dd>
                <ul className="plain-list small">
                  {task.files.slice(0, 20).map((file, index) => (
                    <li key={index}>
                      <code>{file.path}</code> <span className="muted">({file.role}, line {file.line})</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        {drawer.actionError && (
          <p role="alert" className="inline-error">
            {drawer.actionError}
          </p>
        )}
        <ManualStatusForm />
        {drawer.loading && <p aria-live="polite">Loading evidence…</p>}
        {drawer.evidenceError && (
          <p role="alert" className="inline-error">
            Evidence unavailable: {drawer.evidenceError}
          </p>
        )}
        {drawer.evidence && <CheckList view={drawer.evidence} explanation={drawer.explanation} />}
        <History />
      </div>
    </Modal>
  )
}
