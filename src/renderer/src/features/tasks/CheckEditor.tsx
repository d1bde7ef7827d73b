import { useId, useState } from 'react'
import type { CheckSpec } from '../../../../shared/check-model'
import { CHECK_KIND_LABELS, draftFromSpec, parseSpec, SIMPLE_CHECK_KINDS, specFromDraft, type SimpleCheckDraft, type SimpleCheckKind } from './check-specs'

interface CheckEditorProps {
  initial: CheckSpec | null
  onSave(spec: CheckSpec): Promise<boolean>
  onCancel(): void
}

/** A form for the common check kinds; other kinds are edited as JSON (validated against the check schema). */
export function CheckEditor({ initial, onSave, onCancel }: CheckEditorProps) {
  const id = useId()
  const simple = initial ? draftFromSpec(initial) : { kind: 'file-exists' as SimpleCheckKind, target: '', text: '' }
  const [draft, setDraft] = useState<SimpleCheckDraft | null>(simple)
  const [json, setJson] = useState(() => (initial && !simple ? JSON.stringify(initial, null, 2) : ''))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    let result: ReturnType<typeof parseSpec>
    if (draft) result = specFromDraft(draft, initial)
    else {
      try {
        result = parseSpec(JSON.parse(json))
      } catch (parseError) {
        result = { ok: false, error: `Not valid JSON: ${(parseError as Error).message}` }
      }
    }
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

  const needsText = draft?.kind === 'file-contains' || draft?.kind === 'text-absent'
  return (
    <form
      className="check-editor"
      aria-label={initial ? 'Edit check' : 'New check'}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {draft ? (
        <div className="form-grid">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as SimpleCheckKind })}>
            {SIMPLE_CHECK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CHECK_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-target`}>{draft.kind === 'text-absent' ? 'Text' : draft.kind === 'path-match' ? 'Glob' : 'Path'}</label>
          <input id={`${id}-target`} value={draft.target} onChange={(event) => setDraft({ ...draft, target: event.target.value })} autoFocus />
          {needsText && (
            <>
              <label htmlFor={`${id}-text`}>{draft.kind === 'file-contains' ? 'Must contain (one per line)' : 'Only in these globs (optional, one per line)'}</label>
              <textarea id={`${id}-text`} rows={3} value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />
            </>
          )}
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-json`}>Check (JSON)</label>
          <textarea id={`${id}-json`} rows={8} className="mono" value={json} onChange={(event) => setJson(event.target.value)} />
        </div>
      )}
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
        {initial && draft === null && (
          <button type="button" className="link-button" onClick={() => setDraft({ kind: 'file-exists', target: '', text: '' })}>
            Use the simple form
          </button>
        )}
      </div>
    </form>
  )
}
