/// <reference lib="dom" />
import type { FileChooser } from '@playwright/test'
import { expect, test } from './fixtures'
import { SEED_004, importThroughUi } from './ui-helpers'

test('seed plan 004 imports through the file input: preview with 17 steps and 62 h, then the dashboard draws the ideal line', async ({
  appPage: page,
}) => {
  await page.locator('#plan-file-input').setInputFiles(SEED_004)
  const preview = page.getByTestId('import-preview')
  await expect(preview.getByTestId('preview-task-count')).toHaveText('17')
  await expect(preview.getByTestId('preview-hours')).toHaveText('62 h')
  await expect(preview.getByTestId('preview-phase-count')).toHaveText('6')
  await expect(page.getByRole('dialog').getByLabel('Plan start')).toHaveValue('2024-12-08')
  await page.getByRole('button', { name: 'Import plan' }).click()

  const chart = page.getByTestId('burndown-chart')
  const idealPath = chart.locator('.line-ideal path.recharts-line-curve')
  await expect(idealPath).toBeVisible()
  expect((await idealPath.getAttribute('d'))?.length ?? 0).toBeGreaterThan(10)
  // the ideal line burns the 62 planned hours down to zero
  const idealCells = page.getByTestId('chart-data').locator('td[data-col="ideal"]')
  expect(Number(await idealCells.first().textContent())).toBeGreaterThan(0)
  expect(Number(await idealCells.last().textContent())).toBe(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('a plan dropped on the window opens the preview; a re-import shows what changed', async ({ appPage: page }) => {
  await importThroughUi(page, SEED_004)
  const text = (await import('node:fs')).readFileSync(SEED_004)
  // re-import an edited copy: one step removed, by dropping it on the window
  const edited = text.toString('latin1').replace(/### Step 6\.2[\s\S]*?(?=\n## )/, '')
  await page.evaluate(async (content) => {
    const transfer = new DataTransfer()
    transfer.items.add(
      new File([Uint8Array.from(content, (c) => c.charCodeAt(0))], 'edited-plan.md', { type: 'text/markdown' }),
    )
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
  }, edited)
  await expect(page.getByTestId('import-preview').getByTestId('preview-task-count')).toHaveText('16')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('import-preview')).toHaveCount(0)

  // the same edit as a re-import of the stored plan lists the removed step
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plans' }).click()
  // listen first: file-chooser interception is switched on asynchronously
  const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve))
  await expect(page.getByRole('button', { name: /^Re-import/ })).toBeVisible()
  await page.getByRole('button', { name: /^Re-import/ }).click()
  await (
    await chooser
  ).setFiles({ name: 'edited-plan.md', mimeType: 'text/markdown', buffer: Buffer.from(edited, 'latin1') })
  const diff = page.getByTestId('import-diff')
  await expect(diff).toContainText('removed')
  await expect(diff).toContainText('6.2')
  await page.getByRole('button', { name: 'Import new version' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'version 2' })).toBeVisible()
})

test('first run: "Open the sample" lands on a populated dashboard in one click', async ({ appPage: page }) => {
  await expect(page.getByRole('heading', { name: 'Import a plan' })).toBeVisible()
  await page.getByRole('button', { name: 'Open the sample' }).click()
  const chart = page.getByTestId('burndown-chart')
  await expect(chart.locator('.line-ideal path.recharts-line-curve')).toBeVisible({ timeout: 30_000 })
  await expect(chart.locator('.line-actual path.recharts-line-curve')).toBeVisible()
  await expect(page.getByTestId('figure-verified')).toContainText(/Verified done(?!0%)\d+(\.\d)?%/)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Repos' }).click()
  await expect(page.getByTestId('repo-card')).toHaveCount(1)
  await expect(page.getByTestId('repo-card')).toHaveAttribute('data-repo-state', 'ok')
})
