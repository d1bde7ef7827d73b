/// <reference lib="dom" />
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  SEED_004,
  addDays,
  buildGitRepo,
  connectAndSync,
  goTo,
  importThroughUi,
  isoDay,
  seed004Commits,
  todayNoon,
} from './ui-helpers'

interface NotificationProbe {
  shown: { title: string; body: string }[]
  permissionRequests: number
  focused: boolean
}

/**
 * Stands in for the browser's Notification API (headless Chromium has no notification centre) and for
 * document.hasFocus (a headless page always has focus): records what the app shows and asks.
 */
function installNotificationProbe() {
  const probe: NotificationProbe = { shown: [], permissionRequests: 0, focused: true }
  class ProbeNotification {
    static permission: string = 'default'
    static async requestPermission() {
      probe.permissionRequests += 1
      ProbeNotification.permission = 'granted'
      return 'granted'
    }
    onclick: (() => void) | null = null
    constructor(title: string, options?: { body?: string }) {
      probe.shown.push({ title, body: options?.body ?? '' })
    }
  }
  Object.assign(window, { __notificationProbe: probe })
  Object.defineProperty(window, 'Notification', { value: ProbeNotification, configurable: true, writable: true })
  document.hasFocus = () => probe.focused
}

const probe = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notificationProbe: NotificationProbe }).__notificationProbe)
const setFocused = (page: Page, focused: boolean) =>
  page.evaluate((value) => {
    ;(window as unknown as { __notificationProbe: NotificationProbe }).__notificationProbe.focused = value
  }, focused)

function commitTo(repo: string, path: string, content: string, message: string) {
  writeFileSync(join(repo, path), content)
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo }
  execFileSync('git', ['add', '-A'], { cwd: repo, env, stdio: 'pipe' })
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: repo, env, stdio: 'pipe' })
}

test('asks for permission only from the Settings toggle, and notifies of finished syncs only while unfocused', async ({
  appPage: page,
}) => {
  await page.addInitScript(installNotificationProbe)
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
  const start = addDays(todayNoon(), -15)
  const repo = buildGitRepo(seed004Commits(start))
  try {
    await importThroughUi(page, SEED_004, isoDay(start))
    expect((await probe(page)).permissionRequests).toBe(0)

    await goTo(page, 'Settings')
    const toggle = page.getByLabel('Allow notifications')
    await expect(toggle).not.toBeChecked()
    await toggle.click()
    await expect(toggle).toBeChecked()
    expect((await probe(page)).permissionRequests).toBe(1)

    // focused: the lead sees the sync finish on screen, no notification
    await connectAndSync(page, repo)
    await page.waitForTimeout(300)
    expect((await probe(page)).shown).toEqual([])

    // unfocused: the next sync ends with one notification
    await setFocused(page, false)
    await page.getByRole('button', { name: 'Sync now' }).click()
    await expect.poll(async () => (await probe(page)).shown.map((n) => n.title)).toEqual(['Sync finished'])

    // a commit lands while unfocused: the watcher re-syncs and the notification names the repo change
    commitTo(repo, 'services/ml-service/src/worker.py', 'worker = None\n', 'Add worker')
    await expect
      .poll(async () => (await probe(page)).shown.map((n) => n.title), { timeout: 15_000 })
      .toEqual(['Sync finished', 'Repository changed'])
    expect((await probe(page)).shown[1].body).toContain('re-synced')

    // turned off in Settings: nothing more, even unfocused
    await goTo(page, 'Settings')
    await expect(toggle).toBeChecked()
    await toggle.click()
    await expect(toggle).not.toBeChecked()
    await goTo(page, 'Repos')
    await page.getByRole('button', { name: 'Sync now' }).click()
    await expect(page.getByTestId('sync-summary')).toContainText('Synced')
    await page.waitForTimeout(300)
    expect((await probe(page)).shown).toHaveLength(2)
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})
