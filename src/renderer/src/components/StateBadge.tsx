import type { TaskState } from '../../../shared/progress-model'
import { stateLabel } from '../lib/format'

export function StateBadge({ state }: { state: TaskState | string }) {
  return <span className={`badge state-${state}`}>{stateLabel(state)}</span>
}

export function Badge({
  tone,
  children,
  title,
}: {
  tone: 'ok' | 'warn' | 'danger' | 'muted' | 'info'
  children: string
  title?: string
}) {
  return (
    <span className={`badge tone-${tone}`} title={title}>
      {children}
    </span>
  )
}
