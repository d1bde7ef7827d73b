import type { PhaseProgress, ProgressReport } from '../../../../shared/progress-model'
import { pastEndNote, planChartRange } from '../../../../shared/chart-range'
import { DataTable, type Column } from '../../components/DataTable'
import { formatHours, formatPercent } from '../../lib/format'

/** The first week in which the phase's actual remaining reached zero, if it did. */
function completionWeek(phase: PhaseProgress): number | null {
  const point = phase.burndown.find(
    (entry) => entry.actualRemainingHours !== null && entry.actualRemainingHours <= 0 && entry.scopeHours > 0,
  )
  return point?.week ?? null
}

function phaseStatus(phase: PhaseProgress, asOfWeek: number): { text: string; tone: string } {
  const completed = completionWeek(phase)
  if (completed !== null) {
    const late = phase.weekEnd !== null && completed > phase.weekEnd
    return { text: `completed week ${completed}${late ? ' (late)' : ''}`, tone: late ? 'warn' : 'ok' }
  }
  if (phase.weekEnd !== null && asOfWeek > phase.weekEnd) return { text: 'overdue', tone: 'danger' }
  if (phase.weekStart !== null && asOfWeek < phase.weekStart) return { text: 'not due yet', tone: 'muted' }
  return { text: 'in progress', tone: 'info' }
}

interface TimelineScale {
  lastWeek: number
  asOfWeek: number
  asOfElapsedWeeks: number | null
}

/** the phase's planned weeks, what is verified done of them, its completion and today, on one week scale */
function TimelineTrack({ phase, scale }: { phase: PhaseProgress; scale: TimelineScale }) {
  const { lastWeek } = scale
  const at = (week: number) => `${((week - 1) / lastWeek) * 100}%`
  const completed = completionWeek(phase)
  const start = phase.weekStart ?? 1
  const end = phase.weekEnd ?? start
  const plannedWidth = ((end - start + 1) / lastWeek) * 100
  return (
    <div className="timeline-track" aria-hidden="true">
      {phase.weekStart !== null && (
        <div className="timeline-planned" style={{ left: at(start), width: `${plannedWidth}%` }} />
      )}
      {phase.weekStart !== null && (
        <div
          className="timeline-done"
          style={{ left: at(start), width: `${(plannedWidth * phase.verifiedPercent) / 100}%` }}
        />
      )}
      {completed !== null && completed >= 1 && (
        <div
          className="timeline-completed"
          style={{ left: at(completed + 0.5) }}
          title={`completed week ${completed}`}
        />
      )}
      {scale.asOfWeek >= 1 && scale.asOfWeek <= lastWeek && (
        <div className="timeline-today" style={{ left: at((scale.asOfElapsedWeeks ?? scale.asOfWeek - 0.5) + 1) }} />
      )}
    </div>
  )
}

function plannedText(phase: PhaseProgress): string {
  if (phase.weekStart === null) return 'unscheduled'
  const end = phase.weekEnd ?? phase.weekStart
  return phase.weekStart === end ? `week ${phase.weekStart}` : `weeks ${phase.weekStart}–${end}`
}

function timelineColumns(scale: TimelineScale): Column<PhaseProgress>[] {
  return [
    { header: 'Phase', rowHeader: true, cell: (phase) => phase.title },
    { header: 'Planned', cell: plannedText },
    {
      header: `Weeks 1–${scale.lastWeek}`,
      className: 'timeline-col',
      cell: (phase) => <TimelineTrack phase={phase} scale={scale} />,
    },
    {
      header: 'Verified',
      numeric: true,
      cell: (phase) => (
        <>
          {formatPercent(phase.verifiedPercent)}
          <div className="muted small">{formatHours(phase.remainingHours)} left</div>
        </>
      ),
    },
    {
      header: 'Status',
      cell: (phase) => {
        const status = phaseStatus(phase, scale.asOfWeek)
        return <span className={`badge tone-${status.tone}`}>{status.text}</span>
      },
    },
  ]
}

/** Planned weeks per phase against what is verified done, on one week scale. */
export function PhaseTimeline({ progress }: { progress: ProgressReport }) {
  // the plan's weeks (and the weeks work really happened), not every week up to a far-away "as of"
  const range = planChartRange(progress)
  const lastWeek = Math.max(range.last, ...progress.phases.map((phase) => phase.weekEnd ?? 0), 1)
  const note = pastEndNote(progress, range)
  const columns = timelineColumns({
    lastWeek,
    asOfWeek: progress.asOfWeek,
    asOfElapsedWeeks: progress.asOfElapsedWeeks ?? null,
  })
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Phases</h2>
      {note && <p className="muted small">{note}</p>}
      <DataTable
        className="timeline"
        label="Phase timeline"
        columns={columns}
        rows={progress.phases}
        rowKey={(phase, index) => `${phase.title}-${index}`}
      />
    </section>
  )
}
