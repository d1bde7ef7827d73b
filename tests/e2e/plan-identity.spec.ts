/// <reference lib="dom" />
import { expect, test } from './fixtures'
import { callRpc, expectAccessible, goTo } from './ui-helpers'

const plan = (hours: number) =>
  `# Checkout Readiness\n\n**Date**: 2026-01-05\n\n## PHASE 1: WORK (Week 1)\n\n#### 1.1 Add Health Check\n- [ ] Create \`src/health.ts\`\n\n**Estimated Time**: ${hours} hours\n`

test('two plans with one title can be told apart, the chosen one is remembered on reload, and its settings open from the dashboard', async ({
  appPage: page,
}) => {
  const first = await callRpc<{ planId: number }>(page, 'plans.import', {
    source: { name: 'checkout-v1.md', base64: Buffer.from(plan(4)).toString('base64') },
  })
  const second = await callRpc<{ planId: number }>(page, 'plans.import', {
    source: { name: 'checkout-v2.md', base64: Buffer.from(plan(6)).toString('base64') },
  })
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()

  const switcher = page.getByLabel('Plan', { exact: true })
  const labels = await switcher.locator('option').allTextContents()
  expect(labels).toEqual([
    `Checkout Readiness — checkout-v1.md (#${first.planId})`,
    `Checkout Readiness — checkout-v2.md (#${second.planId})`,
  ])

  await switcher.selectOption(String(second.planId))
  await goTo(page, 'Dashboard')
  await expect(page.getByTestId('figure-remaining')).toContainText('of 6 h')
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
  await expect(switcher).toHaveValue(String(second.planId))
  await expect(page.getByTestId('figure-remaining')).toContainText('of 6 h')

  // start date and days per week, one click from the dashboard
  await page.getByRole('button', { name: 'Plan settings…' }).click()
  const dialog = page.getByRole('dialog', { name: /Plan settings/ })
  await dialog.getByLabel('Start date').fill('2026-02-02')
  await dialog.getByLabel('Days per week').fill('4')
  await expectAccessible(page, 'plan settings from the dashboard')
  await dialog.getByRole('button', { name: 'Save plan settings' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 }).locator('xpath=..')).toContainText('Starts 2 Feb 2026')
  await expect(page.getByRole('heading', { level: 1 }).locator('xpath=..')).toContainText('4 days/week')
})
