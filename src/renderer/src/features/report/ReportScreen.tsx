import { basisPhrase } from '../../../../shared/basis-words'
import type { PlanSummary } from '../../../../shared/contract/plans'
import type { PhaseProgress, ProgressReport } from '../../../../shared/progress-model'
import { DataTable, type Column } from '../../components/DataTable'
import { Screen } from '../../components/Screen'
import { StateBadge } from '../../components/StateBadge'
import { useProgress, useSelectedPlan } from '../../data/hooks'
import { formatDate, formatHours, formatPercent, formatSchedule } from '../../lib/format'
import { ExportPanel } from './ExportPanel'
import { BackupPanel } from './BackupPanel'

const PHASE_COLUMNS: Column<PhaseProgress>[] = [
  { header: 'Phase', rowHeader: true, cell: (phase) => phase.title },
  { header: 'Verified', numeric: true, cell: (phase) => formatPercent(phase.verifiedPercent) },
  { header: 'Remaining', numeric: true, cell: (phase) => formatHours(phase.remainingHours) },
]

function Headlines({ progress }: { progress: ProgressReport }) {
  const { summary, forecast } = progress
  return (
    <ul className="plain-list">
      <li>
        Verified done: {formatPercent(summary.verifiedPercent)} (the plan claims {formatPercent(summary.claimedPercent)}
        ), {basisPhrase(summary)}
      </li>
      <li>
        Remaining: {formatHours(summary.remainingHours)} of {formatHours(summary.scopeHours)}
      </li>
      <li>Schedule: {progress.asOfWeek === 0 ? 'not started' : formatSchedule(summary)}</li>
      <li>
        Forecast finish:{' '}
        {forecast.p50 ? `${formatDate(forecast.p50)} (P50), ${formatDate(forecast.p85)} (P85)` : forecast.status}
      </li>
    </ul>
  )
}

function NeedsAttention({ progress }: { progress: ProgressReport }) {
  const tasks = progress.tasks
    .filter((task) => task.overdue || task.disagreement || task.state === 'needs-confirmation')
    .slice(0, 40)
  return (
    <ul className="plain-list">
      {tasks.map((task) => (
        <li key={task.key}>
          <StateBadge state={task.state} /> {task.key} {task.title}
          {task.overdue ? ' · overdue' : ''}
          {task.disagreement ? ' · manual status disagrees with git' : ''}
        </li>
      ))}
    </ul>
  )
}

function StatusSummary({ plan, progress }: { plan: PlanSummary; progress: ProgressReport }) {
  return (
    <article className="panel" aria-label="Status report">
      <h2>{plan.title}</h2>
      <p className="muted">
        Status as of {formatDate(progress.asOf)} (week {progress.asOfWeek} of {progress.planEndWeek}) · start{' '}
        {formatDate(progress.start)}
      </p>
      <Headlines progress={progress} />
      <DataTable
        className="compact"
        label="Phases"
        columns={PHASE_COLUMNS}
        rows={progress.phases}
        rowKey={(_phase, index) => index}
      />
      <h3>Needs attention</h3>
      <NeedsAttention progress={progress} />
    </article>
  )
}

/** The status at a glance, its exports (PDF, CSV, JSON, rendered by the core) and database backup. */
export function ReportScreen() {
  const progress = useProgress().data
  const plan = useSelectedPlan()
  return (
    <Screen title="Report" titleId="report-title" className="report-screen">
      <ExportPanel disabled={!plan} />
      {!progress || !plan ? (
        <p>{plan ? 'Computing progress…' : 'No plan selected.'}</p>
      ) : (
        <StatusSummary plan={plan} progress={progress} />
      )}
      <BackupPanel />
    </Screen>
  )
}
