/// <reference lib="dom" />
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, seedPlansDir, shot, test } from './fixtures'
import { callRpc, expectAccessible, goTo } from './ui-helpers'

// seed plan 002: dated 2025-09-11, three weeks, 49 items without numbers; long past its end
const SEED_002 = join(seedPlansDir, '002_b51860faf58f80b1.txt')

interface ReportFigures {
  asOfWeek: number
  planEndWeek: number
  tasks: { key: string; overdue: boolean }[]
}

test('an old plan without item numbers: capped attention lists, titles without generated keys, plan-weeks chart', async ({
  appPage: page,
}) => {
  const base64 = readFileSync(SEED_002).toString('base64')
  const imported = await callRpc<{ planId: number; taskCount: number }>(page, 'plans.import', {
    source: { name: '002_b51860faf58f80b1.txt', base64 },
  })
  expect(imported.taskCount).toBe(49)
  const report = await callRpc<ReportFigures>(page, 'progress.get', { planId: imported.planId })
  expect(report.asOfWeek).toBeGreaterThan(report.planEndWeek + 8)
  const overdueCount = report.tasks.filter((task) => task.overdue).length
  expect(overdueCount).toBeGreaterThan(8)

  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
  await page.getByLabel('Plan', { exact: true }).selectOption(String(imported.planId))
  await goTo(page, 'Dashboard')
  const chart = page.getByTestId('burndown-chart')
  await expect(chart.locator('.line-ideal path.recharts-line-curve')).toBeVisible()

  // 1. the overdue list shows 8 items, the heading keeps the full count, "Show all" opens the rest by keyboard
  const overdueSection = page.getByRole('region', { name: /Overdue/ })
  await expect(overdueSection.getByRole('heading')).toContainText(String(overdueCount))
  const overdueItems = page.getByTestId('overdue-title').locator('li')
  await expect(overdueItems).toHaveCount(8)
  const showAll = overdueSection.getByRole('button', { name: `Show all ${overdueCount}` })
  await expect(showAll).toHaveAttribute('aria-expanded', 'false')
  await overdueItems.last().getByRole('button').focus()
  await page.keyboard.press('Tab')
  await expect(showAll).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(overdueItems).toHaveCount(overdueCount)
  await expect(overdueSection.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByTestId('confirm-title').locator('li')).toHaveCount(8)

  // 2. unnumbered items show their title alone; their generated keys stay in data-task-key only
  const firstItem = overdueItems.first()
  const generatedKey = (await firstItem.getAttribute('data-task-key'))!
  expect(generatedKey).toContain('/')
  await expect(page.getByTestId('dashboard').locator('.task-key')).toHaveCount(0)
  await expect(page.getByTestId('dashboard')).not.toContainText(generatedKey)

  // 3. the chart shows the plan's weeks, says where today is, and the data table follows the range
  await expect(chart).toHaveAttribute('data-range', 'plan')
  await expect(page.getByRole('button', { name: 'Plan weeks' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('chart-today-note')).toHaveText(
    `As of week ${report.asOfWeek}: ${report.asOfWeek - report.planEndWeek} weeks after the plan's last week (week ${report.planEndWeek}), off the chart`,
  )
  await expect(chart.locator('.today-marker')).toHaveCount(0)
  const weeksShown = async () =>
    await page
      .getByTestId('chart-data')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-week'))))
  const planWeeks = await weeksShown()
  expect(Math.max(...planWeeks)).toBeLessThanOrEqual(report.planEndWeek + 8)
  expect(Math.max(...planWeeks)).toBeGreaterThanOrEqual(report.planEndWeek)
  await expectAccessible(page, 'dashboard of an old unnumbered plan')
  await shot(page, 'old-plan-dashboard-plan-weeks')

  await page.getByRole('button', { name: 'All weeks' }).click()
  await expect(chart).toHaveAttribute('data-range', 'all')
  await expect(chart.locator('.today-marker')).toHaveCount(1)
  await expect(page.getByTestId('chart-today-note')).toHaveCount(0)
  expect(Math.max(...(await weeksShown()))).toBeGreaterThanOrEqual(report.asOfWeek)

  // the tasks table and the drawer show titles without the generated key
  await goTo(page, 'Tasks')
  const row = page.locator(`[data-testid="task-row"][data-task-key="${generatedKey}"]`)
  // unnumbered items show their place in the plan, never the generated key
  await expect(row.locator('.task-key')).toHaveText(/^#\d+$/)
  await row.getByRole('button').click()
  const drawer = page.getByTestId('task-drawer')
  await expect(drawer).toHaveAttribute('data-task-key', generatedKey)
  await expect(drawer.locator('.drawer-header')).not.toContainText(generatedKey)
})
