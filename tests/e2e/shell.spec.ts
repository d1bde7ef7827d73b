import { expect, shot, test } from './fixtures'

test('the app loads in Chromium (browser mode) and shows the empty state', async ({ appPage }) => {
  await expect(appPage.getByRole('heading', { name: 'Import a plan' })).toBeVisible()
  for (const label of ['Plans', 'Dashboard', 'Tasks', 'Repos', 'Report']) {
    await expect(appPage.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label })).toBeVisible()
  }
  await shot(appPage, 'empty-state')
})

test('loads without a failed request, with its own icon (no /favicon.ico 404)', async ({ appPage }) => {
  const page = await appPage.context().newPage()
  const failed: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`))
  await page.goto(appPage.url())
  await page.locator('[data-app-state="ready"]').waitFor()
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/)
  expect(failed).toEqual([])
  await page.close()
})
