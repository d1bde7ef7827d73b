import { Area, Line, type AreaProps, type LineProps, type ReferenceAreaProps, type XAxisProps } from 'recharts'
import type { ChartPoint, PhaseBand } from './chart-data'

/**
 * The props the dashboard's chart and the printed report's chart share. recharts finds its parts among the chart's
 * direct children by component type: what is shared here are props and arrays of elements a chart places among its
 * own children, never a wrapper component.
 */

/** the colours of the series: CSS variables on screen, fixed colours on paper */
export interface SeriesColors {
  ideal: string
  actual: string
  scope: string
  forecast: string
}

/** How each series is drawn: the forecast band behind, stepped scope, dashed ideal lines and a bold actual line. */
export function chartSeries(colors: SeriesColors, { actualDotRadius }: { actualDotRadius: number }) {
  return {
    forecast: {
      dataKey: 'forecastBand',
      name: 'Forecast P50–P85',
      className: 'forecast-band',
      stroke: 'none',
      fill: colors.forecast,
      fillOpacity: 0.35,
      isAnimationActive: false,
      connectNulls: false,
    } satisfies AreaProps<ChartPoint, unknown>,
    scope: {
      dataKey: 'scope',
      name: 'Scope',
      className: 'line-scope',
      stroke: colors.scope,
      strokeDasharray: '2 4',
      dot: false,
      isAnimationActive: false,
      type: 'stepAfter',
    } satisfies LineProps,
    ideal: {
      dataKey: 'ideal',
      name: 'Ideal',
      className: 'line-ideal',
      stroke: colors.ideal,
      strokeDasharray: '6 4',
      dot: false,
      isAnimationActive: false,
    } satisfies LineProps,
    originalIdeal: {
      dataKey: 'originalIdeal',
      name: 'Original ideal',
      className: 'line-original',
      stroke: colors.ideal,
      strokeOpacity: 0.6,
      strokeDasharray: '1 3',
      dot: false,
      isAnimationActive: false,
    } satisfies LineProps,
    actual: {
      dataKey: 'actual',
      name: 'Actual',
      className: 'line-actual',
      stroke: colors.actual,
      strokeWidth: 2.5,
      dot: { r: actualDotRadius },
      isAnimationActive: false,
      connectNulls: false,
    } satisfies LineProps,
  }
}

type ChartSeries = ReturnType<typeof chartSeries>

/** the series, back to front, as elements for the chart's own children */
export function seriesElements(series: ChartSeries, { showOriginal }: { showOriginal: boolean }) {
  return [
    <Area key="forecast" {...series.forecast} />,
    <Line key="scope" {...series.scope} />,
    <Line key="ideal" {...series.ideal} />,
    ...(showOriginal ? [<Line key="original" {...series.originalIdeal} />] : []),
    <Line key="actual" {...series.actual} />,
  ]
}

/** the week axis: whole weeks (at most 16 ticks), with half a week of room at either end */
export function weekAxisProps(
  { firstWeek, lastWeek }: { firstWeek: number; lastWeek: number },
  stroke: string,
): XAxisProps {
  return {
    dataKey: 'week',
    type: 'number',
    domain: [firstWeek - 0.5, lastWeek + 0.5],
    allowDecimals: false,
    tickCount: Math.min(lastWeek - firstWeek + 2, 16),
    stroke,
  }
}

/** a phase band behind the lines, half a week wider on either side, in alternating shades */
export function phaseBandProps(band: PhaseBand, index: number, shades: readonly [string, string]): ReferenceAreaProps {
  return {
    x1: band.from - 0.5,
    x2: band.to + 0.5,
    fill: shades[index % 2],
    fillOpacity: 1,
    ifOverflow: 'hidden',
  }
}
