import type { Block, ItemBlock, Section, TableBlock } from '../outline'
import { analyzeTitle, type TitleInfo } from '../grammar/title'
import {
  effortHours,
  parseEffortValue,
  parseLabeledEffort,
  parseStandaloneEffort,
  sizeOf,
  type Effort,
  type EffortScale,
  type EffortUnit,
  type SizeScale,
} from '../grammar/effort'
import { doneCellClaims, parseInlineOwner, statusClaimsDone } from '../grammar/identity'
import { BREAK_LINE, DONE_HEADER } from '../grammar/words'
import { parseDayMonthCell, type DateContext } from '../grammar/loose-dates'
import { hasTime, parseTime, type TimeMarker } from '../grammar/time'
import { cleanText } from '../text'
import { excludesItems, labelContext, openingLabel, readLabel, type LabelContext } from './labels'
import { analyzeTable, cellOf, type Column, type TableShape } from './tables'
import { gridEffort, gridSpan } from './period-grid'

/**
 * Candidate work items at every layer a plan can use: headings (with what their own lines say),
 * list items (with what their nested lines say) and table rows (read by column meaning). Each gets
 * a level: 3 = an ID or an estimate, 2 = an owner, a due date or a status cell, 1 = a checkbox, a
 * status mark or a schedule heading, 0 = plain text.
 */

export type Level = 0 | 1 | 2 | 3

export type ReaderContext = {
  dates: DateContext
  /** columns the plan says are in points ("**Est.**: story points") */
  pointColumns: Set<string>
  /** the unit of bare numbers ("All times are given in days") */
  defaultUnit: EffortUnit
  /** the lead's choice of estimate column (mapping step) */
  estimateColumn: string | null
  /** hours per T-shirt size, when the plan states them ("S = 2h, M = 1 day") */
  sizes: SizeScale | null
}

export type HeadingUnit = {
  kind: 'heading'
  section: Section
  info: TitleInfo
  /** "Effort: 4-6 hours", "Estimated Time: 2 hours" among the section's own lines */
  bodyEffort: Effort | null
  /** "Duration: 16 hours", "Timeline: 4 days": a span, the item's effort only when the section is not a phase */
  bodyDuration: Effort | null
  bodyTime: TimeMarker | null
  bodyOwner: string | null
  bodyStatusDone: boolean | null
  empty: boolean
  level: Level
  line: number
  lineEnd: number
}

export type ListUnit = {
  kind: 'list'
  section: Section
  block: ItemBlock
  /** the blocks nested under the line (sub-items, continuation paragraphs, code) */
  owned: Block[]
  info: TitleInfo
  /** "**3 days**" on the line after the item */
  nextLineEffort: Effort | null
  level: Level
  line: number
  lineEnd: number
}

export type RowUnit = {
  kind: 'row'
  section: Section
  table: TableBlock
  shape: TableShape
  row: TableRow
  info: TitleInfo
  /** rows whose ID extends this row's ID ("1.1.1" under "1.1") */
  children: TableRow[]
  /** the bold group row above it ("__Design__"), read as its phase */
  groupLabel: { text: string; line: number } | null
  level: Level
  line: number
  lineEnd: number
}

export type Unit = HeadingUnit | ListUnit | RowUnit
export type TableRow = TableBlock['rows'][number]

export type Group = {
  kind: Unit['kind']
  units: Unit[]
  level: Level
  section: Section
  /** a heading group of schedule blocks ("Day 6 Focus"): kept even in a plan with stronger items */
  schedule: boolean
  /** chosen because it has the shape of the plan's other items */
  consistent: boolean
  label: string | null
  /** rows of a milestone table: items only in a plan that has no other work */
  milestones?: boolean
}

export function headingUnit(section: Section, context: ReaderContext): HeadingUnit {
  const info = analyzeTitle(section.heading?.text ?? '', context.dates)
  let bodyEffort: Effort | null = null
  let bodyDuration: Effort | null = null
  let bodyTime: TimeMarker | null = null
  let bodyOwner: string | null = null
  let bodyStatusDone: boolean | null = null
  for (const line of directLines(section)) {
    const label = readLabel(line)
    if (!label) continue
    const kind = labelContext(label.label)
    if (kind === 'effort') bodyEffort ??= parseLabeledEffort(line)?.effort ?? null
    else if (/duration|hours|timeline|length/i.test(label.label))
      bodyDuration ??= parseLabeledEffort(line)?.effort ?? null
    if (kind === 'schedule' && label.rest) {
      const time = parseTime(label.rest, context.dates)
      if (hasTime(time)) bodyTime ??= time
    }
    if (kind === 'owner' && label.rest) bodyOwner ??= cleanText(label.rest)
    if (kind === 'status' && label.rest) bodyStatusDone ??= statusClaimsDone(label.rest)
  }
  const empty =
    section.children.length === 0 && section.blocks.every((block) => block.kind === 'paragraph' && !block.raw.trim())
  const level: Level =
    info.id || info.effort || bodyEffort || bodyDuration
      ? 3
      : bodyOwner
        ? 2
        : hasTime(info.time) || info.statusMarker || bodyStatusDone !== null
          ? 1
          : 0
  return {
    kind: 'heading',
    section,
    info,
    bodyEffort,
    bodyDuration,
    bodyTime,
    bodyOwner,
    bodyStatusDone,
    empty,
    level,
    line: section.line,
    lineEnd: section.lineEnd,
  }
}

/** The section's own paragraph lines and top-level list lines (where "Effort:", "Owner:" live). */
function* directLines(section: Section): Generator<string> {
  for (const block of section.blocks) {
    if (block.kind === 'paragraph' && block.listDepth === 0) yield* block.raw.split('\n', 40)
    else if (block.kind === 'item' && block.depth === 1) yield block.raw
  }
}

export type ContentGroups = {
  lists: Array<{ label: string | null; units: ListUnit[] }>
  tables: Array<{ label: string | null; units: RowUnit[]; shape: TableShape; table: TableBlock }>
  emptyBoxes: number
}

/** What a heading states about its own size: its title estimate, an "Effort:" line, else a "Duration:" line. */
export function headingEffort(unit: HeadingUnit): Effort | null {
  return unit.info.effort ?? unit.bodyEffort ?? unit.bodyDuration
}

/** The lists and tables directly in a section, except lists under criteria, files, status or notes labels. */
export function contentGroups(section: Section, context: ReaderContext): ContentGroups {
  const out: ContentGroups = { lists: [], tables: [], emptyBoxes: 0 }
  let label: { text: string; context: LabelContext } | null = null
  const blocks = section.blocks
  let currentList: { id: number; label: string | null; excluded: boolean; units: ListUnit[] } | null = null
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (block.kind === 'paragraph' && block.listDepth === 0) {
      const found = openingLabel(block.raw)
      label = found ? { text: found.label, context: labelContext(found.label) } : block.raw.trim() ? null : label
      continue
    }
    if (block.kind === 'table') {
      const shape = analyzeTable(block, context)
      if (shape.title && !shape.nonWork && !(label && excludesItems(label.context)))
        out.tables.push({
          label: label?.text ?? null,
          units: rowUnits(section, block, shape, context),
          shape,
          table: block,
        })
      label = null
      continue
    }
    if (block.kind !== 'item' || block.depth !== 1) continue
    if (!currentList || currentList.id !== block.listId) {
      currentList = {
        id: block.listId,
        label: label?.text ?? null,
        excluded: label !== null && excludesItems(label.context),
        units: [],
      }
      if (!currentList.excluded) out.lists.push(currentList)
    }
    const owned: Block[] = []
    let next = index + 1
    while (next < blocks.length && belongsToItem(blocks[next])) owned.push(blocks[next++])
    if (currentList.excluded) continue
    if (isEmptyItem(block)) {
      if (block.checked !== null || block.text.trim()) out.emptyBoxes++
      continue
    }
    // a line that is itself a label ("Success criteria:") opens a sub-list, it is not an item
    const ownLabel = readLabel(block.raw)
    if (ownLabel && !ownLabel.rest && excludesItems(labelContext(ownLabel.label))) continue
    const unit = listUnit(section, block, owned, context)
    if (notWorkLine(unit.info, block.raw) === null) currentList.units.push(unit)
  }
  out.lists = out.lists.filter((list) => list.units.length > 0)
  out.tables = withoutSupportingTables(out.tables)
  return out
}

const TRACKING_ROLES: Array<Column['role']> = ['owner', 'status', 'id']

/**
 * "| Scenario | Target | Duration |" under a "| Time | Activity | Owner | Status |" table: beside a table that tracks
 * its work (owner, status, IDs), a table with none of those columns and no task header is supporting detail
 * (load scenarios, parameters), not items.
 */
function withoutSupportingTables(tables: ContentGroups['tables']): ContentGroups['tables'] {
  const tracks = (shape: TableShape): boolean => TRACKING_ROLES.some((role) => shapeHas(shape, role))
  if (!tables.some((table) => table.shape.titleNamed && tracks(table.shape))) return tables
  return tables.filter((table) => table.shape.titleNamed || tracks(table.shape) || table.shape.grid !== null)
}

/** "- [ ] " with nothing after it (GFM then reads "[ ]" as the text): a placeholder line. */
export function isEmptyItem(block: ItemBlock): boolean {
  const text = block.text.trim()
  return text === '' || /^\[[ xX]?\]$/.test(text)
}

function belongsToItem(block: Block): boolean {
  if (block.kind === 'item') return block.depth > 1
  if (block.kind === 'paragraph' || block.kind === 'code') return block.listDepth >= 1
  return false
}

function listUnit(section: Section, block: ItemBlock, owned: Block[], context: ReaderContext): ListUnit {
  // "- [ ] Write docs\n  **3 days**": the lines after the first are the item's notes, one may be its estimate
  const [firstLine, ...moreLines] = block.raw.split('\n')
  const info = analyzeTitle(firstLine, context.dates)
  const continuation = owned.find((candidate) => candidate.kind === 'paragraph')
  const nextLineEffort =
    moreLines.map((line) => parseStandaloneEffort(line)).find((effort) => effort !== null) ??
    (continuation && continuation.kind === 'paragraph' ? parseStandaloneEffort(continuation.raw) : null)
  const owner = info.owner ?? parseInlineOwner(block.raw)
  const level: Level =
    info.id || info.effort || nextLineEffort ? 3 : owner ? 2 : block.checked !== null || info.statusMarker ? 1 : 0
  const lineEnd = owned.reduce((max, b) => Math.max(max, 'lineEnd' in b ? b.lineEnd : b.line), block.line)
  return {
    kind: 'list',
    section,
    block,
    owned,
    info: { ...info, owner },
    nextLineEffort,
    level,
    line: block.line,
    lineEnd,
  }
}

// "Total", "Subtotal: 24 h", "Phase total", "Gesamt", "合計": a sum of the lines around it
const TOTAL_ROW =
  /^\W*(?:grand\s+)?(?:sub)?total\b|\b(?:sub)?total\W*$|^\W*(?:gesamt(?:summe)?|summe|insgesamt|totaal|totale|total\s+geral|合計|小計|总计|合计|총계)(?![\p{L}])/iu

/** Why a list line is no work item whatever its list: a total, or a line that says only when and how long. */
/** "Total", "Phase total", "Gesamt": a line or row that sums others */
export function isTotalLine(text: string): boolean {
  return TOTAL_ROW.test(cleanText(text))
}

/** "Task 1.1 → Task 1.2 → Task 1.3", "A1 -> A2": the order of other items, named by their IDs */
function isItemOrder(line: string): boolean {
  const parts = cleanText(line)
    .replace(/^\[[ xX]\]\s*/, '')
    .split(/\s*(?:→|->|⇒|=>|›|»)\s*/)
  const reference = /^(?:(?:task|item|story|step|issue|ticket)\s*)?#?[A-Za-z]{0,4}-?\d{1,4}(?:\.\d{1,3}){0,3}$/i
  return parts.length >= 2 && parts.every((part) => reference.test(part.trim()))
}

/** "Christmas break", "Pausa para o feriado de Natal": a line or row naming time off, with no estimate or ID of its own */
function isBreakLine(info: TitleInfo): boolean {
  return info.effort === null && info.id === null && BREAK_LINE.test(info.title)
}

export function notWorkLine(info: TitleInfo, raw: string): string | null {
  const first = raw.split('\n', 1)[0]
  if (isTotalLine(first)) return 'a total, not work'
  if (isItemOrder(first)) return 'the order of other items, not work'
  if (isBreakLine(info)) return 'a break in the calendar (holiday, vacation), not work'
  if (info.namesOnlyWhen && info.id === null) return 'it says when (and how long), not what: a schedule or budget line'
  return null
}

function rowUnits(section: Section, table: TableBlock, shape: TableShape, context: ReaderContext): RowUnit[] {
  const idColumn = shape.columns.find((column) => column.role === 'id')
  const body = table.rows.slice(1)
  const units: RowUnit[] = []
  const byId = new Map<string, RowUnit>()
  let groupLabel: RowUnit['groupLabel'] = null
  const phaseColumn = shape.columns.find((column) => column.role === 'phase')
  const phases = new Map<string, NonNullable<RowUnit['groupLabel']>>()
  // a blank Phase cell continues the phase above it, the way spreadsheet exports write merged cells
  let lastPhase: RowUnit['groupLabel'] = null
  const phaseOfRow = (row: TableRow): RowUnit['groupLabel'] => {
    const text = phaseColumn ? cleanText(cellOf(row, phaseColumn)) : ''
    if (!text) return lastPhase ?? groupLabel
    if (!phases.has(text)) phases.set(text, { text, line: row.line })
    lastPhase = phases.get(text)!
    return lastPhase
  }
  for (const row of body) {
    const title = cellOf(row, shape.title)
    const others = row.cells.filter((_, index) => index !== shape.title?.index).map((cell) => cell.trim())
    if (!title && others.every((cell) => !cell)) continue
    if (TOTAL_ROW.test(cleanText(title)) || TOTAL_ROW.test(cleanText(row.cells[0] ?? ''))) continue
    if (title && others.every((cell) => !cell)) {
      groupLabel = { text: cleanText(title), line: row.line }
      lastPhase = null
      continue
    }
    // "| **** | P0-P4 | | 0.2 |": a row with nothing left of its title once markup is gone is a legend or score row
    if (!cleanText(title)) continue
    const id = idColumn ? rowId(row, idColumn, shape) : ''
    const parent = id ? parentRow(id, byId) : undefined
    if (parent) {
      parent.children.push(row)
      parent.lineEnd = row.line
      continue
    }
    const unit = rowUnit(section, table, shape, row, phaseOfRow(row), context)
    if (isBreakLine(unit.info)) continue
    units.push(unit)
    if (id) byId.set(id, unit)
  }
  return units.flatMap((unit) => groupedRows(unit, section, context))
}

/**
 * A work-breakdown parent row without an estimate of its own over rows that carry one ("3 Design | -" over
 * "3.1 Theme | 3", "3.2 Feature list | 6") groups them: the rows under it are the items, it is their group.
 */
function groupedRows(unit: RowUnit, section: Section, context: ReaderContext): RowUnit[] {
  if (unit.info.effort !== null || unit.children.length === 0) return [unit]
  if (!unit.children.some((row) => rowEffort(row, unit.shape, context) !== null)) return [unit]
  const group = { text: cleanText(unit.info.title), line: unit.line }
  return unit.children.map((row) => rowUnit(section, unit.table, unit.shape, row, group, context))
}

/**
 * Work-breakdown parent rows kept as the item (they state their own estimate) whose estimate differs from the sum
 * of their child rows': the plan contradicts itself, and the lead should know which number was counted.
 */
export function parentRowMismatches(
  units: Unit[],
  context: ReaderContext,
  scale: EffortScale,
): Array<{ line: number; title: string; own: number; children: number }> {
  const out: Array<{ line: number; title: string; own: number; children: number }> = []
  for (const unit of units) {
    if (unit.kind !== 'row' || unit.children.length === 0 || unit.info.effort === null) continue
    const own = effortHours(unit.info.effort, scale)
    const parts = unit.children.map((row) => {
      const effort = rowEffort(row, unit.shape, context)
      return effort ? effortHours(effort, scale) : null
    })
    if (own === null || parts.some((hours) => hours === null)) continue
    const children = parts.reduce<number>((sum, hours) => sum + (hours ?? 0), 0)
    if (Math.abs(children - own) > 0.01) out.push({ line: unit.line, title: unit.info.title, own, children })
  }
  return out
}

/** "1.1.2" belongs to the row "1.1" (or "1", written "1.") above it. */
function parentRow(id: string, byId: Map<string, RowUnit>): RowUnit | undefined {
  for (let cut = id.lastIndexOf('.'); cut > 0; cut = id.lastIndexOf('.', cut - 1)) {
    const parent = byId.get(id.slice(0, cut)) ?? byId.get(`${id.slice(0, cut)}.`)
    if (parent) return parent
  }
  return undefined
}

/**
 * The row's ID: its ID cell, or, when that is blank, the dotted number its title starts with ("| | 1.1 Sketch |"
 * under "| 1. | Design |"): work-breakdown exports often put the child number in the title cell.
 */
function rowId(row: TableRow, idColumn: Column, shape: TableShape): string {
  const cell = cleanText(cellOf(row, idColumn))
  if (cell) return cell
  return /^(\d{1,3}(?:\.\d{1,3})+)\.?\s/.exec(cleanText(cellOf(row, shape.title)))?.[1] ?? ''
}

/** The table's ID column holds 1, 2, 3 … in order (row numbers), and the titles carry no ID of their own. */
function rowNumbers(table: TableBlock, shape: TableShape): boolean {
  const known = ROW_NUMBERED.get(table)
  if (known !== undefined) return known
  const column = shape.columns.find((candidate) => candidate.role === 'id')
  const values = column
    ? table.rows.slice(1).map((row) => cleanText(row.cells[column.index] ?? '').replace(/\.$/, ''))
    : []
  const numbered = values.length >= 2 && values.every((value, index) => value === String(index + 1))
  ROW_NUMBERED.set(table, numbered)
  return numbered
}

/** per table, computed once: rows are read one by one */
const ROW_NUMBERED = new WeakMap<TableBlock, boolean>()

function rowUnit(
  section: Section,
  table: TableBlock,
  shape: TableShape,
  row: TableRow,
  groupLabel: RowUnit['groupLabel'],
  context: ReaderContext,
): RowUnit {
  const titleInfo = analyzeTitle(cellOf(row, shape.title), context.dates)
  const column = (role: Column['role']): Column | undefined =>
    shape.columns.find((candidate) => candidate.role === role)
  const idCell = cleanText(cellOf(row, column('id')))
  const effort = rowEffort(row, shape, context) ?? titleInfo.effort
  const columnTime = rowTime(row, shape, context)
  const time = columnTime ?? titleInfo.time
  const owner = cleanText(cellOf(row, column('owner'))) || titleInfo.owner
  const statusColumn = column('status')
  const statusCell = cellOf(row, statusColumn)
  // "✅ Hoàn thành": the mark claims done whatever language the word after it is in
  const claimsDone = statusCell
    ? statusCellClaims(statusColumn as Column, cleanText(statusCell) || statusCell) ||
      statusCellClaims(statusColumn as Column, statusCell.trim())
    : titleInfo.claimsDone
  const info: TitleInfo = {
    ...titleInfo,
    id: idCell || titleInfo.id,
    effort,
    time,
    // a Week/Date column schedules the row whatever its title says; the prose rule is about titles
    timeInProse: columnTime === null && titleInfo.timeInProse,
    owner: owner || null,
    claimsDone,
    statusMarker: titleInfo.statusMarker || Boolean(statusCell),
  }
  // "| # | …" numbered 1, 2, 3 … counts the rows; it names them no more than their order does
  const numbered = (info.id !== null || shapeHas(shape, 'id')) && !rowNumbers(table, shape)
  const level: Level =
    numbered || effort || shapeHas(shape, 'estimate') || shapeHas(shape, 'likely')
      ? 3
      : owner ||
          statusCell ||
          hasTime(time) ||
          shapeHas(shape, 'owner') ||
          shapeHas(shape, 'status') ||
          shapeHas(shape, 'due') ||
          shapeHas(shape, 'date')
        ? 2
        : 0
  return {
    kind: 'row',
    section,
    table,
    shape,
    row,
    info,
    children: [],
    groupLabel,
    level,
    line: row.line,
    lineEnd: row.line,
  }
}

/** A Status cell claims done by its words; a Done / Completed column by any mark, yes or date in it. */
function statusCellClaims(column: Column, value: string): boolean {
  return DONE_HEADER.test(column.header.replace(/[*_`]/g, '').trim()) ||
    /^(?:done|completed?|finished)\??$/i.test(column.header.trim())
    ? doneCellClaims(value)
    : statusClaimsDone(value)
}

function shapeHas(shape: TableShape, role: Column['role']): boolean {
  return shape.columns.some((column) => column.role === role)
}

/** The estimate a row states: its estimate column, or PERT (O + 4R + P) / 6 from three-point columns. */
/** Rows sized S/M/L in their estimate column that no stated scale turns into hours. */
export function unscaledSizeRows(units: Unit[], context: ReaderContext): RowUnit[] {
  return units.filter((unit): unit is RowUnit => {
    if (unit.kind !== 'row' || unit.info.effort !== null) return false
    const column = unit.shape.columns.find((candidate) => candidate.role === 'estimate')
    return column !== undefined && sizeOf(cleanText(cellOf(unit.row, column))) !== null && context.sizes === null
  })
}

/**
 * Rows whose effort comes from a Duration column beside Start/End or date columns: in a Gantt-style table that is
 * often elapsed time, not effort. The reading keeps it and says so; the lead can choose another column.
 */
export function durationsBesideDates(units: Unit[]): RowUnit[] {
  return units.filter((unit): unit is RowUnit => {
    if (unit.kind !== 'row' || unit.info.effort === null) return false
    const estimate = unit.shape.columns.find((candidate) => candidate.role === 'estimate')
    const dated = unit.shape.columns.some((candidate) => candidate.role === 'date' || candidate.role === 'due')
    return estimate !== undefined && dated && DURATION_HEADER.test(estimate.header)
  })
}

const DURATION_HEADER =
  /\b(?:duration|dur[ée]e|dauer|duraci[oó]n|dura[cç][aã]o|durata|czas\s+trwania|длительность|thời\s+gian)\b/i

/** "M" in a Size column, in the hours the plan gives that size */
function sizedEffort(cell: string, sizes: SizeScale | null): Effort | null {
  const size = sizes ? sizeOf(cleanText(cell)) : null
  const hours = size ? sizes?.get(size) : undefined
  return hours === undefined ? null : { value: hours, low: hours, high: hours, unit: 'hours', text: cleanText(cell) }
}

function rowEffort(row: { cells: string[] }, shape: TableShape, context: ReaderContext): Effort | null {
  const read = (role: Column['role']): Effort | null => {
    const column = shape.columns.find((candidate) => candidate.role === role)
    if (!column) return null
    const cell = cellOf(row, column)
    return parseEffortValue(cell, column.unit ?? context.defaultUnit) ?? sizedEffort(cell, context.sizes)
  }
  const [optimistic, likely, pessimistic] = [read('optimistic'), read('likely'), read('pessimistic')]
  if (likely && optimistic && pessimistic && optimistic.unit === likely.unit && likely.unit === pessimistic.unit) {
    const value = (optimistic.value + 4 * likely.value + pessimistic.value) / 6
    return {
      value,
      low: optimistic.value,
      high: pessimistic.value,
      unit: likely.unit,
      text: `(${optimistic.value} + 4×${likely.value} + ${pessimistic.value}) / 6`,
    }
  }
  const stated = read('estimate') ?? likely ?? (shape.grid ? gridEffort(shape.grid, row, context.defaultUnit) : null)
  // only a low and a high column ("Hours (Min)", "Hours (Max)"): the range, counted at its midpoint
  if (
    !stated &&
    optimistic &&
    pessimistic &&
    optimistic.unit === pessimistic.unit &&
    pessimistic.value >= optimistic.value
  )
    return {
      value: (optimistic.value + pessimistic.value) / 2,
      low: optimistic.value,
      high: pessimistic.value,
      unit: optimistic.unit,
      text: `${optimistic.value}–${pessimistic.value}`,
    }
  return stated
}

export function rowTime(row: { cells: string[] }, shape: TableShape, context: ReaderContext): TimeMarker | null {
  const relative: Array<[Column['role'], string]> = [
    ['week', 'week'],
    ['day', 'day'],
    ['sprint', 'sprint'],
  ]
  const dated = startEndDates(row, shape, context) ?? dateColumnTime(row, shape, context)
  const span = shape.grid ? gridSpan(shape.grid, row) : null
  if (span) return parseTime(span, context.dates)
  for (const [role, word] of relative) {
    for (const column of shape.columns.filter((candidate) => candidate.role === role)) {
      const cell = cleanText(cellOf(row, column))
      if (!cell) continue
      const time = parseTime(/^\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/.test(cell) ? `${word} ${cell}` : cell, context.dates)
      // the row's week schedules it; its date, kept beside, can anchor the plan's week 1
      if (hasTime(time)) return time.dates === null && dated?.dates ? { ...time, dates: dated.dates } : time
    }
  }
  return dated
}

function dateColumnTime(row: { cells: string[] }, shape: TableShape, context: ReaderContext): TimeMarker | null {
  for (const column of shape.columns.filter((candidate) => candidate.role === 'due' || candidate.role === 'date')) {
    const cell = cleanText(cellOf(row, column))
    const dayMonth = column.dayMonth ? parseDayMonthCell(cell, context.dates) : null
    if (dayMonth) return { ...parseTime(''), dates: dayMonth }
    const time = parseTime(cell, context.dates)
    if (hasTime(time)) return time
  }
  return null
}

/** "| Start | End |" (or From/To, Begin/Finish): the row spans both dates. */
function startEndDates(row: { cells: string[] }, shape: TableShape, context: ReaderContext): TimeMarker | null {
  const start = shape.columns.find((column) => /^(?:start(?:\s+date)?|begin|from|starts?)$/i.test(column.header))
  const end = shape.columns.find((column) =>
    /^(?:end(?:\s+date)?|finish|to|ends?|due(?:\s+date)?|deadline)$/i.test(column.header),
  )
  if (!start || !end) return null
  const from = parseTime(cleanText(cellOf(row, start)), context.dates).dates
  const to = parseTime(cleanText(cellOf(row, end)), context.dates).dates
  if (!from || !to || to.end < from.start) return null
  return {
    ...parseTime('', context.dates),
    dates: { kind: 'range', start: from.start, end: to.end, text: `${from.text} – ${to.text}` },
  }
}
