import { expect, shot, test } from './fixtures'

test('the app loads in Chromium (browser mode) and shows the empty state', async ({ appPage }) => {
  await expect(appPage.getByRole('heading', { name: 'Import a plan' })).toBeVisible()
  for (const label of ['Plans', 'Dashboard', 'Tasks', 'Repos', 'Report']) {
    await expect(appPage.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label })).toBeVisible()
  }
  await shot(appPage, 'empty-state')
})
