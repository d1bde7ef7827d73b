import type { CodeBlock, FileRef, FileRole, Subtask, TextLine } from '../../shared/plan-model'
import type { Block } from './outline'
import { excludesItems, labelContext, readLabel, type LabelContext } from './reader/labels'
import { backtickedPaths, codeCommentPaths, dedupeRefs, directoryTreePaths, entryRefs, makeRef } from './files'
import { parseLabeledEffort, type Effort } from './grammar/effort'
import { hasStatusMarker, statusClaimsDone } from './grammar/identity'
import { DEFAULT_DATE_CONTEXT, type DateContext } from './grammar/loose-dates'
import { hasTime, parseTime, type TimeMarker } from './grammar/time'
import { isDatedScheduleLine, parseAbsoluteDates, type AbsoluteDates } from './dates'
import { bounded, cleanText, cleanTitle, stripEmoji } from './text'

/** What a work item's blocks say: subtasks, files, criteria, code, a nested gate, estimate, schedule, owner, status. */
export type ItemContent = {
  subtasks: Subtask[]
  files: FileRef[]
  criteria: TextLine[]
  codeBlocks: CodeBlock[]
  gates: Array<{ title: string; line: number; items: Subtask[] }>
  effort: Effort | null
  /** "Target: week 1", "Timeline: Days 3-4" */
  time: TimeMarker | null
  /** the first absolute dates a schedule line of the body states, with that line */
  timelineDates: { dates: AbsoluteDates; line: number } | null
  statusDone: boolean
  owner: string | null
}

/** Inline markdown for display and check derivation: emphasis and emoji gone, backticks kept. */
export function inlineText(raw: string): string {
  // emphasis marks go, but never inside `code` (globs like `src/**/*.py`, names like `__init__.py`)
  const parts = stripEmoji(bounded(raw, 4000)).split(/(`[^`\n]*`)/)
  return parts
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\*\*|__/g, '')))
    .join('')
    .replace(/^\s*\[[ xX]\]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const FILE_ROLES: Partial<Record<LabelContext, FileRole>> = {
  'files-create': 'create',
  'files-modify': 'modify',
  'files-remove': 'remove',
  file: 'modify',
}

function verbRole(text: string): FileRole {
  const start = bounded(text, 80)
    .replace(/^[\s*_]+/, '')
    .toLowerCase()
  if (/^(?:create|add new|new|scaffold|generate)\b/.test(start)) return 'create'
  if (/^(?:delete|remove|drop)\b/.test(start)) return 'remove'
  if (/^(?:modify|update|edit|change|fix|refactor|replace|integrate|wire|extend|enhance)\b/.test(start)) return 'modify'
  return 'mention'
}

type ReadState = {
  context: LabelContext
  /** a label written as a list line applies to the lines nested under it only */
  labelDepth: number
  gate: ItemContent['gates'][number] | null
  lastItemText: string
}

/**
 * fieldDepth: the list depth of the item's own field lines ("- Due: …" directly under a list item, or a top-level
 * list line under a heading item); deeper lines belong to the sub-point above them.
 */
export function readItemContent(
  blocks: Block[],
  dates: DateContext = DEFAULT_DATE_CONTEXT,
  fieldDepth = 1,
): ItemContent {
  const reader = new ContentReader(dates, fieldDepth)
  for (const block of blocks) reader.readBlock(block)
  return reader.finish()
}

/** Reads an item's blocks in order; labels ("Files to modify:", "Done when:") switch what the lines after them are. */
class ContentReader {
  private readonly content: ItemContent = {
    subtasks: [],
    files: [],
    criteria: [],
    codeBlocks: [],
    gates: [],
    effort: null,
    time: null,
    timelineDates: null,
    statusDone: false,
    owner: null,
  }
  private readonly refs: FileRef[] = []
  private readonly state: ReadState = { context: 'tasks', labelDepth: 0, gate: null, lastItemText: '' }
  /** field lines under a label of no known kind that carry a status mark ("Frontend: ✅", "Stan: ✅ gotowe") */
  private readonly markedFields: boolean[] = []

  constructor(
    private readonly dates: DateContext,
    private readonly fieldDepth: number,
  ) {}

  readBlock(block: Block): void {
    switch (block.kind) {
      case 'heading':
        this.enterContext(labelContext(cleanTitle(block.text)), block.text, block.line, 0)
        break
      case 'paragraph': {
        const lines = block.raw.split('\n')
        for (let offset = 0; offset < lines.length && offset < 500; offset++)
          this.readLine(lines[offset], block.line + offset)
        break
      }
      case 'item':
        this.readItem(block)
        break
      case 'code':
        this.readCode(block)
        break
      case 'table':
        for (const row of block.rows) for (const cell of row.raw) this.mentionPaths(cell, row.line)
        break
    }
  }

  finish(): ItemContent {
    // one marked field line is the item's status whatever its label; several are the status of its parts
    if (this.markedFields.length === 1 && this.markedFields[0]) this.content.statusDone = true
    this.content.files = dedupeRefs(this.refs)
    return this.content
  }

  private mentionPaths(raw: string, line: number, role: FileRole = 'mention'): void {
    for (const path of backtickedPaths(raw)) this.refs.push(makeRef(path, role, line))
  }

  private enterContext(next: LabelContext, title: string, line: number, depth: number): void {
    this.state.context = next
    this.state.labelDepth = depth
    this.state.gate = null
    if (next === 'gate') {
      this.state.gate = { title: cleanTitle(title), line, items: [] }
      this.content.gates.push(this.state.gate)
    }
  }

  private readScheduleDates(raw: string, line: number): void {
    if (this.content.timelineDates || !isDatedScheduleLine(raw)) return
    const found = parseAbsoluteDates(raw)
    if (found) this.content.timelineDates = { dates: found, line }
  }

  private readLabeledRest(labelText: string, rest: string, line: number, depth = 0): void {
    const { content, state } = this
    const kind = labelContext(labelText)
    const effort = parseLabeledEffort(`${labelText}: ${rest}`)
    if (effort && !content.effort && (kind === 'effort' || /duration|hours|timeline/i.test(labelText)))
      content.effort = effort.effort
    // a schedule in a sub-bullet belongs to that sub-point, not to the item
    if (rest && depth <= this.fieldDepth) this.readField(kind, labelText, rest, line)
    if (!rest) return
    if (kind === 'owner') content.owner ??= cleanText(rest)
    const role = FILE_ROLES[state.context]
    if (role) {
      for (const part of rest.split(/,\s*(?![^()]*\))/)) this.refs.push(...entryRefs(part, role, line))
      return
    }
    if (state.context === 'criteria') content.criteria.push({ text: inlineText(rest), line })
    if (state.context === 'status' && statusClaimsDone(rest)) content.statusDone = true
    this.mentionPaths(rest, line)
  }

  /** "Due: 2025-12-15", "Sprint: 2", "Срок: 14.04–14.05.2026", "<any word>: <a date>", "<any word>: ✅ …" */
  private readField(kind: LabelContext, labelText: string, rest: string, line: number): void {
    const before = this.content.time
    this.readFieldTime(kind, labelText, rest)
    const dates = this.content.time !== before ? this.content.time?.dates : null
    // its date can anchor the plan's week 1, as a "Due:" line in a heading item's body does
    if (dates) this.content.timelineDates ??= { dates, line }
    if (kind === 'other' && hasStatusMarker(rest)) this.markedFields.push(isDoneStatus(rest))
  }

  private readFieldTime(kind: LabelContext, labelText: string, rest: string): void {
    if (kind === 'schedule') {
      // "Sprint: 2", "Week: 3": a bare number takes the label's unit
      const time = parseTime(/^\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/.test(rest) ? `${labelText} ${rest}` : rest, this.dates)
      if (hasTime(time)) this.content.time ??= time
      return
    }
    if (kind !== 'other') return
    const time = parseTime(rest, this.dates)
    if (time.dates && onlyDates(rest, time.dates.text)) this.content.time ??= time
  }

  private readLine(raw: string, line: number): void {
    this.readScheduleDates(raw, line)
    const label = readLabel(raw)
    if (label) {
      this.enterContext(labelContext(label.label), label.label, line, 0)
      this.readLabeledRest(label.label, label.rest, line)
      return
    }
    if (this.state.context === 'criteria' && raw.trim()) this.content.criteria.push({ text: inlineText(raw), line })
    this.mentionPaths(raw, line)
  }

  private readItem(block: Extract<Block, { kind: 'item' }>): void {
    const { state } = this
    state.lastItemText = block.raw
    if (block.depth === 1) this.readScheduleDates(block.text, block.line)
    if (state.labelDepth > 0 && block.depth <= state.labelDepth) this.enterContext('tasks', '', block.line, 0)
    const label = readLabel(block.raw) ?? plainField(block.raw)
    if (label && (excludesItems(labelContext(label.label)) || labelContext(label.label) !== 'other')) {
      this.enterContext(labelContext(label.label), label.label, block.line, block.depth)
      this.readLabeledRest(label.label, label.rest, block.line, block.depth)
      return
    }
    // "Backend: ✅", "Zieldatum: 2026-03-09": a field of the item whatever its label, and still a line of it
    if (label && label.rest && block.depth <= this.fieldDepth)
      this.readField('other', label.label, label.rest, block.line)
    this.readItemUnderContext(block)
  }

  /** A list line that is not a label: a file entry, a criterion, a gate item or a subtask, by the label above it. */
  private readItemUnderContext(block: Extract<Block, { kind: 'item' }>): void {
    const { state, content } = this
    const role = FILE_ROLES[state.context]
    // a checkbox under "Files to ..." is a task that followed the list, not a file entry
    if (role && state.context !== 'file' && block.checked === null) {
      this.refs.push(...entryRefs(block.raw, role, block.line))
    } else if (state.context === 'file') {
      this.refs.push(...entryRefs(block.raw, 'modify', block.line))
    } else if (state.context === 'criteria') {
      content.criteria.push({ text: inlineText(block.raw), line: block.line })
    } else if (state.context === 'status') {
      this.mentionPaths(block.raw, block.line)
    } else if (state.gate) {
      state.gate.items.push({ text: inlineText(block.raw), line: block.line, checked: block.checked })
    } else {
      content.subtasks.push({ text: inlineText(block.raw), line: block.line, checked: block.checked })
      this.mentionPaths(block.raw, block.line, pathRoleForSubtask(block.raw))
    }
  }

  private readCode(block: Extract<Block, { kind: 'code' }>): void {
    this.content.codeBlocks.push({ lang: block.lang, text: block.text, line: block.line })
    const role = block.listDepth > 0 ? verbRole(this.state.lastItemText) : 'mention'
    for (const found of codeCommentPaths(block.text))
      this.refs.push(makeRef(found.path, role, block.line + 1 + found.offset))
    for (const found of directoryTreePaths(block.text))
      this.refs.push(makeRef(found.path, 'create', block.line + 1 + found.offset))
  }
}

/** "✅", "✅ Завершено", "✔ Done": a done mark or word and nothing else ("✅ reuse `ema.py`" is a note, not a status). */
function isDoneStatus(rest: string): boolean {
  const words = rest.replace(/[✅✔☑]/gu, '').trim()
  if (words === '') return statusClaimsDone(rest)
  return statusClaimsDone(words) && words.split(/\s+/).length <= 3 && !/[`/\\]/.test(words)
}

/** "Zieldatum: 2026-03-09", "Frontend: ⏳": a plain "<word>: <value>" line whose value is a date or a status mark. */
function plainField(raw: string): { label: string; rest: string } | null {
  const match = /^\s*(\p{L}[\p{L}\p{M} ]{0,30}?)\s*:\s+(\S.{0,80})$/u.exec(bounded(raw, 200))
  if (!match) return null
  const rest = match[2].trim()
  const dates = parseTime(rest).dates
  return hasStatusMarker(rest) || (dates && onlyDates(rest, dates.text)) ? { label: match[1], rest } : null
}

/** The value is the date and nothing else ("2026-01-20", "14.04–14.05.2026 (est.)" is not). */
function onlyDates(rest: string, dateText: string): boolean {
  return (
    rest
      .replace(/\*\*|__|`/g, '')
      .replace(dateText, '')
      .replace(/[\s.,;:–—-]+/g, '') === ''
  )
}

/** "Create `a/b.py`": the verb applies to a path right after it; other paths are mentions. */
function pathRoleForSubtask(raw: string): FileRole {
  if (!raw.includes('`')) return 'mention'
  const direct = /^\s*(?:\*\*)?(\w+)(?:\*\*)?\s+`/.exec(bounded(raw, 200))
  return direct ? verbRole(direct[1]) : 'mention'
}
