import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { toString } from 'mdast-util-to-string'
import type { Root, RootContent, ListItem, Table } from 'mdast'
import { bounded } from './text'

/**
 * The markdown AST flattened into blocks in document order, grouped into a heading tree.
 * Raw text comes from source offsets so backticks and bold labels survive for later passes.
 */

export type HeadingBlock = { kind: 'heading'; depth: number; text: string; raw: string; line: number }
export type ParagraphBlock = { kind: 'paragraph'; text: string; raw: string; line: number; lineEnd: number; listDepth: number }
export type ItemBlock = {
  kind: 'item'
  text: string
  raw: string
  line: number
  depth: number
  checked: boolean | null
  ordered: boolean
}
export type CodeBlockNode = { kind: 'code'; lang: string | null; text: string; line: number; lineEnd: number; listDepth: number }
export type TableBlock = { kind: 'table'; rows: Array<{ cells: string[]; line: number }>; line: number }
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
      case 'list':
        for (const item of node.children) visitItem(item, listDepth + 1, node.ordered === true)
        return
      case 'blockquote':
        for (const child of node.children) visit(child, listDepth)
        return
      case 'table':
        blocks.push(tableBlock(node, line(node), lineOffset))
        return
      default:
        return
    }
  }

  const visitItem = (item: ListItem, depth: number, ordered: boolean): void => {
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
    })
    for (const child of firstIsText ? rest : item.children) visit(child, depth)
  }

  for (const node of root.children) visit(node, 0)
  return blocks
}

function tableBlock(node: Table, line: number, lineOffset: number): TableBlock {
  return {
    kind: 'table',
    line,
    rows: node.children.map((row) => ({
      cells: row.children.map((cell) => bounded(toString(cell), 400)),
      line: (row.position?.start.line ?? line - lineOffset) + lineOffset,
    })),
  }
}

export function buildSections(blocks: Block[], lastLine: number): Section {
  const root: Section = { heading: null, depth: 0, line: 1, lineEnd: lastLine, blocks: [], children: [], parent: null }
  const stack: Section[] = [root]
  let current = root
  for (const block of blocks) {
    if (block.kind !== 'heading') {
      current.blocks.push(block)
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
    current = section
  }
  return root
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
