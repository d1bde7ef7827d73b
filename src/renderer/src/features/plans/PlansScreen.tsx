import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import { useStore } from '../../app/store'
import { DataTable, type Column } from '../../components/DataTable'
import { InlineConfirm } from '../../components/InlineConfirm'
import { Screen } from '../../components/Screen'
import { Badge } from '../../components/StateBadge'
import { usePlans } from '../../data/hooks'
import { progressQuery } from '../../data/queries'
import { errorMessage } from '../../lib/errors'
import { formatDate, formatDateTime, formatHours, formatPercent, formatWeeks } from '../../lib/format'
import type { PlanSummary } from '../../../../shared/contract/plans'
import type { ProgressReport } from '../../../../shared/progress-model'
import { EmptyState } from './EmptyState'
import { removePlan, startImport } from './plan-actions'
import { pickPlanFile } from './plan-picker'
import { useOpenSample } from './use-open-sample'

/** headline progress of one plan in the library: its progress today, or why it could not be computed */
type PlanFigures = { progress: ProgressReport | undefined; error: string | null }

interface PlanRow {
  plan: PlanSummary
  figures: PlanFigures
}

function ScheduleBadge({ figures }: { figures: PlanFigures }) {
  if (figures.error)
    return (
      <span className="muted" title={figures.error}>
        unavailable
      </span>
    )
  if (!figures.progress) return <span className="muted">…</span>
  if (figures.progress.asOfWeek === 0) return <Badge tone="muted">not started</Badge>
  if (!figures.progress.summary.scheduled) return <Badge tone="muted">unscheduled</Badge>
  const weeks = figures.progress.summary.scheduleVarianceWeeks
  if (Math.abs(weeks) < 0.05) return <Badge tone="ok">on schedule</Badge>
  return <Badge tone={weeks < 0 ? 'danger' : 'ok'}>{formatWeeks(weeks)}</Badge>
}

function PlanTitle({ plan }: { plan: PlanSummary }) {
  const selectPlan = useStore((s) => s.selectPlan)
  const navigate = useStore((s) => s.navigate)
  const open = () => {
    selectPlan(plan.id)
    navigate('dashboard')
  }
  return (
    <>
      <button type="button" className="link-button strong" onClick={open}>
        {plan.title}
      </button>
      <div className="muted small">
        {plan.sourceName} · v{plan.versionCount} · start {formatDate(plan.startDate)}
      </div>
    </>
  )
}

function PlanActions({ plan }: { plan: PlanSummary }) {
  const [confirming, setConfirming] = useState(false)
  if (confirming) {
    return (
      <InlineConfirm
        question={`Delete ${plan.title}?`}
        consequence="Delete plan and its history?"
        action="Delete"
        onConfirm={() => void removePlan(plan.id)}
        onKeep={() => setConfirming(false)}
      />
    )
  }
  return (
    <>
      <button type="button" onClick={() => void pickPlanFile(plan.id)} aria-label={`Re-import ${plan.title}`}>
        Re-import…
      </button>
      <button
        type="button"
        className="danger-outline"
        onClick={() => setConfirming(true)}
        aria-label={`Delete ${plan.title}`}
      >
        Delete…
      </button>
    </>
  )
}

const PLAN_COLUMNS: Column<PlanRow>[] = [
  { header: 'Plan', rowHeader: true, cell: ({ plan }) => <PlanTitle plan={plan} /> },
  {
    header: 'Verified',
    numeric: true,
    cell: ({ figures }) => (figures.progress ? formatPercent(figures.progress.summary.verifiedPercent) : '—'),
  },
  {
    header: 'Remaining',
    numeric: true,
    cell: ({ plan, figures }) =>
      formatHours(figures.progress ? figures.progress.summary.remainingHours : plan.totalHours),
  },
  { header: 'Schedule', cell: ({ figures }) => <ScheduleBadge figures={figures} /> },
  {
    header: 'Last sync',
    cell: ({ plan }) => (plan.repoCount > 0 ? formatDateTime(plan.lastSyncAt) : <span className="muted">no repo</span>),
  },
  {
    header: <span className="visually-hidden">Actions</span>,
    className: 'actions',
    cell: ({ plan }) => <PlanActions plan={plan} />,
  },
]

/** each plan's progress today (the dashboard shares the selected plan's, when it shows today) */
function usePlanRows(plans: PlanSummary[]): PlanRow[] {
  const figures = useQueries({ queries: plans.map((plan) => progressQuery(plan.id)) })
  return plans.map((plan, index) => ({
    plan,
    figures: {
      progress: figures[index]?.data,
      error: figures[index]?.error ? errorMessage(figures[index].error) : null,
    },
  }))
}

function RecentFiles({ plans }: { plans: PlanSummary[] }) {
  const recentFiles = useStore((s) => s.recentFiles)
  if (recentFiles.length === 0) return null
  return (
    <section aria-labelledby="recent-title" className="panel">
      <h2 id="recent-title">Recent files</h2>
      <ul className="plain-list">
        {recentFiles.map((file) => (
          <li key={file.path}>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                startImport({ path: file.path }, plans.find((plan) => plan.sourceName === file.name)?.id ?? null)
              }
              title={file.path}
            >
              {file.name}
            </button>
            <span className="muted small"> {file.path}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

function LibraryActions({ sample }: { sample: ReturnType<typeof useOpenSample> }) {
  return (
    <div className="button-row">
      <button type="button" className="primary" onClick={() => void pickPlanFile()}>
        Import a plan…
      </button>
      <button type="button" onClick={sample.open} disabled={sample.opening}>
        {sample.opening ? 'Opening the sample…' : 'Open the sample'}
      </button>
    </div>
  )
}

/** The plans library: headline figures per plan, import (dialog, drop, recent files), re-import and delete. */
export function PlansScreen() {
  const plansQuery = usePlans()
  const plans = plansQuery.data ?? []
  const rows = usePlanRows(plans)
  const sample = useOpenSample()
  if (plans.length === 0) return <EmptyState />
  return (
    <Screen
      title="Plans"
      titleId="plans-title"
      actions={<LibraryActions sample={sample} />}
      errors={[plansQuery.error && errorMessage(plansQuery.error), sample.error]}
    >
      <p className="muted">Drop a .md or .txt plan anywhere in the window to import it.</p>
      <DataTable
        label="Plans"
        columns={PLAN_COLUMNS}
        rows={rows}
        rowKey={({ plan }) => plan.id}
        rowProps={({ plan }) => ({ 'data-testid': 'plan-row', 'data-plan-id': plan.id })}
        scroll
      />
      <RecentFiles plans={plans} />
    </Screen>
  )
}
