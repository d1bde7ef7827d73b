import { useId, useState } from 'react'
import type { PlanDetail, PlanSummary } from '../../../../shared/contract/plans'
import type { ProgressReport } from '../../../../shared/progress-model'
import { useStore } from '../../app/store'
import { Modal } from '../../components/Modal'
import { Screen } from '../../components/Screen'
import { usePlanDetail, useProgress, useSelectedPlan } from '../../data/hooks'
import { errorMessage } from '../../lib/errors'
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
      <input id={id} type="date" value={asOf ?? ''} onChange={(event) => setAsOf(event.target.value || null)} />
      {asOf && (
        <button type="button" onClick={() => setAsOf(null)}>
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

function PlanFacts({
  plan,
  detail,
  progress,
}: {
  plan: PlanSummary
  detail: PlanDetail | undefined
  progress: ProgressReport | undefined
}) {
  return (
    <p className="muted">
      Starts {formatDate(plan.startDate)} · {plan.taskCount} work items · {plan.weeks} weeks
      {detail ? ` · ${detail.settings.daysPerWeek ?? detail.plan.daysPerWeek} days/week` : ''}
      {progress ? ` · as of ${formatDate(progress.asOf)} (week ${progress.asOfWeek})` : ''}
      {plan.repoCount === 0 && ' · no repository connected yet'}
    </p>
  )
}

function ConnectHint() {
  const navigate = useStore((s) => s.navigate)
  return (
    <p className="hint">
      Progress is verified from git.{' '}
      <button type="button" className="link-button" onClick={() => navigate('repos')}>
        Connect a repository
      </button>{' '}
      to see what is really done.
    </p>
  )
}

function NoPlan() {
  const navigate = useStore((s) => s.navigate)
  return (
    <p>
      No plan selected.{' '}
      <button type="button" className="link-button" onClick={() => navigate('plans')}>
        Go to plans
      </button>
    </p>
  )
}

function ImportWarnings({ detail }: { detail: PlanDetail }) {
  const { warnings } = detail.plan
  if (warnings.length === 0) return null
  return (
    <p className="muted small">
      {warnings.length} import warning{warnings.length === 1 ? '' : 's'}:{' '}
      {warnings
        .slice(0, 3)
        .map((warning) => warning.message)
        .join(' · ')}
    </p>
  )
}

/** One plan at a glance: figures, burndown/burnup, phases, and what needs attention. */
export function DashboardScreen() {
  const plan = useSelectedPlan()
  const detailQuery = usePlanDetail()
  const progressQuery = useProgress()
  const detail = detailQuery.data
  const progress = progressQuery.data
  if (!plan) return <Screen title="Dashboard" empty={<NoPlan />} />
  return (
    <Screen
      title={plan.title}
      titleId="dashboard-title"
      intro={<PlanFacts plan={plan} detail={detail} progress={progress} />}
      actions={
        <div className="header-controls">
          <AsOfControl />
          <PlanSettingsButton />
        </div>
      }
      busy={detailQuery.isFetching || progressQuery.isFetching}
      errors={[
        detailQuery.error && `Could not load the plan: ${errorMessage(detailQuery.error)}`,
        progressQuery.error && `Could not compute progress: ${errorMessage(progressQuery.error)}`,
      ]}
    >
      <BaselineBar />
      {plan.repoCount === 0 && progress && <ConnectHint />}
      {!progress && !progressQuery.error && <p aria-live="polite">Computing progress…</p>}
      {progress && (
        <div data-testid="dashboard" className="stack">
          <Figures progress={progress} />
          <BurndownChart key={plan.id} progress={progress} />
          <PhaseTimeline progress={progress} />
          <AttentionLists progress={progress} />
        </div>
      )}
      {detail && <ImportWarnings detail={detail} />}
    </Screen>
  )
}
