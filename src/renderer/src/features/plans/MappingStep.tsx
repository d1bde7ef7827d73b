import { useId } from 'react'
import { useStore } from '../../app/store'
import { DataTable, type Column } from '../../components/DataTable'
import { Field } from '../../components/Form'
import { formatHours } from '../../lib/format'
import type { ImportProfile, Interpretation, ParsedPlan } from '../../../../shared/plan-model'
import {
  LAYER_CHOICES,
  ROLE_CHOICES,
  UNIT_CHOICES,
  emptyProfile,
  isEmptyProfile,
  isPhaseHeading,
  sectionRule,
  withEstimate,
  withItems,
  withNumber,
  withPhase,
  withSectionRule,
  type SectionRule,
} from './mapping'

const CONFIDENCE_TONE = { high: 'tone-ok', medium: 'tone-info', low: 'tone-warn' } as const

/**
 * The mapping step: how the reader understood the plan, how sure it is, what it left out and why,
 * and the controls to correct it without editing the file. Every change reads the plan again.
 */
export function MappingStep({ plan, profile }: { plan: ParsedPlan; profile: ImportProfile | null }) {
  const reading = plan.interpretation
  if (!reading) return null
  return (
    <section className="mapping-step" aria-labelledby="mapping-title" data-testid="mapping-step">
      <h3 id="mapping-title">
        How the plan was read{' '}
        <span className={`badge ${CONFIDENCE_TONE[reading.confidence]}`} data-testid="reading-confidence">
          {reading.confidence} confidence
        </span>
      </h3>
      <ul className="plain-list small">
        {reading.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <details
        open={reading.confidence !== 'high' || !isEmptyProfile(profile) || plan.tasks.length === 0}
        data-testid="mapping-controls"
      >
        <summary>Correct the reading</summary>
        <ReadingControls reading={reading} profile={profile} />
        <SectionTable reading={reading} profile={profile} />
      </details>
      <Skipped plan={plan} />
    </section>
  )
}

function useApply() {
  const patchImportDraft = useStore((s) => s.patchImportDraft)
  return (profile: ImportProfile | null) => patchImportDraft({ profile })
}

type ControlProps = {
  reading: Interpretation
  profile: ImportProfile | null
  id: string
  apply(profile: ImportProfile | null): void
}

function ItemAndEstimateChoices({ reading, profile, id, apply }: ControlProps) {
  return (
    <>
      <label htmlFor={`${id}-items`}>Items are</label>
      <select
        id={`${id}-items`}
        value={profile?.items ?? 'auto'}
        onChange={(event) => apply(withItems(profile, event.target.value as ImportProfile['items']))}
      >
        <option value="auto">Found by the reader</option>
        <option value="headings">Headings</option>
        <option value="list">List lines</option>
        <option value="table">Table rows</option>
      </select>
      <label htmlFor={`${id}-column`}>Estimate column</label>
      <select
        id={`${id}-column`}
        value={profile?.estimate?.column ?? ''}
        onChange={(event) => apply(withEstimate(profile, { column: event.target.value || null }))}
      >
        <option value="">Found by the reader</option>
        {reading.estimateColumns.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-unit`}>Estimates are in</label>
      <select
        id={`${id}-unit`}
        value={profile?.estimate?.unit ?? ''}
        onChange={(event) =>
          apply(withEstimate(profile, { unit: (event.target.value || null) as (typeof UNIT_CHOICES)[number] | null }))
        }
      >
        <option value="">As written ({reading.units.defaultUnit} when no unit)</option>
        {UNIT_CHOICES.map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </select>
    </>
  )
}

function ScaleInputs({ reading, profile, id, apply }: ControlProps) {
  const numberOrNull = (value: string) => (value ? Number(value) : null)
  return (
    <>
      <Field
        id={`${id}-points`}
        label="Hours per point"
        type="number"
        min={0.25}
        step={0.25}
        placeholder={reading.units.hoursPerPoint !== null ? String(reading.units.hoursPerPoint) : 'plan gives no scale'}
        value={profile?.hoursPerPoint ?? ''}
        onChange={(event) => apply(withNumber(profile, 'hoursPerPoint', numberOrNull(event.target.value)))}
      />
      <Field
        id={`${id}-sprint`}
        label="Weeks per sprint"
        type="number"
        min={1}
        max={12}
        step={1}
        placeholder="2"
        value={profile?.sprintWeeks ?? ''}
        onChange={(event) => apply(withNumber(profile, 'sprintWeeks', numberOrNull(event.target.value)))}
      />
    </>
  )
}

function ReadingControls({ reading, profile }: { reading: Interpretation; profile: ImportProfile | null }) {
  const apply = useApply()
  const id = useId()
  return (
    <fieldset className="form-grid">
      <legend>Items and estimates</legend>
      <ItemAndEstimateChoices reading={reading} profile={profile} id={id} apply={apply} />
      <ScaleInputs reading={reading} profile={profile} id={id} apply={apply} />
      <span />
      <button type="button" onClick={() => apply(emptyProfile())} disabled={isEmptyProfile(profile)}>
        Read as written
      </button>
    </fieldset>
  )
}

type Section = Interpretation['sections'][number]

function SectionTitle({ section }: { section: Section }) {
  return (
    <div title={section.why}>
      <span style={{ paddingLeft: `${Math.max(0, section.depth - 2) * 12}px` }}>{section.title}</span>
      <div className="muted small">{section.why}</div>
    </div>
  )
}

/** a per-section choice: empty means what the reader found (`autoLabel`), otherwise one of `choices` */
function RuleSelect<Value extends string>({
  label,
  value,
  autoLabel,
  choices,
  onPick,
}: {
  label: string
  value: string
  autoLabel: string
  choices: { value: Value; label: string }[]
  onPick(value: Value | undefined): void
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => onPick((event.target.value || undefined) as Value | undefined)}
    >
      <option value="">{autoLabel}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  )
}

function sectionColumns(
  reading: Interpretation,
  profile: ImportProfile | null,
  apply: (profile: ImportProfile | null) => void,
): Column<Section>[] {
  const rule = (section: Section) => sectionRule(profile, section.title)
  const setRule = (section: Section, patch: SectionRule) => apply(withSectionRule(profile, section.title, patch))
  return [
    { header: 'Section', rowHeader: true, cell: (section) => <SectionTitle section={section} /> },
    {
      header: 'Read as',
      cell: (section) => (
        <RuleSelect
          label={`Role of “${section.title}”`}
          value={rule(section).role ?? ''}
          autoLabel={`Auto (${section.role})`}
          choices={ROLE_CHOICES}
          onPick={(role) => setRule(section, { role })}
        />
      ),
    },
    {
      header: 'Items from',
      cell: (section) => (
        <RuleSelect
          label={`Items in “${section.title}”`}
          value={rule(section).items ?? ''}
          autoLabel={`Auto (${section.layer})`}
          choices={LAYER_CHOICES}
          onPick={(items) => setRule(section, { items })}
        />
      ),
    },
    {
      header: 'Phase',
      cell: (section) => (
        <input
          type="checkbox"
          aria-label={`“${section.title}” is a phase`}
          checked={isPhaseHeading(profile, reading, section.title)}
          onChange={(event) => apply(withPhase(profile, reading, section.title, event.target.checked))}
        />
      ),
    },
    { header: 'Items', numeric: true, cell: (section) => section.items },
    { header: 'Hours', numeric: true, cell: (section) => (section.hours === null ? '—' : formatHours(section.hours)) },
  ]
}

function SectionTable({ reading, profile }: { reading: Interpretation; profile: ImportProfile | null }) {
  const apply = useApply()
  return (
    <DataTable
      className="compact"
      label="Sections as read"
      columns={sectionColumns(reading, profile, apply)}
      rows={reading.sections}
      rowKey={(section) => `${section.line}-${section.title}`}
      rowProps={() => ({ 'data-testid': 'mapping-section' })}
    />
  )
}

function Skipped({ plan }: { plan: ParsedPlan }) {
  if (plan.skipped.length === 0) return <p className="muted small">Every line that looks like work became an item.</p>
  return (
    <details data-testid="not-imported">
      <summary>
        Not imported: {plan.skipped.length} line{plan.skipped.length === 1 ? '' : 's'} that look like work
      </summary>
      <ul className="plain-list small">
        {plan.skipped.slice(0, 300).map((entry) => (
          <li key={`${entry.line}-${entry.kind}`}>
            {entry.line > 0 && <span className="muted">line {entry.line}: </span>}
            {entry.text} — <span className="muted">{entry.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}
