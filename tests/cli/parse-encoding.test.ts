import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'

const dir = mkdtempSync(join(tmpdir(), 'readiness-encoding-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readiness parse: the encoding', () => {
  it('says a file that is not UTF-8 was read as Windows-1252, and nothing for a UTF-8 one', () => {
    const plan = '# Plan\n\nStart: 2026-01-05\n\n## Week 1\n\n### 1.1 Caf\u00e9 fix (2h)\n'
    writeFileSync(join(dir, 'latin.md'), Buffer.from(plan, 'latin1'))
    writeFileSync(join(dir, 'utf8.md'), plan)
    const latin = runCli(['parse', join(dir, 'latin.md')])
    expect(latin.status, latin.stderr).toBe(0)
    expect(latin.stdout).toContain('Read as Windows-1252: the file is not valid UTF-8, so Windows-1252 was assumed.')
    const utf8 = runCli(['parse', join(dir, 'utf8.md')])
    expect(utf8.stdout).not.toContain('Read as')
  })
})
