import type { ReactNode } from 'react'

/** An inline "are you sure?": the question labels the group; the dangerous action, then Keep (focused, the safe way out). */
export function InlineConfirm({
  question,
  consequence,
  action,
  onConfirm,
  onKeep,
}: {
  question: string
  consequence: ReactNode
  action: string
  onConfirm(): void
  onKeep(): void
}) {
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{consequence}</span>
      <button type="button" className="danger" onClick={onConfirm}>
        {action}
      </button>
      <button type="button" onClick={onKeep} autoFocus>
        Keep
      </button>
    </span>
  )
}
