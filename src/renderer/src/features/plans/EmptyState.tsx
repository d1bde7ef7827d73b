import { usePlans } from '../../data/hooks'
import { errorMessage } from '../../lib/errors'
import { pickPlanFile } from './plan-picker'
import { useOpenSample } from './use-open-sample'

/** First run: import your own plan, or open the sample to see a populated dashboard in one click. */
export function EmptyState() {
  const sample = useOpenSample()
  const listError = usePlans().error
  const error = sample.error ?? (listError ? errorMessage(listError) : null)
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">Import a plan</h1>
      <p>
        Bring in a production-readiness plan (markdown or text). The cockpit reads its phases, tasks and estimates, then
        checks your git history for what is really done. You can also drop a .md or .txt file anywhere in this window.
      </p>
      <div className="button-row centered">
        <button type="button" className="primary" onClick={() => void pickPlanFile()}>
          Import a plan…
        </button>
        <button type="button" onClick={sample.open} disabled={sample.opening} aria-busy={sample.opening}>
          {sample.opening ? 'Opening the sample…' : 'Open the sample'}
        </button>
      </div>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </section>
  )
}
