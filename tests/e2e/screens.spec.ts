/// <reference lib="dom" />
import { rmSync } from 'node:fs'
import type { FileChooser, Locator, Page } from '@playwright/test'
import { expect, shot, test } from './fixtures'
import {
  SEED_004,
  addDays,
  buildGitRepo,
  connectAndSync,
  dismissNotices,
  expectAccessible,
  goTo,
  importThroughUi,
  isoDay,
  seed004Commits,
  todayNoon,
} from './ui-helpers'

/** Presses Tab until the locator has focus: proves it is reachable by keyboard, in focus order. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`not reachable with Tab: ${target}`)
}

const SCHEMES = ['light', 'dark'] as const

/** axe and a screenshot of the current screen in both colour schemes (the theme follows the OS setting). */
async function checkBothSchemes(page: Page, name: string, prepare?: () => Promise<void>) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    if (prepare) await prepare()
    await expectAccessible(page, `${name} (${scheme})`)
    await shot(page, `${name}-${scheme}`)
  }
}

test('every screen passes axe (no serious/critical) in light and dark, and is captured', async ({ appPage: page }) => {
  test.setTimeout(120_000)
  await checkBothSchemes(page, 'empty-state')

  await page.locator('#plan-file-input').setInputFiles(SEED_004)
  await expect(page.getByTestId('preview-task-count')).toHaveText('17')
  await checkBothSchemes(page, 'import-preview')
  await page.getByRole('button', { name: 'Cancel' }).click()

  const start = addDays(todayNoon(), -15)
  const repo = buildGitRepo(seed004Commits(start))
  try {
    await importThroughUi(page, SEED_004, isoDay(start))
    await connectAndSync(page, repo)
    await dismissNotices(page)
    await checkBothSchemes(page, 'repos')

    await goTo(page, 'Dashboard')
    await expect(page.getByTestId('burndown-chart').locator('.line-actual path.recharts-line-curve')).toBeVisible()
    await checkBothSchemes(page, 'dashboard', async () => {
      // hover week 2 for its details (tasks done that week)
      await page
        .getByTestId('burndown-chart')
        .locator('.recharts-wrapper')
        .hover({ position: { x: 170, y: 200 } })
      await expect(page.getByTestId('chart-tooltip')).toBeVisible()
    })

    await goTo(page, 'Tasks')
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    await checkBothSchemes(page, 'tasks')

    await page.locator('[data-testid="task-row"][data-task-key="1.2"]').getByRole('button').click()
    await expect(page.getByTestId('check-item').first()).toBeVisible()
    await checkBothSchemes(page, 'task-drawer')
    await page.keyboard.press('Escape')

    for (const screen of ['Plans', 'Report', 'Settings'] as const) {
      await goTo(page, screen)
      await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible()
      await checkBothSchemes(page, screen.toLowerCase())
    }
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})

test('the primary actions work by keyboard alone', async ({ appPage: page }) => {
  // import: the button opens the file chooser, the preview's confirm button imports
  // listen first: file-chooser interception is switched on asynchronously
  const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve))
  await tabTo(page, page.getByRole('button', { name: 'Import a plan…' }))
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(SEED_004)
  await expect(page.getByTestId('preview-task-count')).toHaveText('17')
  await tabTo(page, page.getByRole('button', { name: 'Import plan' }))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('burndown-chart').locator('.line-ideal path.recharts-line-curve')).toBeVisible()

  // tasks: open one, record a manual status, close with Escape (focus goes back to the row)
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Tasks' }))
  await page.keyboard.press('Enter')
  const title = page.locator('[data-testid="task-row"][data-task-key="1.1"]').getByRole('button')
  await tabTo(page, title)
  await page.keyboard.press('Enter')
  const drawer = page.getByTestId('task-drawer')
  await expect(drawer).toBeVisible()
  await tabTo(page, drawer.getByLabel('Note'))
  await page.keyboard.type('Checked with the team')
  await tabTo(page, drawer.getByRole('button', { name: 'Save status' }))
  await page.keyboard.press('Enter')
  await expect(drawer.getByTestId('status-history')).toContainText('Checked with the team')
  // focus stays in the drawer, on the button just used (not on <body>); the notice names the item, not its key
  await expect(drawer.getByRole('button', { name: 'Save status' })).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: 'marked done' }).first()).toContainText(
    /^1\.1 “.+” marked done\./,
  )
  await page.keyboard.press('Escape')
  await expect(drawer).toHaveCount(0)
  await expect(title).toBeFocused()
  await expect(page.locator('[data-testid="task-row"][data-task-key="1.1"]')).toHaveAttribute('data-manual', 'done')

  // undo from the notice, by keyboard
  await tabTo(page, page.getByRole('button', { name: 'Undo' }))
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid="task-row"][data-task-key="1.1"]')).toHaveAttribute('data-manual', '')

  // settings: the theme follows the choice
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByRole('radio', { name: 'Follow the system' }))
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})
