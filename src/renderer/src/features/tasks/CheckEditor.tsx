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

function FieldInput({
  field,
  id,
  value,
  onChange,
  autoFocus,
}: {
  field: CheckField
  id: string
  value: string | boolean
  onChange(value: string | boolean): void
  autoFocus: boolean
}) {
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
      return (
        <select id={id} value={text} onChange={(event) => onChange(event.target.value)}>
          {COMPARISONS.map((op) => (
            <option key={op} value={op}>
              {COMPARISON_TEXT[op]}
            </option>
          ))}
        </select>
      )
    case 'metric':
      return (
        <select id={id} value={text} onChange={(event) => onChange(event.target.value)}>
          {METRICS.map((metric) => (
            <option key={metric} value={metric}>
              {metric}
            </option>
          ))}
        </select>
      )
    case 'count':
    case 'percent':
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

/** A form per check kind: the fields that kind has, checked against the check schema on save. */
export function CheckEditor({ initial, onSave, onCancel }: CheckEditorProps) {
  const id = useId()
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
      <div className="form-grid">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(event) => setDraft(changeKind(draft, event.target.value as CheckKind))}
        >
          {CHECK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CHECK_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
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

function FieldRow(props: {
  field: CheckField
  id: string
  value: string | boolean
  autoFocus: boolean
  onChange(value: string | boolean): void
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.field.label}</label>
      <FieldInput {...props} />
    </>
  )
}
