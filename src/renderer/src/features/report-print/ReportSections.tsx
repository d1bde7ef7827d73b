import type { ReactNode } from 'react'
import type { ReportData, ReportTaskRow } from '../../../../shared/contract/report'
import { groupByNote } from './note-groups'
import { dateText, exactNumber, hoursText, percentText, statusText, varianceText, weeksText } from './print-format'

const shortSha = (sha: string | null) => (sha ? sha.slice(0, 7) : '—')

/** "plan week 3 of 6", or how far past its last week the plan is. */
export function planWeekText(asOfWeek: number, planEndWeek: number): string {
  const end = Math.max(planEndWeek, 1)
  if (asOfWeek > end) return `${asOfWeek - end} week${asOfWeek - end === 1 ? '' : 's'} after the plan's last week (week ${end})`
  return `plan week ${asOfWeek} of ${end}`
}

export function Cover({ report }: { report: ReportData }) {
  return (
    <header className="rp-cover">
      <p className="rp-kicker">Production-readiness status report</p>
      <h1 data-testid="report-title">{report.title}</h1>
      <p className="rp-asof">
        Status as of <strong data-testid="report-as-of">{report.asOf}</strong> · {planWeekText(report.progress.asOfWeek, report.progress.planEndWeek)} · plan start {report.progress.start}
        {report.planDate && report.planDate !== report.progress.start ? ` · plan dated ${report.planDate}` : ''}
      </p>
      <p className="rp-muted rp-small">
        Source: {report.sourceName}
        {report.progress.baseline && !report.progress.baseline.original ? ` · measured against the baseline of version ${report.progress.baseline.versionNo} (${report.progress.baseline.setAt.slice(0, 10)})` : ''}
      </p>
      {report.repos.length === 0 ? (
        <p className="rp-muted rp-small">No repository connected: nothing is verified from git.</p>
      ) : (
        <p className="rp-muted rp-small rp-repos" aria-label="Connected repositories">
          {report.repos.map((repo, index) => (
            <span key={repo.path}>
              {index > 0 ? ' · ' : ''}
              <strong>{repo.name}</strong> ({repo.branch ?? 'detached'}, HEAD <span className="rp-mono">{shortSha(repo.headSha)}</span>, synced {repo.lastSyncAt ? repo.lastSyncAt.replace('T', ' ').slice(0, 16) : 'never'}
              {repo.state !== 'ok' ? `, ${repo.state}` : ''})
            </span>
          ))}
        </p>
      )}
    </header>
  )
}

function itemText(label: string | null, title: string): ReactNode {
  return (
    <>
      {label && <span className="rp-label">{label} </span>}
      {title}
    </>
  )
}

/** The first page for stakeholders: the status in one sentence, the three biggest risks, what changed. */
export function Executive({ report }: { report: ReportData }) {
  const { executive } = report
  return (
    <section className="rp-executive" data-testid="report-executive" aria-label="Executive summary">
      <p className="rp-status-sentence" data-testid="report-status-sentence">
        {executive.status}
      </p>
      <div className="rp-exec-columns">
        <div>
          <h2>Biggest risks</h2>
          {executive.risks.length === 0 ? (
            <p className="rp-muted">No risk stands out: nothing is blocked, overdue or due soon.</p>
          ) : (
            <ol className="rp-list" data-testid="report-risks">
              {executive.risks.map((risk, index) => (
                <li key={index}>
                  <strong>{itemText(risk.label, risk.title)}</strong> — {risk.why}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h2>Since last week</h2>
          <ul className="rp-list" data-testid="report-changes">
            {executive.changes.map((change, index) => (
              <li key={index}>{change}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
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

/** A list of work items, titles first (with the plan's number when it has one); `noteLabel` names the note column. */
export function TaskTable({ rows, empty, noteLabel, showDone = false }: { rows: ReportTaskRow[]; empty: string; noteLabel?: string; showDone?: boolean }) {
  if (rows.length === 0) return <p className="rp-muted">{empty}</p>
  const groups = groupByNote(rows)
  const ownNotes = noteLabel !== undefined && groups.some((group) => group.note === null && group.rows.some((row) => row.note))
  const columns = 4 + (ownNotes ? 1 : 0)
  return (
    <table className="rp-table">
      <thead>
        <tr>
          <th>Work item</th>
          <th>Planned</th>
          <th className="rp-num">Estimate</th>
          <th>{showDone ? 'Done' : 'State'}</th>
          {ownNotes && <th>{noteLabel}</th>}
        </tr>
      </thead>
      <tbody>
        {groups.flatMap((group, groupIndex) => [
          ...(group.note !== null && noteLabel !== undefined
            ? [
                <tr key={`g${groupIndex}`} className="rp-group">
                  <td colSpan={columns}>
                    {group.note} <span className="rp-muted">({group.rows.length} items)</span>
                  </td>
                </tr>,
              ]
            : []),
          ...group.rows.map((row) => (
            <tr key={row.key} data-task-key={row.key}>
              <td>{itemText(row.label, row.title)}</td>
              <td className="rp-nowrap">{weeksText(row.scheduledWeekStart, row.scheduledWeekEnd)}</td>
              <td className="rp-num">{hoursText(row.estimateHours)}</td>
              <td className="rp-nowrap">{showDone ? dateText(row.doneAt) : statusText(row.state)}</td>
              {ownNotes && <td>{group.note === null ? (row.note ?? '') : ''}</td>}
            </tr>
          )),
        ])}
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
          <th>Work item</th>
          <th>Check · file:line</th>
          <th>Commit · date</th>
        </tr>
      </thead>
      <tbody>
        {report.evidence.map((row, index) => (
          <tr key={index} data-task-key={row.taskKey}>
            <td>{itemText(row.taskLabel, row.taskTitle)}</td>
            <td>
              <div>
                {row.check}
                {!row.holds && <span className="rp-status-late"> (does not hold)</span>}
              </div>
              {row.location && <div className="rp-mono rp-break">{row.location}</div>}
            </td>
            <td>
              <div className="rp-mono">{shortSha(row.commitSha)}</div>
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

export function LintSection({ report }: { report: ReportData }) {
  if (report.warnings.length === 0 && !report.repairSummary) return <p className="rp-muted">The plan imported without warnings or repairs.</p>
  return (
    <>
      {report.repairSummary && <p data-testid="report-repair-summary">{report.repairSummary}</p>}
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
    </>
  )
}

/** Each cited commit's full SHA (the tables show 7 characters). */
export function CommitAppendix({ report }: { report: ReportData }) {
  if (report.commits.length === 0) return <p className="rp-muted">The report cites no commit.</p>
  return (
    <table className="rp-table rp-commits">
      <thead>
        <tr>
          <th>Short</th>
          <th>Full SHA</th>
          <th>Date · subject</th>
        </tr>
      </thead>
      <tbody>
        {report.commits.map((commit) => (
          <tr key={commit.sha}>
            <td className="rp-mono">{commit.shortSha}</td>
            <td className="rp-mono rp-full-sha">{commit.sha}</td>
            <td className="rp-small">
              {dateText(commit.date)}
              {commit.subject ? ` · ${commit.subject}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
