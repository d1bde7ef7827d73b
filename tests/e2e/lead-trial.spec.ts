import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { importThroughUi, selectedPlanId } from './ui-helpers'

/** Findings of a trial by a new engineering lead, each checked where the lead met it. */

function planFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'readiness-trial-')), name)
  writeFileSync(path, content)
  return path
}

/** A checked item without an estimate beside three estimated ones. */
const PARTLY_ESTIMATED = `# Hardening plan

Start: 2026-01-05

## Week 1

- [x] 1.1 Write the runbook
- [ ] 1.2 Add health check (4h)
- [ ] 1.3 Add metrics (4h)

## Week 2

- [ ] 2.1 Load test (8h)
`

test('claimed % counts a checked item without an estimate, the dashboard and report say the basis, earned value has its unit', async ({
  appPage: page,
  app,
}) => {
  await importThroughUi(page, planFile('partly-estimated.md', PARTLY_ESTIMATED))
  const verified = page.getByTestId('figure-verified')
  await expect(verified).toContainText('claimed 25% · 0/4 items')
  await expect(page.getByTestId('figure-basis')).toHaveText('by items (1 without an estimate)')
  // earned and planned value carry the basis' unit
  await expect(page.getByTestId('figure-spi')).toContainText(/earned 0(\.0)? of planned \d+(\.\d)? items$/)

  const planId = await selectedPlanId(page)
  await page.goto(`${app.url}&view=report&planId=${planId}`)
  await expect(page.locator('[data-report-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('report-claimed')).toHaveText('25%')
  await expect(page.getByTestId('report-basis')).toHaveText('by items (1 without an estimate)')
})
