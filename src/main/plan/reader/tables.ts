import { bounded, cleanText } from '../text'
import type { TableBlock } from '../outline'
import { sizeOf, type EffortUnit } from '../grammar/effort'
import { parseDayMonthCell, parseLooseDate, type DateContext } from '../grammar/loose-dates'
import { parseAbsoluteDates } from '../dates'
import { periodGrid, type PeriodGrid } from './period-grid'
import {
  DAY_HEADER,
  DAY_WORDS,
  DONE_HEADER,
  DUE_HEADER,
  ESTIMATE_HEADER,
  HOUR_WORDS,
  OWNER_HEADER,
  STATUS_HEADER,
  TITLE_HEADER,
  WEEK_HEADER,
  WEEK_WORDS,
} from '../grammar/words'

/**
 * A table's header, read by column meaning: which column names the work, which holds an ID, an
 * estimate (or three-point O/R/P estimates), an owner, a status, a due date / week / day, a "Done
 * when" criterion, files. Tables whose first column is a metric, risk, role or gate are not work.
 */

export type ColumnRole =
  | 'title'
  | 'id'
  | 'estimate'
  | 'optimistic'
  | 'likely'
  | 'pessimistic'
  | 'owner'
  | 'status'
  | 'due'
  | 'week'
  | 'day'
  | 'sprint'
  | 'date'
  | 'criteria'
  | 'files'
  | 'depends'
  | 'phase'
  /** one period of a load grid ("| Workstream | Week 1 | Week 2 |"): see period-grid */
  | 'period'
  | 'other'

/** dayMonth: every cell is a year-less "02/03" or "02-03/03", read as dates in the plan's year */
export type Column = { index: number; header: string; role: ColumnRole; unit: EffortUnit | null; dayMonth?: boolean }
export type TableShape = {
  columns: Column[]
  title: Column | null
  /** the table lists something other than work (metrics, risks, people, gates) */
  nonWork: 'metrics' | 'risks' | 'people' | 'gate' | 'size legend' | 'scale' | null
  /** the table is a load grid of periods: each row spans the periods it fills, its effort their sum */
  grid: PeriodGrid | null
  /** the title column's header names work ("Task", "Activity", "Zadanie"), not found by its free text */
  titleNamed: boolean
}

const HEADER_ROLES: Array<{ role: ColumnRole; pattern: RegExp }> = [
  // the phase each row belongs to ("| Phase | Task |", "Fase", "Etappe"): rows sharing a value share a phase
  {
    role: 'phase',
    pattern: /^(?:phase|stage|workstream phase|fase|etappe|étape|etap|этап|giai\s+đoạn|フェーズ|阶段|단계)$/i,
  },
  { role: 'id', pattern: /^(?:id|#|no\.?|nr\.?|number|task\s*id|item\s*id|key|ticket|ref|issue\s*id|story\s*id)$/i },
  // "Min", "Hours (min)", "Horas mínimas": the low end of an estimate range
  {
    role: 'optimistic',
    pattern:
      /^(?:optimistic|best(?:\s*case)?|o|min(?:imum)?|low)(?:\s*\([^)]*\))?$|^(?:hours?|days?|est(?:imate)?|effort|horas?|dias?|stunden|tage)\s*\(?\s*(?:min(?:imum)?|m[ií]n(?:imo|imas?)?|low)\s*\)?$/i,
  },
  { role: 'likely', pattern: /^(?:realistic|most\s*likely|likely|nominal|expected|r|m|ml)(?:\s*\([^)]*\))?$/i },
  {
    role: 'pessimistic',
    pattern:
      /^(?:pessimistic|worst(?:\s*case)?|p|max(?:imum)?|high)(?:\s*\([^)]*\))?$|^(?:hours?|days?|est(?:imate)?|effort|horas?|dias?|stunden|tage)\s*\(?\s*(?:max(?:imum)?|m[aá]x(?:imo|imas?)?|high)\s*\)?$/i,
  },
  {
    role: 'estimate',
    pattern:
      /^(?:est\.?|estimates?|estimated(?:\s+(?:time|effort|hours|days))?|effort|hours|hrs|h|days|d|time|duration|points|pts|sp|story\s*points|size|loe|level\s+of\s+effort|person[-\s]days|man[-\s]days)(?:\s*\([^)]*\))?$/i,
  },
  { role: 'depends', pattern: /\b(?:depend(?:s|encies|ency)?(?:\s+on)?|blocked\s+by|blocks|prereq(?:uisite)?s?)\b/i },
  { role: 'owner', pattern: /\b(?:owner|owners|assignee|assigned(?:\s+to)?|who|dri|responsible|lead|by|team)\b/i },
  { role: 'status', pattern: /^(?:status|state|done\??|progress|complete[d]?\??|✅)$/i },
  {
    role: 'criteria',
    pattern:
      /\b(?:done\s+when|acceptance|ac|definition\s+of\s+done|dod|success\s+criteria|validation(?:\s+criteria)?|verify|verification|exit\s+criteria|criteria)\b/i,
  },
  { role: 'files', pattern: /^(?:files?|paths?|touches|location|where)$/i },
  { role: 'week', pattern: /^(?:week|wk|weeks)$/i },
  { role: 'day', pattern: /^(?:day|days?\s*#)$/i },
  { role: 'sprint', pattern: /^(?:sprint|iteration)$/i },
  {
    role: 'due',
    pattern: /^(?:due|due\s+date|deadline|target(?:\s+(?:date|week))?|when|eta|date|by\s+when|end|finish|planned)$/i,
  },
  {
    role: 'title',
    pattern:
      /^(?:tasks?|tasks?\s+name|item|items|work(?:\s+item)?|deliverables?|what|title|name|description|activity|activities|story|stories|feature|features|issue|issues|step|steps|milestone|milestones|action|actions|objective|to\s*do|todo|epic|ticket|requirement|workstream)$/i,
  },
]

const NON_WORK_FIRST: Array<{ kind: NonNullable<TableShape['nonWork']>; pattern: RegExp }> = [
  { kind: 'metrics', pattern: /^(?:metrics?|kpis?|measure|indicator|target|okr|score)$/i },
  { kind: 'risks', pattern: /^(?:risks?(?:\s+area)?|threat|issue\s+area|assumption)$/i },
  { kind: 'people', pattern: /^(?:role|roles|person|people|member|team\s+member|contact|stakeholder)$/i },
  { kind: 'gate', pattern: /^(?:gate|quality\s+gate|checkpoint|criterion|criteria)$/i },
]

const UNIT_IN_HEADER: Array<{ unit: EffortUnit; pattern: RegExp }> = [
  { unit: 'hours', pattern: new RegExp(`(?:^|[^\\p{L}])(?:${HOUR_WORDS})(?![\\p{L}])`, 'iu') },
  {
    unit: 'days',
    pattern: new RegExp(
      `(?:^|[^\\p{L}])(?:${DAY_WORDS}|person[-\\s]days|man[-\\s]days|personentage)(?![\\p{L}])`,
      'iu',
    ),
  },
  { unit: 'weeks', pattern: new RegExp(`(?:^|[^\\p{L}])(?:${WEEK_WORDS})(?![\\p{L}])`, 'iu') },
  { unit: 'points', pattern: /\b(?:pts?|points?|sp|story\s*points?)\b/i },
]

export function analyzeTable(
  table: TableBlock,
  context: { pointColumns: Set<string>; dates: DateContext; estimateColumn: string | null },
): TableShape {
  const { pointColumns, dates } = context
  const headers = (table.rows[0]?.cells ?? []).map((cell) => cleanText(cell))
  const body = table.rows.slice(1)
  const columns: Column[] = headers.map((header, index) => ({
    index,
    header,
    role: roleOf(header),
    unit: unitOf(header, pointColumns),
  }))
  const scaleKey = isScaleKey(headers[0] ?? '', body)
  const grid = periodGrid(headers, body)
  for (const column of grid?.columns ?? []) columns[column.index].role = 'period'
  for (const column of columns) {
    const values = body.map((row) => cleanText(row.cells[column.index] ?? '')).filter((value) => value !== '')
    markDayMonth(column, values, dates)
    if (column.role !== 'other' || (column.index === 0 && scaleKey)) continue
    column.role = roleByContent(column, body, dates)
  }
  if (context.estimateColumn) applyEstimateChoice(columns, context.estimateColumn)
  const first = headers[0] ?? ''
  // "| S | 4 hours |", "| M | 2 days |": a legend of what each size means, whatever its header says
  const sizeLegend = body.length >= 2 && body.every((row) => sizeOf(cleanText(row.cells[0] ?? '')) !== null)
  const nonWork = sizeLegend
    ? 'size legend'
    : scaleKey && !columns.some((column) => WORK_ROLES.has(column.role))
      ? 'scale'
      : (NON_WORK_FIRST.find((entry) => entry.pattern.test(first))?.kind ?? null)
  markGroupingColumn(columns, body)
  const title = titleColumn(columns, body)
  const titleNamed = title !== null && title.role === 'title'
  if (title) title.role = 'title'
  return { columns, title, nonWork, grid, titleNamed }
}

/**
 * The column that groups the rows when no Phase column does: an Epic column beside the task column, or a first
 * column of text written merged-cell style (a value, then blanks for the rows that continue it).
 */
function markGroupingColumn(columns: Column[], body: Array<{ cells: string[] }>): void {
  if (columns.some((column) => column.role === 'phase')) return
  const titled = columns.filter((column) => column.role === 'title')
  const epic = titled.find((column) => /^epics?$/i.test(column.header.replace(/[*_`]/g, '').trim()))
  if (epic && titled.length >= 2) {
    epic.role = 'phase'
    return
  }
  const first = columns[0]
  if (!first || first.role !== 'other' || columns.length < 3) return
  const rows = body.filter((row) => row.cells.some((cell, index) => index > 0 && cell.trim() !== ''))
  const cells = rows.map((row) => cleanText(row.cells[0] ?? ''))
  const merged = cells.length >= 3 && cells[0] !== '' && cells.some((cell) => cell === '')
  const values = cells.filter((cell) => cell !== '')
  const workBeside = columns.some(
    (column) =>
      column.index > 0 &&
      (column.role === 'title' ||
        (column.role === 'other' && looksTextual(body.map((row) => row.cells[column.index] ?? '')))),
  )
  if (merged && workBeside && looksTextual(values)) first.role = 'phase'
}

/** A column the header left unnamed, by what its cells hold: row IDs, dates, or status marks. */
function roleByContent(column: Column, body: Array<{ cells: string[] }>, dates: DateContext): ColumnRole {
  const values = body.map((row) => cleanText(row.cells[column.index] ?? '')).filter((value) => value !== '')
  const share = (test: (value: string) => boolean): number => values.filter(test).length / values.length
  if (
    column.index === 0 &&
    values.length >= 2 &&
    new Set(values).size === values.length &&
    share((value) => /^[A-Za-z]{0,6}[-.]?\d[\w.-]{0,12}$/.test(value) && /\d/.test(value)) >= 0.8
  )
    return 'id'
  if (
    values.length > 0 &&
    share((value) => parseLooseDate(value, dates) !== null || parseAbsoluteDates(value) !== null) >= 0.6
  )
    return 'date'
  // "✅", "⏳ In progress", "⬜": a status column in whatever language its header is written (marks are not text)
  const raw = body.map((row) => (row.cells[column.index] ?? '').trim()).filter((value) => value !== '')
  if (raw.length > 0 && raw.every((value) => STATUS_MARK_CELL.test(value))) return 'status'
  return 'other'
}

const STATUS_MARK_CELL = /^(?:✅|✔️?|☑️?|✓|✗|❌|⏳|🔄|⬜|⬛|🟡|🟢|🔴|🟠|🔵|⚪|⚫|🔸|🔹|🚧|⛔|⏸️?|⌛)(?:\s*\S.{0,40})?$/u

/** headers that name what a row yields or says, not the work itself: a task column to their left wins */
const LOWER_TITLE_HEADER = /^(?:deliverables?|outputs?|outcomes?|results?|artifacts?|artefacts?)$/i

/**
 * The column naming the work: one whose header says so, unless that header is only a deliverable or output and a
 * free-text column stands to its left; with none, the leftmost free-text column that has no other role.
 */
function titleColumn(columns: Column[], body: Array<{ cells: string[] }>): Column | null {
  const freeText = (column: Column): boolean =>
    column.role === 'other' &&
    !NOTES_HEADER.test(column.header) &&
    looksTextual(body.map((row) => row.cells[column.index] ?? ''))
  const named = columns.find((column) => column.role === 'title')
  const unnamed = columns.find(freeText) ?? null
  if (!named) return unnamed
  const lower = LOWER_TITLE_HEADER.test(named.header.replace(/[*_`]/g, '').trim())
  if (lower && unnamed && unnamed.index < named.index) {
    named.role = 'other'
    return unnamed
  }
  return named
}

/** the roles a table of work has beside its titles */
const WORK_ROLES = new Set<ColumnRole>([
  'id',
  'estimate',
  'optimistic',
  'likely',
  'pessimistic',
  'owner',
  'status',
  'due',
  'week',
  'day',
  'sprint',
  'date',
])

/**
 * "| Severity | Description |" over P1, P2, P3: the first column is the levels of a scale (P1–P4, L1–L3, Sev1,
 * Tier 2), one row each, not task IDs. With no owner, status, date or estimate column the table defines the scale.
 */
function isScaleKey(header: string, body: Array<{ cells: string[] }>): boolean {
  if (!/^(?:severity|sev|priority|prio|level|tier|urgency|impact)(?:\s+levels?)?$/i.test(cleanText(header)))
    return false
  const values = body.map((row) => cleanText(row.cells[0] ?? '')).filter((value) => value !== '')
  return (
    values.length >= 2 &&
    new Set(values).size === values.length &&
    values.every((value) => /^(?:p|l|s|sev|tier|level)\s*-?\s*\d$/i.test(value))
  )
}

/**
 * A when-column of year-less "dd/mm" cells: every cell must be a valid day and month, and a column without a date
 * header needs two different values, so "24/7" or "6/6" alone never become dates.
 */
function markDayMonth(column: Column, values: string[], dates: DateContext): void {
  const when = column.role === 'due' || column.role === 'date'
  if (!(when || column.role === 'other') || values.length === 0) return
  if (!when && new Set(values).size < 2) return
  if (!values.every((value) => parseDayMonthCell(value, dates) !== null)) return
  column.dayMonth = true
  column.role = 'date'
}

/** The lead named the estimate column: it is the estimate, other estimate-like columns are not. */
function applyEstimateChoice(columns: Column[], chosen: string): void {
  const wanted = chosen.trim().toLowerCase()
  const match = columns.find((column) => column.header.replace(/[*_`]/g, '').trim().toLowerCase() === wanted)
  if (!match) return
  for (const column of columns)
    if (
      column !== match &&
      (column.role === 'estimate' ||
        column.role === 'likely' ||
        column.role === 'optimistic' ||
        column.role === 'pessimistic')
    )
      column.role = 'other'
  match.role = 'estimate'
}

function roleOf(header: string): ColumnRole {
  const text = bounded(header, 80).replace(/[*_`]/g, '').trim()
  for (const entry of HEADER_ROLES) if (entry.pattern.test(text)) return entry.role
  if (isEstimateHeader(text)) return 'estimate'
  const bare = text.replace(/\s*\([^)]*\)\s*$/, '').trim()
  for (const entry of LOCAL_HEADER_ROLES) if (entry.pattern.test(bare)) return entry.role
  return 'other'
}

/** The same columns named in other languages ("Aufwand (h)", "Tâche", "Woche", "Erledigt"): see grammar/words. */
const LOCAL_HEADER_ROLES: Array<{ role: ColumnRole; pattern: RegExp }> = [
  { role: 'estimate', pattern: ESTIMATE_HEADER },
  { role: 'title', pattern: TITLE_HEADER },
  { role: 'week', pattern: WEEK_HEADER },
  { role: 'day', pattern: DAY_HEADER },
  { role: 'status', pattern: STATUS_HEADER },
  { role: 'status', pattern: DONE_HEADER },
  { role: 'owner', pattern: OWNER_HEADER },
  { role: 'due', pattern: DUE_HEADER },
]

/** an effort header names one of these */
const EFFORT_CORE = new Set([
  'est',
  'estimate',
  'estimated',
  'estimates',
  'estimation',
  'effort',
  'hours',
  'hrs',
  'days',
  'points',
  'pts',
  'duration',
])
/** and uses no word outside these ("Est. dev days", "Level of effort") */
const EFFORT_WORDS = new Set([
  ...EFFORT_CORE,
  'hr',
  'h',
  'd',
  'time',
  'sp',
  'story',
  'size',
  'planned',
  'plan',
  'budget',
  'budgeted',
  'person',
  'man',
  'dev',
  'work',
  'in',
  'of',
  'level',
  'loe',
  'total',
])
const NOT_AN_ESTIMATE = /\b(?:actual|actuals|spent|logged|used|burn(?:ed|t)?|remaining|left|variance|delta|diff)\b/i

/** "Hours Est", "Est. Hours", "Estimated effort (days)", "Planned hours", "Dev days": words about effort only,
 *  never a column that records time spent or left ("Hours Actual", "Remaining"). */
function isEstimateHeader(text: string): boolean {
  if (NOT_AN_ESTIMATE.test(text)) return false
  const words = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^a-z]+/)
    .filter((word) => word !== '')
  if (words.length === 0 || words.length > 4) return false
  return words.every((word) => EFFORT_WORDS.has(word)) && words.some((word) => EFFORT_CORE.has(word))
}

function unitOf(header: string, pointColumns: Set<string>): EffortUnit | null {
  const text = bounded(header, 80).replace(/[*_`]/g, '').trim()
  if (pointColumns.has(text.toLowerCase())) return 'points'
  const paren = /\(([^)]*)\)/.exec(text)?.[1] ?? text
  for (const entry of UNIT_IN_HEADER) if (entry.pattern.test(paren)) return entry.unit
  return null
}

/** remarks beside the rows ("Notes", "Comments", "Bemerkungen", "備考"): never what a row is */
const NOTES_HEADER =
  /^(?:notes?|comments?|remarks?|annotations?|bemerkungen?|notizen|anmerkungen?|remarques?|commentaires?|notas?|observa[cç](?:[oõ]es|ión|iones|ão)|comentarios?|coment[aá]rios?|opmerkingen?|note|osservazioni|備考|メモ|备注|비고)$/i

function looksTextual(cells: string[]): boolean {
  const values = cells.map((cell) => cleanText(cell)).filter((value) => value !== '')
  if (values.length === 0) return false
  // words: three Latin letters ("Add caching", not "to"), two of another script ("テーマ策定", "ER図")
  const textual = values.filter(
    (value) => /[A-Za-z]{3,}|(?:(?![A-Za-z])\p{L}){2,}/u.test(value) && !/^\d[\d./-]*$/.test(value),
  )
  return textual.length / values.length >= 0.6
}

export function cellOf(row: { cells: string[] }, column: Column | null | undefined): string {
  return column ? (row.cells[column.index] ?? '').trim() : ''
}

/** The cell as written (backticks kept), for criteria and file paths. */
export function rawCellOf(row: { raw: string[] }, column: Column | null | undefined): string {
  return column ? (row.raw[column.index] ?? '').trim() : ''
}
