import { useId, useState } from 'react'
import { DAYS_PER_WEEK_INPUT, Field, HOURS_PER_DAY_INPUT, TitledForm } from '../../components/Form'
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
      <Field
        id={`${id}-name`}
        label="Title"
        value={draft.title}
        onChange={(event) => change({ title: event.target.value })}
      />
      <Field
        id={`${id}-start`}
        label="Start date"
        type="date"
        value={draft.startDate}
        onChange={(event) => change({ startDate: event.target.value })}
      />
      <Field
        id={`${id}-days`}
        label="Days per week"
        {...DAYS_PER_WEEK_INPUT}
        value={draft.daysPerWeek}
        placeholder={String(detail.plan.daysPerWeek)}
        onChange={(event) => change({ daysPerWeek: event.target.value })}
      />
      <Field
        id={`${id}-hours`}
        label="Hours per day"
        {...HOURS_PER_DAY_INPUT}
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
  const [draft, setDraft] = useState(() => draftFromDetail(detail))
  const change = (patch: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...patch }))
  return (
    <TitledForm
      className={onDone ? 'plan-settings-form' : 'panel plan-settings-form'}
      title={onDone ? `Plan settings: ${detail.summary.title}` : 'This plan'}
      titleId={titleId}
      onSubmit={async () => {
        const saved = await savePlanSettings(patchFromDraft(draft, detail))
        if (saved) onDone?.()
      }}
    >
      <p className="muted small">
        Empty fields follow the plan’s own values (dated {detail.plan.date ?? 'nowhere'}; {detail.plan.daysPerWeek}{' '}
        days/week, {detail.plan.hoursPerDay} h/day).
      </p>
      <SettingsFields id={id} detail={detail} draft={draft} change={change} />
      <FormButtons onDone={onDone} />
    </TitledForm>
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
