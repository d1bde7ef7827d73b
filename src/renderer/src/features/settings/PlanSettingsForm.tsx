import { useId, useState } from 'react'
import type { PlanDetail } from '../../../../shared/contract/plans'
import { usePlanDetail } from '../../data/hooks'
import { savePlanSettings, type PlanSettingsPatch } from './settings-actions'

interface FormProps {
  detail: PlanDetail
  /** shown in a dialog (from the dashboard): no panel frame, and a Cancel button */
  onDone?: () => void
  titleId?: string
}

/** the fields as typed: empty means "follow the plan" */
interface SettingsDraft {
  title: string
  startDate: string
  daysPerWeek: string
  hoursPerDay: string
}

function draftFromDetail(detail: PlanDetail): SettingsDraft {
  return {
    title: detail.summary.title,
    startDate: detail.settings.startDate ?? '',
    daysPerWeek: detail.settings.daysPerWeek?.toString() ?? '',
    hoursPerDay: detail.settings.hoursPerDay?.toString() ?? '',
  }
}

function patchFromDraft(draft: SettingsDraft, detail: PlanDetail): PlanSettingsPatch {
  return {
    title: draft.title.trim() || detail.summary.title,
    startDate: draft.startDate || null,
    daysPerWeek: draft.daysPerWeek ? Number(draft.daysPerWeek) : null,
    hoursPerDay: draft.hoursPerDay ? Number(draft.hoursPerDay) : null,
  }
}

function SettingsFields({
  id,
  detail,
  draft,
  change,
}: {
  id: string
  detail: PlanDetail
  draft: SettingsDraft
  change(patch: Partial<SettingsDraft>): void
}) {
  return (
    <div className="form-grid">
      <label htmlFor={`${id}-name`}>Title</label>
      <input id={`${id}-name`} value={draft.title} onChange={(event) => change({ title: event.target.value })} />
      <label htmlFor={`${id}-start`}>Start date</label>
      <input
        id={`${id}-start`}
        type="date"
        value={draft.startDate}
        onChange={(event) => change({ startDate: event.target.value })}
      />
      <label htmlFor={`${id}-days`}>Days per week</label>
      <input
        id={`${id}-days`}
        type="number"
        min={1}
        max={7}
        step={1}
        value={draft.daysPerWeek}
        placeholder={String(detail.plan.daysPerWeek)}
        onChange={(event) => change({ daysPerWeek: event.target.value })}
      />
      <label htmlFor={`${id}-hours`}>Hours per day</label>
      <input
        id={`${id}-hours`}
        type="number"
        min={0.5}
        max={24}
        step={0.5}
        value={draft.hoursPerDay}
        placeholder={String(detail.plan.hoursPerDay)}
        onChange={(event) => change({ hoursPerDay: event.target.value })}
      />
    </div>
  )
}

function FormButtons({ onDone }: { onDone?: () => void }) {
  return (
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
  )
}

function Form({ detail, onDone, titleId }: FormProps) {
  const id = useId()
  const headingId = titleId ?? `${id}-title`
  const [draft, setDraft] = useState(() => draftFromDetail(detail))
  const change = (patch: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...patch }))
  return (
    <form
      className={onDone ? 'plan-settings-form' : 'panel plan-settings-form'}
      aria-labelledby={headingId}
      onSubmit={async (event) => {
        event.preventDefault()
        const saved = await savePlanSettings(patchFromDraft(draft, detail))
        if (saved) onDone?.()
      }}
    >
      <h2 id={headingId}>{onDone ? `Plan settings: ${detail.summary.title}` : 'This plan'}</h2>
      <p className="muted small">
        Empty fields follow the plan’s own values (dated {detail.plan.date ?? 'nowhere'}; {detail.plan.daysPerWeek}{' '}
        days/week, {detail.plan.hoursPerDay} h/day).
      </p>
      <SettingsFields id={id} detail={detail} draft={draft} change={change} />
      <FormButtons onDone={onDone} />
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
