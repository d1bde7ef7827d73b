import { useQuery } from '@tanstack/react-query'
import type { TaskEvidenceView } from '../../../../shared/contract/evidence'
import type { Task as PlanTask } from '../../../../shared/plan-model'
import type { TaskProgress } from '../../../../shared/progress-model'
import { useStore } from '../../app/store'
import { Modal } from '../../components/Modal'
import { Badge, StateBadge } from '../../components/StateBadge'
import { usePlanDetail, useProgress } from '../../data/hooks'
import { taskEvidenceQuery, taskExplanationQuery, taskHistoryQuery } from '../../data/queries'
import { errorMessage } from '../../lib/errors'
import { formatDate, formatDateTime, formatHours } from '../../lib/format'
import { CheckList } from './CheckList'
import { ManualStatusForm } from './ManualStatusForm'
import type { TaskDrawerState } from './tasks-slice'

function History({ drawer }: { drawer: TaskDrawerState }) {
  const planId = useStore((s) => s.selectedPlanId)
  const { data: history, error } = useQuery(taskHistoryQuery(planId, drawer.taskId))
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      {error && <p className="inline-error">{errorMessage(error)}</p>}
      {history?.length === 0 && <p className="muted">No manual status yet.</p>}
      <ol className="plain-list history-list" data-testid="status-history">
        {history?.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.status}</strong> for {formatDate(entry.date)}
            {entry.note && <> — “{entry.note}”</>}{' '}
            <span className="muted small">({formatDateTime(entry.createdAt)})</span>
          </li>
        ))}
      </ol>
    </section>
  )
}

function StateBadges({
  task,
  progress,
  evidence,
}: {
  task: PlanTask | undefined
  progress: TaskProgress | undefined
  evidence: TaskEvidenceView | undefined
}) {
  return (
    <div className="badges">
      <StateBadge state={progress?.state ?? evidence?.state ?? 'unknown'} />
      {progress?.source && progress.source !== 'none' && <Badge tone="muted">{`from ${progress.source}`}</Badge>}
      {progress?.disagreement && (
        <Badge tone="warn" title="The manual status contradicts the git evidence">
          {`git disagrees (git says ${progress.evidenceState ?? 'nothing'})`}
        </Badge>
      )}
      {progress?.overdue && <Badge tone="danger">overdue</Badge>}
      {task?.claimedDone && <Badge tone="muted">plan claims done</Badge>}
      {evidence?.hasUncommittedEvidence && <Badge tone="warn">uncommitted evidence</Badge>}
    </div>
  )
}

function scheduledText(progress: TaskProgress | undefined): string {
  if (!progress?.scheduledWeekStart) return 'unscheduled'
  const { scheduledWeekStart: start, scheduledWeekEnd: end } = progress
  return `week ${start}${end && end !== start ? `–${end}` : ''}`
}

function Facts({ task, progress }: { task: PlanTask | undefined; progress: TaskProgress | undefined }) {
  return (
    <dl className="facts">
      <dt>Estimate</dt>
      <dd>
        {formatHours(task?.estimateHours)}{' '}
        {task?.estimateText && (
          <span className="muted small">
            (“{task.estimateText}”{task.estimateDerived ? ', from its days' : ''})
          </span>
        )}
      </dd>
      <dt>Scheduled</dt>
      <dd>{scheduledText(progress)}</dd>
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
                  <code>{file.path}</code>{' '}
                  <span className="muted">
                    ({file.role}, line {file.line})
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  )
}

/** the task's checks with their evidence and history, as of the dashboard's date */
function useTaskEvidence(drawer: TaskDrawerState) {
  const planId = useStore((s) => s.selectedPlanId)
  const asOf = useStore((s) => s.asOf)
  const evidence = useQuery(taskEvidenceQuery(planId, drawer.taskId))
  const explanation = useQuery(taskExplanationQuery(planId, { id: drawer.taskId, key: drawer.key }, asOf))
  const evidenceError =
    drawer.taskId === null
      ? 'This work item has no stored task id (re-open the plan).'
      : evidence.error
        ? errorMessage(evidence.error)
        : null
  return {
    evidence: evidence.data,
    explanation: explanation.data ?? null,
    loading: evidence.isPending && drawer.taskId !== null,
    evidenceError,
  }
}

/** One work item: its verdict and why (checks with commit evidence), the manual status, and its history. */
export function TaskDrawer() {
  const drawer = useStore((s) => s.drawer)
  const closeTask = useStore((s) => s.closeTask)
  if (!drawer) return null
  return (
    <Modal titleId="drawer-title" onClose={closeTask} variant="drawer">
      <DrawerContent drawer={drawer} onClose={closeTask} />
    </Modal>
  )
}

function DrawerContent({ drawer, onClose }: { drawer: TaskDrawerState; onClose(): void }) {
  const task = usePlanDetail().data?.plan.tasks.find((candidate) => candidate.key === drawer.key)
  const progress = useProgress().data?.tasks.find((candidate) => candidate.key === drawer.key)
  const { evidence, explanation, loading, evidenceError } = useTaskEvidence(drawer)
  return (
    <div className="drawer-content" data-testid="task-drawer" data-task-key={drawer.key}>
      <header className="drawer-header">
        <div>
          <p className="muted small">
            {task?.number ? `${drawer.key} · ` : ''}
            {progress?.phaseTitle ?? 'Outside any phase'}
          </p>
          <h2 id="drawer-title">{task?.title ?? progress?.title ?? drawer.key}</h2>
        </div>
        <button type="button" className="icon-button" aria-label="Close task" onClick={onClose}>
          ×
        </button>
      </header>
      <StateBadges task={task} progress={progress} evidence={evidence} />
      <Facts task={task} progress={progress} />
      {drawer.actionError && (
        <p role="alert" className="inline-error">
          {drawer.actionError}
        </p>
      )}
      <ManualStatusForm />
      {loading && <p aria-live="polite">Loading evidence…</p>}
      {evidenceError && (
        <p role="alert" className="inline-error">
          Evidence unavailable: {evidenceError}
        </p>
      )}
      {evidence && <CheckList view={evidence} explanation={explanation} />}
      <History drawer={drawer} />
    </div>
  )
}
