import { useId, useState } from 'react'
import type { CheckSpec } from '../../../../shared/check-model'
import {
  CHECK_FIELDS,
  CHECK_KIND_LABELS,
  CHECK_KINDS,
  COMPARISON_TEXT,
  COMPARISONS,
  changeKind,
  draftFromSpec,
  emptyDraft,
  METRICS,
  specFromDraft,
  type CheckDraft,
  type CheckField,
  type CheckKind,
} from './check-specs'

interface CheckEditorProps {
  initial: CheckSpec | null
  onSave(spec: CheckSpec): Promise<boolean>
  onCancel(): void
}

interface FieldInputProps {
  field: CheckField
  id: string
  value: string | boolean
  onChange(value: string | boolean): void
  autoFocus: boolean
}

/** value and label of each option a choice field offers */
const COMPARISON_CHOICES = COMPARISONS.map((op) => [op, COMPARISON_TEXT[op]] as const)
const METRIC_CHOICES = METRICS.map((metric) => [metric, metric] as const)

function ChoiceSelect({
  id,
  value,
  choices,
  onChange,
}: {
  id: string
  value: string
  choices: readonly (readonly [string, string])[]
  onChange(value: string): void
}) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      {choices.map(([choice, label]) => (
        <option key={choice} value={choice}>
          {label}
        </option>
      ))}
    </select>
  )
}

/** a count (whole, from 0) or a percent (any value from 0 to 100) */
function NumberInput({ field, id, text, onChange, autoFocus }: Omit<FieldInputProps, 'value'> & { text: string }) {
  return (
    <input
      id={id}
      type="number"
      min={0}
      max={field.type === 'percent' ? 100 : undefined}
      step={field.type === 'percent' ? 'any' : 1}
      value={text}
      onChange={(event) => onChange(event.target.value)}
      autoFocus={autoFocus}
    />
  )
}

function FieldInput({ field, id, value, onChange, autoFocus }: FieldInputProps) {
  const text = typeof value === 'string' ? value : ''
  switch (field.type) {
    case 'lines':
      return (
        <textarea
          id={id}
          rows={3}
          value={text}
          placeholder={field.placeholder}
          onChange={(event) => onChange(event.target.value)}
          autoFocus={autoFocus}
        />
      )
    case 'comparison':
      return <ChoiceSelect id={id} value={text} choices={COMPARISON_CHOICES} onChange={onChange} />
    case 'metric':
      return <ChoiceSelect id={id} value={text} choices={METRIC_CHOICES} onChange={onChange} />
    case 'count':
    case 'percent':
      return <NumberInput field={field} id={id} text={text} onChange={onChange} autoFocus={autoFocus} />
    case 'boolean':
      return (
        <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
      )
    default:
      return (
        <input
          id={id}
          value={text}
          placeholder={field.placeholder}
          onChange={(event) => onChange(event.target.value)}
          autoFocus={autoFocus}
        />
      )
  }
}

/** The draft being edited, and saving it: checked against the check schema first, the error shown if it fails. */
function useCheckDraft({ initial, onSave, onCancel }: CheckEditorProps) {
  const [draft, setDraft] = useState<CheckDraft>(() => (initial ? draftFromSpec(initial) : emptyDraft('file-exists')))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const result = specFromDraft(draft, initial)
    if (!result.ok) {
      setError(result.error)
      return
    }
    setSaving(true)
    setError(null)
    const saved = await onSave(result.spec)
    setSaving(false)
    if (saved) onCancel()
  }

  return { draft, setDraft, error, saving, submit }
}

function KindSelect({ id, draft, setDraft }: { id: string; draft: CheckDraft; setDraft(draft: CheckDraft): void }) {
  return (
    <>
      <label htmlFor={id}>Kind</label>
      <select
        id={id}
        value={draft.kind}
        onChange={(event) => setDraft(changeKind(draft, event.target.value as CheckKind))}
      >
        {CHECK_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {CHECK_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
    </>
  )
}

/** the kind, then a row per field that kind has */
function DraftFields({ id, draft, setDraft }: { id: string; draft: CheckDraft; setDraft(draft: CheckDraft): void }) {
  return (
    <div className="form-grid">
      <KindSelect id={`${id}-kind`} draft={draft} setDraft={setDraft} />
      {CHECK_FIELDS[draft.kind].map((field, index) => (
        <FieldRow
          key={`${draft.kind}-${field.name}`}
          field={field}
          id={`${id}-${field.name}`}
          value={draft.values[field.name] ?? ''}
          autoFocus={index === 0}
          onChange={(value) => setDraft({ ...draft, values: { ...draft.values, [field.name]: value } })}
        />
      ))}
    </div>
  )
}

/** A form per check kind: the fields that kind has, checked against the check schema on save. */
export function CheckEditor(props: CheckEditorProps) {
  const { initial, onCancel } = props
  const id = useId()
  const { draft, setDraft, error, saving, submit } = useCheckDraft(props)
  return (
    <form
      className="check-editor"
      aria-label={initial ? 'Edit check' : 'New check'}
      data-kind={draft.kind}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <DraftFields id={id} draft={draft} setDraft={setDraft} />
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save check'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

function FieldRow(props: FieldInputProps) {
  return (
    <>
      <label htmlFor={props.id}>{props.field.label}</label>
      <FieldInput {...props} />
    </>
  )
}
