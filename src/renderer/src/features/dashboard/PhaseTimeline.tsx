import type { PhaseProgress, ProgressReport } from '../../../../shared/progress-model'
import { pastEndNote, planChartRange } from '../../../../shared/chart-range'
import { formatHours, formatPercent } from '../../lib/format'

/** The first week in which the phase's actual remaining reached zero, if it did. */
function completionWeek(phase: PhaseProgress): number | null {
  const point = phase.burndown.find((entry) => entry.actualRemainingHours !== null && entry.actualRemainingHours <= 0 && entry.scopeHours > 0)
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

/** Planned weeks per phase against what is verified done, on one week scale. */
export function PhaseTimeline({ report }: { report: ProgressReport }) {
  // the plan's weeks (and the weeks work really happened), not every week up to a far-away "as of"
  const range = planChartRange(report)
  const lastWeek = Math.max(range.last, ...report.phases.map((phase) => phase.weekEnd ?? 0), 1)
  const note = pastEndNote(report, range)
  const scale = (week: number) => `${((week - 1) / lastWeek) * 100}%`
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Phases</h2>
      {note && <p className="muted small">{note}</p>}
      <table className="data-table timeline" aria-label="Phase timeline">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Planned</th>
            <th scope="col" className="timeline-col">
              Weeks 1–{lastWeek}
            </th>
            <th scope="col" className="num">
              Verified
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {report.phases.map((phase, index) => {
            const status = phaseStatus(phase, report.asOfWeek)
            const completed = completionWeek(phase)
            const start = phase.weekStart ?? 1
            const end = phase.weekEnd ?? start
            return (
              <tr key={`${phase.title}-${index}`}>
                <th scope="row">{phase.title}</th>
                <td>{phase.weekStart === null ? 'unscheduled' : start === end ? `week ${start}` : `weeks ${start}–${end}`}</td>
                <td className="timeline-col">
                  <div className="timeline-track" aria-hidden="true">
                    {phase.weekStart !== null && <div className="timeline-planned" style={{ left: scale(start), width: `${((end - start + 1) / lastWeek) * 100}%` }} />}
                    {phase.weekStart !== null && (
                      <div className="timeline-done" style={{ left: scale(start), width: `${(((end - start + 1) / lastWeek) * 100 * phase.verifiedPercent) / 100}%` }} />
                    )}
                    {completed !== null && completed >= 1 && <div className="timeline-completed" style={{ left: scale(completed + 0.5) }} title={`completed week ${completed}`} />}
                    {report.asOfWeek >= 1 && report.asOfWeek <= lastWeek && <div className="timeline-today" style={{ left: scale((report.asOfElapsedWeeks ?? report.asOfWeek - 0.5) + 1) }} />}
                  </div>
                </td>
                <td className="num">
                  {formatPercent(phase.verifiedPercent)}
                  <div className="muted small">{formatHours(phase.remainingHours)} left</div>
                </td>
                <td>
                  <span className={`badge tone-${status.tone}`}>{status.text}</span>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
