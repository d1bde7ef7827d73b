import { useStore } from '../../app/store'
import { StateBadge } from '../../components/StateBadge'
import { formatDate, formatHours, formatPercent, formatWeeks } from '../../lib/format'
import { ExportPanel } from './ExportPanel'
import { BackupPanel } from './BackupPanel'

/** The status at a glance, its exports (PDF, CSV, JSON, rendered by the core) and database backup. */
export function ReportScreen() {
  const report = useStore((s) => s.report)
  const plan = useStore((s) => s.plans.find((candidate) => candidate.id === s.selectedPlanId))
  return (
    <section className="screen report-screen" aria-labelledby="report-title">
      <header className="screen-header">
        <h1 id="report-title">Report</h1>
      </header>
      <ExportPanel disabled={!plan} />
      {!report || !plan ? (
        <p>{plan ? 'Computing progress…' : 'No plan selected.'}</p>
      ) : (
        <article className="panel" aria-label="Status report">
          <h2>{plan.title}</h2>
          <p className="muted">
            Status as of {formatDate(report.asOf)} (week {report.asOfWeek} of {report.planEndWeek}) · start {formatDate(report.start)}
          </p>
          <ul className="plain-list">
            <li>Verified done: {formatPercent(report.summary.verifiedPercent)} (the plan claims {formatPercent(report.summary.claimedPercent)})</li>
            <li>
              Remaining: {formatHours(report.summary.remainingHours)} of {formatHours(report.summary.scopeHours)}
            </li>
            <li>Schedule: {report.asOfWeek === 0 ? 'not started' : formatWeeks(report.summary.scheduleVarianceWeeks)}</li>
            <li>Forecast finish: {report.forecast.p50 ? `${formatDate(report.forecast.p50)} (P50), ${formatDate(report.forecast.p85)} (P85)` : report.forecast.status}</li>
          </ul>
          <table className="data-table compact" aria-label="Phases">
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col" className="num">
                  Verified
                </th>
                <th scope="col" className="num">
                  Remaining
                </th>
              </tr>
            </thead>
            <tbody>
              {report.phases.map((phase, index) => (
                <tr key={index}>
                  <th scope="row">{phase.title}</th>
                  <td className="num">{formatPercent(phase.verifiedPercent)}</td>
                  <td className="num">{formatHours(phase.remainingHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Needs attention</h3>
          <ul className="plain-list">
            {report.tasks
              .filter((task) => task.overdue || task.disagreement || task.state === 'needs-confirmation')
              .slice(0, 40)
              .map((task) => (
                <li key={task.key}>
                  <StateBadge state={task.state} /> {task.key} {task.title}
                  {task.overdue ? ' · overdue' : ''}
                  {task.disagreement ? ' · manual status disagrees with git' : ''}
                </li>
              ))}
          </ul>
        </article>
      )}
      <BackupPanel />
    </section>
  )
}
