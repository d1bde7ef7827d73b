import { useState } from 'react'
import type { CheckRow } from '../../../../shared/contract/checks'
import type { CheckExplanation, TaskEvidenceView, TaskExplanation } from '../../../../shared/contract/evidence'
import { Badge } from '../../components/StateBadge'
import { formatDate, shortSha } from '../../lib/format'
import { CheckEditor } from './CheckEditor'
import { addCheck, removeCheck, setCheckEnabled, updateCheckSpec } from './task-actions'

function ResultBadge({ check }: { check: CheckRow }) {
  if (!check.enabled) return <Badge tone="muted">disabled</Badge>
  const holds = check.result?.holdsNow
  if (holds === true) return <Badge tone="ok">holds</Badge>
  if (holds === false) return <Badge tone="danger">does not hold</Badge>
  return <Badge tone="muted">{check.result ? 'not evaluated' : 'not synced'}</Badge>
}

function Evidence({ check }: { check: CheckRow }) {
  const result = check.result
  if (!result) return null
  return (
    <div className="evidence">
      {result.since && (
        <p className="small">
          Since <code>{shortSha(result.since.sha)}</code> {formatDate(result.since.date)} “{result.since.subject}” (week{' '}
          {result.since.week}
          {result.since.atWindowStart ? ', or earlier' : ''})
        </p>
      )}
      {result.message && <p className="small muted">{result.message}</p>}
      {result.evidence.length > 0 && (
        <ul className="plain-list small evidence-list">
          {result.evidence.slice(0, 12).map((item, index) => (
            <li key={index}>
              <code>
                {item.path}
                {item.lines.length > 0 ? `:${item.lines.slice(0, 5).join(',')}` : ''}
              </code>
              {item.commit && (
                <span>
                  {' '}
                  · <code>{shortSha(item.commit.sha)}</code> {formatDate(item.commit.date)} “{item.commit.subject}”
                </span>
              )}
              {item.note && <span className="muted"> · {item.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {result.uncommitted && (
        <p className="small tone-warn-text">
          Uncommitted changes {result.uncommitted.holds ? 'would satisfy' : 'touch'} this check (never counted until
          committed).
        </p>
      )}
    </div>
  )
}

/** the check's true/false runs over history, each with the commit that flipped it */
function CheckHistory({ explained }: { explained: CheckExplanation | undefined }) {
  if (!explained) return null
  return (
    <div className="check-history small" data-testid="check-history">
      {explained.source && explained.source !== explained.sentence && (
        <p className="muted">
          From the plan{explained.sourceLine ? ` (line ${explained.sourceLine})` : ''}: “{explained.source}”
        </p>
      )}
      {explained.repos.map((repo) => (
        <ol key={repo.repoId} className="plain-list run-list" aria-label="History of this check">
          {repo.runs
            .filter((run, index) => index > 0 || run.value || repo.runs.length === 1)
            .map((run, index) => (
              <li
                key={index}
                className={run.value ? 'run-true' : 'run-false'}
                data-testid="check-run"
                data-value={String(run.value)}
              >
                {run.label}
                {run.startCommit && run.start && <span className="muted"> “{run.startCommit.subject}”</span>}
              </li>
            ))}
        </ol>
      ))}
      {explained.role !== 'criterion' && (
        <p className="muted">
          {explained.role === 'progress'
            ? 'Shows progress only: it never makes the item done.'
            : 'Supporting evidence only: it never decides the item.'}
        </p>
      )}
    </div>
  )
}

function CheckItem({ check, explained }: { check: CheckRow; explained?: CheckExplanation }) {
  const [editing, setEditing] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState(false)
  return (
    <li className="check-item" data-testid="check-item" data-holds={String(check.result?.holdsNow ?? null)}>
      <div className="check-head">
        <ResultBadge check={check} />
        <span className="check-sentence">{check.spec.sentence}</span>
        <span className="muted small">
          {check.origin === 'user'
            ? 'yours'
            : check.edited
              ? 'derived, edited'
              : `derived${check.spec.sourceLine ? ` from line ${check.spec.sourceLine}` : ''}`}
        </span>
      </div>
      <Evidence check={check} />
      <CheckHistory explained={explained} />
      {editing ? (
        <CheckEditor
          initial={check.spec}
          onSave={(spec) => updateCheckSpec(check.id, spec)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="button-row small-buttons">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={check.enabled}
              onChange={(event) => void setCheckEnabled(check.id, event.target.checked)}
            />{' '}
            Enabled
          </label>
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          {confirmRemove ? (
            <>
              <button type="button" className="danger" onClick={() => void removeCheck(check.id)}>
                Remove check
              </button>
              <button type="button" onClick={() => setConfirmRemove(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="danger-outline" onClick={() => setConfirmRemove(true)}>
              Remove…
            </button>
          )}
        </div>
      )}
    </li>
  )
}

/** why the item is not decided by git: no checks yet, no criterion among them, not synced, or inconclusive */
function Verdict({ view, onAdd }: { view: TaskEvidenceView; onAdd: () => void }) {
  if (view.reason === 'no-criteria') {
    const none = view.checks.length === 0
    return (
      <div className="verdict" data-testid="evidence-verdict" data-reason={none ? 'no-checks' : 'no-criteria'}>
        <p>
          <strong>{none ? 'No checks yet.' : 'No criterion check yet.'}</strong>{' '}
          {none
            ? 'Git cannot verify this item until it has one.'
            : 'Changed files and tool mentions alone never make an item done.'}
        </p>
        <button type="button" onClick={onAdd}>
          Add a check
        </button>
      </div>
    )
  }
  if (view.reason === 'not-synced')
    return (
      <p className="verdict muted" data-testid="evidence-verdict" data-reason="not-synced">
        Not evaluated yet: sync the connected repositories.
      </p>
    )
  if (view.reason === 'partly-read')
    return (
      <div className="verdict" data-testid="evidence-verdict" data-reason="partly-read">
        <p>
          <strong>Every check holds, but part of a criterion sentence could not be read.</strong> Git cannot say the
          item is done until that part has a check of yours (see &ldquo;not checkable&rdquo; below), or you confirm it.
        </p>
        <button type="button" onClick={onAdd}>
          Add a check
        </button>
      </div>
    )
  if (view.reason === 'inconclusive')
    return (
      <p className="verdict tone-warn-text" data-testid="evidence-verdict" data-reason="inconclusive">
        Checks inconclusive: some could not be evaluated (see the messages below).
      </p>
    )
  return null
}

export function CheckList({ view, explanation }: { view: TaskEvidenceView; explanation: TaskExplanation | null }) {
  const [adding, setAdding] = useState(false)
  const checks = view.checks
  const explainedById = new Map(explanation?.checks.map((c) => [c.checkId, c]) ?? [])
  return (
    <section aria-labelledby="checks-title">
      <h3 id="checks-title">Checks</h3>
      <Verdict view={view} onAdd={() => setAdding(true)} />
      <ul className="plain-list check-list">
        {checks.map((check) => (
          <CheckItem key={check.id} check={check} explained={explainedById.get(check.id)} />
        ))}
      </ul>
      {explanation && explanation.notCheckable.length > 0 && (
        <div className="small muted" data-testid="not-checkable">
          <p>Criteria no check could be made from (rephrase them, or add a check):</p>
          <ul className="plain-list">
            {explanation.notCheckable.map((line) => (
              <li key={line.line}>
                line {line.line}: “{line.text}”
              </li>
            ))}
          </ul>
        </div>
      )}
      {adding ? (
        <CheckEditor initial={null} onSave={addCheck} onCancel={() => setAdding(false)} />
      ) : (
        view.reason !== 'no-criteria' && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a check…
          </button>
        )
      )}
    </section>
  )
}
