import { useId, useState } from 'react'
import type { PlanDetail } from '../../../../shared/contract/plans'
import { usePlanDetail } from '../../data/hooks'
import { savePlanSettings } from './settings-actions'

interface FormProps {
  detail: PlanDetail
  /** shown in a dialog (from the dashboard): no panel frame, and a Cancel button */
  onDone?: () => void
  titleId?: string
}

function Form({ detail, onDone, titleId }: FormProps) {
  const id = useId()
  const headingId = titleId ?? `${id}-title`
  const [title, setTitle] = useState(detail.summary.title)
  const [startDate, setStartDate] = useState(detail.settings.startDate ?? '')
  const [daysPerWeek, setDaysPerWeek] = useState(detail.settings.daysPerWeek?.toString() ?? '')
  const [hoursPerDay, setHoursPerDay] = useState(detail.settings.hoursPerDay?.toString() ?? '')
  return (
    <form
      className={onDone ? 'plan-settings-form' : 'panel plan-settings-form'}
      aria-labelledby={headingId}
      onSubmit={async (event) => {
        event.preventDefault()
        const saved = await savePlanSettings({
          title: title.trim() || detail.summary.title,
          startDate: startDate || null,
          daysPerWeek: daysPerWeek ? Number(daysPerWeek) : null,
          hoursPerDay: hoursPerDay ? Number(hoursPerDay) : null,
        })
        if (saved) onDone?.()
      }}
    >
      <h2 id={headingId}>{onDone ? `Plan settings: ${detail.summary.title}` : 'This plan'}</h2>
      <p className="muted small">
        Empty fields follow the plan’s own values (dated {detail.plan.date ?? 'nowhere'}; {detail.plan.daysPerWeek}{' '}
        days/week, {detail.plan.hoursPerDay} h/day).
      </p>
      <div className="form-grid">
        <label htmlFor={`${id}-name`}>Title</label>
        <input id={`${id}-name`} value={title} onChange={(event) => setTitle(event.target.value)} />
        <label htmlFor={`${id}-start`}>Start date</label>
        <input
          id={`${id}-start`}
          type="date"
          value={startDate}
          onChange={(event) => setStartDate(event.target.value)}
        />
        <label htmlFor={`${id}-days`}>Days per week</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={7}
          step={1}
          value={daysPerWeek}
          placeholder={String(detail.plan.daysPerWeek)}
          onChange={(event) => setDaysPerWeek(event.target.value)}
        />
        <label htmlFor={`${id}-hours`}>Hours per day</label>
        <input
          id={`${id}-hours`}
          type="number"
          min={0.5}
          max={24}
          step={0.5}
          value={hoursPerDay}
          placeholder={String(detail.plan.hoursPerDay)}
          onChange={(event) => setHoursPerDay(event.target.value)}
        />
      </div>
      <div className={onDone ? 'button-row end' : 'button-row'}>
        {onDone && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary">
          Save plan settings
        </button>
      </div>
    </form>
  )
}

export function PlanSettingsForm({ onDone, titleId }: { onDone?: () => void; titleId?: string } = {}) {
  const detail = usePlanDetail().data
  if (!detail) return null
  return (
    <Form
      key={`${detail.summary.id}-${JSON.stringify(detail.settings)}-${detail.summary.title}`}
      detail={detail}
      onDone={onDone}
      titleId={titleId}
    />
  )
}
