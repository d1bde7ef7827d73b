import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { SEED_004, goTo, importThroughUi } from './ui-helpers'

/** Counts the contract calls the page sends over the HTTP bridge, by method, from now on. */
function recordCalls(page: Page): () => Record<string, number> {
  const counts: Record<string, number> = {}
  page.on('request', (request) => {
    const match = /\/rpc\/([^?]+)/.exec(new URL(request.url()).pathname)
    if (match) counts[decodeURIComponent(match[1])] = (counts[decodeURIComponent(match[1])] ?? 0) + 1
  })
  return () => ({ ...counts })
}

test('a change made in the UI reads what it affects once: the core’s event refreshes it, nothing reloads it again', async ({
  appPage: page,
}) => {
  await importThroughUi(page, SEED_004)
  await goTo(page, 'Tasks')
  const row = page.locator('[data-testid="task-row"][data-task-key="2.1"]')
  // the drawer's first reads must have landed before the change: a first load still in flight when the change's
  // event arrives is joined, not sent again, and nothing would be counted
  const explained = page.waitForResponse((response) => response.url().includes('/rpc/evidence.explain'))
  await row.getByRole('button').click()
  await explained
  const drawer = page.getByTestId('task-drawer')
  await expect(drawer.getByText('No manual status yet.')).toBeVisible()
  await expect(drawer.getByRole('heading', { name: 'Checks' })).toBeVisible()

  const calls = recordCalls(page)
  await drawer.getByLabel('Status', { exact: true }).selectOption('done')
  await drawer.getByRole('button', { name: 'Save status' }).click()
  await expect(drawer.getByTestId('status-history')).toContainText('done')
  await expect(row).toHaveAttribute('data-state', 'done')
  // a second reload, if any, is sent right after the first: give it time to show
  await page.waitForTimeout(1500)

  const counted = calls()
  expect(counted['tasks.setStatus']).toBe(1)
  expect(counted['progress.get']).toBe(1)
  for (const method of ['tasks.history', 'evidence.forTask', 'evidence.explain'])
    expect(counted[method], method).toBe(1)
  for (const [method, times] of Object.entries(counted))
    expect(times, `${method} is read at most once`).toBeLessThanOrEqual(1)
})
