import { useId, type InputHTMLAttributes, type ReactNode } from 'react'

/** A form under its own heading, labelled by it; submitting never reloads the page. */
export function TitledForm({
  title,
  titleId,
  className = 'panel',
  onSubmit,
  children,
}: {
  title: ReactNode
  /** the heading's id, when something outside the form (a dialog) is labelled by it too; generated otherwise */
  titleId?: string
  className?: string
  onSubmit(): void | Promise<void>
  children: ReactNode
}) {
  const id = useId()
  const headingId = titleId ?? `${id}-title`
  return (
    <form
      className={className}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </form>
  )
}

/** A label and its input, as two cells of a `.form-grid`. */
export function Field({
  id,
  label,
  ...input
}: { id: string; label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </>
  )
}

/** The bounds of every days-per-week input (the contract's): whole days, one to seven. */
export const DAYS_PER_WEEK_INPUT = { type: 'number', min: 1, max: 7, step: 1 } as const

/** The bounds of every hours-per-day input (the contract's: more than none, at most 24), in half hours. */
export const HOURS_PER_DAY_INPUT = { type: 'number', min: 0.5, max: 24, step: 0.5 } as const
