import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PdfExport } from '../../src/shared/contract/report'
import type { HeadlessPdfPort } from '../../src/main/printers/chromium-printer'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { SEED_004 } from '../integration/seed-004-fixture'
import { ensureRendererBuilt, pdfPages, pdfText } from './support'

let core: TestCore
let planId: number
let launches: string
const savedPath = process.env.CHROMIUM_PATH

/** The printer's profile folders in the temp dir (each Chromium it starts gets one; it removes it on close). */
function profileDirs(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('readiness-chromium-'))
}

beforeAll(async () => {
  ensureRendererBuilt()
  core = createTestCore()
  // a Chromium that notes each start, so the test sees how many browsers the printer launched
  launches = join(core.dir, 'launches.log')
  const wrapper = join(core.dir, 'chromium-counting.sh')
  writeFileSync(wrapper, `#!/bin/sh\necho start >> '${launches}'\nexec '${savedPath ?? '/usr/bin/chromium'}' "$@"\n`)
  chmodSync(wrapper, 0o755)
  process.env.CHROMIUM_PATH = wrapper
  planId = (await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } })).planId
}, 60_000)

afterAll(() => {
  process.env.CHROMIUM_PATH = savedPath
  core?.dispose()
})

const starts = () => (existsSync(launches) ? readFileSync(launches, 'utf8').trim().split('\n').length : 0)

describe('the headless printer', () => {
  it('prints again on the same browser and page', async () => {
    const before = profileDirs()
    const first = await callOk<PdfExport>(core, 'report.exportPdf', {
      planId,
      asOf: '2024-12-27',
      path: join(core.dir, 'a.pdf'),
    })
    const second = await callOk<PdfExport>(core, 'report.exportPdf', {
      planId,
      asOf: '2024-12-20',
      path: join(core.dir, 'b.pdf'),
      paper: 'Letter',
    })
    expect(starts()).toBe(1)
    expect(first.pages).toBe(pdfPages(join(core.dir, 'a.pdf')))
    expect(pdfText(join(core.dir, 'a.pdf'))).toContain('Status as of 2024-12-27')
    expect(pdfText(join(core.dir, 'b.pdf'))).toContain('Status as of 2024-12-20')
    expect(second.pages).toBeGreaterThanOrEqual(2)
    // one profile folder while the browser is kept for the next print
    expect(profileDirs().filter((name) => !before.includes(name))).toHaveLength(1)
    await core.context.pdf!.print({ planId, asOf: '2024-12-27', paper: 'A4', title: 'again' })
    expect(starts()).toBe(1)
  }, 60_000)

  it('removes profile folders left by hosts that are gone, and keeps those of running ones', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    const stale = join(tmpdir(), `readiness-chromium-${gone}-test`)
    const live = join(tmpdir(), `readiness-chromium-${process.ppid}-test`)
    mkdirSync(join(stale, 'Default'), { recursive: true })
    mkdirSync(live, { recursive: true })
    try {
      await (core.context.pdf as HeadlessPdfPort).close()
      await callOk<PdfExport>(core, 'report.exportPdf', { planId, asOf: '2024-12-27', path: join(core.dir, 'd.pdf') })
      expect(existsSync(stale)).toBe(false)
      expect(existsSync(live)).toBe(true)
    } finally {
      rmSync(stale, { recursive: true, force: true })
      rmSync(live, { recursive: true, force: true })
    }
  }, 60_000)

  it('starts a new browser after the previous one was closed, and leaves no profile behind', async () => {
    const before = profileDirs()
    const port = core.context.pdf as HeadlessPdfPort
    await port.close()
    expect(profileDirs().length).toBeLessThan(before.length)
    const started = starts()
    await callOk<PdfExport>(core, 'report.exportPdf', { planId, asOf: '2024-12-27', path: join(core.dir, 'c.pdf') })
    expect(starts()).toBe(started + 1)
    await port.close()
    expect(profileDirs().filter((name) => !before.includes(name))).toEqual([])
  }, 60_000)
})
