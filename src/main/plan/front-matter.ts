/**
 * YAML front matter ("---" / "key: value" lines / "---" at the very top) is metadata, not markdown: left in, the
 * closing "---" would turn its last line into a heading. It is blanked line for line so every line number stays.
 */
const MAX_FRONT_MATTER_LINES = 200

export function blankFrontMatter(text: string): string {
  if (!/^---[ \t]*\r?\n/.test(text)) return text
  const lines = text.split('\n')
  const end = lines.findIndex(
    (line, index) => index > 0 && index <= MAX_FRONT_MATTER_LINES && /^(?:---|\.\.\.)[ \t]*\r?$/.test(line),
  )
  if (end < 2) return text
  const body = lines.slice(1, end)
  const yamlish = body.every(
    (line) =>
      line.trim() === '' ||
      /^\s*#/.test(line) ||
      /^\s*[\w.-]+\s*:/.test(line) ||
      /^\s+\S/.test(line) ||
      /^\s*-\s/.test(line),
  )
  if (!yamlish) return text
  return [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n')
}
