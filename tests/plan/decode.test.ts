import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { decodePlanBytes } from '../../src/main/plan/decode'
import { repairMojibake } from '../../src/main/plan/mojibake'

const PLAN = '# Plan café\n\n## Phase 1: Start (Week 1)\n\n### 1.1 Set up CI — “fast” ✅ (4h)\n- [x] Add `ci.yml`\n'

function parsed(bytes: Uint8Array) {
  const outcome = parsePlanBytes(bytes)
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome.plan
}

describe('bytes to text', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 LE/BE with a BOM', () => {
    const utf8 = Buffer.from(PLAN, 'utf8')
    const cases: Array<[Uint8Array, string]> = [
      [utf8, 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8-bom'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(PLAN, 'utf-16le')]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(PLAN, 'utf-16be')]), 'utf-16be'],
    ]
    for (const [bytes, encoding] of cases) {
      const plan = parsed(bytes)
      expect(plan.encoding).toBe(encoding)
      expect(plan.title).toBe('Plan café')
      expect(plan.tasks[0]).toMatchObject({
        key: '1.1',
        title: 'Set up CI — “fast”',
        estimateHours: 4,
        claimedDone: true,
      })
    }
  })

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    const plan = parsed(iconv.encode(PLAN.replace(' ✅', ''), 'win1252'))
    expect(plan.encoding).toBe('windows-1252')
    expect(plan.title).toBe('Plan café')
    expect(plan.tasks[0].title).toBe('Set up CI — “fast”')
  })

  it('handles CRLF, tabs and non-breaking spaces', () => {
    const text = '# T\r\n\r\n### 1.\u00a0Write\u00a0docs\t(2h)\r\n-\t[ ] Draft `docs/a.md`\r\n'
    const plan = parsed(Buffer.from(text, 'utf8'))
    expect(plan.tasks[0]).toMatchObject({ title: 'Write docs', estimateHours: 2, line: 3 })
    expect(plan.tasks[0].files).toEqual([expect.objectContaining({ path: 'docs/a.md', line: 4 })])
  })
})

describe('mojibake repair', () => {
  const original = '# Launch 🚀 plan — it’s “done” ✅ ⚠️ café\n'
  // Mac converters write MacRoman 0xF0 as U+F8FF; Windows-1252 converters drop its undefined bytes
  const asMojibake = (encoding: string) =>
    iconv.decode(Buffer.from(original, 'utf8'), encoding).replaceAll('\ufffd', encoding === 'macintosh' ? '\uf8ff' : '')

  it('undoes UTF-8 read as MacRoman and as Windows-1252', () => {
    for (const [encoding, codePage] of [
      ['macintosh', 'MacRoman'],
      ['win1252', 'Windows-1252'],
    ]) {
      const broken = asMojibake(encoding)
      expect(broken).not.toBe(original)
      const result = repairMojibake(broken)
      expect(result.codePage).toBe(codePage)
      expect(result.text).toBe(original)
      expect(result.repairs.every((repair) => repair.line === 1)).toBe(true)
    }
  })

  it('leaves clean text, and legitimate accented text, alone', () => {
    for (const clean of ['Plain ASCII text\n', 'Crème brûlée à la carte, naïve façade, Ångström\n', original]) {
      expect(repairMojibake(clean)).toEqual({ text: clean, repairs: [], codePage: null })
    }
  })

  it('reads accented letters alone (no emoji, no quotes) by the code page that yields letters, not combining marks', () => {
    // "é" read as Windows-1252 is "Ã©"; the same two characters read back as MacRoman form U+0329, a combining mark
    for (const word of ['Déploiement du café', 'Überprüfung der Straße', 'Revisão da migração', 'naïve résumé'])
      expect(repairMojibake(iconv.decode(Buffer.from(word, 'utf8'), 'win1252'))).toMatchObject({
        text: word,
        codePage: 'Windows-1252',
      })
  })

  it('completes a sequence that lost its undefined Windows-1252 byte, best effort', () => {
    // ⚠️ is E2 9A A0 EF B8 8F; 0x8F is undefined in Windows-1252 and was dropped
    const result = repairMojibake('## âš\u00a0ï¸ HIGH PRIORITY\n')
    expect(result.text).toBe('## ⚠️ HIGH PRIORITY\n')
    expect(result.repairs.map((repair) => repair.kind)).toEqual(['mojibake-win1252', 'mojibake-win1252-lost-byte'])
  })

  it('is recorded on the plan with a warning', () => {
    const plan = parsed(
      Buffer.from(iconv.decode(Buffer.from(PLAN, 'utf8'), 'macintosh').replaceAll('\ufffd', '\uf8ff'), 'utf8'),
    )
    expect(plan.title).toBe('Plan café')
    expect(plan.tasks[0].title).toBe('Set up CI — “fast”')
    expect(plan.repairs.length).toBeGreaterThan(0)
    expect(plan.warnings.map((warning) => warning.code)).toContain('mojibake-repaired')
  })
})

describe('decodePlanBytes errors', () => {
  it('rejects NUL bytes, control-character soup, empty and whitespace-only input', () => {
    expect(decodePlanBytes(Uint8Array.from([0x23, 0x20, 0x00, 0x41]))).toMatchObject({ ok: false, code: 'binary' })
    expect(decodePlanBytes(Uint8Array.from({ length: 400 }, (_, index) => (index * 7) % 32))).toMatchObject({
      ok: false,
      code: 'binary',
    })
    expect(decodePlanBytes(new Uint8Array())).toMatchObject({ ok: false, code: 'empty' })
    expect(decodePlanBytes(Buffer.from(' \n\t\r\n'))).toMatchObject({ ok: false, code: 'empty' })
  })
})
