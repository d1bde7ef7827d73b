import { useId } from 'react'
import { useStore } from '../../app/store'
import { ProgressBar } from '../../components/ProgressBar'
import { useNativeDialogs, useProgress } from '../../data/hooks'
import { formatDate } from '../../lib/format'
import { exportReport, openExportedFile } from './report-actions'
import { EXPORT_KINDS, EXPORT_LABELS, formatBytes, type ExportResult } from './report-export'
import type { ReportExportState } from './report-slice'

const DESCRIPTIONS = {
  pdf: 'the status report to hand out',
  csv: 'one row per task with its verified state and evidence',
  json: 'the full status, for other tools',
}

function resultSummary(result: ExportResult): string {
  const size = `${result.pages !== null ? `${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, ` : ''}${formatBytes(result.bytes)}`
  return result.savedPath ? `Saved ${result.savedPath} (${size}).` : `Downloaded ${result.fileName} (${size}).`
}

function ExportOutcome({ state }: { state: ReportExportState }) {
  if (state.status === 'running') {
    return (
      <div data-testid="export-progress">
        <ProgressBar label={`Exporting ${EXPORT_LABELS[state.kind]}`} done={0} total={0} />
        <p className="muted small">
          {state.kind === 'pdf' ? 'Rendering the report to PDF…' : `Writing the ${EXPORT_LABELS[state.kind]}…`}
        </p>
      </div>
    )
  }
  if (state.status === 'failed') {
    return (
      <p className="inline-error" role="alert" data-testid="export-error">
        {state.message}
      </p>
    )
  }
  const path = state.result.savedPath
  return (
    <div className="export-result" role="status" data-testid="export-result">
      <p>{resultSummary(state.result)}</p>
      {path && (
        <div className="button-row">
          <button type="button" onClick={() => void openExportedFile(path, 'open')}>
            Open file
          </button>
          <button type="button" onClick={() => void openExportedFile(path, 'reveal')}>
            Show in folder
          </button>
        </div>
      )}
      {state.openError && <p className="inline-error">{state.openError}</p>}
    </div>
  )
}

/** PDF (A4 or Letter), CSV and JSON exports: the core renders each one; progress, outcome and errors show here. */
export function ExportPanel({ disabled }: { disabled: boolean }) {
  const paper = useStore((s) => s.paper)
  const setPaper = useStore((s) => s.setPaper)
  const state = useStore((s) => s.reportExport)
  const nativeDialogs = useNativeDialogs()
  const shownAsOf = useProgress().data?.asOf ?? null
  const asOf = useStore((s) => s.asOf) ?? shownAsOf
  const id = useId()
  const running = state?.status === 'running'
  return (
    <section className="panel export-panel" aria-labelledby={`${id}-title`} aria-busy={running}>
      <h2 id={`${id}-title`}>Export</h2>
      {asOf && <p className="muted small">Exports show the status as of {formatDate(asOf)}.</p>}
      <fieldset className="paper-choice">
        <legend>Paper</legend>
        {(['A4', 'Letter'] as const).map((size) => (
          <label key={size} className="radio">
            <input
              type="radio"
              name={`${id}-paper`}
              value={size}
              checked={paper === size}
              onChange={() => setPaper(size)}
            />
            {size}
          </label>
        ))}
      </fieldset>
      <ul className="export-list">
        {EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={kind === 'pdf' ? 'primary' : undefined}
              disabled={disabled || running}
              onClick={() => void exportReport(kind)}
            >
              Export {EXPORT_LABELS[kind]}
              {nativeDialogs ? '…' : ''}
            </button>
            <span className="muted small">{DESCRIPTIONS[kind]}</span>
          </li>
        ))}
      </ul>
      {state && <ExportOutcome state={state} />}
    </section>
  )
}
