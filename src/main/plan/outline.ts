import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { bounded } from './text'
import { isStructuralTitle } from './grammar/title'
import { blankFrontMatter } from './front-matter'
import { repairPipeTables } from './table-repair'

/**
 * The markdown flattened into blocks in document order, grouped into a heading tree. markdown-it's
 * block tokens carry source line ranges and their inline source, so backticks and bold labels survive
 * for later passes; it reads a megabyte of tables or lists in well under a second (linear time).
 */

/** pseudo: a paragraph that is only bold text with a schedule, phase, ID or estimate ("**Week 3**") */
export type HeadingBlock = { kind: 'heading'; depth: number; text: string; raw: string; line: number; pseudo?: boolean }
export type ParagraphBlock = {
  kind: 'paragraph'
  text: string
  raw: string
  line: number
  lineEnd: number
  listDepth: number
}
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
export type CodeBlockNode = {
  kind: 'code'
  lang: string | null
  text: string
  line: number
  lineEnd: number
  listDepth: number
}
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

// html off: a plan's inline HTML stays text; linkify and typographer off: text is read as written
const markdown = MarkdownIt('default', { html: true, linkify: false, typographer: false })

const TASK_BOX = /^\[([ xX])\](?:\s+|$)/

export function parseBlocks(text: string): Block[] {
  return flattenTokens(markdown.parse(repairPipeTables(blankFrontMatter(text)), {}))
}

let nextListId = 1

type Frame = { depth: number; ordered: boolean; listId: number }

/** Block tokens to blocks: headings, paragraphs, list items (with their checkbox), tables, code. */
export function flattenTokens(tokens: Token[]): Block[] {
  const flattener = new TokenFlattener(tokens)
  let index = 0
  while (index < tokens.length) index = flattener.read(index) + 1
  return flattener.finish()
}

type PendingItem = { line: number; frame: Frame }

class TokenFlattener {
  private readonly blocks: Block[] = []
  private readonly lists: Frame[] = []
  private pendingItem: PendingItem | null = null

  constructor(private readonly tokens: Token[]) {}

  /** Reads the token at `index` (and the ones it owns); returns the index of the last token it consumed. */
  read(index: number): number {
    const token = this.tokens[index]
    switch (token.type) {
      case 'heading_open':
        return this.readHeading(index)
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.lists.push({
          depth: this.lists.length + 1,
          ordered: token.type === 'ordered_list_open',
          listId: nextListId++,
        })
        return index
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.flushItem()
        this.lists.pop()
        return index
      case 'list_item_open':
        return this.readListItem(index)
      case 'list_item_close':
        this.flushItem()
        return index
      case 'paragraph_open':
        return this.readParagraph(index)
      case 'fence':
      case 'code_block':
        this.readCode(token)
        return index
      case 'table_open':
        return this.readTable(index)
      default:
        return index
    }
  }

  finish(): Block[] {
    this.flushItem()
    return this.blocks
  }

  private readHeading(index: number): number {
    const token = this.tokens[index]
    const inline = this.tokens[index + 1]
    this.blocks.push({
      kind: 'heading',
      depth: Number(token.tag.slice(1)),
      text: plainText(inline),
      raw: inline.content,
      line: lineOf(token),
    })
    return index + 2
  }

  private readListItem(index: number): number {
    this.flushItem()
    const item: PendingItem = { line: lineOf(this.tokens[index]), frame: this.lists[this.lists.length - 1] }
    // the item's own text is its first paragraph, when it starts with one
    if (this.tokens[index + 1]?.type !== 'paragraph_open') {
      this.pendingItem = item
      return index
    }
    this.pushItem(item, this.tokens[index + 2])
    return index + 3
  }

  private readParagraph(index: number): number {
    this.flushItem()
    const token = this.tokens[index]
    const inline = this.tokens[index + 1]
    this.blocks.push({
      kind: 'paragraph',
      text: plainText(inline),
      raw: inline.content,
      line: lineOf(token),
      lineEnd: lineEndOf(token),
      listDepth: this.lists.length,
    })
    return index + 2
  }

  private readCode(token: Token): void {
    this.flushItem()
    this.blocks.push({
      kind: 'code',
      lang: token.type === 'fence' ? token.info.trim().split(/\s+/)[0] || null : null,
      text: token.content.replace(/\n$/, ''),
      line: lineOf(token),
      lineEnd: lineEndOf(token),
      listDepth: this.lists.length,
    })
  }

  private readTable(index: number): number {
    this.flushItem()
    const end = this.tokens.findIndex((candidate, at) => at > index && candidate.type === 'table_close')
    this.blocks.push(
      tableBlock(this.tokens.slice(index, end === -1 ? this.tokens.length : end), lineOf(this.tokens[index])),
    )
    return end !== -1 ? end : index
  }

  private pushItem(item: PendingItem, inline: Token | null): void {
    const raw = inline?.content ?? ''
    const box = TASK_BOX.exec(raw)
    const ownRaw = box ? raw.slice(box[0].length) : raw
    const text = inline ? plainText(inline) : ''
    this.blocks.push({
      kind: 'item',
      text: box ? text.replace(TASK_BOX, '') : text,
      raw: ownRaw,
      line: item.line,
      depth: item.frame?.depth ?? 1,
      checked: box ? box[1] !== ' ' : null,
      ordered: item.frame?.ordered ?? false,
      listId: item.frame?.listId ?? 0,
    })
  }

  /** An item that opens with something other than a paragraph (a nested list, code) has no text of its own. */
  private flushItem(): void {
    if (!this.pendingItem) return
    const item = this.pendingItem
    this.pendingItem = null
    this.pushItem(item, null)
  }
}

function tableBlock(tokens: Token[], line: number): TableBlock {
  const rows: TableBlock['rows'] = []
  let row: TableBlock['rows'][number] | null = null
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.type === 'tr_open') row = { cells: [], raw: [], line: lineOf(token) }
    else if (token.type === 'tr_close' && row) {
      rows.push(row)
      row = null
    } else if ((token.type === 'th_open' || token.type === 'td_open') && row) {
      const inline = tokens[index + 1]?.type === 'inline' ? tokens[index + 1] : null
      row.cells.push(bounded(inline ? plainText(inline) : '', 400))
      row.raw.push(bounded(inline?.content ?? '', 600))
    }
  }
  return { kind: 'table', rows, line }
}

/** The text of an inline token without markdown (what a reader sees). */
function plainText(inline: Token | undefined): string {
  if (!inline?.children) return inline?.content ?? ''
  let out = ''
  for (const child of inline.children) {
    if (child.type === 'text' || child.type === 'code_inline') out += child.content
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out += '\n'
    else if (child.type === 'image') out += child.content
  }
  return out
}

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1
}

function lineEndOf(token: Token): number {
  return token.map?.[1] ?? lineOf(token)
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
    const section: Section = {
      heading: block,
      depth: block.depth,
      line: block.line,
      lineEnd: lastLine,
      blocks: [],
      children: [],
      parent,
    }
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
