import { useMemo, useState } from 'react'
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type XAxisProps,
  type YAxisProps,
} from 'recharts'
import type { ProgressReport } from '../../../../shared/progress-model'
import { localIsoDate } from '../../../../shared/calendar'
import { formatDate } from '../../lib/format'
import { DataTable, type Column } from '../../components/DataTable'
import { useNumberedKeys } from '../../data/hooks'
import { visibleKey } from '../../lib/task-label'
import { pastEndNote } from '../../../../shared/chart-range'
import {
  asOfMarker,
  buildChartPoints,
  buildPhaseBands,
  chartRange,
  pointsInRange,
  type ChartMode,
  type ChartPoint,
  type WeekRange,
} from './chart-data'
import { chartSeries, phaseBandProps, seriesElements, weekAxisProps } from './chart-series'

const MILESTONE_COLORS: Record<string, string> = {
  met: 'var(--ok)',
  missed: 'var(--danger)',
  pending: 'var(--muted)',
  unverifiable: 'var(--warn)',
}

interface TooltipProps {
  active?: boolean
  payload?: { payload: ChartPoint }[]
  unit: string
  doneByWeek: DoneByWeek
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
      <div>
        Scope: {round(point.scope)} {unit}
      </div>
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

const CHART_COLUMNS: Column<ChartPoint>[] = [
  { header: 'Week', rowHeader: true, cell: (point) => point.week },
  { header: 'Ideal', id: 'ideal', numeric: true, cell: (point) => round(point.ideal) },
  { header: 'Actual', id: 'actual', numeric: true, cell: (point) => round(point.actual) },
  { header: 'Scope', id: 'scope', numeric: true, cell: (point) => round(point.scope) },
]

/** The chart's numbers as a table (for screen readers, and to read exact values). */
function ChartDataTable({ points, unit, mode }: { points: ChartPoint[]; unit: string; mode: ChartMode }) {
  return (
    <details className="chart-data">
      <summary>Chart data</summary>
      <DataTable
        className="compact"
        testId="chart-data"
        caption={`${mode === 'burndown' ? 'Remaining' : 'Done'} ${unit} per week`}
        columns={CHART_COLUMNS}
        rows={points.filter((point) => point.ideal !== null)}
        rowKey={(point) => point.week}
        rowProps={(point) => ({ 'data-week': point.week })}
      />
    </details>
  )
}

type DoneByWeek = Map<number, { key: string; label: string | null; title: string }[]>

function useDoneByWeek(progress: ProgressReport): DoneByWeek {
  const numberedKeys = useNumberedKeys()
  return useMemo(() => {
    const map: DoneByWeek = new Map()
    for (const task of progress.tasks) {
      if (task.state !== 'done' || task.doneWeek === null) continue
      if (!map.has(task.doneWeek)) map.set(task.doneWeek, [])
      map.get(task.doneWeek)!.push({ key: task.key, label: visibleKey(task.key, numberedKeys), title: task.title })
    }
    return map
  }, [progress, numberedKeys])
}

/** What the chart draws for a mode and a week range: the points, the weeks shown, phases, milestones and markers. */
function useChartModel(progress: ProgressReport, mode: ChartMode, range: WeekRange) {
  const allPoints = useMemo(() => buildChartPoints(progress, mode), [progress, mode])
  const weeks = useMemo(() => chartRange(allPoints, progress, range), [allPoints, progress, range])
  const points = useMemo(() => pointsInRange(allPoints, weeks), [allPoints, weeks])
  const bands = useMemo(() => buildPhaseBands(progress), [progress])
  const doneByWeek = useDoneByWeek(progress)
  const firstWeek = weeks.first
  const lastWeek = Math.max(weeks.last, points.at(-1)?.week ?? 0)
  return {
    points,
    weeks,
    bands,
    doneByWeek,
    firstWeek,
    lastWeek,
    byHours: progress.summary.basis === 'hours',
    unit: progress.summary.basis === 'hours' ? 'h' : 'items',
    marker: asOfMarker(progress, localIsoDate(new Date())),
    note: pastEndNote(progress, weeks),
    hasOriginal: points.some((point) => point.originalIdeal !== null),
    milestones: progress.milestones.filter((milestone) => milestone.week >= firstWeek && milestone.week <= lastWeek),
  }
}

type ChartModel = ReturnType<typeof useChartModel>

function Segmented<Value extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string
  /** each value and its button's text, in order */
  options: Record<Value, string>
  value: Value
  onChange(value: Value): void
}) {
  return (
    <div role="group" aria-label={label} className="segmented">
      {(Object.keys(options) as Value[]).map((option) => (
        <button key={option} type="button" aria-pressed={value === option} onClick={() => onChange(option)}>
          {options[option]}
        </button>
      ))}
    </div>
  )
}

interface ChartView {
  mode: ChartMode
  range: WeekRange
  showOriginal: boolean
}

function ChartHeader({
  model,
  view,
  setView,
}: {
  model: ChartModel
  view: ChartView
  setView(patch: Partial<ChartView>): void
}) {
  return (
    <header className="panel-header">
      <h2 id="chart-title">{view.mode === 'burndown' ? 'Burndown' : 'Burnup'}</h2>
      {model.note && (
        <p className="muted small chart-today-note" data-testid="chart-today-note">
          {model.note}
        </p>
      )}
      <div className="chart-controls">
        <Segmented
          label="Chart type"
          options={{ burndown: 'Burndown', burnup: 'Burnup' }}
          value={view.mode}
          onChange={(mode) => setView({ mode })}
        />
        <Segmented
          label="Chart weeks"
          options={{ plan: 'Plan weeks', all: 'All weeks' }}
          value={view.range}
          onChange={(range) => setView({ range })}
        />
        {model.hasOriginal && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={view.showOriginal}
              onChange={(event) => setView({ showOriginal: event.target.checked })}
            />{' '}
            Original baseline
          </label>
        )}
      </div>
    </header>
  )
}

/** phase bands behind the lines, labelled P1, P2… */
function phaseBands(model: ChartModel) {
  return model.bands.map((band, index) => (
    <ReferenceArea
      key={`${band.title}-${index}`}
      {...phaseBandProps(band, index, ['var(--band-a)', 'var(--band-b)'])}
      className="phase-band"
      label={{ value: `P${index + 1}`, position: 'insideTop', fontSize: 10, fill: 'var(--muted)' }}
    />
  ))
}

/** milestone lines, target dots (burndown in hours) and the as-of marker */
function markers(model: ChartModel, mode: ChartMode) {
  return [
    ...model.milestones.map((milestone, index) => (
      <ReferenceLine
        key={`m-${index}`}
        x={milestone.week}
        stroke={MILESTONE_COLORS[milestone.status]}
        strokeDasharray="1 3"
        className={`milestone milestone-${milestone.status}`}
      />
    )),
    ...(mode === 'burndown' && model.byHours
      ? model.milestones
          .filter((milestone) => milestone.targetRemainingHours !== null)
          .map((milestone, index) => (
            <ReferenceDot
              key={`md-${index}`}
              x={milestone.week}
              y={milestone.targetRemainingHours!}
              r={5}
              fill={MILESTONE_COLORS[milestone.status]}
              stroke="var(--panel)"
            />
          ))
      : []),
    ...(model.weeks.asOfOnChart
      ? [
          <ReferenceLine
            key="as-of"
            x={model.marker.x}
            stroke="var(--accent)"
            className={model.marker.isToday ? 'today-marker' : 'as-of-marker'}
            label={{ value: model.marker.label, position: 'top', fill: 'var(--accent)', fontSize: 11 }}
          />,
        ]
      : []),
  ]
}

/** the week axis, labelled */
function weekAxis(model: ChartModel): XAxisProps {
  return {
    ...weekAxisProps(model, 'var(--muted)'),
    label: { value: 'week', position: 'insideBottomRight', offset: -4, fill: 'var(--muted)' },
  }
}

/** the value axis: hours (with fractions) or items */
function valueAxisProps({ byHours }: ChartModel): YAxisProps {
  return {
    stroke: 'var(--muted)',
    width: 56,
    allowDecimals: byHours,
    label: {
      value: byHours ? 'hours' : 'items',
      angle: -90,
      position: 'insideLeft',
      offset: 12,
      fill: 'var(--muted)',
    },
  }
}

const SERIES = chartSeries(
  { ideal: 'var(--ideal)', actual: 'var(--actual)', scope: 'var(--scope)', forecast: 'var(--forecast)' },
  { actualDotRadius: 3 },
)

// recharts finds its parts among the chart's direct children: the series come as an array of elements, not a wrapper
function ChartLines({ model, view }: { model: ChartModel; view: ChartView }) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <ComposedChart data={model.points} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        {phaseBands(model)}
        <XAxis {...weekAxis(model)} />
        <YAxis {...valueAxisProps(model)} />
        <Tooltip content={<WeekTooltip unit={model.unit} doneByWeek={model.doneByWeek} mode={view.mode} />} />
        <Legend />
        {seriesElements(SERIES, { showOriginal: model.hasOriginal && view.showOriginal })}
        {markers(model, view.mode)}
      </ComposedChart>
    </ResponsiveContainer>
  )
}

function MilestoneList({ milestones }: { milestones: ProgressReport['milestones'] }) {
  if (milestones.length === 0) return null
  return (
    <ul className="milestone-list small" aria-label="Milestones">
      {milestones.map((milestone, index) => (
        <li key={index}>
          <span className={`dot status-${milestone.status}`} aria-hidden="true" /> Week {milestone.week}:{' '}
          {milestone.label} — {milestone.status}
        </li>
      ))}
    </ul>
  )
}

/** Burndown (remaining) or burnup (done vs scope), week by week, with phases, milestones, today and the forecast band. */
export function BurndownChart({ progress }: { progress: ProgressReport }) {
  const [view, setViewState] = useState<ChartView>({ mode: 'burndown', range: 'plan', showOriginal: true })
  const setView = (patch: Partial<ChartView>) => setViewState((current) => ({ ...current, ...patch }))
  const model = useChartModel(progress, view.mode, view.range)
  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <ChartHeader model={model} view={view} setView={setView} />
      <div
        className="chart-box"
        data-testid="burndown-chart"
        data-mode={view.mode}
        data-range={view.range}
        data-first-week={model.firstWeek}
        data-last-week={model.lastWeek}
        data-basis={progress.summary.basis}
        data-as-of-x={model.marker.x}
      >
        <ChartLines model={model} view={view} />
      </div>
      <ChartDataTable points={model.points} unit={model.unit} mode={view.mode} />
      <MilestoneList milestones={progress.milestones} />
    </section>
  )
}
