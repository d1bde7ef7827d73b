import { useId, useRef, useState } from 'react'
import { localIsoDate } from '../../../../shared/calendar'
import { setManualStatus } from './task-actions'
import type { ManualStatusChoice } from './tasks-slice'

const CHOICES: { value: ManualStatusChoice; label: string }[] = [
  { value: 'done', label: 'Done' },
  { value: 'not-done', label: 'Not done' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'cleared', label: 'Clear (follow git again)' },
]

/** The lead's own verdict, with a note; it overrides git but is flagged when git disagrees. */
export function ManualStatusForm() {
  const id = useId()
  const [status, setStatus] = useState<ManualStatusChoice>('done')
  const [note, setNote] = useState('')
  const [date, setDate] = useState(() => localIsoDate(new Date()))
  const [saving, setSaving] = useState(false)
  const saveButton = useRef<HTMLButtonElement>(null)
  return (
    <form
      className="manual-form"
      aria-labelledby={`${id}-title`}
      onSubmit={async (event) => {
        event.preventDefault()
        if (saving) return
        setSaving(true)
        const ok = await setManualStatus(status, note.trim(), date)
        setSaving(false)
        if (ok) setNote('')
        // the drawer re-renders with the new history: keep the keyboard where the lead was, not on <body>
        requestAnimationFrame(() => {
          if (!document.activeElement || document.activeElement === document.body) saveButton.current?.focus()
        })
      }}
    >
      <h3 id={`${id}-title`}>Manual status</h3>
      <div className="form-grid">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as ManualStatusChoice)}
        >
          {CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Why (shown in the table and the report)"
        />
        <label htmlFor={`${id}-date`}>Date</label>
        <input id={`${id}-date`} type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
      </div>
      <div className="button-row">
        <button ref={saveButton} type="submit" className="primary" aria-disabled={saving || !date} disabled={!date}>
          {saving ? 'Saving…' : 'Save status'}
        </button>
      </div>
    </form>
  )
}
