/**
 * Pipe tables the way their author meant them, where strict markdown would drop them as text:
 * - a delimiter row with more or fewer cells than the header ("| A | B | C |" over "|---|---|"), which a
 *   spreadsheet export or a hand edit leaves behind, makes markdown-it read the whole table as a paragraph;
 * - a table wrapped in a block-level HTML tag with no blank line between ("<center>" then "| A | B |") is
 *   swallowed into the HTML block.
 * Both are repaired line for line (a delimiter row rewritten, a wrapper tag line blanked), so every line
 * number stays. Fenced code is left alone.
 */

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/
const WRAPPER_TAG = /^\s*<\/?(?:center|div|section|article|figure|main|aside|p|span|font|table-wrap)(?:\s[^<>]*)?>\s*$/i
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/

export function repairPipeTables(text: string): string {
  if (!text.includes('|') || !text.includes('-')) return text
  const lines = text.split('\n')
  let changed = false
  let inFence = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    if (FENCE.test(line)) inFence = !inFence
    if (inFence || !line.includes('-') || !line.includes('|') || !DELIMITER_ROW.test(line)) continue
    const header = index > 0 ? lines[index - 1] : ''
    if (!isPipeRow(header)) continue
    const wanted = cellCount(header)
    if (wanted > 1 && cellCount(line) !== wanted) {
      lines[index] = `|${' --- |'.repeat(wanted)}`
      changed = true
    }
    if (index >= 2 && WRAPPER_TAG.test(lines[index - 2])) {
      lines[index - 2] = ''
      changed = true
    }
  }
  return changed ? lines.join('\n') : text
}

function isPipeRow(line: string): boolean {
  return line.includes('|') && !DELIMITER_ROW.test(line) && /\S/.test(line.replace(/\|/g, ''))
}

/** Cells of a pipe row: split on pipes that are not escaped and not inside backticks. */
function cellCount(line: string): number {
  let trimmed = line.trim()
  if (trimmed.startsWith('|')) trimmed = trimmed.slice(1)
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) trimmed = trimmed.slice(0, -1)
  let count = 1
  let inCode = false
  for (let at = 0; at < trimmed.length; at++) {
    const char = trimmed[at]
    if (char === '`') inCode = !inCode
    else if (char === '\\') at++
    else if (char === '|' && !inCode) count++
  }
  return count
}
