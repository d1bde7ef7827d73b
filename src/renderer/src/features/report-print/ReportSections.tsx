import type { ReactNode } from 'react'
import type { ReportData, ReportTaskRow } from '../../../../shared/contract/report'
import { dateText, exactNumber, hoursText, percentText, statusText, varianceText, weeksText } from './print-format'

export function Cover({ report }: { report: ReportData }) {
  return (
    <header className="rp-cover">
      <p className="rp-kicker">Production-readiness status report</p>
      <h1 data-testid="report-title">{report.title}</h1>
      <p className="rp-asof">
        Status as of <strong data-testid="report-as-of">{report.asOf}</strong> · plan week {report.progress.asOfWeek} of {report.progress.planEndWeek} · plan start {report.progress.start}
        {report.planDate && report.planDate !== report.progress.start ? ` · plan dated ${report.planDate}` : ''}
      </p>
      <p className="rp-muted">Source: {report.sourceName}</p>
      {report.repos.length === 0 ? (
        <p className="rp-muted">No repository connected: nothing is verified from git.</p>
      ) : (
        <table className="rp-table rp-repos" aria-label="Connected repositories">
          <thead>
            <tr>
              <th>Repository</th>
              <th>Branch</th>
              <th>HEAD</th>
              <th>Last sync</th>
            </tr>
          </thead>
          <tbody>
            {report.repos.map((repo) => (
              <tr key={repo.path}>
                <td>
                  <strong>{repo.name}</strong>
                  <div className="rp-muted rp-small">{repo.path}</div>
                </td>
                <td>{repo.branch ?? 'detached'}</td>
                <td className="rp-mono">{repo.headSha ?? '—'}</td>
                <td>{repo.lastSyncAt ? repo.lastSyncAt.replace('T', ' ').slice(0, 16) : 'never'}{repo.state !== 'ok' ? ` (${repo.state})` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </header>
  )
}

function Figure({ label, value, testId, wide = false }: { label: string; value: string; testId: string; wide?: boolean }) {
  return (
    <div className={wide ? 'rp-figure rp-wide' : 'rp-figure'}>
      <div className="rp-figure-label">{label}</div>
      <div className="rp-figure-value" data-testid={testId}>
        {value}
      </div>
    </div>
  )
}

export function Summary({ report }: { report: ReportData }) {
  const { summary, forecast, asOfWeek } = report.progress
  const forecastText = forecast.status === 'ok' ? `${forecast.p50} / ${forecast.p85}` : forecast.status.replace(/-/g, ' ')
  return (
    <section className="rp-summary" aria-label="Summary">
      <Figure label="Verified done" value={percentText(summary.verifiedPercent)} testId="report-verified" />
      <Figure label="Claimed by the plan" value={percentText(summary.claimedPercent)} testId="report-claimed" />
      <Figure label="Remaining" value={hoursText(summary.remainingHours)} testId="report-remaining" />
      <Figure label="SPI" value={exactNumber(summary.spi)} testId="report-spi" />
      <Figure label="Schedule variance" value={varianceText(summary.scheduleVarianceWeeks, asOfWeek)} testId="report-variance" wide />
      <Figure label="Forecast finish P50 / P85" value={forecastText} testId="report-forecast" wide />
      <p className="rp-small rp-muted rp-summary-note">
        {summary.doneTaskCount} of {summary.taskCount} work items verified done ({hoursText(summary.doneHours)} of {hoursText(summary.scopeHours)}); {summary.overdueCount} overdue,{' '}
        {summary.needsConfirmationCount} need confirmation, {summary.blockedCount} blocked.
      </p>
    </section>
  )
}

export function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId: string }) {
  return (
    <section className="rp-section" data-testid={testId}>
      <h2>
        {title}
        {count !== undefined ? <span className="rp-count"> ({count})</span> : null}
      </h2>
      {children}
    </section>
  )
}

export function PhaseTable({ report }: { report: ReportData }) {
  return (
    <table className="rp-table">
      <thead>
        <tr>
          <th>Phase</th>
          <th>Planned</th>
          <th className="rp-num">Verified</th>
          <th className="rp-num">Items done</th>
          <th className="rp-num">Remaining</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {report.phases.map((phase, index) => (
          <tr key={index}>
            <td>{phase.title}</td>
            <td className="rp-nowrap">{weeksText(phase.weekStart, phase.weekEnd)}</td>
            <td className="rp-num">{percentText(phase.verifiedPercent)}</td>
            <td className="rp-num">
              {phase.doneTaskCount}/{phase.taskCount}
            </td>
            <td className="rp-num">{hoursText(phase.remainingHours)}</td>
            <td className={`rp-status rp-status-${phase.status}`}>{statusText(phase.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A list of work items; `noteLabel` names the last column (notes, reason), when there is one. */
export function TaskTable({ rows, empty, noteLabel, showDone = false }: { rows: ReportTaskRow[]; empty: string; noteLabel?: string; showDone?: boolean }) {
  if (rows.length === 0) return <p className="rp-muted">{empty}</p>
  return (
    <table className="rp-table">
      <thead>
        <tr>
          <th>Item</th>
          <th>Title</th>
          <th>Planned</th>
          <th className="rp-num">Estimate</th>
          <th>{showDone ? 'Done' : 'State'}</th>
          {noteLabel && <th>{noteLabel}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-task-key={row.key}>
            <td className="rp-nowrap">{row.key}</td>
            <td>{row.title}</td>
            <td className="rp-nowrap">{weeksText(row.scheduledWeekStart, row.scheduledWeekEnd)}</td>
            <td className="rp-num">{hoursText(row.estimateHours)}</td>
            <td className="rp-nowrap">{showDone ? dateText(row.doneAt) : statusText(row.state)}</td>
            {noteLabel && <td>{row.note ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function EvidenceTable({ report }: { report: ReportData }) {
  if (report.evidence.length === 0) return <p className="rp-muted">No work item is verified done yet.</p>
  return (
    <table className="rp-table rp-evidence">
      <thead>
        <tr>
          <th>Item</th>
          <th>Check · file:line</th>
          <th>Commit · date</th>
        </tr>
      </thead>
      <tbody>
        {report.evidence.map((row, index) => (
          <tr key={index} data-task-key={row.taskKey}>
            <td className="rp-nowrap">{row.taskKey}</td>
            <td>
              <div>
                {row.check}
                {!row.holds && <span className="rp-status-late"> (does not hold)</span>}
              </div>
              {row.location && <div className="rp-mono rp-break">{row.location}</div>}
            </td>
            <td>
              <div className="rp-mono">{row.commitSha ?? '—'}</div>
              <div className="rp-small">
                {dateText(row.commitDate)}
                {row.commitSubject ? ` · ${row.commitSubject}` : ''}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const LISTED_LINES = 24

function linesText(lines: number[]): string {
  const shown = lines.slice(0, LISTED_LINES).join(', ')
  return lines.length > LISTED_LINES ? `${shown} … (${lines.length - LISTED_LINES} more)` : shown
}

export function LintSection({ report }: { report: ReportData }) {
  if (report.warnings.length === 0 && report.repairs.length === 0) return <p className="rp-muted">The plan imported without warnings or repairs.</p>
  return (
    <>
      {report.warnings.length > 0 && (
        <table className="rp-table">
          <thead>
            <tr>
              <th>Line</th>
              <th>Warning</th>
            </tr>
          </thead>
          <tbody>
            {report.warnings.map((warning, index) => (
              <tr key={index}>
                <td className="rp-nowrap">{warning.line ?? '—'}</td>
                <td>{warning.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.repairs.length > 0 && (
        <table className="rp-table">
          <thead>
            <tr>
              <th>Repair</th>
              <th>Before</th>
              <th>After</th>
              <th className="rp-num">Times</th>
              <th>Lines</th>
            </tr>
          </thead>
          <tbody>
            {report.repairs.map((group, index) => (
              <tr key={index}>
                <td className="rp-nowrap">{group.kind}</td>
                <td className="rp-break">{group.before}</td>
                <td className="rp-break">{group.after}</td>
                <td className="rp-num">{group.count}</td>
                <td className="rp-break">{linesText(group.lines)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
