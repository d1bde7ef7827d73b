import { describe, expect, it } from 'vitest'
import { textReading } from '../../src/shared/text-reading'

describe('how the plan text was read, as the import preview says it', () => {
  it('names the encoding assumed for a file that is not UTF-8', () => {
    expect(textReading({ encoding: 'windows-1252', repairs: [] })).toEqual({
      encoding: 'Read as Windows-1252: the file is not valid UTF-8, so Windows-1252 was assumed.',
      assumed: true,
      repairs: null,
    })
  })

  it('says what mojibake was repaired, with the code page and an example', () => {
    const reading = textReading({
      encoding: 'utf-8',
      repairs: [
        { line: 7, kind: 'mojibake-macintosh', before: 'Ã©', after: 'é' },
        { line: 9, kind: 'mojibake-macintosh-lost-byte', before: 'â€', after: '—' },
      ],
    })
    expect(reading).toEqual({
      encoding: 'Read as UTF-8.',
      assumed: false,
      repairs:
        'Repaired 2 character sequences garbled by an earlier MacRoman conversion (mojibake), e.g. “Ã©” → “é” on line 7.',
    })
  })
})
