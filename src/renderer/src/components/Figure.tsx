import type { ReactNode } from 'react'

interface FigureProps {
  label: string
  value: ReactNode
  detail?: ReactNode
  /** a second detail line, e.g. the basis the value is weighted by */
  note?: ReactNode
  tone?: 'ok' | 'warn' | 'danger'
  testId?: string
}

export function Figure({ label, value, detail, note, tone, testId }: FigureProps) {
  return (
    <div className={`figure${tone ? ` tone-${tone}` : ''}`} data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {detail && <span className="figure-detail">{detail}</span>}
        {note && <span className="figure-detail">{note}</span>}
      </dd>
    </div>
  )
}
