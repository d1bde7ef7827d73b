import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PdfExport } from '../../src/shared/contract/report'
import { callOk, createTestCore, type TestCore } from '../support/core'
import { ensureRendererBuilt, pdfPages, pdfText } from './support'
import { rowMarkers, syntheticPlan } from './synthetic-plan'

const TASKS = 300
let core: TestCore
let planId: number

beforeAll(async () => {
  ensureRendererBuilt()
  core = createTestCore()
  const source = { name: 'synthetic.md', base64: Buffer.from(syntheticPlan(TASKS)).toString('base64') }
  planId = (await callOk<{ planId: number }>(core, 'plans.import', { source })).planId
}, 120_000)

afterAll(() => core?.dispose())

describe('a 300-task report', () => {
  it('keeps every table row whole on one page (as of after the plan: all 300 rows are overdue)', async () => {
    const path = join(core.dir, 'large.pdf')
    const result = await callOk<PdfExport>(core, 'report.exportPdf', {
      planId,
      asOf: '2025-04-01',
      path,
      paper: 'Letter',
    })
    const pages = pdfPages(path)
    expect(result).toMatchObject({ path, pages, base64: null })
    expect(pages).toBeGreaterThan(5)
    const pageTexts = Array.from({ length: pages }, (_, index) => pdfText(path, { page: index + 1, layout: true }))
    // page 1 is the executive page: it names the three biggest risks, so three titles appear there too
    const pagesWith = (text: string) =>
      pageTexts.flatMap((pageText, index) => (index > 0 && pageText.includes(text) ? [index + 1] : []))
    const split: number[] = []
    for (let n = 1; n <= TASKS; n++) {
      const { start, end } = rowMarkers(n)
      const startPages = pagesWith(start)
      expect(startPages, start).toHaveLength(1)
      if (pagesWith(end).join() !== startPages.join()) split.push(n)
    }
    expect(split).toEqual([])
    // the rows' titles really do wrap, so a split would have been possible
    expect(pageTexts.join('\n')).toMatch(/ROWSTART001[^\n]*\n[^\n]*ROWEND001/)
  })

  it('returns the PDF as base64 when no path is given (browser download)', async () => {
    const result = await callOk<PdfExport>(core, 'report.exportPdf', { planId, asOf: '2025-01-08', paper: 'A4' })
    expect(result.path).toBeNull()
    expect(result.fileName).toBe('Synthetic-Readiness-Plan-status-2025-01-08.pdf')
    const bytes = Buffer.from(result.base64!, 'base64')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.byteLength).toBe(result.bytes)
    expect(result.pages).toBeGreaterThanOrEqual(2)
  })

  it('refuses a relative export path', async () => {
    const answer = await core.dispatch('report.exportCsv', { planId, path: 'relative.csv' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    const csv = await callOk<{ content: string; path: null }>(core, 'report.exportCsv', { planId, asOf: '2025-01-08' })
    expect(csv.content.split('\r\n')).toHaveLength(TASKS + 2)
  })
})
