import { useMemo, useState } from 'react'
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ProgressReport } from '../../../../shared/progress-model'
import { localIsoDate } from '../../../../shared/calendar'
import { formatDate } from '../../lib/format'
import { useNumberedKeys, visibleKey } from '../../lib/task-label'
import { pastEndNote } from '../../../../shared/chart-range'
import { asOfMarker, buildChartPoints, buildPhaseBands, chartRange, pointsInRange, type ChartMode, type ChartPoint, type WeekRange } from './chart-data'

const MILESTONE_COLORS: Record<string, string> = { met: 'var(--ok)', missed: 'var(--danger)', pending: 'var(--muted)', unverifiable: 'var(--warn)' }

interface TooltipProps {
  active?: boolean
  payload?: { payload: ChartPoint }[]
  unit: string
  doneByWeek: Map<number, { key: string; label: string | null; title: string }[]>
  mode: ChartMode
}

function round(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(Math.round(value * 10) / 10)
}

function WeekTooltip({ active, payload, unit, doneByWeek, mode }: TooltipProps) {
  const point = payload?.[0]?.payload
  if (!active || !point) return null
  const done = doneByWeek.get(point.week) ?? []
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <strong>Week {point.week}</strong>
      {point.weekStart && (
        <div className="muted small">
          {formatDate(point.weekStart)} – {formatDate(point.weekEnding)}
        </div>
      )}
      <div>
        Ideal {mode === 'burndown' ? 'remaining' : 'done'}: {round(point.ideal)} {unit}
      </div>
      <div>
        Actual {mode === 'burndown' ? 'remaining' : 'done'}: {round(point.actual)} {unit}
      </div>
      <div>Scope: {round(point.scope)} {unit}</div>
      {point.originalIdeal !== null && (
        <div>
          Original ideal: {round(point.originalIdeal)} {unit}
        </div>
      )}
      {point.forecastBand && (
        <div>
          Forecast: {round(point.forecastBand[0])}–{round(point.forecastBand[1])} {unit}
        </div>
      )}
      {done.length > 0 && (
        <div className="tooltip-done">
          Done this week:
          <ul>
            {done.slice(0, 8).map((task) => (
              <li key={task.key}>
                {task.label !== null && `${task.label} `}
                {task.title}
              </li>
            ))}
            {done.length > 8 && <li>… and {done.length - 8} more</li>}
          </ul>
        </div>
      )}
    </div>
  )
}

/** The chart's numbers as a table (for screen readers, and to read exact values). */
function ChartDataTable({ points, unit, mode }: { points: ChartPoint[]; unit: string; mode: ChartMode }) {
  return (
    <details className="chart-data">
      <summary>Chart data</summary>
      <table className="data-table compact" data-testid="chart-data">
        <caption className="visually-hidden">
          {mode === 'burndown' ? 'Remaining' : 'Done'} {unit} per week
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col" className="num">
              Ideal
            </th>
            <th scope="col" className="num">
              Actual
            </th>
            <th scope="col" className="num">
              Scope
            </th>
          </tr>
        </thead>
        <tbody>
          {points
            .filter((point) => point.ideal !== null)
            .map((point) => (
              <tr key={point.week} data-week={point.week}>
                <th scope="row">{point.week}</th>
                <td className="num" data-col="ideal">{round(point.ideal)}</td>
                <td className="num" data-col="actual">{round(point.actual)}</td>
                <td className="num" data-col="scope">{round(point.scope)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </details>
  )
}

/** Burndown (remaining) or burnup (done vs scope), week by week, with phases, milestones, today and the forecast band. */
export function BurndownChart({ report }: { report: ProgressReport }) {
  const [mode, setMode] = useState<ChartMode>('burndown')
  const [range, setRange] = useState<WeekRange>('plan')
  const [showOriginal, setShowOriginal] = useState(true)
  const allPoints = useMemo(() => buildChartPoints(report, mode), [report, mode])
  const weeks = useMemo(() => chartRange(allPoints, report, range), [allPoints, report, range])
  const points = useMemo(() => pointsInRange(allPoints, weeks), [allPoints, weeks])
  const numberedKeys = useNumberedKeys()
  const bands = useMemo(() => buildPhaseBands(report), [report])
  const doneByWeek = useMemo(() => {
    const map = new Map<number, { key: string; label: string | null; title: string }[]>()
    for (const task of report.tasks) {
      if (task.state !== 'done' || task.doneWeek === null) continue
      if (!map.has(task.doneWeek)) map.set(task.doneWeek, [])
      map.get(task.doneWeek)!.push({ key: task.key, label: visibleKey(task.key, numberedKeys), title: task.title })
    }
    return map
  }, [report, numberedKeys])
  const byHours = report.summary.basis === 'hours'
  const unit = byHours ? 'h' : 'items'
  const firstWeek = weeks.first
  const lastWeek = Math.max(weeks.last, points.at(-1)?.week ?? 0)
  const marker = asOfMarker(report, localIsoDate(new Date()))
  const note = pastEndNote(report, weeks)
  const hasOriginal = points.some((point) => point.originalIdeal !== null)
  const milestones = report.milestones.filter((milestone) => milestone.week >= firstWeek && milestone.week <= lastWeek)

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <header className="panel-header">
        <h2 id="chart-title">{mode === 'burndown' ? 'Burndown' : 'Burnup'}</h2>
        {note && (
          <p className="muted small chart-today-note" data-testid="chart-today-note">
            {note}
          </p>
        )}
        <div className="chart-controls">
          <div role="group" aria-label="Chart type" className="segmented">
            {(['burndown', 'burnup'] as const).map((value) => (
              <button key={value} type="button" aria-pressed={mode === value} onClick={() => setMode(value)}>
                {value === 'burndown' ? 'Burndown' : 'Burnup'}
              </button>
            ))}
          </div>
          <div role="group" aria-label="Chart weeks" className="segmented">
            {(['plan', 'all'] as const).map((value) => (
              <button key={value} type="button" aria-pressed={range === value} onClick={() => setRange(value)}>
                {value === 'plan' ? 'Plan weeks' : 'All weeks'}
              </button>
            ))}
          </div>
          {hasOriginal && (
            <label className="checkbox">
              <input type="checkbox" checked={showOriginal} onChange={(event) => setShowOriginal(event.target.checked)} /> Original baseline
            </label>
          )}
        </div>
      </header>
      <div className="chart-box" data-testid="burndown-chart" data-mode={mode} data-range={range} data-first-week={firstWeek} data-last-week={lastWeek} data-basis={report.summary.basis} data-as-of-x={marker.x}>
        <ResponsiveContainer width="100%" height={340}>
          <ComposedChart data={points} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            {bands.map((band, index) => (
              <ReferenceArea
                key={`${band.title}-${index}`}
                x1={band.from - 0.5}
                x2={band.to + 0.5}
                fill={index % 2 === 0 ? 'var(--band-a)' : 'var(--band-b)'}
                fillOpacity={1}
                ifOverflow="hidden"
                className="phase-band"
                label={{ value: `P${index + 1}`, position: 'insideTop', fontSize: 10, fill: 'var(--muted)' }}
              />
            ))}
            <XAxis dataKey="week" type="number" domain={[firstWeek - 0.5, lastWeek + 0.5]} allowDecimals={false} tickCount={Math.min(lastWeek - firstWeek + 2, 16)} stroke="var(--muted)" label={{ value: 'week', position: 'insideBottomRight', offset: -4, fill: 'var(--muted)' }} />
            <YAxis stroke="var(--muted)" width={56} allowDecimals={byHours} label={{ value: byHours ? 'hours' : 'items', angle: -90, position: 'insideLeft', offset: 12, fill: 'var(--muted)' }} />
            <Tooltip content={<WeekTooltip unit={unit} doneByWeek={doneByWeek} mode={mode} />} />
            <Legend />
            <Area dataKey="forecastBand" name="Forecast P50–P85" className="forecast-band" stroke="none" fill="var(--forecast)" fillOpacity={0.35} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="scope" name="Scope" className="line-scope" stroke="var(--scope)" strokeDasharray="2 4" dot={false} isAnimationActive={false} type="stepAfter" />
            <Line dataKey="ideal" name="Ideal" className="line-ideal" stroke="var(--ideal)" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            {hasOriginal && showOriginal && (
              <Line dataKey="originalIdeal" name="Original ideal" className="line-original" stroke="var(--ideal)" strokeOpacity={0.6} strokeDasharray="1 3" dot={false} isAnimationActive={false} />
            )}
            <Line dataKey="actual" name="Actual" className="line-actual" stroke="var(--actual)" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />
            {milestones.map((milestone, index) => (
              <ReferenceLine key={`m-${index}`} x={milestone.week} stroke={MILESTONE_COLORS[milestone.status]} strokeDasharray="1 3" className={`milestone milestone-${milestone.status}`} />
            ))}
            {mode === 'burndown' &&
              milestones
                .filter((milestone) => milestone.targetRemainingHours !== null && report.summary.basis === 'hours')
                .map((milestone, index) => (
                  <ReferenceDot key={`md-${index}`} x={milestone.week} y={milestone.targetRemainingHours!} r={5} fill={MILESTONE_COLORS[milestone.status]} stroke="var(--panel)" />
                ))}
            {weeks.asOfOnChart && (
              <ReferenceLine x={marker.x} stroke="var(--accent)" className={marker.isToday ? 'today-marker' : 'as-of-marker'} label={{ value: marker.label, position: 'top', fill: 'var(--accent)', fontSize: 11 }} />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartDataTable points={points} unit={unit} mode={mode} />
      {report.milestones.length > 0 && (
        <ul className="milestone-list small" aria-label="Milestones">
          {report.milestones.map((milestone, index) => (
            <li key={index}>
              <span className={`dot status-${milestone.status}`} aria-hidden="true" /> Week {milestone.week}: {milestone.label} — {milestone.status}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
