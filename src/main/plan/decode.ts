import iconv from 'iconv-lite'

import { MAX_PLAN_BYTES } from '../../shared/plan-model'

export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; code: 'binary' | 'too-large' | 'empty' | 'unreadable'; message: string }

const utf8Strict = new TextDecoder('utf-8', { fatal: true })

/** Bytes to text: BOM (UTF-8, UTF-16 LE/BE), strict UTF-8, else Windows-1252. Never throws. */
export function decodePlanBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_PLAN_BYTES) {
    return {
      ok: false,
      code: 'too-large',
      message: `The file is ${(bytes.length / 1048576).toFixed(1)} MB; plans are limited to 20 MB.`,
    }
  }
  if (bytes.length === 0) return { ok: false, code: 'empty', message: 'The file is empty.' }

  let text: string
  let encoding: string
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      text = decodeUtf8(bytes.subarray(3))
      encoding = 'utf-8-bom'
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), 'utf-16le')
      encoding = 'utf-16le'
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), 'utf-16be')
      encoding = 'utf-16be'
    } else {
      if (bytes.includes(0)) return binaryError()
      try {
        text = utf8Strict.decode(bytes)
        encoding = 'utf-8'
      } catch {
        text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'win1252')
        encoding = 'windows-1252'
      }
    }
  } catch (error) {
    return { ok: false, code: 'unreadable', message: `The file could not be decoded: ${String(error)}` }
  }
  if (text.includes('\u0000')) return binaryError()
  if (looksBinary(text)) return binaryError()
  if (text.trim() === '') return { ok: false, code: 'empty', message: 'The file contains only whitespace.' }
  return { ok: true, text, encoding }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

function binaryError(): DecodeResult {
  return {
    ok: false,
    code: 'binary',
    message: 'The file looks binary (it contains NUL bytes or control characters), not a markdown plan.',
  }
}

/** Many C0 control characters (other than tab/newline/CR/form feed) mean this is not text. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) controls++
  }
  return controls > 8 && controls > sample.length / 100
}

export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** Non-breaking spaces to spaces: only after mojibake repair, which needs them as bytes. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007]/g, ' ')
}
