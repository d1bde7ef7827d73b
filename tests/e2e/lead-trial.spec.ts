/// <reference lib="dom" />
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, repoRoot, shot, test } from './fixtures'
import { importThroughUi, selectedPlanId } from './ui-helpers'

/** Findings of a trial by a new engineering lead, each checked where the lead met it. */

function planFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'readiness-trial-')), name)
  writeFileSync(path, content)
  return path
}

/** A checked item without an estimate beside three estimated ones. */
const PARTLY_ESTIMATED = readFileSync(join(repoRoot, 'tests/e2e/plans/partly-estimated.md'), 'utf8')

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

/** A plan saved in Windows-1252 (é, ï and an en dash as single bytes). */
const WINDOWS_1252 = Buffer.concat([
  Buffer.from('# Caf'),
  Buffer.from([0xe9]),
  Buffer.from(' plan\n\nStart: 2026-01-05\n\n## Week 1\n\n### 1.1 Na'),
  Buffer.from([0xef]),
  Buffer.from('ve fix '),
  Buffer.from([0x96]),
  Buffer.from(' quick (2h)\n'),
])

/** A UTF-8 plan once opened as Windows-1252 and saved again: "é" became "Ã©", "—" became "â€”". */
const MOJIBAKE = `# Plan\n\nStart: 2026-01-05\n\n## Week 1\n\n### 1.1 RÃ©sumÃ© the cafÃ© step (4h)\n\n### 1.2 NaÃ¯ve fix â€” quick (2h)\n`

test('the import preview says which encoding it assumed and what mojibake it repaired', async ({ appPage: page }) => {
  await page.locator('#plan-file-input').setInputFiles(planFile('windows-1252.md', WINDOWS_1252))
  const preview = page.getByTestId('import-preview')
  await expect(preview.getByTestId('preview-encoding')).toHaveText(
    'Read as Windows-1252: the file is not valid UTF-8, so Windows-1252 was assumed.',
  )
  await expect(preview).toContainText('Café plan')
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.locator('#plan-file-input').setInputFiles(planFile('mojibake.md', MOJIBAKE))
  await expect(preview.getByTestId('preview-encoding')).toHaveText(
    'Read as UTF-8. Repaired 5 character sequences garbled by an earlier Windows-1252 conversion (mojibake), e.g. “Ã©” → “é” on line 7.',
  )
  await shot(page, 'import-preview-mojibake')
})

test('several imports leave one import message, the latest, not a stack', async ({ appPage: page }) => {
  for (const name of ['first.md', 'second.md', 'third.md'])
    await importThroughUi(page, planFile(name, PARTLY_ESTIMATED.replace('Hardening plan', name)))
  const messages = page.locator('.notices').getByRole('status')
  await expect(messages).toHaveCount(1)
  await expect(messages).toContainText('Imported third.md: 4 work items, 16 h.')
})

/** Each mapping-step select against the dialog: its chosen label's width and whether it lies inside the dialog. */
function selectFits(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector('.modal-body')!.getBoundingClientRect()
    const context = document.createElement('canvas').getContext('2d')!
    return Array.from(document.querySelectorAll<HTMLSelectElement>('[data-testid="mapping-step"] select')).map(
      (select) => {
        const box = select.getBoundingClientRect()
        const style = getComputedStyle(select)
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        const label = select.options[select.selectedIndex]?.text ?? ''
        // the label, the select's padding and its arrow must fit the select's width
        const needed =
          context.measureText(label).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 16
        return {
          label,
          wholeLabel: box.width >= needed,
          insideDialog: box.left >= body.left - 0.5 && box.right <= body.right + 0.5,
        }
      },
    )
  })
}

test('the mapping-step dropdowns show their whole label inside the dialog, wide and narrow', async ({
  appPage: page,
}) => {
  await page.locator('#plan-file-input').setInputFiles(join(repoRoot, 'tests/e2e/plans/team-sprints.md'))
  const controls = page.getByTestId('mapping-controls')
  if (!(await controls.evaluate((element) => (element as HTMLDetailsElement).open)))
    await controls.locator('summary').click()
  await controls.getByLabel('Role of “Sprint 1: Accounts”').selectOption('backlog')
  await expect(controls.getByLabel('Role of “Sprint 1: Accounts”')).toHaveValue('backlog')
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 820 })
    const fits = await selectFits(page)
    expect(fits.map((fit) => fit.label)).toContain('As written (hours when no unit)')
    expect(fits.map((fit) => fit.label)).toContain('Backlog (outside totals)')
    expect(
      fits.filter((fit) => !fit.wholeLabel || !fit.insideDialog),
      `at ${width} px`,
    ).toEqual([])
  }
})
