import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { toString } from 'mdast-util-to-string'
import type { Root, RootContent, ListItem, Table } from 'mdast'
import { bounded } from './text'
import { isStructuralTitle } from './grammar/title'

/**
 * The markdown AST flattened into blocks in document order, grouped into a heading tree.
 * Raw text comes from source offsets so backticks and bold labels survive for later passes.
 */

/** pseudo: a paragraph that is only bold text with a schedule, phase, ID or estimate ("**Week 3**") */
export type HeadingBlock = { kind: 'heading'; depth: number; text: string; raw: string; line: number; pseudo?: boolean }
export type ParagraphBlock = { kind: 'paragraph'; text: string; raw: string; line: number; lineEnd: number; listDepth: number }
export type ItemBlock = {
  kind: 'item'
  text: string
  raw: string
  line: number
  depth: number
  checked: boolean | null
  ordered: boolean
  /** the list this item belongs to (items of one markdown list share it) */
  listId: number
}
export type CodeBlockNode = { kind: 'code'; lang: string | null; text: string; line: number; lineEnd: number; listDepth: number }
/** cells: plain text; raw: the cell's markdown (backticks kept, for criteria and paths) */
export type TableBlock = { kind: 'table'; rows: Array<{ cells: string[]; raw: string[]; line: number }>; line: number }
export type Block = HeadingBlock | ParagraphBlock | ItemBlock | CodeBlockNode | TableBlock

export type Section = {
  heading: HeadingBlock | null
  depth: number
  line: number
  lineEnd: number
  /** blocks before the first child section */
  blocks: Block[]
  children: Section[]
  parent: Section | null
}

const processor = unified().use(remarkParse).use(remarkGfm)

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root
}

/** Chunks end at a heading line once they reach this size (the parser is superlinear on long inputs). */
const CHUNK_CHARS = 16 * 1024

/**
 * Cuts the text just before ATX heading lines outside code fences. A heading at column 0
 * closes every open block, so the chunks parse as the whole would, in linear time overall.
 */
export function markdownChunks(text: string): Array<{ text: string; lineOffset: number }> {
  const chunks: Array<{ text: string; lineOffset: number }> = []
  let chunkStart = 0
  let chunkLine = 1
  let line = 1
  let fence: string | null = null
  let position = 0
  while (position < text.length) {
    const newline = text.indexOf('\n', position)
    const lineEnd = newline === -1 ? text.length : newline
    const head = text.slice(position, Math.min(lineEnd, position + 16))
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(head)
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1][0]
      else if (fenceMatch[1][0] === fence) fence = null
    } else if (fence === null && head.startsWith('#') && position - chunkStart >= CHUNK_CHARS) {
      chunks.push({ text: text.slice(chunkStart, position), lineOffset: chunkLine - 1 })
      chunkStart = position
      chunkLine = line
    }
    position = lineEnd + 1
    line++
  }
  chunks.push({ text: text.slice(chunkStart), lineOffset: chunkLine - 1 })
  return chunks
}

export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = []
  for (const chunk of markdownChunks(text)) blocks.push(...flattenBlocks(parseMarkdown(chunk.text), chunk.text, chunk.lineOffset))
  return blocks
}

let nextListId = 1

export function flattenBlocks(root: Root, text: string, lineOffset = 0): Block[] {
  const blocks: Block[] = []
  const raw = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string => {
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    return text.slice(start, end)
  }
  const line = (node: { position?: { start: { line: number } } }): number => (node.position?.start.line ?? 1) + lineOffset
  const lineEnd = (node: { position?: { end: { line: number } } }): number => (node.position?.end.line ?? 1) + lineOffset

  const visit = (node: RootContent, listDepth: number): void => {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', depth: node.depth, text: toString(node), raw: raw(node), line: line(node) })
        return
      case 'paragraph':
        blocks.push({ kind: 'paragraph', text: toString(node), raw: raw(node), line: line(node), lineEnd: lineEnd(node), listDepth })
        return
      case 'code':
        blocks.push({ kind: 'code', lang: node.lang ?? null, text: node.value, line: line(node), lineEnd: lineEnd(node), listDepth })
        return
      case 'list': {
        const listId = nextListId++
        for (const item of node.children) visitItem(item, listDepth + 1, node.ordered === true, listId)
        return
      }
      case 'blockquote':
        for (const child of node.children) visit(child, listDepth)
        return
      case 'table':
        blocks.push(tableBlock(node, line(node), lineOffset, text))
        return
      default:
        return
    }
  }

  const visitItem = (item: ListItem, depth: number, ordered: boolean, listId: number): void => {
    const [first, ...rest] = item.children
    const firstIsText = first !== undefined && (first.type === 'paragraph' || first.type === 'heading')
    blocks.push({
      kind: 'item',
      text: firstIsText ? toString(first) : '',
      raw: firstIsText ? raw(first) : '',
      line: line(item),
      depth,
      checked: item.checked ?? null,
      ordered,
      listId,
    })
    for (const child of firstIsText ? rest : item.children) visit(child, depth)
  }

  for (const node of root.children) visit(node, 0)
  return blocks
}

function tableBlock(node: Table, line: number, lineOffset: number, source: string): TableBlock {
  const rawOf = (cell: Table['children'][number]['children'][number]): string => {
    const start = cell.position?.start.offset
    const end = cell.position?.end.offset
    return start === undefined || end === undefined ? toString(cell) : source.slice(start, end).replace(/^\s*\|?\s*|\s*\|?\s*$/g, '')
  }
  return {
    kind: 'table',
    line,
    rows: node.children.map((row) => ({
      cells: row.children.map((cell) => bounded(toString(cell), 400)),
      raw: row.children.map((cell) => bounded(rawOf(cell), 600)),
      line: (row.position?.start.line ?? line - lineOffset) + lineOffset,
    })),
  }
}

export function buildSections(blocks: Block[], lastLine: number): Section {
  const root: Section = { heading: null, depth: 0, line: 1, lineEnd: lastLine, blocks: [], children: [], parent: null }
  const stack: Section[] = [root]
  for (const original of blocks) {
    const block = asPseudoHeading(original, realDepth(stack)) ?? original
    if (block.kind !== 'heading') {
      stack[stack.length - 1].blocks.push(block)
      continue
    }
    while (stack.length > 1 && stack[stack.length - 1].depth >= block.depth) {
      const closed = stack.pop() as Section
      closed.lineEnd = block.line - 1
    }
    const parent = stack[stack.length - 1]
    const section: Section = { heading: block, depth: block.depth, line: block.line, lineEnd: lastLine, blocks: [], children: [], parent }
    parent.children.push(section)
    stack.push(section)
  }
  return root
}

function realDepth(stack: Section[]): number {
  for (let index = stack.length - 1; index >= 0; index--) if (!stack[index].heading?.pseudo) return stack[index].depth
  return 0
}

/**
 * "**Week 3**" or "**Phase 1: Setup**" alone on a line acts as a heading one half-level below the
 * real heading it sits under, so consecutive ones are siblings and a real heading closes them.
 */
function asPseudoHeading(block: Block, depth: number): HeadingBlock | null {
  if (block.kind !== 'paragraph' || block.listDepth > 0 || block.raw.includes('\n')) return null
  const match = /^\s*(?:\*\*|__)([^*_\n]{2,160})(?:\*\*|__)\s*$/.exec(block.raw)
  if (!match || /:\s*$/.test(match[1])) return null
  if (!isStructuralTitle(match[1])) return null
  return { kind: 'heading', depth: depth + 0.5, text: match[1].trim(), raw: block.raw, line: block.line, pseudo: true }
}

/** Every block of a section and its descendants, in document order (headings of sub-sections included). */
export function allBlocks(section: Section): Block[] {
  const out: Block[] = []
  const walk = (node: Section): void => {
    if (node.heading && node !== section) out.push(node.heading)
    out.push(...node.blocks)
    for (const child of node.children) walk(child)
  }
  walk(section)
  return out
}

export function descendants(section: Section): Section[] {
  const out: Section[] = []
  const walk = (node: Section): void => {
    for (const child of node.children) {
      out.push(child)
      walk(child)
    }
  }
  walk(section)
  return out
}
