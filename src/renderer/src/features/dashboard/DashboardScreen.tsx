import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import { Modal } from '../../components/Modal'
import { PlanSettingsForm } from '../settings/PlanSettingsForm'
import { BaselineBar } from './BaselineBar'
import { formatDate } from '../../lib/format'
import { AttentionLists } from './AttentionLists'
import { BurndownChart } from './BurndownChart'
import { Figures } from './Figures'
import { PhaseTimeline } from './PhaseTimeline'

function AsOfControl() {
  const asOf = useStore((s) => s.asOf)
  const setAsOf = useStore((s) => s.setAsOf)
  const id = useId()
  return (
    <div className="inline-field">
      <label htmlFor={id}>As of</label>
      <input id={id} type="date" value={asOf ?? ''} onChange={(event) => void setAsOf(event.target.value || null)} />
      {asOf && (
        <button type="button" onClick={() => void setAsOf(null)}>
          Today
        </button>
      )}
    </div>
  )
}

/** The plan's start date, days per week and hours per day, one click from the dashboard. */
function PlanSettingsButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Plan settings…
      </button>
      {open && (
        <Modal titleId="plan-settings-dialog-title" onClose={() => setOpen(false)} className="plan-settings-dialog">
          <PlanSettingsForm onDone={() => setOpen(false)} titleId="plan-settings-dialog-title" />
        </Modal>
      )}
    </>
  )
}

/** One plan at a glance: figures, burndown/burnup, phases, and what needs attention. */
export function DashboardScreen() {
  const detail = useStore((s) => s.detail)
  const report = useStore((s) => s.report)
  const reportError = useStore((s) => s.reportError)
  const detailError = useStore((s) => s.detailError)
  const loading = useStore((s) => s.planDataLoading)
  const plan = useStore((s) => s.plans.find((p) => p.id === s.selectedPlanId))
  const navigate = useStore((s) => s.navigate)

  if (!plan) {
    return (
      <section className="screen">
        <h1>Dashboard</h1>
        <p>
          No plan selected.{' '}
          <button type="button" className="link-button" onClick={() => navigate('plans')}>
            Go to plans
          </button>
        </p>
      </section>
    )
  }

  return (
    <section className="screen" aria-labelledby="dashboard-title" aria-busy={loading}>
      <header className="screen-header">
        <div>
          <h1 id="dashboard-title">{plan.title}</h1>
          <p className="muted">
            Starts {formatDate(plan.startDate)} · {plan.taskCount} work items · {plan.weeks} weeks
            {detail ? ` · ${detail.settings.daysPerWeek ?? detail.plan.daysPerWeek} days/week` : ''}
            {report ? ` · as of ${formatDate(report.asOf)} (week ${report.asOfWeek})` : ''}
            {plan.repoCount === 0 && ' · no repository connected yet'}
          </p>
        </div>
        <div className="header-controls">
          <AsOfControl />
          <PlanSettingsButton />
        </div>
      </header>
      <BaselineBar />
      {detailError && (
        <p role="alert" className="inline-error">
          Could not load the plan: {detailError}
        </p>
      )}
      {reportError && (
        <p role="alert" className="inline-error">
          Could not compute progress: {reportError}
        </p>
      )}
      {plan.repoCount === 0 && report && (
        <p className="hint">
          Progress is verified from git.{' '}
          <button type="button" className="link-button" onClick={() => navigate('repos')}>
            Connect a repository
          </button>{' '}
          to see what is really done.
        </p>
      )}
      {!report && !reportError && <p aria-live="polite">Computing progress…</p>}
      {report && (
        <div data-testid="dashboard" className="stack">
          <Figures report={report} />
          <BurndownChart key={plan.id} report={report} />
          <PhaseTimeline report={report} />
          <AttentionLists report={report} />
        </div>
      )}
      {detail && detail.plan.warnings.length > 0 && (
        <p className="muted small">
          {detail.plan.warnings.length} import warning{detail.plan.warnings.length === 1 ? '' : 's'}: {detail.plan.warnings.slice(0, 3).map((warning) => warning.message).join(' · ')}
        </p>
      )}
    </section>
  )
}
