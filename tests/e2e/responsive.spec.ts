/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { expect, shot, test } from './fixtures'
import {
  SEED_004,
  callRpc,
  expectAccessible,
  goTo,
  importThroughUi,
  isoDay,
  selectedPlanId,
  todayNoon,
} from './ui-helpers'

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1

/** Scrolls the task list top to bottom; for every row: its title is shown, readable, and overlaps no other cell. */
async function checkEveryTitle(page: Page, width: number, titles: Map<string, string>) {
  const scroller = page.getByTestId('task-scroll')
  await scroller.evaluate((element) => element.scrollTo(0, 0))
  const seen = new Set<string>()
  for (let pass = 0; pass < 40 && seen.size < titles.size; pass++) {
    const rows = await page.getByTestId('task-row').evaluateAll((elements) =>
      elements.map((row) => {
        const box = (element: Element | null) => {
          const rect = element?.getBoundingClientRect()
          return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null
        }
        const visibleCells = Array.from(row.querySelectorAll('[role="cell"]')).filter(
          (cell) => getComputedStyle(cell).display !== 'none',
        )
        const button = row.querySelector('[data-col="title"] button') as HTMLElement
        return {
          key: row.getAttribute('data-task-key')!,
          text: button.textContent ?? '',
          title: box(row.querySelector('[data-col="title"]')),
          button: box(button),
          others: visibleCells.filter((cell) => cell.getAttribute('data-col') !== 'title').map((cell) => box(cell)!),
          rowBox: box(row)!,
          scroller: box(row.closest('[data-testid="task-scroll"]'))!,
        }
      }),
    )
    for (const row of rows) {
      // only rows inside the scroll viewport are "on screen"
      if (row.rowBox.y < row.scroller.y || row.rowBox.y + row.rowBox.height > row.scroller.y + row.scroller.height)
        continue
      expect(row.text, `title of ${row.key} at ${width}px`).toBe(titles.get(row.key))
      expect(row.title!.width, `title column of ${row.key} at ${width}px`).toBeGreaterThanOrEqual(200)
      expect(row.button!.width, `title text of ${row.key} at ${width}px`).toBeGreaterThan(40)
      for (const other of row.others)
        expect(overlaps(row.title!, other), `title of ${row.key} overlaps a cell at ${width}px`).toBe(false)
      seen.add(row.key)
    }
    await scroller.evaluate((element) => element.scrollBy(0, element.clientHeight * 0.8))
    await page.waitForTimeout(50)
  }
  expect(
    [...titles.keys()].filter((key) => !seen.has(key)),
    `rows never seen at ${width}px`,
  ).toEqual([])
}

test('the Tasks screen at 1280, 1024 and 800 wide: every title visible, low-value columns dropped first, sidebar collapsed to icons', async ({
  appPage: page,
}) => {
  test.setTimeout(120_000)
  await importThroughUi(page, SEED_004)
  const planId = await selectedPlanId(page)
  const detail = await callRpc<{ plan: { tasks: { key: string; title: string }[] }; taskIds: Record<string, number> }>(
    page,
    'plans.get',
    { planId },
  )
  const titles = new Map(detail.plan.tasks.map((task) => [task.key, task.title]))
  // a manual status with a note: the note is shown in the table, as the form promises
  await callRpc(page, 'tasks.setStatus', {
    taskId: detail.taskIds['1.2'],
    status: 'blocked',
    note: 'Waiting for the queue credentials',
    date: isoDay(todayNoon()),
  })
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
  await goTo(page, 'Tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()

  const expectations = [
    { width: 1280, height: 820, columns: ['Item', 'Title', 'Weeks', 'Estimate', 'State', 'Done'], collapsed: false },
    { width: 1024, height: 700, columns: ['Item', 'Title', 'Weeks', 'Estimate', 'State', 'Done'], collapsed: true },
    { width: 800, height: 600, columns: ['Item', 'Title', 'Estimate', 'State'], collapsed: true },
  ]
  for (const { width, height, columns, collapsed } of expectations) {
    await page.setViewportSize({ width, height })
    const headers = page.locator('.task-header [role="columnheader"]')
    await expect
      .poll(
        async () =>
          await headers.evaluateAll((cells) =>
            cells
              .filter((cell) => getComputedStyle(cell).display !== 'none')
              .map((cell) => cell.textContent!.replace(/[▲▼]/g, '').trim()),
          ),
      )
      .toEqual(columns)
    const headerBoxes = await headers.evaluateAll((cells) =>
      cells
        .filter((cell) => getComputedStyle(cell).display !== 'none')
        .map((cell) => cell.getBoundingClientRect().toJSON() as Box),
    )
    for (let i = 1; i < headerBoxes.length; i++)
      expect(overlaps(headerBoxes[i - 1], headerBoxes[i]), `headers ${i - 1}/${i} overlap at ${width}px`).toBe(false)

    // nothing runs off the window sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    const table = await page.getByTestId('task-table').evaluate((element) => ({
      right: element.getBoundingClientRect().right,
      overflow: element.scrollWidth - element.clientWidth,
    }))
    expect(table.right).toBeLessThanOrEqual(width)
    expect(table.overflow).toBeLessThanOrEqual(0)

    // the sidebar: labels at 1280, icons alone (names kept for assistive tech) below
    const navTasks = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Tasks' })
    await expect(navTasks).toBeVisible()
    const navWidth = await page
      .getByRole('navigation', { name: 'Main' })
      .evaluate((element) => element.getBoundingClientRect().width)
    if (collapsed) expect(navWidth).toBeLessThan(80)
    else expect(navWidth).toBeGreaterThan(150)
    await expect(page.getByLabel('Plan', { exact: true })).toBeVisible()

    await expect(page.locator('[data-task-key="1.2"] [data-testid="task-note"]')).toHaveText(
      'Waiting for the queue credentials',
    )
    await checkEveryTitle(page, width, titles)
    await page.getByTestId('task-scroll').evaluate((element) => element.scrollTo(0, 0))
    await expectAccessible(page, `tasks at ${width}px`)
    await shot(page, `tasks-${width}`)
  }
})
