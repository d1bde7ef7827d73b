/** Small text helpers shared by the importer. Inputs are bounded so regexes stay linear. */

export const MAX_SCAN = 2000

export function bounded(text: string, limit = MAX_SCAN): string {
  return text.length > limit ? text.slice(0, limit) : text
}

/** pictographs, regional indicators, skin-tone modifiers, variation selectors, ZWJ and the keycap mark: one code point each */
const PICTOGRAPHS =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u200D|\u20E3/gu

/**
 * Every code point PICTOGRAPHS removes lies in these ranges (a superset: ©, ®, ‼, ⁉, U+2070–U+2BFF, the CJK marks,
 * selectors, ZWJ, the keycap and the astral planes); a title with none of them — plain text with dashes and dots —
 * skips the Unicode-property scan.
 */
const MAY_HOLD_PICTOGRAPH =
  /[\u00A9\u00AE\u203C\u2049\u2070-\u2BFF\u3030\u303D\u3297\u3299\uD800-\uDBFF]|\uFE0E|\uFE0F|\u200D|\u20E3/

export function stripEmoji(text: string): string {
  return MAY_HOLD_PICTOGRAPH.test(text) ? text.replace(PICTOGRAPHS, '') : text
}

/** The plan marks an item done in its heading: ✅ ✔ ☑ [x] or a trailing (done). */
export function headingClaimsDone(raw: string): boolean {
  const text = bounded(raw)
  return /[✅✔☑]|\[x\]|\((?:done|complete[d]?)\)\s*$/iu.test(text)
}

/** Display text: no markdown emphasis, emoji or checkbox marks, collapsed whitespace. */
export function cleanText(raw: string): string {
  return stripEmoji(bounded(raw, 4 * MAX_SCAN))
    .replace(/\[[ xX]\]/g, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

export function cleanTitle(raw: string): string {
  return cleanText(raw)
    .replace(/^[\s:–—-]+/, '')
    .replace(/[\s:–—-]+$/, '')
}

export function slugify(text: string, maxLength = 60): string {
  const slug = bounded(text, 400)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    // a sign before a number is meaning, not punctuation: "T+24h" and "T-24h" are different moments
    .replace(/\+(?=\d)/g, ' plus ')
    // letters of any script stay ("検証", "задача"), so a plan in another language keeps readable keys
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug || 'item'
  const cut = slug.slice(0, maxLength + 1)
  const boundary = cut.lastIndexOf('-')
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : cut.slice(0, maxLength)).replace(/-+$/, '') || 'item'
}

/** Words that tell no piece of work from another: articles, prepositions, conjunctions, "is"/"are"/"be", "all", "add". */
export const FUNCTION_WORDS: readonly string[] = [
  'a',
  'an',
  'the',
  'to',
  'of',
  'for',
  'and',
  'or',
  'with',
  'in',
  'on',
  'at',
  'by',
  'from',
  'into',
  'all',
  'add',
  'is',
  'are',
  'be',
  'as',
  'via',
]

const STOPWORDS = new Set([
  ...FUNCTION_WORDS,
  'it',
  'its',
  'this',
  'that',
  // units of time say when, not what
  'h',
  'hours',
  'hour',
  'day',
  'days',
  'week',
  'weeks',
])

/** Lowercase significant words, crude plural folding ("checks" -> "check"). */
export function tokenize(text: string): string[] {
  const words = bounded(text, 600)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
  const tokens: string[] = []
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue
    tokens.push(word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word)
  }
  return tokens
}

export function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length >= 3 && b.length >= 3) return a.startsWith(b) || b.startsWith(a)
  return false
}

/** Initials of a title's words ("Application Performance Monitoring" -> "apm"). */
export function initials(text: string): string {
  return bounded(text, 400)
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0 && !STOPWORDS.has(word.toLowerCase()))
    .map((word) => word[0].toLowerCase())
    .join('')
}
