import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import { DAYS_PER_WEEK_INPUT, Field, HOURS_PER_DAY_INPUT, TitledForm } from '../../components/Form'
import { Screen } from '../../components/Screen'
import { useAppInfo, useSettings } from '../../data/hooks'
import type { Settings } from '../../../../shared/contract/settings'
import { formatDate } from '../../lib/format'
import { NotificationToggle } from './NotificationToggle'
import { PlanSettingsForm } from './PlanSettingsForm'
import { saveSettings } from './settings-actions'

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

type Draft = Settings

function NonWorkingDates({ id, draft, setDraft }: { id: string; draft: Draft; setDraft(draft: Draft): void }) {
  const [newDate, setNewDate] = useState('')
  const addDate = () => {
    if (!newDate || draft.nonWorkingDates.includes(newDate)) return
    setDraft({ ...draft, nonWorkingDates: [...draft.nonWorkingDates, newDate].sort() })
    setNewDate('')
  }
  return (
    <div>
      <div className="input-with-button">
        <input id={id} type="date" value={newDate} onChange={(event) => setNewDate(event.target.value)} />
        <button type="button" onClick={addDate} disabled={!newDate}>
          Add date
        </button>
      </div>
      <ul className="plain-list chips" aria-label="Non-working dates">
        {draft.nonWorkingDates.map((date) => (
          <li key={date} className="chip">
            {formatDate(date)}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${formatDate(date)}`}
              onClick={() => setDraft({ ...draft, nonWorkingDates: draft.nonWorkingDates.filter((d) => d !== date) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

function CalendarFields({ id, draft, setDraft }: { id: string; draft: Draft; setDraft(draft: Draft): void }) {
  return (
    <div className="form-grid">
      <Field
        id={`${id}-hours`}
        label="Hours per day"
        {...HOURS_PER_DAY_INPUT}
        value={draft.hoursPerDay}
        onChange={(event) => setDraft({ ...draft, hoursPerDay: Number(event.target.value) })}
        required
      />
      <Field
        id={`${id}-days`}
        label="Days per week"
        {...DAYS_PER_WEEK_INPUT}
        value={draft.daysPerWeek}
        onChange={(event) => setDraft({ ...draft, daysPerWeek: Number(event.target.value) })}
        required
      />
      <label htmlFor={`${id}-weekday`}>First weekday</label>
      <select
        id={`${id}-weekday`}
        value={draft.firstWeekday}
        onChange={(event) => setDraft({ ...draft, firstWeekday: Number(event.target.value) })}
      >
        {WEEKDAYS.map((day, index) => (
          <option key={day} value={index}>
            {day}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-date`}>Non-working dates</label>
      <NonWorkingDates id={`${id}-date`} draft={draft} setDraft={setDraft} />
    </div>
  )
}

function GlobalSettingsForm({ settings }: { settings: Settings }) {
  const id = useId()
  const [draft, setDraft] = useState(settings)
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings)
  return (
    <TitledForm
      title="Calendar"
      onSubmit={() => {
        const { theme: _theme, ...rest } = draft
        void saveSettings(rest)
      }}
    >
      <p className="muted small">Defaults for every plan; a plan can set its own days/week and hours/day.</p>
      <CalendarFields id={id} draft={draft} setDraft={setDraft} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!dirty}>
          Save calendar
        </button>
        {dirty && (
          <button type="button" onClick={() => setDraft(settings)}>
            Discard changes
          </button>
        )}
      </div>
    </TitledForm>
  )
}

function ThemePicker({ settings }: { settings: Settings }) {
  return (
    <fieldset className="panel theme-picker">
      <legend>Theme</legend>
      {(['system', 'light', 'dark'] as const).map((theme) => (
        <label key={theme} className="radio">
          <input
            type="radio"
            name="theme"
            value={theme}
            checked={settings.theme === theme}
            onChange={() => void saveSettings({ theme })}
          />
          {theme === 'system' ? 'Follow the system' : theme === 'light' ? 'Light' : 'Dark'}
        </label>
      ))}
    </fieldset>
  )
}

/** Global calendar, theme and notifications, and the selected plan's own start, days/week and hours/day. */
export function SettingsScreen() {
  const settings = useSettings().data
  const error = useStore((s) => s.settingsError)
  const info = useAppInfo()
  return (
    <Screen title="Settings" titleId="settings-title" errors={[error]} loading={!settings}>
      {settings && (
        <div className="stack">
          <PlanSettingsForm />
          <GlobalSettingsForm key={JSON.stringify(settings)} settings={settings} />
          <ThemePicker settings={settings} />
          <NotificationToggle />
        </div>
      )}
      {info && (
        <p className="muted small">
          {info.name} {info.version} · {info.mode} · data in <code>{info.dbPath}</code>
        </p>
      )}
    </Screen>
  )
}
