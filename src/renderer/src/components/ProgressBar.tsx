interface ProgressBarProps {
  label: string
  done: number
  total: number
}

/** Determinate when the total is known, else an indeterminate bar. */
export function ProgressBar({ label, done, total }: ProgressBarProps) {
  const known = total > 0
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : 0
  return (
    <div
      className={`progress-bar${known ? '' : ' indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? 100 : undefined}
      aria-valuenow={known ? percent : undefined}
      aria-valuetext={known ? `${done} of ${total}` : 'working'}
    >
      <div className="progress-bar-fill" style={{ width: known ? `${percent}%` : undefined }} />
    </div>
  )
}
