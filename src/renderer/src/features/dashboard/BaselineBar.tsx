import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import { Modal } from '../../components/Modal'
import { usePlanDetail, useProgress } from '../../data/hooks'
import { rebaseline } from './dashboard-actions'
import { formatDate } from '../../lib/format'
import type { BaselineRef } from '../../../../shared/progress-model'
import type { PlanDetail } from '../../../../shared/contract/plans'

const NO_VERSIONS: PlanDetail['versions'] = []
const NO_BASELINES: BaselineRef[] = []

export function baselineLabel(baseline: BaselineRef): string {
  const when = baseline.original ? `first import, ${formatDate(baseline.setAt)}` : `set ${formatDate(baseline.setAt)}`
  const tags = [baseline.original ? 'original' : null, baseline.latest ? 'current' : null].filter(Boolean)
  return `Version ${baseline.versionNo} · ${when}${tags.length ? ` (${tags.join(', ')})` : ''}`
}

function RebaselineDialog({ onClose }: { onClose(): void }) {
  const versions = usePlanDetail().data?.versions ?? NO_VERSIONS
  const [versionNo, setVersionNo] = useState(versions.at(-1)?.versionNo ?? 1)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const id = useId()
  return (
    <Modal titleId={`${id}-title`} onClose={onClose} className="rebaseline-dialog">
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          setBusy(true)
          if (await rebaseline({ versionNo, reason })) onClose()
          else setBusy(false)
        }}
      >
        <h2 id={`${id}-title`}>Rebaseline</h2>
        <p className="muted">
          The ideal line, SPI and schedule variance will be measured against the version you choose. Earlier baselines
          stay viewable, and the scope log keeps every change.
        </p>
        <div className="form-grid">
          <label htmlFor={`${id}-version`}>From version</label>
          <select id={`${id}-version`} value={versionNo} onChange={(event) => setVersionNo(Number(event.target.value))}>
            {versions.map((version) => (
              <option key={version.id} value={version.versionNo}>
                Version {version.versionNo} · imported {formatDate(version.importedAt)}
                {version.versionNo === versions.at(-1)?.versionNo ? ' (current)' : ''}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input
            id={`${id}-reason`}
            type="text"
            maxLength={500}
            value={reason}
            placeholder="e.g. scope agreed with the team on Monday"
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <div className="button-row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Rebaselining…' : 'Rebaseline'}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** Which baseline the figures and the ideal line are measured against; choose another, or rebaseline. */
export function BaselineBar() {
  const baselines = usePlanDetail().data?.baselines ?? NO_BASELINES
  const measured = useProgress().data?.baseline ?? null
  const setBaselineId = useStore((s) => s.setBaselineId)
  const [dialogOpen, setDialogOpen] = useState(false)
  const id = useId()
  if (baselines.length === 0) return null
  const chosen = measured ?? baselines.at(-1)!
  return (
    <div className="baseline-bar" data-testid="baseline-bar" data-baseline-version={chosen.versionNo}>
      <label htmlFor={id}>Baseline</label>
      <select
        id={id}
        value={chosen.id}
        onChange={(event) =>
          setBaselineId(Number(event.target.value) === baselines.at(-1)!.id ? null : Number(event.target.value))
        }
      >
        {[...baselines].reverse().map((baseline) => (
          <option key={baseline.id} value={baseline.id}>
            {baselineLabel(baseline)}
          </option>
        ))}
      </select>
      {chosen.reason && <span className="muted small baseline-reason">“{chosen.reason}”</span>}
      <button type="button" onClick={() => setDialogOpen(true)}>
        Rebaseline…
      </button>
      {dialogOpen && <RebaselineDialog onClose={() => setDialogOpen(false)} />}
    </div>
  )
}
