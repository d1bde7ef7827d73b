import { basisPhrase, basisUnit } from '../../../../shared/basis-words'
import type { ProgressReport } from '../../../../shared/progress-model'
import { Figure } from '../../components/Figure'
import { formatDate, formatHours, formatNumber, formatPercent, formatSchedule, plural } from '../../lib/format'

function forecastText(progress: ProgressReport): { value: string; detail: string } {
  const { forecast } = progress
  switch (forecast.status) {
    case 'done':
      return { value: 'Done', detail: 'nothing remains' }
    case 'not-enough-history':
      return { value: '—', detail: `needs more completed weeks (${forecast.historyWeeks} so far)` }
    case 'no-throughput':
      return { value: '—', detail: 'nothing done recently to project from' }
    default:
      return {
        value: `${formatDate(forecast.p50)}`,
        detail: `P50 (week ${forecast.p50Week ?? '—'}) · P85 ${formatDate(forecast.p85)} (week ${forecast.p85Week ?? '—'})`,
      }
  }
}

/** The headline numbers: verified vs claimed, remaining, schedule variance, SPI and the forecast finish. */
export function Figures({ progress }: { progress: ProgressReport }) {
  const { summary } = progress
  const forecast = forecastText(progress)
  const variance = summary.scheduleVarianceWeeks
  return (
    <dl className="figures" aria-label="Plan figures">
      <Figure
        testId="figure-verified"
        label="Verified done"
        value={formatPercent(summary.verifiedPercent)}
        detail={`claimed ${formatPercent(summary.claimedPercent)} · ${summary.doneTaskCount}/${summary.taskCount} items`}
        note={<span data-testid="figure-basis">{basisPhrase(summary)}</span>}
        tone={summary.verifiedPercent + 0.05 < summary.claimedPercent ? 'warn' : undefined}
      />
      <Figure
        testId="figure-remaining"
        label="Remaining"
        value={formatHours(summary.remainingHours)}
        detail={`of ${formatHours(summary.scopeHours)} · ${plural(summary.remainingTaskCount, 'item')}`}
      />
      <Figure
        testId="figure-variance"
        label="Schedule variance"
        value={progress.asOfWeek === 0 ? 'not started' : formatSchedule(summary)}
        detail={`week ${progress.asOfWeek} of ${progress.planEndWeek}`}
        tone={variance < -0.05 ? 'danger' : variance > 0.05 ? 'ok' : undefined}
      />
      <Figure
        testId="figure-spi"
        label="SPI"
        value={formatNumber(summary.spi)}
        detail={`earned ${formatNumber(summary.earnedValue, 1)} of planned ${formatNumber(summary.plannedValue, 1)} ${basisUnit(summary.basis)}`}
        tone={summary.spi !== null && summary.spi < 0.9 ? 'danger' : undefined}
      />
      <Figure testId="figure-forecast" label="Forecast finish" value={forecast.value} detail={forecast.detail} />
    </dl>
  )
}
