import { useEffect, useState } from 'react'
import { useStore } from '../../app/store'
import { Badge } from '../../components/StateBadge'
import { formatDate, formatDateTime, formatHours, formatPercent, formatWeeks } from '../../lib/format'
import type { PlanSummary } from '../../../../shared/contract/plans'
import { EmptyState } from './EmptyState'
import { pickPlanFile } from './plan-picker'
import type { PlanFigures } from './plans-slice'

function ScheduleBadge({ figures }: { figures: PlanFigures | undefined }) {
  if (!figures) return <span className="muted">…</span>
  if (!figures.ok) return <span className="muted" title={figures.error}>unavailable</span>
  if (figures.asOfWeek === 0) return <Badge tone="muted">not started</Badge>
  const weeks = figures.scheduleVarianceWeeks
  if (Math.abs(weeks) < 0.05) return <Badge tone="ok">on schedule</Badge>
  return <Badge tone={weeks < 0 ? 'danger' : 'ok'}>{formatWeeks(weeks)}</Badge>
}

function PlanRow({ plan, figures, onOpen, onReimport, onDelete }: { plan: PlanSummary; figures: PlanFigures | undefined; onOpen(): void; onReimport(): void; onDelete(): void }) {
  const [confirming, setConfirming] = useState(false)
  return (
    <tr data-testid="plan-row" data-plan-id={plan.id}>
      <th scope="row">
        <button type="button" className="link-button strong" onClick={onOpen}>
          {plan.title}
        </button>
        <div className="muted small">
          {plan.sourceName} · v{plan.versionCount} · start {formatDate(plan.startDate)}
        </div>
      </th>
      <td className="num">{figures?.ok ? formatPercent(figures.verifiedPercent) : '—'}</td>
      <td className="num">{figures?.ok ? formatHours(figures.remainingHours) : formatHours(plan.totalHours)}</td>
      <td>
        <ScheduleBadge figures={figures} />
      </td>
      <td>{plan.repoCount > 0 ? formatDateTime(plan.lastSyncAt) : <span className="muted">no repo</span>}</td>
      <td className="actions">
        {confirming ? (
          <span className="confirm" role="group" aria-label={`Delete ${plan.title}?`}>
            <span>Delete plan and its history?</span>
            <button type="button" className="danger" onClick={onDelete}>
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Keep
            </button>
          </span>
        ) : (
          <>
            <button type="button" onClick={onReimport} aria-label={`Re-import ${plan.title}`}>
              Re-import…
            </button>
            <button type="button" className="danger-outline" onClick={() => setConfirming(true)} aria-label={`Delete ${plan.title}`}>
              Delete…
            </button>
          </>
        )}
      </td>
    </tr>
  )
}

/** The plans library: headline figures per plan, import (dialog, drop, recent files), re-import and delete. */
export function PlansScreen() {
  const store = useStore()
  const { plans, planFigures, loadPlanFigures, recentFiles, plansError } = store

  useEffect(() => {
    void loadPlanFigures()
  }, [plans, loadPlanFigures])

  if (plans.length === 0) return <EmptyState />

  const open = (planId: number) => {
    store.selectPlan(planId)
    store.navigate('dashboard')
  }

  return (
    <section aria-labelledby="plans-title" className="screen">
      <header className="screen-header">
        <h1 id="plans-title">Plans</h1>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void pickPlanFile(store)}>
            Import a plan…
          </button>
          <button type="button" onClick={() => void store.openSample()} disabled={store.sampleStatus === 'opening'}>
            {store.sampleStatus === 'opening' ? 'Opening the sample…' : 'Open the sample'}
          </button>
        </div>
      </header>
      {plansError && (
        <p role="alert" className="inline-error">
          {plansError}
        </p>
      )}
      <p className="muted">Drop a .md or .txt plan anywhere in the window to import it.</p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Plans">
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col" className="num">
                Verified
              </th>
              <th scope="col" className="num">
                Remaining
              </th>
              <th scope="col">Schedule</th>
              <th scope="col">Last sync</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <PlanRow
                key={plan.id}
                plan={plan}
                figures={planFigures[plan.id]}
                onOpen={() => open(plan.id)}
                onReimport={() => void pickPlanFile(store, plan.id)}
                onDelete={() => void store.removePlan(plan.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {recentFiles.length > 0 && (
        <section aria-labelledby="recent-title" className="panel">
          <h2 id="recent-title">Recent files</h2>
          <ul className="plain-list">
            {recentFiles.map((file) => (
              <li key={file.path}>
                <button type="button" className="link-button" onClick={() => void store.startImport({ path: file.path }, plans.find((plan) => plan.sourceName === file.name)?.id ?? null)} title={file.path}>
                  {file.name}
                </button>
                <span className="muted small"> {file.path}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}
