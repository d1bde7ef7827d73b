import type { CodeBlock, FileRef, FileRole, Subtask, TextLine } from '../../shared/plan-model'
import type { Block } from './outline'
import { labelContext, parseLabel, type LabelContext } from './classify'
import { backtickedPaths, codeCommentPaths, dedupeRefs, directoryTreePaths, listEntryPaths, makeRef } from './files'
import { isTimelineLine, parseDayRange, parseLabeledEstimate, parseWeekRange, type Estimate, type Range, type Units } from './patterns'
import { isDatedScheduleLine, parseAbsoluteDates, type AbsoluteDates } from './dates'
import { bounded, cleanTitle, stripEmoji } from './text'

/** What a work item's blocks say: subtasks, files, criteria, code, a nested gate, estimate, timeline. */
export type ItemContent = {
  subtasks: Subtask[]
  files: FileRef[]
  criteria: TextLine[]
  codeBlocks: CodeBlock[]
  gates: Array<{ title: string; line: number; items: Subtask[] }>
  estimate: Estimate | null
  timelineWeeks: Range | null
  timelineDays: Range | null
  /** the first absolute dates a schedule line of the body states, with that line */
  timelineDates: { dates: AbsoluteDates; line: number } | null
  statusDone: boolean
}

/** Inline markdown for display and check derivation: emphasis and emoji gone, backticks kept. */
export function inlineText(raw: string): string {
  return stripEmoji(bounded(raw, 4000))
    .replace(/\*\*|__/g, '')
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
  const start = bounded(text, 80).replace(/^[\s*_]+/, '').toLowerCase()
  if (/^(?:create|add new|new|scaffold|generate)\b/.test(start)) return 'create'
  if (/^(?:delete|remove|drop)\b/.test(start)) return 'remove'
  if (/^(?:modify|update|edit|change|fix|refactor|replace|integrate|wire|extend|enhance)\b/.test(start)) return 'modify'
  return 'mention'
}

export function readItemContent(blocks: Block[], units: Units): ItemContent {
  const content: ItemContent = {
    subtasks: [], files: [], criteria: [], codeBlocks: [], gates: [],
    estimate: null, timelineWeeks: null, timelineDays: null, timelineDates: null, statusDone: false,
  }
  const refs: FileRef[] = []
  // mutated from the helpers below, so kept in an object (no stale narrowing)
  const state: { context: LabelContext; gate: ItemContent['gates'][number] | null; lastItemText: string } = {
    context: 'tasks',
    gate: null,
    lastItemText: '',
  }

  const mentionPaths = (raw: string, line: number, role: FileRole = 'mention'): void => {
    for (const path of backtickedPaths(raw)) refs.push(makeRef(path, role, line))
  }
  const enterContext = (next: LabelContext, title: string, line: number): void => {
    state.context = next
    state.gate = null
    if (next === 'gate') {
      state.gate = { title: cleanTitle(title), line, items: [] }
      content.gates.push(state.gate)
    }
  }
  const readScheduleDates = (raw: string, line: number): void => {
    if (content.timelineDates || !isDatedScheduleLine(raw)) return
    const dates = parseAbsoluteDates(raw)
    if (dates) content.timelineDates = { dates, line }
  }
  const readLine = (raw: string, line: number): void => {
    readScheduleDates(raw, line)
    const label = parseLabel(raw)
    if (label) {
      enterContext(labelContext(label.label), label.label, line)
      readLabeledRest(label.label, label.rest, line)
      return
    }
    if (state.context === 'criteria' && raw.trim()) content.criteria.push({ text: inlineText(raw), line })
    mentionPaths(raw, line)
  }
  const readLabeledRest = (labelText: string, rest: string, line: number): void => {
    const whole = `${labelText}: ${rest}`
    const estimate = parseLabeledEstimate(whole, units)
    if (estimate && !content.estimate) content.estimate = estimate
    if (isTimelineLine(whole)) {
      content.timelineWeeks ??= parseWeekRange(rest)
      content.timelineDays ??= parseDayRange(rest)
    }
    if (!rest) return
    if (state.context === 'file') {
      for (const path of listEntryPaths(rest)) refs.push(makeRef(path, 'modify', line))
      return
    }
    if (state.context === 'criteria') content.criteria.push({ text: inlineText(rest), line })
    if (state.context === 'status' && /^\W*(?:done|complete[d]?|finished|shipped|implemented)\b|^\s*✅/iu.test(rest)) content.statusDone = true
    mentionPaths(rest, line)
  }

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        enterContext(labelContext(cleanTitle(block.text)), block.text, block.line)
        break
      case 'paragraph': {
        const lines = block.raw.split('\n')
        for (let offset = 0; offset < lines.length && offset < 500; offset++) readLine(lines[offset], block.line + offset)
        break
      }
      case 'item': {
        state.lastItemText = block.raw
        if (block.depth === 1) readScheduleDates(block.text, block.line)
        const role = FILE_ROLES[state.context]
        // a checkbox under "Files to ..." is a task that followed the list, not a file entry
        if (role && state.context !== 'file' && block.checked === null) {
          for (const path of listEntryPaths(block.raw)) refs.push(makeRef(path, role, block.line))
        } else if (state.context === 'criteria') {
          content.criteria.push({ text: inlineText(block.raw), line: block.line })
        } else if (state.context === 'status') {
          mentionPaths(block.raw, block.line)
        } else if (state.gate) {
          state.gate.items.push({ text: inlineText(block.raw), line: block.line, checked: block.checked })
        } else {
          content.subtasks.push({ text: inlineText(block.raw), line: block.line, checked: block.checked })
          mentionPaths(block.raw, block.line, pathRoleForSubtask(block.raw))
        }
        break
      }
      case 'code': {
        content.codeBlocks.push({ lang: block.lang, text: block.text, line: block.line })
        const role = block.listDepth > 0 ? verbRole(state.lastItemText) : 'mention'
        for (const found of codeCommentPaths(block.text)) refs.push(makeRef(found.path, role, block.line + 1 + found.offset))
        for (const found of directoryTreePaths(block.text)) refs.push(makeRef(found.path, 'create', block.line + 1 + found.offset))
        break
      }
      case 'table':
        for (const row of block.rows) for (const cell of row.cells) mentionPaths(cell, row.line)
        break
    }
  }
  content.files = dedupeRefs(refs)
  return content
}

/** "Create `a/b.py`": the verb applies to a path right after it; other paths are mentions. */
function pathRoleForSubtask(raw: string): FileRole {
  const direct = /^\s*(?:\*\*)?(\w+)(?:\*\*)?\s+`/.exec(bounded(raw, 200))
  return direct ? verbRole(direct[1]) : 'mention'
}
