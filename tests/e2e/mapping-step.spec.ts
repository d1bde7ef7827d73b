/// <reference lib="dom" />
import type { FileChooser } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, repoRoot, shot, test } from './fixtures'
import { callRpc, goTo, selectedPlanId } from './ui-helpers'

/**
 * A plan the reader gets wrong — owner lines and a task table under each sprint, estimates in an
 * unnamed "Cost" column in points — corrected in the import preview's mapping step: the table rows
 * are the items, "Cost" is the estimate in points, 1 point = 4 h. The dashboard shows the corrected
 * figures, and a re-import of an edited file keeps the mapping.
 */

const PLAN = join(repoRoot, 'tests/e2e/plans/team-sprints.md')

test('the mapping step fixes a misread plan; the dashboard and a later re-import keep the correction', async ({
  appPage: page,
}) => {
  await page.locator('#plan-file-input').setInputFiles(PLAN)
  const preview = page.getByTestId('import-preview')
  // as written, the owner lines and the table rows are both read as items and nothing has hours
  await expect(preview.getByTestId('preview-task-count')).toHaveText('8')
  await expect(preview.getByTestId('preview-hours')).toHaveText('0 h')
  const mapping = preview.getByTestId('mapping-step')
  await expect(mapping.getByTestId('reading-confidence')).toBeVisible()

  const controls = mapping.getByTestId('mapping-controls')
  if (!(await controls.evaluate((element) => (element as HTMLDetailsElement).open)))
    await controls.locator('summary').click()
  await controls.getByLabel('Items are').selectOption('table')
  await expect(preview.getByTestId('preview-task-count')).toHaveText('5')
  await controls.getByLabel('Estimate column').selectOption('Cost')
  await controls.getByLabel('Estimates are in').selectOption('points')
  await controls.getByLabel('Hours per point').fill('4')
  await expect(preview.getByTestId('preview-hours')).toHaveText('52 h')
  await expect(preview.getByTestId('preview-weeks')).toHaveText('4')
  await shot(page, 'import-mapping-step')
  await page.getByRole('button', { name: 'Import plan' }).click()

  await expect(page.getByTestId('figure-remaining')).toContainText('52')
  const planId = await selectedPlanId(page)
  const stored = await callRpc<{
    settings: {
      profile: { items?: string; hoursPerPoint?: number; estimate?: { column?: string; unit?: string } } | null
    }
  }>(page, 'plans.get', { planId })
  expect(stored.settings.profile).toMatchObject({
    items: 'table',
    hoursPerPoint: 4,
    estimate: { column: 'Cost', unit: 'points' },
  })

  // an edited file (one more row in sprint 2) is re-imported with the stored mapping
  const edited = readFileSync(PLAN, 'utf8').replace(
    '| Declined card message | 2 | Ben |',
    '| Declined card message | 2 | Ben |\n| Retry failed payouts | 3 | Ben |',
  )
  await goTo(page, 'Plans')
  const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve))
  await page.getByRole('button', { name: /^Re-import/ }).click()
  await (
    await chooser
  ).setFiles({ name: 'team-sprints.md', mimeType: 'text/markdown', buffer: Buffer.from(edited, 'utf8') })
  await expect(preview.getByTestId('preview-task-count')).toHaveText('6')
  await expect(preview.getByTestId('preview-hours')).toHaveText('64 h')
  await expect(page.getByTestId('import-diff')).toContainText('Retry failed payouts')
  await page.getByRole('button', { name: 'Import new version' }).click()
  await expect(page.getByTestId('figure-remaining')).toContainText('64')
})
