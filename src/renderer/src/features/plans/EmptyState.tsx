import { useStore } from '../../app/store'
import { pickPlanFile } from './plan-picker'

/** First run: import your own plan, or open the sample to see a populated dashboard in one click. */
export function EmptyState() {
  const store = useStore()
  const opening = store.sampleStatus === 'opening'
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">Import a plan</h1>
      <p>
        Bring in a production-readiness plan (markdown or text). The cockpit reads its phases, tasks and estimates, then checks your git
        history for what is really done. You can also drop a .md or .txt file anywhere in this window.
      </p>
      <div className="button-row centered">
        <button type="button" className="primary" onClick={() => void pickPlanFile(store)}>
          Import a plan…
        </button>
        <button type="button" onClick={() => void store.openSample()} disabled={opening} aria-busy={opening}>
          {opening ? 'Opening the sample…' : 'Open the sample'}
        </button>
      </div>
      {store.plansError && (
        <p role="alert" className="inline-error">
          {store.plansError}
        </p>
      )}
    </section>
  )
}
