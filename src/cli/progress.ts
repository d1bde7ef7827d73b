/**
 * Progress of a long command on stderr, fitted to where stderr goes:
 * - a terminal: one line redrawn in place (stage, percent, ETA), cut to the terminal's width, cleared at the end;
 * - a file or pipe: a line when a stage starts, then at most one line every 2 s — never a carriage return;
 * - `--json`: the same events as JSON lines, for scripts; `--quiet`: nothing.
 */

export type ProgressMode = 'tty' | 'lines' | 'json' | 'quiet'

export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface ProgressUpdate {
  stage: string
  done: number
  /** 0 when not known yet */
  total: number
}

export interface ProgressReporter {
  update(update: ProgressUpdate): void
  /** clears the terminal line; nothing else is written */
  finish(): void
}

export interface ProgressOptions {
  /** what is in progress, e.g. "sync" */
  label: string
  mode: ProgressMode
  stream: ProgressStream
  now?: () => number
  /** the least time between two lines in a stage (not on a terminal) */
  lineIntervalMs?: number
}

/** The least time between two redraws of the terminal line. */
const TTY_REDRAW_MS = 100
/** An ETA is only shown once a stage has run this long (before, the rate means little). */
const ETA_AFTER_MS = 1_000

/** Words for the evidence sync's stages; another stage shows by its own name. */
const STAGE_WORDS: Record<string, string> = {
  inspect: 'checking repositories',
  history: 'listing history',
  read: 'reading files',
  replay: 'replaying commits',
  worktree: 'checking the working tree',
}

export function progressMode(values: { quiet?: unknown; json?: unknown }, stream: ProgressStream): ProgressMode {
  if (values.quiet) return 'quiet'
  if (values.json) return 'json'
  return stream.isTTY ? 'tty' : 'lines'
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds < 1) return 'under 1 s'
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

interface StageState {
  stage: string
  startedAt: number
}

interface Snapshot {
  stage: string
  words: string
  done: number
  total: number
  percent: number | null
  etaMs: number | null
}

function snapshot(update: ProgressUpdate, stage: StageState, now: number): Snapshot {
  const known = update.total > 0
  const percent = known ? Math.min(100, Math.floor((update.done / update.total) * 100)) : null
  const elapsed = now - stage.startedAt
  const etaMs =
    known && update.done > 0 && update.done < update.total && elapsed >= ETA_AFTER_MS
      ? (elapsed / update.done) * (update.total - update.done)
      : null
  return {
    stage: update.stage,
    words: STAGE_WORDS[update.stage] ?? update.stage,
    done: update.done,
    total: update.total,
    percent,
    etaMs,
  }
}

function describe(label: string, s: Snapshot): string {
  const amount = s.percent !== null ? `${s.percent}% (${s.done}/${s.total})` : s.done > 0 ? `${s.done}` : ''
  const eta = s.etaMs !== null ? `, about ${formatDuration(s.etaMs)} left` : ''
  return `${label}: ${s.words}${amount ? ` ${amount}` : ''}${eta}`
}

function fitToWidth(text: string, columns: number | undefined): string {
  // a pseudo-terminal may report 0 columns
  const width = Math.max(20, (columns && columns > 0 ? columns : 80) - 1)
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? Date.now
  const interval = options.lineIntervalMs ?? 2_000
  const { stream, label, mode } = options
  let stage: StageState | null = null
  let lastWriteAt = -Infinity
  let drawn = false

  const emit = (s: Snapshot, stageStarted: boolean) => {
    if (mode === 'tty') {
      stream.write(`\r${fitToWidth(describe(label, s), stream.columns)}\x1b[K`)
      drawn = true
    } else if (mode === 'lines') {
      stream.write(`${stageStarted ? `${label}: ${s.words}…` : describe(label, s)}\n`)
    } else if (mode === 'json') {
      const etaSeconds = s.etaMs === null ? null : Math.round(s.etaMs / 1000)
      stream.write(
        `${JSON.stringify({ type: 'progress', label, stage: s.stage, done: s.done, total: s.total, percent: s.percent, etaSeconds })}\n`,
      )
    }
  }

  return {
    update(update) {
      if (mode === 'quiet' || update.stage === 'done') return
      const at = now()
      const stageStarted = stage?.stage !== update.stage
      if (stageStarted) stage = { stage: update.stage, startedAt: at }
      const wait = mode === 'tty' ? TTY_REDRAW_MS : interval
      if (!stageStarted && at - lastWriteAt < wait) return
      lastWriteAt = at
      emit(snapshot(update, stage!, at), stageStarted)
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K')
      drawn = false
    },
  }
}
