import type { ParsedPlan } from './plan-model'

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with a byte-order mark)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
}

const CODE_PAGE_NAMES: Record<string, string> = { win1252: 'Windows-1252', macintosh: 'MacRoman' }

/** The code page a mojibake repair undid, from its kind (`mojibake-win1252`, `mojibake-macintosh-lost-byte`). */
function codePageOf(kind: string): string | null {
  const label = /^mojibake-([a-z0-9]+)/.exec(kind)?.[1]
  return label ? (CODE_PAGE_NAMES[label] ?? label) : null
}

/**
 * How the plan's bytes became text, said the same way in the import preview and `readiness parse`: the encoding the
 * reader assumed (a file that is not UTF-8 is read as Windows-1252) and the mis-decoded sequences it repaired.
 */
export function textReading(plan: Pick<ParsedPlan, 'encoding' | 'repairs'>): {
  encoding: string
  /** the file was not plain UTF-8: the lead should check accents and symbols */
  assumed: boolean
  /** null when nothing was repaired */
  repairs: string | null
} {
  const name = ENCODING_NAMES[plan.encoding] ?? plan.encoding
  const assumed = !plan.encoding.startsWith('utf-')
  const encoding = assumed
    ? `Read as ${name}: the file is not valid UTF-8, so ${name} was assumed.`
    : `Read as ${name}.`
  if (plan.repairs.length === 0) return { encoding, assumed, repairs: null }
  const first = plan.repairs[0]
  const pages = [...new Set(plan.repairs.map((repair) => codePageOf(repair.kind)).filter((page) => page !== null))]
  const count = plan.repairs.length
  const what = `${count} character sequence${count === 1 ? '' : 's'} garbled`
  const by = pages.length > 0 ? ` by an earlier ${pages.join(' / ')} conversion` : ''
  const example = `e.g. “${first.before}” → “${first.after}” on line ${first.line}`
  return { encoding, assumed, repairs: `Repaired ${what}${by} (mojibake), ${example}.` }
}
