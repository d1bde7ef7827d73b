import { expect, shot, test } from './fixtures'

/** The print view in browser mode: the same page the PDF printers load, checked on screen. */
test('the report print view renders the sample plan with figures, both charts and every section, then signals ready', async ({
  browser,
  app,
}) => {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } })
  await page.goto(app.url)
  await page.locator('[data-app-state="ready"]').waitFor()
  const opened = await page.evaluate(async (token) => {
    const response = await fetch('/rpc/sample.open', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-readiness-token': token },
      body: '{}',
    })
    return (await response.json()) as { ok: boolean; value: { planId: number } }
  }, new URL(app.url).searchParams.get('token')!)
  expect(opened.ok).toBe(true)

  await page.goto(`${app.url}&view=report&planId=${opened.value.planId}`)
  const root = page.locator('[data-report-state="ready"]')
  await expect(root).toBeVisible()
  await expect(page.getByTestId('report-title')).not.toBeEmpty()
  await expect(page.getByTestId('report-verified')).toHaveText(/^\d+(\.\d+)?%$/)
  for (const mode of ['burndown', 'burnup']) {
    await expect(page.getByTestId(`report-chart-${mode}`).locator('path.recharts-curve').first()).toBeVisible()
  }
  for (const section of [
    'phases',
    'done-this-week',
    'overdue',
    'at-risk',
    'needs-confirmation',
    'blocked',
    'evidence',
    'lint',
  ]) {
    await expect(page.getByTestId(`report-${section}`)).toBeVisible()
  }
  await shot(page, 'report-print-view')
  await page.close()
})

test('the print view says what went wrong for a plan that does not exist', async ({ browser, app }) => {
  const page = await browser.newPage()
  await page.goto(`${app.url}&view=report&planId=999`)
  await expect(page.locator('[data-report-state="error"]')).toContainText('No plan with id 999')
  await page.close()
})
