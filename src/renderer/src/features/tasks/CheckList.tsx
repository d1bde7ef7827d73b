import { useState } from 'react'
import { useStore } from '../../app/store'
import type { CheckRow } from '../../../../shared/contract/evidence'
import { Badge } from '../../components/StateBadge'
import { formatDate, shortSha } from '../../lib/format'
import { CheckEditor } from './CheckEditor'

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
          Since <code>{shortSha(result.since.sha)}</code> {formatDate(result.since.date)} “{result.since.subject}” (week {result.since.week}
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
          Uncommitted changes {result.uncommitted.holds ? 'would satisfy' : 'touch'} this check (never counted until committed).
        </p>
      )}
    </div>
  )
}

function CheckItem({ check }: { check: CheckRow }) {
  const setCheckEnabled = useStore((s) => s.setCheckEnabled)
  const updateCheckSpec = useStore((s) => s.updateCheckSpec)
  const removeCheck = useStore((s) => s.removeCheck)
  const [editing, setEditing] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState(false)
  return (
    <li className="check-item" data-testid="check-item" data-holds={String(check.result?.holdsNow ?? null)}>
      <div className="check-head">
        <ResultBadge check={check} />
        <span className="check-sentence">{check.spec.sentence}</span>
        <span className="muted small">
          {check.origin === 'user' ? 'yours' : check.edited ? 'derived, edited' : `derived${check.spec.sourceLine ? ` from line ${check.spec.sourceLine}` : ''}`}
        </span>
      </div>
      <Evidence check={check} />
      {editing ? (
        <CheckEditor initial={check.spec} onSave={(spec) => updateCheckSpec(check.id, spec)} onCancel={() => setEditing(false)} />
      ) : (
        <div className="button-row small-buttons">
          <label className="checkbox">
            <input type="checkbox" checked={check.enabled} onChange={(event) => void setCheckEnabled(check.id, event.target.checked)} /> Enabled
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

export function CheckList({ checks }: { checks: CheckRow[] }) {
  const addCheck = useStore((s) => s.addCheck)
  const [adding, setAdding] = useState(false)
  return (
    <section aria-labelledby="checks-title">
      <h3 id="checks-title">Checks</h3>
      {checks.length === 0 && <p className="muted">No checks: git cannot verify this item until you add one.</p>}
      <ul className="plain-list check-list">
        {checks.map((check) => (
          <CheckItem key={check.id} check={check} />
        ))}
      </ul>
      {adding ? (
        <CheckEditor initial={null} onSave={addCheck} onCancel={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add a check…
        </button>
      )}
    </section>
  )
}
