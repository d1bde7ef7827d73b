import type { ReactNode } from 'react'
import { DataTable, type Column } from '../../components/DataTable'
import type { ReportData, ReportTaskRow } from '../../../../shared/contract/report'
import { basisPhrase } from '../../../../shared/basis-words'
import { groupByNote } from './note-groups'
import { dateText, exactNumber, hoursText, percentText, statusText, varianceText, weeksText } from './print-format'

const shortSha = (sha: string | null) => (sha ? sha.slice(0, 7) : '—')

/** "plan week 3 of 6", or how far past its last week the plan is. */
export function planWeekText(asOfWeek: number, planEndWeek: number): string {
  const end = Math.max(planEndWeek, 1)
  if (asOfWeek > end)
    return `${asOfWeek - end} week${asOfWeek - end === 1 ? '' : 's'} after the plan's last week (week ${end})`
  return `plan week ${asOfWeek} of ${end}`
}

export function Cover({ report }: { report: ReportData }) {
  return (
    <header className="rp-cover">
      <p className="rp-kicker">Production-readiness status report</p>
      <h1 data-testid="report-title">{report.title}</h1>
      <p className="rp-asof">
        Status as of <strong data-testid="report-as-of">{report.asOf}</strong> ·{' '}
        {planWeekText(report.progress.asOfWeek, report.progress.planEndWeek)} · plan start {report.progress.start}
        {report.planDate && report.planDate !== report.progress.start ? ` · plan dated ${report.planDate}` : ''}
      </p>
      <p className="rp-muted rp-small">
        Source: {report.sourceName}
        {report.progress.baseline && !report.progress.baseline.original
          ? ` · measured against the baseline of version ${report.progress.baseline.versionNo} (${report.progress.baseline.setAt.slice(0, 10)})`
          : ''}
      </p>
      {report.repos.length === 0 ? (
        <p className="rp-muted rp-small">No repository connected: nothing is verified from git.</p>
      ) : (
        <p className="rp-muted rp-small rp-repos" aria-label="Connected repositories">
          {report.repos.map((repo, index) => (
            <span key={repo.path}>
              {index > 0 ? ' · ' : ''}
              <strong>{repo.name}</strong> ({repo.branch ?? 'detached'}, HEAD{' '}
              <span className="rp-mono">{shortSha(repo.headSha)}</span>, synced{' '}
              {repo.lastSyncAt ? repo.lastSyncAt.replace('T', ' ').slice(0, 16) : 'never'}
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

function Figure({
  label,
  value,
  testId,
  wide = false,
}: {
  label: string
  value: string
  testId: string
  wide?: boolean
}) {
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
  const forecastText =
    forecast.status === 'ok' ? `${forecast.p50} / ${forecast.p85}` : forecast.status.replace(/-/g, ' ')
  return (
    <section className="rp-summary" aria-label="Summary">
      <Figure label="Verified done" value={percentText(summary.verifiedPercent)} testId="report-verified" />
      <Figure label="Claimed by the plan" value={percentText(summary.claimedPercent)} testId="report-claimed" />
      <Figure label="Remaining" value={hoursText(summary.remainingHours)} testId="report-remaining" />
      <Figure label="SPI" value={exactNumber(summary.spi)} testId="report-spi" />
      <Figure
        label="Schedule variance"
        value={varianceText(summary.scheduleVarianceWeeks, asOfWeek, summary.scheduled)}
        testId="report-variance"
        wide
      />
      <Figure label="Forecast finish P50 / P85" value={forecastText} testId="report-forecast" wide />
      <p className="rp-small rp-muted rp-summary-note">
        {summary.doneTaskCount} of {summary.taskCount} work items verified done ({hoursText(summary.doneHours)} of{' '}
        {hoursText(summary.scopeHours)}); {summary.overdueCount} overdue, {summary.needsConfirmationCount} need
        confirmation, {summary.blockedCount} blocked. Percentages are weighted{' '}
        <span data-testid="report-basis">{basisPhrase(summary)}</span>.
      </p>
    </section>
  )
}

export function Section({
  title,
  count,
  children,
  testId,
}: {
  title: string
  count?: number
  children: ReactNode
  testId: string
}) {
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

type PhaseRow = ReportData['phases'][number]

const PHASE_COLUMNS: Column<PhaseRow>[] = [
  { header: 'Phase', cell: (phase) => phase.title },
  { header: 'Planned', className: 'rp-nowrap', cell: (phase) => weeksText(phase.weekStart, phase.weekEnd) },
  { header: 'Verified', numeric: true, cell: (phase) => percentText(phase.verifiedPercent) },
  { header: 'Items done', numeric: true, cell: (phase) => `${phase.doneTaskCount}/${phase.taskCount}` },
  { header: 'Remaining', numeric: true, cell: (phase) => hoursText(phase.remainingHours) },
  {
    header: 'Status',
    cell: (phase) => <span className={`rp-status rp-status-${phase.status}`}>{statusText(phase.status)}</span>,
  },
]

export function PhaseTable({ report }: { report: ReportData }) {
  return <DataTable variant="print" columns={PHASE_COLUMNS} rows={report.phases} rowKey={(_phase, index) => index} />
}

/** a heading row for work items sharing a note, or a work item with the note of its own (if any) */
type TaskListRow =
  { kind: 'group'; note: string; count: number } | { kind: 'item'; row: ReportTaskRow; ownNote: string | null }

function taskListRows(rows: ReportTaskRow[], grouped: boolean): TaskListRow[] {
  return groupByNote(rows).flatMap((group) => [
    ...(group.note !== null && grouped ? [{ kind: 'group', note: group.note, count: group.rows.length } as const] : []),
    ...group.rows.map((row) => ({ kind: 'item', row, ownNote: group.note === null ? (row.note ?? '') : '' }) as const),
  ])
}

function taskColumns(showDone: boolean, noteLabel: string | null): Column<TaskListRow>[] {
  const item = (entry: TaskListRow) => (entry as Extract<TaskListRow, { kind: 'item' }>).row
  const columns: Column<TaskListRow>[] = [
    { header: 'Work item', cell: (entry) => itemText(item(entry).label, item(entry).title) },
    {
      header: 'Planned',
      className: 'rp-nowrap',
      cell: (entry) => weeksText(item(entry).scheduledWeekStart, item(entry).scheduledWeekEnd),
    },
    { header: 'Estimate', numeric: true, cell: (entry) => hoursText(item(entry).estimateHours) },
    {
      header: showDone ? 'Done' : 'State',
      className: 'rp-nowrap',
      cell: (entry) => (showDone ? dateText(item(entry).doneAt) : statusText(item(entry).state)),
    },
  ]
  if (noteLabel !== null)
    columns.push({ header: noteLabel, cell: (entry) => (entry as Extract<TaskListRow, { kind: 'item' }>).ownNote })
  return columns
}

/** A list of work items, titles first (with the plan's number when it has one); `noteLabel` names the note column. */
export function TaskTable({
  rows,
  empty,
  noteLabel,
  showDone = false,
}: {
  rows: ReportTaskRow[]
  empty: string
  noteLabel?: string
  showDone?: boolean
}) {
  if (rows.length === 0) return <p className="rp-muted">{empty}</p>
  const ownNotes =
    noteLabel !== undefined &&
    groupByNote(rows).some((group) => group.note === null && group.rows.some((row) => row.note))
  const listRows = taskListRows(rows, noteLabel !== undefined)
  return (
    <DataTable
      variant="print"
      columns={taskColumns(showDone, ownNotes ? noteLabel! : null)}
      rows={listRows}
      rowKey={(entry, index) => (entry.kind === 'group' ? `g${index}` : entry.row.key)}
      rowProps={(entry) => (entry.kind === 'group' ? { className: 'rp-group' } : { 'data-task-key': entry.row.key })}
      fullWidth={(entry) =>
        entry.kind === 'group' ? (
          <>
            {entry.note} <span className="rp-muted">({entry.count} items)</span>
          </>
        ) : null
      }
    />
  )
}

type EvidenceRow = ReportData['evidence'][number]

const EVIDENCE_COLUMNS: Column<EvidenceRow>[] = [
  { header: 'Work item', cell: (row) => itemText(row.taskLabel, row.taskTitle) },
  {
    header: 'Check · file:line',
    cell: (row) => (
      <>
        <div>
          {row.check}
          {!row.holds && <span className="rp-status-late"> (does not hold)</span>}
        </div>
        {row.location && <div className="rp-mono rp-break">{row.location}</div>}
      </>
    ),
  },
  {
    header: 'Commit · date',
    cell: (row) => (
      <>
        <div className="rp-mono">{shortSha(row.commitSha)}</div>
        <div className="rp-small">
          {dateText(row.commitDate)}
          {row.commitSubject ? ` · ${row.commitSubject}` : ''}
        </div>
      </>
    ),
  },
]

export function EvidenceTable({ report }: { report: ReportData }) {
  if (report.evidence.length === 0) return <p className="rp-muted">No work item is verified done yet.</p>
  return (
    <DataTable
      variant="print"
      className="rp-evidence"
      columns={EVIDENCE_COLUMNS}
      rows={report.evidence}
      rowKey={(_row, index) => index}
      rowProps={(row) => ({ 'data-task-key': row.taskKey })}
    />
  )
}

const WARNING_COLUMNS: Column<ReportData['warnings'][number]>[] = [
  { header: 'Line', className: 'rp-nowrap', cell: (warning) => warning.line ?? '—' },
  { header: 'Warning', cell: (warning) => warning.message },
]

export function LintSection({ report }: { report: ReportData }) {
  if (report.warnings.length === 0 && !report.repairSummary)
    return <p className="rp-muted">The plan imported without warnings or repairs.</p>
  return (
    <>
      {report.repairSummary && <p data-testid="report-repair-summary">{report.repairSummary}</p>}
      {report.warnings.length > 0 && (
        <DataTable
          variant="print"
          columns={WARNING_COLUMNS}
          rows={report.warnings}
          rowKey={(_warning, index) => index}
        />
      )}
    </>
  )
}

const COMMIT_COLUMNS: Column<ReportData['commits'][number]>[] = [
  { header: 'Short', className: 'rp-mono', cell: (commit) => commit.shortSha },
  { header: 'Full SHA', className: 'rp-mono rp-full-sha', cell: (commit) => commit.sha },
  {
    header: 'Date · subject',
    className: 'rp-small',
    cell: (commit) => `${dateText(commit.date)}${commit.subject ? ` · ${commit.subject}` : ''}`,
  },
]

/** Each cited commit's full SHA (the tables show 7 characters). */
export function CommitAppendix({ report }: { report: ReportData }) {
  if (report.commits.length === 0) return <p className="rp-muted">The report cites no commit.</p>
  return (
    <DataTable
      variant="print"
      className="rp-commits"
      columns={COMMIT_COLUMNS}
      rows={report.commits}
      rowKey={(commit) => commit.sha}
    />
  )
}

type HistoryRow = NonNullable<ReportData['checkHistories']>[number]

const HISTORY_COLUMNS: Column<HistoryRow>[] = [
  {
    header: 'Item',
    cell: (row) => (
      <>
        {row.taskLabel ?? row.taskTitle}
        <span className="rp-muted rp-small"> · {row.state}</span>
      </>
    ),
  },
  {
    header: 'Check',
    className: 'rp-small',
    cell: (row) => `${row.check}${row.holds === false ? ' (fails)' : row.holds === true ? ' (holds)' : ''}`,
  },
  { header: 'History', className: 'rp-small', cell: (row) => row.history },
]

/** "Why (not) done": each criterion check that changed value, with its runs and the commits that flipped them. */
export function CheckHistoryAppendix({ report }: { report: ReportData }) {
  const rows = report.checkHistories ?? []
  if (rows.length === 0) return <p className="rp-muted">No check changed value over the replayed history.</p>
  return (
    <DataTable
      variant="print"
      className="rp-histories"
      columns={HISTORY_COLUMNS}
      rows={rows}
      rowKey={(_row, index) => index}
      rowProps={() => ({ 'data-testid': 'report-check-history' })}
    />
  )
}
