/// <reference lib="dom" />
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, shot, test } from './fixtures'
import {
  SEED_004,
  addDays,
  buildGitRepo,
  connectAndSync,
  expectAccessible,
  goTo,
  importThroughUi,
  isoDay,
  seed004Commits,
  todayNoon,
} from './ui-helpers'

test('a moved repository keeps its results, marked stale, and is relinked from the Repos screen', async ({
  appPage: page,
}) => {
  const start = addDays(todayNoon(), -15)
  const repo = buildGitRepo(seed004Commits(start))
  const moved = `${repo}-moved`
  try {
    await importThroughUi(page, SEED_004, isoDay(start))
    await connectAndSync(page, repo)
    await goTo(page, 'Dashboard')
    await expect(page.getByTestId('figure-verified')).not.toContainText('done0%')
    const verified = await page.getByTestId('figure-verified').textContent()

    renameSync(repo, moved)
    await goTo(page, 'Repos')
    await page.getByRole('button', { name: 'Sync now' }).click()
    await expect(page.getByTestId('sync-summary')).toContainText('Synced')
    const card = page.getByTestId('repo-card')
    await expect(card).toContainText('results stale')
    await expect(card.getByTestId('repo-stale')).toContainText('Showing the results of the last sync')
    await expect(card.getByRole('alert').first()).toContainText('not there any more')
    await expectAccessible(page, 'Repos with a stale repository')
    await shot(page, 'repos-stale')
    await goTo(page, 'Dashboard')
    await expect(page.getByTestId('figure-verified')).toHaveText(verified!)

    await goTo(page, 'Repos')
    await card.getByLabel(/New folder of/).fill(moved)
    await card.getByRole('button', { name: 'Relink' }).click()
    await expect(card).not.toContainText('results stale')
    await expect(card).toContainText(moved)
    await page.getByRole('button', { name: 'Sync now' }).click()
    await expect(page.getByTestId('sync-summary')).toContainText('Synced: ')
    await expect(page.getByTestId('sync-summary')).toContainText('over 0 commits')
  } finally {
    rmSync(repo, { recursive: true, force: true })
    rmSync(moved, { recursive: true, force: true })
  }
})

test('browser mode backs up to the app folder, and asks before replacing a typed file', async ({
  appPage: page,
  app,
}) => {
  await importThroughUi(page, SEED_004)
  await goTo(page, 'Report')
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Backup written to' })).toContainText(
    join(app.dataDir, 'backups'),
  )

  const target = join(app.dataDir, 'my-copy.db')
  writeFileSync(target, 'an older file the lead wants to keep?\n')
  await page.getByLabel('Or to a file').fill(target)
  await page.getByRole('button', { name: 'Write backup' }).click()
  const confirm = page.getByTestId('backup-replace')
  await expect(confirm).toContainText(`${target} already exists. Replace it with the backup?`)
  expect(readFileSync(target, 'utf8')).toBe('an older file the lead wants to keep?\n')
  await confirm.getByRole('button', { name: 'Replace' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Backup written to ${target}` })).toBeVisible()
  expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3')
})
