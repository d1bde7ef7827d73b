import { useId } from 'react'
import { useStore } from '../../app/store'
import { Modal } from '../../components/Modal'
import { formatDate, formatHours } from '../../lib/format'
import type { ParsedPlan } from '../../../../shared/plan-model'
import { BaselineChoice } from './BaselineChoice'
import { PlanDiffView } from './PlanDiffView'
import { MappingStep } from './MappingStep'
import type { ImportDraft } from './plans-slice'

function phaseWeeks(phase: ParsedPlan['phases'][number]): string {
  if (phase.weekStart === null) return phase.dayStart !== null ? `days ${phase.dayStart}–${phase.dayEnd ?? phase.dayStart}` : 'unscheduled'
  return phase.weekEnd !== null && phase.weekEnd !== phase.weekStart ? `weeks ${phase.weekStart}–${phase.weekEnd}` : `week ${phase.weekStart}`
}

function Structure({ plan }: { plan: ParsedPlan }) {
  const backlogItems = plan.backlog.reduce((sum, backlog) => sum + backlog.items.length, 0)
  return (
    <>
      <dl className="figures compact" aria-label="Parsed structure">
        <div className="figure">
          <dt>Phases</dt>
          <dd data-testid="preview-phase-count">{plan.phases.length}</dd>
        </div>
        <div className="figure">
          <dt>Weeks</dt>
          <dd data-testid="preview-weeks">{plan.weeks}</dd>
        </div>
        <div className="figure">
          <dt>Work items</dt>
          <dd data-testid="preview-task-count">{plan.tasks.length}</dd>
        </div>
        <div className="figure">
          <dt>Estimated</dt>
          <dd data-testid="preview-hours">{formatHours(plan.totals.estimateHours)}</dd>
        </div>
        <div className="figure">
          <dt>Gates</dt>
          <dd>{plan.gates.length}</dd>
        </div>
        <div className="figure">
          <dt>Backlog items</dt>
          <dd>{backlogItems}</dd>
        </div>
      </dl>
      <table className="data-table compact" aria-label="Phases">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">When</th>
            <th scope="col" className="num">
              Items
            </th>
            <th scope="col" className="num">
              Hours
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.phases.map((phase, index) => {
            const tasks = plan.tasks.filter((task) => task.phase === index)
            return (
              <tr key={`${phase.line}-${index}`}>
                <th scope="row">{phase.title}</th>
                <td>{phaseWeeks(phase)}</td>
                <td className="num">{tasks.length}</td>
                <td className="num">{formatHours(tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0))}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {plan.gates.length > 0 && (
        <p className="muted small">Gates: {plan.gates.map((gate) => `${gate.title}${gate.week !== null ? ` (week ${gate.week})` : ''}`).join(' · ')}</p>
      )}
    </>
  )
}

function Findings({ plan }: { plan: ParsedPlan }) {
  if (plan.repairs.length === 0 && plan.warnings.length === 0) return <p className="muted">No repairs or warnings.</p>
  return (
    <>
      {plan.repairs.length > 0 && (
        <details>
          <summary>
            {plan.repairs.length} text repair{plan.repairs.length === 1 ? '' : 's'} (encoding {plan.encoding})
          </summary>
          <ul className="plain-list small">
            {plan.repairs.slice(0, 200).map((repair, index) => (
              <li key={index}>
                line {repair.line}: {repair.kind} — “{repair.before}” → “{repair.after}”
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.warnings.length > 0 && (
        <details open={plan.warnings.length <= 8}>
          <summary>
            {plan.warnings.length} warning{plan.warnings.length === 1 ? '' : 's'}
          </summary>
          <ul className="plain-list small" data-testid="preview-warnings">
            {plan.warnings.map((warning, index) => (
              <li key={index}>
                {warning.line !== null && <span className="muted">line {warning.line}: </span>}
                {warning.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}

function Options({ draft }: { draft: ImportDraft }) {
  const setImportOptions = useStore((s) => s.setImportOptions)
  const plan = draft.preview?.plan
  const id = useId()
  return (
    <fieldset className="form-grid">
      <legend>Schedule</legend>
      <label htmlFor={`${id}-start`}>Plan start</label>
      <input id={`${id}-start`} type="date" value={draft.options.startDate ?? plan?.date ?? ''} onChange={(event) => void setImportOptions({ startDate: event.target.value || null })} />
      <label htmlFor={`${id}-days`}>Days per week</label>
      <input
        id={`${id}-days`}
        type="number"
        min={1}
        max={7}
        step={1}
        value={draft.options.daysPerWeek ?? plan?.daysPerWeek ?? ''}
        onChange={(event) => void setImportOptions({ daysPerWeek: event.target.value ? Number(event.target.value) : null })}
      />
      <label htmlFor={`${id}-hours`}>Hours per day</label>
      <input
        id={`${id}-hours`}
        type="number"
        min={1}
        max={24}
        step={0.5}
        value={draft.options.hoursPerDay ?? plan?.hoursPerDay ?? ''}
        onChange={(event) => void setImportOptions({ hoursPerDay: event.target.value ? Number(event.target.value) : null })}
      />
    </fieldset>
  )
}

/** What the importer understood, before anything is stored; a re-import also lists what changed. */
export function ImportPreview() {
  const draft = useStore((s) => s.importDraft)
  const confirmImport = useStore((s) => s.confirmImport)
  const cancelImport = useStore((s) => s.cancelImport)
  const targetTitle = useStore((s) => s.plans.find((plan) => plan.id === s.importDraft?.targetPlanId)?.title)
  if (!draft) return null
  const plan = draft.preview?.plan
  const busy = draft.status !== 'ready'
  return (
    <Modal titleId="import-title" onClose={cancelImport} className="import-preview">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          void confirmImport()
        }}
      >
        <h2 id="import-title">{draft.targetPlanId !== null ? `Re-import: ${targetTitle ?? draft.label}` : `Import ${draft.label}`}</h2>
        <div className="modal-body" data-testid="import-preview" aria-busy={busy}>
          {draft.status === 'parsing' && !plan && <p>Reading the plan…</p>}
          {plan && (
            <>
              <p>
                <strong>{plan.title}</strong> <span className="muted">· dated {formatDate(plan.date)}</span>
              </p>
              {plan.tasks.length === 0 && (
                <p role="alert" className="inline-error" data-testid="no-items">
                  No work items were found as the plan is written. The reader looks for checkbox or bullet lists, numbered or estimated headings,
                  or task tables under phase, week or sprint headings. Use “Correct the reading” below to say where the work is.
                </p>
              )}
              <Structure plan={plan} />
              <MappingStep plan={plan} profile={draft.profile} />
              {draft.preview?.diff && <PlanDiffView diff={draft.preview.diff} />}
              {draft.targetPlanId !== null && <BaselineChoice draft={draft} />}
              <Findings plan={plan} />
              <Options draft={draft} />
            </>
          )}
          {draft.error && (
            <p role="alert" className="inline-error">
              {draft.error}
            </p>
          )}
        </div>
        <div className="button-row end">
          <button type="button" onClick={cancelImport}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !plan || plan.tasks.length === 0}>
            {draft.status === 'importing' ? 'Importing…' : draft.targetPlanId !== null ? 'Import new version' : 'Import plan'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
