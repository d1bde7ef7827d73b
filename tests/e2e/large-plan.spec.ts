/// <reference lib="dom" />
import { expect, test } from './fixtures'
import { callRpc, goTo } from './ui-helpers'

const PHASES = 20
const ITEMS_PER_PHASE = 100

/** 20 weekly phases × 100 numbered items of 2 hours each = 2,000 tasks, 4,000 h. */
function generatedPlan(startDate: string): string {
  const lines = ['# Generated readiness plan', '', `**Date:** ${startDate}`, '']
  for (let phase = 1; phase <= PHASES; phase++) {
    lines.push(`## Phase ${phase}: Area ${phase} hardening (Week ${phase})`, '')
    for (let item = 1; item <= ITEMS_PER_PHASE; item++) {
      lines.push(
        `#### ${phase}.${item} Harden component ${phase}-${item}`,
        '',
        '**Estimated Time**: 2 hours',
        '',
        `- Create \`src/area${phase}/component${item}.ts\``,
        '',
      )
    }
  }
  return lines.join('\n')
}

test('a 2,000-task plan: the dashboard renders its figures and chart, and the virtualized table scrolls', async ({
  appPage: page,
}) => {
  test.setTimeout(90_000)
  const base64 = Buffer.from(generatedPlan('2026-01-05')).toString('base64')
  const imported = await callRpc<{ planId: number; taskCount: number }>(page, 'plans.import', {
    source: { name: 'generated-2000.md', base64 },
  })
  expect(imported.taskCount).toBe(PHASES * ITEMS_PER_PHASE)

  // a small plan is shown first, so switching to the large one fetches and renders it from scratch
  const small = Buffer.from(
    [
      '# Small plan',
      '',
      '## Phase 1: Start (Week 1)',
      '',
      '#### 1.1 One item',
      '',
      '**Estimated Time**: 2 hours',
      '',
    ].join('\n'),
  ).toString('base64')
  const smallPlan = await callRpc<{ planId: number }>(page, 'plans.import', {
    source: { name: 'small.md', base64: small },
  })
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
  const switcher = page.getByLabel('Plan', { exact: true })
  await switcher.selectOption(String(smallPlan.planId))
  await goTo(page, 'Dashboard')
  await expect(page.getByTestId('figure-remaining')).toContainText('of 2 h')

  const started = Date.now()
  await switcher.selectOption(String(imported.planId))
  await expect(page.getByTestId('figure-remaining')).toContainText('of 4,000 h')
  await expect(page.getByTestId('burndown-chart').locator('.line-ideal path.recharts-line-curve')).toBeVisible()
  const elapsed = Date.now() - started
  // a figure for the log, not a claim: wall time depends on the machine's load (figures live in bench/)
  console.log(`[large-plan] dashboard for 2,000 tasks fetched and rendered in ${elapsed} ms`)

  await goTo(page, 'Tasks')
  const table = page.getByTestId('task-table')
  await expect(table).toHaveAttribute('data-total', '2000')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  const renderedRows = await page.getByTestId('task-row').count()
  expect(renderedRows).toBeGreaterThan(5)
  expect(renderedRows).toBeLessThan(100)

  // scroll to the very end: the last item appears, and the DOM still holds only a window of rows
  const scroller = page.getByTestId('task-scroll')
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect(page.locator('[data-testid="task-row"][data-task-key="20.100"]')).toBeVisible()
  expect(await page.getByTestId('task-row').count()).toBeLessThan(100)
  await expect(page.locator('[data-testid="task-row"][data-task-key="1.1"]')).toHaveCount(0)

  // search narrows thousands of rows to the matching ones
  await page.getByLabel('Search').fill('component 7-4')
  await expect(page.getByTestId('task-count')).toHaveText(/^11 of 2000/)
})
