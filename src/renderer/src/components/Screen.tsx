import { useId, type ReactNode } from 'react'

interface ScreenProps {
  title: ReactNode
  /** the heading's id (the section is labelled by it); generated when not given */
  titleId?: string
  /** a line (or more) under the title */
  intro?: ReactNode
  /** buttons and controls at the right of the title */
  actions?: ReactNode
  className?: string
  busy?: boolean
  /** problems to show above the content, each as an alert (falsy entries are skipped) */
  errors?: (string | false | null | undefined)[]
  /** nothing to show yet (no plan selected…): this message instead of the content */
  empty?: ReactNode
  /** the content is being read: "Loading…" (or the text given) instead of it */
  loading?: boolean | string
  children?: ReactNode
}

function ScreenBody({ empty, loading, children }: Pick<ScreenProps, 'empty' | 'loading' | 'children'>) {
  if (empty) return <>{typeof empty === 'string' ? <p>{empty}</p> : empty}</>
  if (loading) return <p aria-live="polite">{typeof loading === 'string' ? loading : 'Loading…'}</p>
  return <>{children}</>
}

/** One screen of the app: its title (with intro and actions), its problems, then its content or the state it is in. */
export function Screen({
  title,
  titleId,
  intro,
  actions,
  className,
  busy,
  errors = [],
  empty,
  loading,
  children,
}: ScreenProps) {
  const generatedId = useId()
  const headingId = titleId ?? generatedId
  const heading = <h1 id={headingId}>{title}</h1>
  return (
    <section
      className={className ? `screen ${className}` : 'screen'}
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
    >
      <header className="screen-header">
        {intro ? (
          <div>
            {heading}
            {intro}
          </div>
        ) : (
          heading
        )}
        {actions}
      </header>
      {!empty &&
        errors.filter(Boolean).map((error, index) => (
          <p key={index} role="alert" className="inline-error">
            {error}
          </p>
        ))}
      <ScreenBody empty={empty} loading={loading}>
        {children}
      </ScreenBody>
    </section>
  )
}
