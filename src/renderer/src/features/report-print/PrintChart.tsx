import { CartesianGrid, ComposedChart, Legend, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { ProgressReport } from '../../../../shared/progress-model'
import { pastEndNote, planChartRange } from '../../../../shared/chart-range'
import { asOfMarker, buildChartPoints, buildPhaseBands, pointsInRange, type ChartMode } from '../dashboard/chart-data'
import { chartSeries, phaseBandProps, seriesElements, weekAxisProps } from '../dashboard/chart-series'

/** Fits the printable width of both A4 and Letter (186 mm ≈ 703 CSS px) with room to spare. */
export const PRINT_CHART_WIDTH = 690

const COLORS = {
  grid: '#e3e7ed',
  axis: '#55606e',
  ideal: '#6b7686',
  actual: '#2457c5',
  scope: '#9a5b00',
  forecast: '#8fb0f0',
  today: '#b42318',
  bandA: 'rgba(36, 87, 197, 0.05)',
  bandB: 'rgba(36, 87, 197, 0.11)',
}

/** What the printed chart draws: the plan's weeks, their points and phases, and the as-of marker. */
function printChartModel(progress: ProgressReport, mode: ChartMode) {
  const weeks = planChartRange(progress)
  const points = pointsInRange(buildChartPoints(progress, mode), weeks)
  const byHours = progress.summary.basis === 'hours'
  const unit = byHours ? 'hours' : 'items'
  const firstWeek = weeks.first
  const lastWeek = Math.max(weeks.last, points.at(-1)?.week ?? 1)
  return {
    weeks,
    points,
    bands: buildPhaseBands(progress),
    byHours,
    firstWeek,
    lastWeek,
    // the report is dated: the marker is "as of", never "today"
    marker: asOfMarker(progress, ''),
    note: pastEndNote(progress, weeks),
    hasOriginal: points.some((point) => point.originalIdeal !== null),
    caption: `${mode === 'burndown' ? `Burndown: ${unit} remaining` : `Burnup: ${unit} done against scope`}, plan weeks ${firstWeek}–${lastWeek}`,
  }
}

type PrintChartModel = ReturnType<typeof printChartModel>

/** phase bands behind the lines, alternating shades */
function phaseBands({ bands }: PrintChartModel) {
  return bands.map((band, index) => (
    <ReferenceArea key={`${band.title}-${index}`} {...phaseBandProps(band, index, [COLORS.bandA, COLORS.bandB])} />
  ))
}

const SERIES = chartSeries(COLORS, { actualDotRadius: 2.5 })

/** The dashboard's burndown/burnup at a fixed size, without animation, so it is fully drawn when printed. */
export function PrintChart({ progress, mode, height }: { progress: ProgressReport; mode: ChartMode; height: number }) {
  const model = printChartModel(progress, mode)
  // recharts finds its parts among the chart's direct children: the series come as an array of elements, not a wrapper
  return (
    <figure className="rp-chart" data-testid={`report-chart-${mode}`}>
      <figcaption>
        {model.caption}
        {model.note && <span className="rp-muted rp-chart-note"> · {model.note}</span>}
      </figcaption>
      <ComposedChart
        width={PRINT_CHART_WIDTH}
        height={height}
        data={model.points}
        margin={{ top: 12, right: 20, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
        {phaseBands(model)}
        <XAxis {...weekAxisProps(model, COLORS.axis)} fontSize={10} />
        <YAxis stroke={COLORS.axis} width={52} fontSize={10} allowDecimals={model.byHours} />
        <Legend wrapperStyle={{ fontSize: 10 }} />
        {seriesElements(SERIES, { showOriginal: model.hasOriginal })}
        {model.weeks.asOfOnChart && (
          <ReferenceLine
            x={model.marker.x}
            stroke={COLORS.today}
            label={{ value: 'as of', position: 'top', fill: COLORS.today, fontSize: 9 }}
          />
        )}
      </ComposedChart>
    </figure>
  )
}
