import iconv from 'iconv-lite'
import type { Repair } from '../../shared/plan-model'

/**
 * Repairs UTF-8 text that was once decoded as a single-byte code page (MacRoman or
 * Windows-1252) and re-encoded: each mojibake character maps back to one byte, and a run of
 * such bytes that forms a valid multi-byte UTF-8 sequence is replaced by what it encodes.
 * Windows-1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); converters often drop
 * them, so a sequence one continuation byte short is completed best-effort.
 */

type CodePage = { name: string; label: 'macintosh' | 'win1252'; charToByte: Map<string, number>; droppable: number[] }

const CODE_PAGES: CodePage[] = [
  buildCodePage('macintosh', []),
  buildCodePage('win1252', [0x81, 0x8d, 0x8f, 0x90, 0x9d]),
]

function buildCodePage(label: 'macintosh' | 'win1252', droppable: number[]): CodePage {
  const charToByte = new Map<string, number>()
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const ch = iconv.decode(Buffer.from([byte]), label)
    if (ch.length === 1 && ch !== '\ufffd') charToByte.set(ch, byte)
  }
  // iconv-lite leaves MacRoman 0xF0 (the Apple logo, U+F8FF) undefined; Mac converters use it.
  if (label === 'macintosh') charToByte.set('\uf8ff', 0xf0)
  return { name: label === 'macintosh' ? 'MacRoman' : 'Windows-1252', label, charToByte, droppable }
}

/** Emoji commonly used in plans: the tie-breaker when a dropped byte leaves several candidates. */
const COMMON_PLAN_SYMBOLS = '📝📋📊📈🎯🚀✅⚠️❌🔴🟠🟡🟢📁📞📚🚨💡🔧🛠️⭐'

const utf8Strict = new TextDecoder('utf-8', { fatal: true })

export type MojibakeResult = { text: string; repairs: Repair[]; codePage: string | null }

export function repairMojibake(text: string): MojibakeResult {
  let best: MojibakeResult = { text, repairs: [], codePage: null }
  let bestScore = { plausible: 0, repairs: 0 }
  for (const page of CODE_PAGES) {
    const attempt = repairWith(text, page)
    const score = { plausible: attempt.repairs.filter(isPlausibleRepair).length, repairs: attempt.repairs.length }
    const better =
      score.plausible > bestScore.plausible ||
      (score.plausible === bestScore.plausible && score.repairs > bestScore.repairs)
    if (better) {
      best = attempt
      bestScore = score
    }
  }
  return best
}

/**
 * A repair whose result a writer could have typed: it starts with a letter, digit, punctuation, symbol or space. A
 * lone combining mark or a control character is what the wrong code page makes of the same bytes ("Ã©", é read as
 * Windows-1252, is a combining mark when read as MacRoman), so the page with more plausible repairs wins.
 */
function isPlausibleRepair(repair: Repair): boolean {
  return /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(repair.after)
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x80 && byte <= 0xbf

function decodeStrict(bytes: number[]): string | null {
  try {
    const out = utf8Strict.decode(Uint8Array.from(bytes))
    return out.length > 0 && !out.includes('\ufffd') ? out : null
  } catch {
    return null
  }
}

const NON_ASCII = /[^\x00-\x7f]/g

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++
  return count
}

function repairWith(text: string, page: CodePage): MojibakeResult {
  const repairs: Repair[] = []
  let out = ''
  let line = 1
  let i = 0
  let copiedUpTo = 0
  let linesCountedTo = 0
  while (i < text.length) {
    // every mojibake character is beyond ASCII: jump to the next one, counting the lines passed
    NON_ASCII.lastIndex = i
    const found = NON_ASCII.exec(text)
    if (!found) break
    i = found.index
    line += countNewlines(text, linesCountedTo, i)
    linesCountedTo = i
    const ch = text[i]
    const lead = page.charToByte.get(ch)
    const need = lead === undefined ? 0 : sequenceLength(lead)
    if (need === 0) {
      i++
      continue
    }
    const bytes = [lead as number]
    let j = i + 1
    while (bytes.length < need && j < text.length) {
      const next = page.charToByte.get(text[j])
      if (!isContinuation(next)) break
      bytes.push(next as number)
      j++
    }
    let repaired: string | null = null
    let kind = `mojibake-${page.label}`
    if (bytes.length === need) repaired = decodeStrict(bytes)
    else if (bytes.length === need - 1 && bytes.length >= 2 && page.droppable.length > 0) {
      repaired = completeDroppedByte(bytes, page.droppable)
      kind = `mojibake-${page.label}-lost-byte`
    }
    if (repaired === null) {
      i++
      continue
    }
    out += text.slice(copiedUpTo, i) + repaired
    repairs.push({ line, kind, before: text.slice(i, j), after: repaired })
    i = j
    copiedUpTo = j
  }
  if (repairs.length === 0) return { text, repairs, codePage: null }
  return { text: out + text.slice(copiedUpTo), repairs, codePage: page.name }
}

/** Try the dropped byte at each position; prefer a variation selector, symbols plans commonly use, punctuation. */
function completeDroppedByte(bytes: number[], droppable: number[]): string | null {
  const candidates: string[] = []
  for (let position = bytes.length; position >= 1; position--) {
    for (const missing of droppable) {
      const attempt = [...bytes.slice(0, position), missing, ...bytes.slice(position)]
      const decoded = decodeStrict(attempt)
      if (decoded !== null && !candidates.includes(decoded)) candidates.push(decoded)
    }
  }
  if (candidates.length === 0) return null
  const score = (candidate: string): number => {
    const codePoint = candidate.codePointAt(0) ?? 0
    if (codePoint === 0xfe0f) return 5
    const common = COMMON_PLAN_SYMBOLS.indexOf(candidate)
    if (common >= 0) return 3 + (COMMON_PLAN_SYMBOLS.length - common) / COMMON_PLAN_SYMBOLS.length
    if ('”’“‘–—•…'.includes(candidate)) return 2.5
    if (codePoint >= 0x2010 && codePoint <= 0x2027) return 2
    if ((codePoint >= 0x1f300 && codePoint <= 0x1faff) || (codePoint >= 0x2600 && codePoint <= 0x27bf)) return 1
    return 0
  }
  return candidates.reduce((best, candidate) => (score(candidate) > score(best) ? candidate : best))
}
