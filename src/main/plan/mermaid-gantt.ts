import { addDays, addHours, addMinutes, addWeeks, format, isValid, max as latest, parse } from 'date-fns'
import { bounded } from './text'

/**
 * A plan written as a mermaid gantt chart (```mermaid gantt … ```) is a declared plan syntax: `section` names a phase,
 * `Title : done, id, 2024-03-04, 14d` a task with its tags, start (a date or `after id`) and end (a date or a
 * duration). When nothing outside code fences holds items, the chart is rewritten line for line as a markdown plan
 * (a heading per section, a checkbox per task with its dates), so the one reader reads it and every line number
 * stays the chart's own. Durations are spans, not effort; milestones are checkpoints, not tasks.
 */

const OPEN = /^\s{0,3}(```|~~~)\s*mermaid\b/i
const TAGS = new Set(['done', 'active', 'crit', 'milestone'])
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/i

/** titled: the file has a title heading of its own, so the chart's `title` stays a caption */
type Chart = { dateFormat: string; lastEnd: Date | null; ends: Map<string, Date>; titled: boolean }

/** The text with its mermaid gantt charts rewritten as markdown, or null when it has none. */
export function ganttAsPlanText(text: string): string | null {
  const lines = text.split('\n')
  let found = false
  for (let index = 0; index < lines.length; index++) {
    const open = OPEN.exec(lines[index])
    if (!open) continue
    const close = lines.findIndex((line, at) => at > index && line.trim().startsWith(open[1]))
    const end = close === -1 ? lines.length : close
    const first = lines.slice(index + 1, end).findIndex((line) => line.trim() !== '')
    if (first === -1 || !/^\s*gantt\b/i.test(lines[index + 1 + first])) continue
    found = true
    const chart: Chart = { dateFormat: 'yyyy-MM-dd', lastEnd: null, ends: new Map(), titled: /^#\s/m.test(text) }
    for (let at = index; at <= Math.min(end, lines.length - 1); at++)
      lines[at] = chartLine(lines[at], chart, at === index)
    index = end
  }
  return found ? lines.join('\n') : null
}

function chartLine(raw: string, chart: Chart, fence: boolean): string {
  const line = bounded(raw, 500).trim()
  if (fence || line === '' || line.startsWith('%%') || /^(?:```|~~~|gantt\b)/i.test(line)) return ''
  const directive =
    /^(dateFormat|section|title|excludes|axisFormat|todayMarker|tickInterval|weekday|includes)\b\s*(.*)$/i.exec(line)
  if (directive) {
    const [, name, value] = directive
    if (/^dateFormat$/i.test(name)) chart.dateFormat = toDateFnsFormat(value.trim())
    if (/^title$/i.test(name) && value.trim() && !chart.titled) return `# ${value.trim()}`
    return /^section$/i.test(name) && value.trim() ? `## ${value.trim()}` : ''
  }
  const task = /^([^:]+?)\s*:\s*(.*)$/.exec(line)
  return task ? taskLine(task[1], task[2], chart) : ''
}

function taskLine(title: string, meta: string, chart: Chart): string {
  const parts = meta
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  const tags = new Set<string>()
  while (parts.length > 0 && TAGS.has(parts[0].toLowerCase())) tags.add((parts.shift() as string).toLowerCase())
  const [id, startText, endText] =
    parts.length >= 3 ? parts : parts.length === 2 ? [null, ...parts] : [null, null, parts[0]]
  const start = startText ? startOf(startText, chart) : chart.lastEnd
  const end = start && endText ? endOf(endText, start, chart) : null
  if (!start || !end) return ''
  chart.lastEnd = end
  if (id) chart.ends.set(id, end)
  if (tags.has('milestone')) return ''
  // an end date or a duration ends the task before that day starts; the last day worked is the one before
  const lastDay = end > start ? addDays(end, -1) : start
  const box = tags.has('done') ? '[x]' : '[ ]'
  // "Title · start – end": the dates schedule the task and stay out of its title
  return `- ${box} ${title.trim()} · ${iso(start)} – ${iso(latest([start, lastDay]))}`
}

function startOf(text: string, chart: Chart): Date | null {
  const after = /^after\s+(.+)$/i.exec(text)
  if (!after) return dateOf(text, chart)
  const ends = after[1]
    .split(/\s+/)
    .map((id) => chart.ends.get(id))
    .filter((date): date is Date => date !== undefined)
  return ends.length > 0 ? latest(ends) : null
}

function endOf(text: string, start: Date, chart: Chart): Date | null {
  const duration = DURATION.exec(text)
  if (!duration) return dateOf(text, chart)
  const amount = Number(duration[1])
  const unit = duration[2].toLowerCase()
  if (unit === 'w') return addWeeks(start, amount)
  if (unit === 'd') return addDays(start, amount)
  if (unit === 'h') return addHours(start, amount)
  if (unit === 'm') return addMinutes(start, amount)
  return start
}

function dateOf(text: string, chart: Chart): Date | null {
  const date = parse(text, chart.dateFormat, new Date(2000, 0, 1))
  return isValid(date) ? date : null
}

/** mermaid takes dayjs tokens ("YYYY-MM-DD", "DD.MM.YYYY"); date-fns spells years and days in lower case */
function toDateFnsFormat(dayjs: string): string {
  return dayjs.replace(/YYYY/g, 'yyyy').replace(/YY/g, 'yy').replace(/DD/g, 'dd').replace(/D/g, 'd') || 'yyyy-MM-dd'
}

function iso(date: Date): string {
  return format(date, 'yyyy-MM-dd')
}
