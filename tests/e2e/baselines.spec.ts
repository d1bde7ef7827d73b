/// <reference lib="dom" />
import type { FileChooser, Page } from '@playwright/test'
import { expect, shot, test } from './fixtures'
import { addDays, callRpc, expectAccessible, goTo, isoDay, selectedPlanId, todayNoon } from './ui-helpers'

/** The first import: the lead forgot estimates and weeks (0 h). */
const BROKEN_V1 = `# Checkout Service Readiness

#### 1.1 Add Health Check
- [ ] Create \`src/health.ts\`

#### 1.2 Add Request Timeouts
- [ ] Set timeouts on outgoing calls

#### 2.1 Add Rate Limiting
- [ ] Limit requests per client
`

/** The fixed plan: two phases over three weeks, 45 h. */
const FIXED_V2 = `# Checkout Service Readiness

## PHASE 1: FOUNDATIONS (Weeks 1-2)

#### 1.1 Add Health Check
- [ ] Create \`src/health.ts\`

**Estimated Time**: 15 hours

#### 1.2 Add Request Timeouts
- [ ] Set timeouts on outgoing calls

**Estimated Time**: 15 hours

## PHASE 2: HARDENING (Week 3)

#### 2.1 Add Rate Limiting
- [ ] Limit requests per client

**Estimated Time**: 15 hours
`

interface Figures {
  baseline?: { id: number; versionNo: number }
  summary: { spi: number | null; plannedValue: number }
  burndown: { week: number; idealRemainingHours: number; idealRemainingTasks: number }[]
  phases: { title: string }[]
}

const file = (text: string) => ({ name: 'checkout-plan.md', mimeType: 'text/markdown', buffer: Buffer.from(text) })
const spiText = (spi: number | null) => (spi === null ? '—' : spi.toFixed(2))
const chartIdealAt = (page: Page, week: number) =>
  page.getByTestId('chart-data').locator(`tr[data-week="${week}"] [data-col="ideal"]`)

test('rebaseline after a re-import: the ideal line and SPI follow the new baseline, the original stays viewable', async ({
  appPage: page,
}) => {
  test.setTimeout(90_000)
  const start = isoDay(addDays(todayNoon(), -15))

  // v1: imported broken, dated by the lead so today falls in week 3
  await page.locator('#plan-file-input').setInputFiles(file(BROKEN_V1))
  await expect(page.getByTestId('preview-task-count')).toHaveText('3')
  await page.getByRole('dialog').getByLabel('Plan start').fill(start)
  await page.getByRole('button', { name: 'Import plan' }).click()
  await expect(page.getByTestId('baseline-bar')).toHaveAttribute('data-baseline-version', '1')
  const planId = await selectedPlanId(page)

  // v2 through "Re-import…": the preview offers to rebaseline (the stored version has no hours)
  await goTo(page, 'Plans')
  const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve))
  await page.getByRole('button', { name: /^Re-import/ }).click()
  await (await chooser).setFiles(file(FIXED_V2))
  const choice = page.getByTestId('baseline-choice')
  await expect(choice.getByRole('radio', { name: /^Rebaseline/ })).toBeChecked()
  await choice.getByLabel('Reason').fill('v1 had no estimates')
  await expectAccessible(page, 'import preview with the baseline choice')
  await page.getByRole('button', { name: 'Import new version' }).click()

  // the dashboard measures against v2: ideal from 45 h, SPI as the core computes it against v2
  const bar = page.getByTestId('baseline-bar')
  await expect(bar).toHaveAttribute('data-baseline-version', '2')
  await expect(bar).toContainText('v1 had no estimates')
  const current = await callRpc<Figures>(page, 'progress.get', { planId })
  expect(current.baseline?.versionNo).toBe(2)
  expect(current.summary.plannedValue).toBeGreaterThan(0)
  await expect(chartIdealAt(page, 0)).toHaveText('45')
  await expect(chartIdealAt(page, 3)).toHaveText('0')
  await expect(page.getByTestId('figure-spi')).toContainText(spiText(current.summary.spi))
  await expect(page.getByTestId('figure-spi')).toContainText(`planned ${current.summary.plannedValue.toFixed(1)}`)
  expect(current.phases.map((phase) => phase.title)).not.toContain('(no phase)')
  await expect(page.getByTestId('dashboard')).not.toContainText('(no phase)')

  // the original baseline is drawn beside it, and can be chosen
  const chart = page.getByTestId('burndown-chart')
  await expect(chart.locator('.line-original path.recharts-line-curve')).toHaveCount(1)
  await expectAccessible(page, 'dashboard after rebaselining')
  await shot(page, 'dashboard-rebaselined')
  await page.getByRole('checkbox', { name: 'Original baseline' }).uncheck()
  await expect(chart.locator('.line-original')).toHaveCount(0)

  await bar
    .getByLabel('Baseline')
    .selectOption({ label: (await bar.getByRole('option', { name: /original/ }).textContent())! })
  await expect(bar).toHaveAttribute('data-baseline-version', '1')
  const original = await callRpc<Figures>(page, 'progress.get', { planId, baselineId: current.baseline!.id - 1 })
  expect(original.summary.spi).toBeNull()
  await expect(chartIdealAt(page, 0)).toHaveText(String(original.burndown[0].idealRemainingHours))
  await expect(page.getByTestId('figure-spi')).toContainText('—')

  // "Rebaseline…" from the dashboard: any version, with a reason
  await bar.getByRole('button', { name: 'Rebaseline…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rebaseline' })
  await dialog.getByLabel('From version').selectOption('2')
  await dialog.getByLabel('Reason').fill('agreed with the team')
  await expectAccessible(page, 'rebaseline dialog')
  await dialog.getByRole('button', { name: 'Rebaseline' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(bar).toHaveAttribute('data-baseline-version', '2')
  await expect(bar).toContainText('agreed with the team')
  await expect(bar.getByRole('option')).toHaveCount(3)
  await expect(chartIdealAt(page, 0)).toHaveText('45')
})
