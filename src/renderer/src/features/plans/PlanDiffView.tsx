import type { PlanDiffData } from '../../../../shared/contract/plans'
import { formatHours } from '../../lib/format'

/** What a re-import changes: added, removed and re-estimated work items. */
export function PlanDiffView({ diff }: { diff: PlanDiffData }) {
  const unchanged = diff.added.length === 0 && diff.removed.length === 0 && diff.reestimated.length === 0
  return (
    <section aria-labelledby="diff-title" className="diff" data-testid="import-diff">
      <h3 id="diff-title">Changes from the current version</h3>
      {unchanged ? (
        <p className="muted">No work items added, removed or re-estimated.</p>
      ) : (
        <ul className="plain-list">
          {diff.added.map((task) => (
            <li key={`a-${task.key}`} className="diff-added">
              <span className="badge tone-ok">added</span> {task.key} {task.title} ({formatHours(task.estimateHours)})
            </li>
          ))}
          {diff.removed.map((task) => (
            <li key={`r-${task.key}`} className="diff-removed">
              <span className="badge tone-danger">removed</span> {task.key} {task.title} (
              {formatHours(task.estimateHours)})
            </li>
          ))}
          {diff.reestimated.map((task) => (
            <li key={`e-${task.nextKey}`}>
              <span className="badge tone-warn">re-estimated</span> {task.nextKey} {task.title}:{' '}
              {formatHours(task.from)} → {formatHours(task.to)}
            </li>
          ))}
        </ul>
      )}
      {diff.mapping.some((entry) => entry.how !== 'same-key') && (
        <p className="muted small">
          Matched:{' '}
          {diff.mapping
            .filter((entry) => entry.how !== 'same-key')
            .map((entry) => `${entry.previousKey} → ${entry.nextKey} (${entry.how})`)
            .join(', ')}
        </p>
      )}
    </section>
  )
}
