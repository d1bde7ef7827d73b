import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import { DataTable, type Column } from '../../components/DataTable'
import { DAYS_PER_WEEK_INPUT, Field, HOURS_PER_DAY_INPUT } from '../../components/Form'
import { Modal } from '../../components/Modal'
import { usePlans } from '../../data/hooks'
import { importPreviewQuery } from '../../data/queries'
import { errorMessage } from '../../lib/errors'
import { formatDate, formatHours } from '../../lib/format'
import type { ParsedPlan } from '../../../../shared/plan-model'
import { textReading } from '../../../../shared/text-reading'
import { BaselineChoice } from './BaselineChoice'
import { PlanDiffView } from './PlanDiffView'
import { MappingStep } from './MappingStep'
import { confirmImport } from './plan-actions'
import type { ImportDraft, ImportOptions } from './plans-slice'

function phaseWeeks(phase: ParsedPlan['phases'][number]): string {
  if (phase.weekStart === null)
    return phase.dayStart !== null ? `days ${phase.dayStart}–${phase.dayEnd ?? phase.dayStart}` : 'unscheduled'
  return phase.weekEnd !== null && phase.weekEnd !== phase.weekStart
    ? `weeks ${phase.weekStart}–${phase.weekEnd}`
    : `week ${phase.weekStart}`
}

function StructureFigures({ plan }: { plan: ParsedPlan }) {
  const backlogItems = plan.backlog.reduce((sum, backlog) => sum + backlog.items.length, 0)
  const figures: [string, string | number, string?][] = [
    ['Phases', plan.phases.length, 'preview-phase-count'],
    ['Weeks', plan.weeks, 'preview-weeks'],
    ['Work items', plan.tasks.length, 'preview-task-count'],
    ['Estimated', formatHours(plan.totals.estimateHours), 'preview-hours'],
    ['Gates', plan.gates.length],
    ['Backlog items', backlogItems],
  ]
  return (
    <dl className="figures compact" aria-label="Parsed structure">
      {figures.map(([label, value, testId]) => (
        <div className="figure" key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Which encoding the file was read in and what was repaired, up front: a lead checks accents before importing. */
function TextReading({ plan }: { plan: ParsedPlan }) {
  const reading = textReading(plan)
  const notable = reading.assumed || reading.repairs !== null
  return (
    <p className={notable ? 'text-reading notable small' : 'text-reading muted small'} data-testid="preview-encoding">
      {reading.encoding}
      {reading.repairs && <> {reading.repairs}</>}
    </p>
  )
}

type PhaseRow = { phase: ParsedPlan['phases'][number]; tasks: ParsedPlan['tasks'] }

const PHASE_COLUMNS: Column<PhaseRow>[] = [
  { header: 'Phase', rowHeader: true, cell: ({ phase }) => phase.title },
  { header: 'When', cell: ({ phase }) => phaseWeeks(phase) },
  { header: 'Items', numeric: true, cell: ({ tasks }) => tasks.length },
  {
    header: 'Hours',
    numeric: true,
    cell: ({ tasks }) => formatHours(tasks.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0)),
  },
]

function Structure({ plan }: { plan: ParsedPlan }) {
  const rows = plan.phases.map((phase, index) => ({ phase, tasks: plan.tasks.filter((task) => task.phase === index) }))
  return (
    <>
      <StructureFigures plan={plan} />
      <DataTable
        className="compact"
        label="Phases"
        columns={PHASE_COLUMNS}
        rows={rows}
        rowKey={({ phase }, index) => `${phase.line}-${index}`}
      />
      {plan.gates.length > 0 && (
        <p className="muted small">
          Gates:{' '}
          {plan.gates.map((gate) => `${gate.title}${gate.week !== null ? ` (week ${gate.week})` : ''}`).join(' · ')}
        </p>
      )}
    </>
  )
}

function Findings({ plan }: { plan: ParsedPlan }) {
  if (plan.repairs.length === 0 && plan.warnings.length === 0) return <p className="muted">No repairs or warnings.</p>
  return (
    <>
      {plan.repairs.length > 0 && (
        <details>
          <summary>
            {plan.repairs.length} text repair{plan.repairs.length === 1 ? '' : 's'}
          </summary>
          <ul className="plain-list small">
            {plan.repairs.slice(0, 200).map((repair, index) => (
              <li key={index}>
                line {repair.line}: {repair.kind} — “{repair.before}” → “{repair.after}”
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.warnings.length > 0 && (
        <details open={plan.warnings.length <= 8}>
          <summary>
            {plan.warnings.length} warning{plan.warnings.length === 1 ? '' : 's'}
          </summary>
          <ul className="plain-list small" data-testid="preview-warnings">
            {plan.warnings.map((warning, index) => (
              <li key={index}>
                {warning.line !== null && <span className="muted">line {warning.line}: </span>}
                {warning.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}

function Options({ draft, plan }: { draft: ImportDraft; plan: ParsedPlan }) {
  const patchImportDraft = useStore((s) => s.patchImportDraft)
  const setOptions = (patch: Partial<ImportOptions>) => patchImportDraft({ options: { ...draft.options, ...patch } })
  const numberOrNull = (value: string) => (value ? Number(value) : null)
  const id = useId()
  return (
    <fieldset className="form-grid">
      <legend>Schedule</legend>
      <Field
        id={`${id}-start`}
        label="Plan start"
        type="date"
        value={draft.options.startDate ?? plan.date ?? ''}
        onChange={(event) => setOptions({ startDate: event.target.value || null })}
      />
      <Field
        id={`${id}-days`}
        label="Days per week"
        {...DAYS_PER_WEEK_INPUT}
        value={draft.options.daysPerWeek ?? plan.daysPerWeek ?? ''}
        onChange={(event) => setOptions({ daysPerWeek: numberOrNull(event.target.value) })}
      />
      <Field
        id={`${id}-hours`}
        label="Hours per day"
        {...HOURS_PER_DAY_INPUT}
        value={draft.options.hoursPerDay ?? plan.hoursPerDay ?? ''}
        onChange={(event) => setOptions({ hoursPerDay: numberOrNull(event.target.value) })}
      />
    </fieldset>
  )
}

/**
 * The draft's preview: read again whenever the days, hours or mapping change. The last one read stays on screen while
 * the next is read, and when it fails.
 */
function useImportPreview(draft: ImportDraft) {
  const { daysPerWeek, hoursPerDay } = draft.options
  const query = useQuery({
    ...importPreviewQuery({
      draftId: draft.id,
      source: draft.source,
      targetPlanId: draft.targetPlanId,
      daysPerWeek,
      hoursPerDay,
      profile: draft.profile,
    }),
    placeholderData: (previous) => previous,
  })
  const [lastRead, setLastRead] = useState(query.data)
  if (query.data && !query.isPlaceholderData && query.data !== lastRead) setLastRead(query.data)
  const preview = query.data ?? lastRead
  return { preview, reading: query.isFetching, error: query.error ? errorMessage(query.error) : null }
}

const NO_ITEMS =
  'No work items were found as the plan is written. The reader looks for checkbox or bullet lists, numbered or estimated headings, or task tables under phase, week or sprint headings. Use “Correct the reading” below to say where the work is.'

function PreviewBody({
  draft,
  plan,
  preview,
}: {
  draft: ImportDraft
  plan: ParsedPlan
  preview: NonNullable<ReturnType<typeof useImportPreview>['preview']>
}) {
  return (
    <>
      <p>
        <strong>{plan.title}</strong> <span className="muted">· dated {formatDate(plan.date)}</span>
      </p>
      {plan.tasks.length === 0 && (
        <p role="alert" className="inline-error" data-testid="no-items">
          {NO_ITEMS}
        </p>
      )}
      <TextReading plan={plan} />
      <Structure plan={plan} />
      <MappingStep plan={plan} profile={draft.profile ?? preview.profile ?? null} />
      {preview.diff && <PlanDiffView diff={preview.diff} />}
      {draft.targetPlanId !== null && <BaselineChoice draft={draft} />}
      <Findings plan={plan} />
      <Options draft={draft} plan={plan} />
    </>
  )
}

function ImportDialog({ draft }: { draft: ImportDraft }) {
  const setImportDraft = useStore((s) => s.setImportDraft)
  const targetTitle = usePlans().data?.find((plan) => plan.id === draft.targetPlanId)?.title
  const { preview, reading, error } = useImportPreview(draft)
  const plan = preview?.plan
  const busy = reading || draft.importing
  const cancel = () => setImportDraft(null)
  const reimport = draft.targetPlanId !== null
  return (
    <Modal titleId="import-title" onClose={cancel} className="import-preview">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (!busy) void confirmImport(draft.profile ?? preview?.profile ?? null)
        }}
      >
        <h2 id="import-title">{reimport ? `Re-import: ${targetTitle ?? draft.label}` : `Import ${draft.label}`}</h2>
        <div className="modal-body" data-testid="import-preview" aria-busy={busy}>
          {reading && !plan && <p>Reading the plan…</p>}
          {plan && preview && <PreviewBody draft={draft} plan={plan} preview={preview} />}
          {(draft.error ?? error) && (
            <p role="alert" className="inline-error">
              {draft.error ?? error}
            </p>
          )}
        </div>
        <div className="button-row end">
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !plan || plan.tasks.length === 0}>
            {draft.importing ? 'Importing…' : reimport ? 'Import new version' : 'Import plan'}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** What the importer understood, before anything is stored; a re-import also lists what changed. */
export function ImportPreview() {
  const draft = useStore((s) => s.importDraft)
  return draft ? <ImportDialog key={draft.id} draft={draft} /> : null
}
