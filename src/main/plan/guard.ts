import type { PlanWarning } from '../../shared/plan-model'

/**
 * Defuses input that would make the markdown parser slow (it is quadratic in nesting depth)
 * and reports structural problems: very long lines, deep nesting, unclosed code fences.
 * Line count is preserved so line numbers stay valid.
 */

/** Longer lines are cut to this length before parsing (the parser is superlinear on some inline runs). */
export const LONG_LINE = 4_000
const MAX_INDENT = 20
const MAX_QUOTE_DEPTH = 6

export type GuardResult = { text: string; warnings: PlanWarning[] }

export function guardMarkdown(text: string): GuardResult {
  const warnings: PlanWarning[] = []
  const lines = text.split('\n')
  let longLines = 0
  let deepLines = 0
  let openFence: { marker: string; line: number } | null = null
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]
    if (line.length > LONG_LINE) {
      if (longLines === 0)
        warnings.push(
          warning(
            'long-line',
            `Line ${index + 1} is ${line.length} characters long; only its first ${LONG_LINE} characters are read.`,
            index + 1,
          ),
        )
      longLines++
      line = line.slice(0, LONG_LINE)
      lines[index] = line
    }
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line.length > 200 ? line.slice(0, 200) : line)
    if (fence) {
      if (openFence === null) openFence = { marker: fence[1], line: index + 1 }
      else if (fence[1][0] === openFence.marker[0] && fence[1].length >= openFence.marker.length) openFence = null
      continue
    }
    if (openFence !== null) continue
    const flattened = flattenNesting(line)
    if (flattened !== line) {
      if (deepLines === 0)
        warnings.push(
          warning('deep-nesting', `Line ${index + 1} is nested too deeply; deep levels were flattened.`, index + 1),
        )
      deepLines++
      line = flattened
      lines[index] = line
    }
  }
  if (openFence !== null) {
    warnings.push(
      warning(
        'unclosed-code-fence',
        `The code fence opened on line ${openFence.line} is never closed; the rest of the file is read as code.`,
        openFence.line,
      ),
    )
  }
  if (longLines > 1)
    warnings.push(warning('long-line', `${longLines} lines are longer than ${LONG_LINE} characters.`, null))
  return { text: deepLines > 0 || longLines > 0 ? lines.join('\n') : text, warnings }
}

function flattenNesting(line: string): string {
  const prefix = /^[ \t>]*/.exec(line)?.[0] ?? ''
  if (prefix.length <= MAX_INDENT) return line
  let quoteDepth = 0
  let indent = 0
  for (const ch of prefix) {
    if (ch === '>') quoteDepth++
    else indent += ch === '\t' ? 4 : 1
  }
  if (quoteDepth <= MAX_QUOTE_DEPTH && indent <= MAX_INDENT) return line
  const quotes = '> '.repeat(Math.min(quoteDepth, MAX_QUOTE_DEPTH))
  return `${quotes}${' '.repeat(Math.min(indent, MAX_INDENT))}${line.slice(prefix.length)}`
}

export function warning(
  code: string,
  message: string,
  line: number | null,
  taskKey: string | null = null,
): PlanWarning {
  return { code, message, line, taskKey }
}
