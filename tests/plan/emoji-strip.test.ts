import { describe, expect, it } from 'vitest'
import { stripEmoji } from '../../src/main/plan/text'

describe('stripping emoji from titles', () => {
  it('removes every pictograph, selector, ZWJ and keycap mark in Unicode, and keeps dashes and dots', () => {
    const pictograph =
      /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u200D|\u20E3/u
    const kept: string[] = []
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCodePoint(code)
      if (pictograph.test(char) && stripEmoji(`a${char}b`) !== 'ab') kept.push(code.toString(16))
    }
    expect(kept).toEqual([])
    expect(stripEmoji('Task 1 — wire the queue · wk 2 ✅')).toBe('Task 1 — wire the queue · wk 2 ')
  })
})
