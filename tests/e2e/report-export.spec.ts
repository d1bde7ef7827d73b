/// <reference lib="dom" />
import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { expect, startAppServer, stopAppServer, test } from './fixtures'
import { SEED_004, callRpc, expectAccessible, goTo } from './ui-helpers'

/** Imports seed 004 through the contract and shows it (the plan list is read at start). */
async function importSeed004(page: Page) {
  const base64 = readFileSync(SEED_004).toString('base64')
  const imported = await callRpc<{ planId: number; taskCount: number }>(page, 'plans.import', {
    source: { name: '004_5444bc3a38160578.txt', base64 },
  })
  expect(imported.taskCount).toBe(17)
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
}

/** Clicks an export button and returns the browser download it starts (listening before the click). */
async function exportAndDownload(page: Page, buttonName: string): Promise<{ download: Download; bytes: Buffer }> {
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: buttonName, exact: true }).click()
  const download = await downloaded
  const path = await download.path()
  return { download, bytes: readFileSync(path) }
}

/** CSV records (a quoted cell may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(cell)
      cell = ''
    } else if (char === '\n') {
      record.push(cell.replace(/\r$/, ''))
      records.push(record)
      record = []
      cell = ''
    } else cell += char
  }
  if (cell || record.length) records.push([...record, cell])
  return records
}

test('browser mode: the Report screen downloads the core-rendered PDF (paper as chosen) and the tasks CSV', async ({
  appPage: page,
}) => {
  await importSeed004(page)
  await goTo(page, 'Report')
  await page.getByRole('radio', { name: 'Letter' }).check()

  // record whether the indeterminate bar showed while the core rendered the PDF
  await page.evaluate(() => {
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Exporting PDF"]')
      if (bar && !bar.hasAttribute('aria-valuenow'))
        (window as unknown as { __sawExportProgress: boolean }).__sawExportProgress = true
    }).observe(document.body, { childList: true, subtree: true })
  })
  const pdf = await exportAndDownload(page, 'Export PDF')
  expect(await page.evaluate(() => (window as unknown as { __sawExportProgress?: boolean }).__sawExportProgress)).toBe(
    true,
  )
  expect(pdf.download.suggestedFilename()).toMatch(/-status-\d{4}-\d{2}-\d{2}\.pdf$/)
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // US Letter is 612 × 792 pt (Chromium's A4 is 595.92 × 842.88)
  expect(pdf.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/)
  await expect(page.getByTestId('export-result')).toContainText(/Downloaded .+\.pdf \(\d+ pages?, \d+ KB\)/)

  const csv = await exportAndDownload(page, 'Export CSV')
  expect(csv.download.suggestedFilename()).toMatch(/\.csv$/)
  const records = csvRecords(csv.bytes.toString('utf8'))
  expect(records[0]!.slice(0, 4)).toEqual(['key', 'title', 'phase', 'state'])
  expect(records).toHaveLength(17 + 1)
  expect(records.slice(1).every((record) => record.length === records[0]!.length)).toBe(true)
  await expect(page.getByTestId('export-result')).toContainText(/Downloaded .+\.csv/)
  await expectAccessible(page, 'report screen after an export')

  // the paper choice is remembered for the next visit
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
  await goTo(page, 'Report')
  await expect(page.getByRole('radio', { name: 'Letter' })).toBeChecked()
})

test('without any Chromium the PDF export shows the core’s explanation next to the buttons', async ({ browser }) => {
  const server = await startAppServer({ CHROMIUM_PATH: '/nonexistent/chromium', READINESS_CHROMIUM_SEARCH: '' })
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    await page.goto(server.url)
    await page.locator('[data-app-state="ready"]').waitFor()
    await importSeed004(page)
    await goTo(page, 'Report')
    await page.getByRole('button', { name: 'Export PDF', exact: true }).click()
    const error = page.getByTestId('export-error')
    await expect(error).toContainText('PDF export failed: No Chromium to print the PDF with')
    await expect(error).toHaveAttribute('role', 'alert')
    await expect(page.getByTestId('export-progress')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Export PDF', exact: true })).toBeEnabled()
    await expectAccessible(page, 'report screen with an export error')
  } finally {
    await context.close()
    await stopAppServer(server)
  }
})
