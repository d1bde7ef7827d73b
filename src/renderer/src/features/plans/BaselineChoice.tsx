import { useId } from 'react'
import { useStore } from '../../app/store'
import { usePlans } from '../../data/hooks'
import type { ImportDraft } from './plans-slice'

/** On a re-import: keep measuring against the plan's baseline, or make the new version the baseline. */
export function BaselineChoice({ draft }: { draft: ImportDraft }) {
  const patchImportDraft = useStore((s) => s.patchImportDraft)
  const setImportBaseline = (rebaseline: { reason: string } | null) => patchImportDraft({ rebaseline })
  const emptyBaseline = usePlans().data?.find((plan) => plan.id === draft.targetPlanId)?.totalHours === 0
  const id = useId()
  const rebaseline = draft.rebaseline !== null
  return (
    <fieldset className="baseline-choice" data-testid="baseline-choice">
      <legend>Baseline</legend>
      <label className="radio">
        <input type="radio" name={`${id}-choice`} checked={!rebaseline} onChange={() => setImportBaseline(null)} /> Keep
        the baseline: the changes show as scope changes
      </label>
      <label className="radio">
        <input
          type="radio"
          name={`${id}-choice`}
          checked={rebaseline}
          onChange={() => setImportBaseline({ reason: '' })}
        />{' '}
        Rebaseline: measure against this version from now on
      </label>
      {rebaseline && (
        <div className="form-grid">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input
            id={`${id}-reason`}
            type="text"
            maxLength={500}
            value={draft.rebaseline!.reason}
            onChange={(event) => setImportBaseline({ reason: event.target.value })}
          />
        </div>
      )}
      <p className="muted small">
        {emptyBaseline ? 'The stored version has no estimates, so rebaselining is suggested. ' : ''}Earlier baselines
        stay viewable on the dashboard either way.
      </p>
    </fieldset>
  )
}
