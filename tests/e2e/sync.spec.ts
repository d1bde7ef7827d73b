/// <reference lib="dom" />
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { RepoLink } from '../../src/shared/contract/repos'
import type { ProgressReport } from '../../src/shared/progress-model'
import { expect, repoRoot, test } from './fixtures'
import {
  SEED_004,
  addDays,
  buildGitRepo,
  callRpc,
  connectAndSync,
  goTo,
  importThroughUi,
  isoDay,
  seed004Commits,
  selectedPlanId,
  todayNoon,
} from './ui-helpers'

function statusJson(planId: number, dbPath: string): ProgressReport {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'bin/readiness.js'), 'status', String(planId), '--json', '--db', dbPath],
    { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
  )
  if (result.status !== 0) throw new Error(`readiness status failed: ${result.stderr}`)
  return JSON.parse(result.stdout) as ProgressReport
}

const oneDecimal = (value: number) => String(Math.round(value * 10) / 10)

/** A column of the chart's data table over every week of the series ("All weeks": the default shows the plan's weeks). */
async function chartColumn(page: Page, column: 'ideal' | 'actual' | 'scope'): Promise<string[]> {
  await goTo(page, 'Dashboard')
  await expect(page.getByTestId('burndown-chart').locator('.line-actual path.recharts-line-curve')).toBeVisible()
  const allWeeks = page.getByRole('button', { name: 'All weeks' })
  if ((await allWeeks.getAttribute('aria-pressed')) !== 'true') await allWeeks.click()
  await expect(page.getByTestId('burndown-chart')).toHaveAttribute('data-range', 'all')
  return page.getByTestId('chart-data').locator(`td[data-col="${column}"]`).allTextContents()
}

/** The plan starts 15 days ago, so today is in week 3 and the fixture's commits fall in weeks 1 and 2. */
async function importSyncedPlan(page: Page) {
  const start = addDays(todayNoon(), -15)
  const repo = buildGitRepo(seed004Commits(start))
  await importThroughUi(page, SEED_004, isoDay(start))
  await connectAndSync(page, repo)
  return { repo, planId: await selectedPlanId(page) }
}

test('connecting a folder that is not a repository says so next to the form', async ({ appPage: page, app }) => {
  await importThroughUi(page, SEED_004)
  await goTo(page, 'Repos')
  await page.getByLabel('Folder').fill(app.dataDir)
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByTestId('repo-error')).toContainText('not a git repository')
  await expect(page.getByTestId('repo-card')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled()
})

test('syncing a fixture repo turns tasks done; the actual line and figures match `readiness status --json`', async ({
  appPage: page,
  app,
}) => {
  const { repo, planId } = await importSyncedPlan(page)
  try {
    await goTo(page, 'Tasks')
    for (const key of ['1.2', '1.3', '1.4'])
      await expect(page.locator(`[data-testid="task-row"][data-task-key="${key}"]`)).toHaveAttribute(
        'data-state',
        'done',
      )
    // 1.1 only lists a file to modify: its change shows progress, never done
    await expect(page.locator('[data-testid="task-row"][data-task-key="1.1"]')).toHaveAttribute(
      'data-state',
      'in-progress',
    )
    await expect(page.locator('[data-testid="task-row"][data-task-key="2.1"]')).not.toHaveAttribute(
      'data-state',
      'done',
    )

    await goTo(page, 'Dashboard')
    await expect(page.getByTestId('burndown-chart').locator('.line-actual path.recharts-line-curve')).toBeVisible()
    const cli = statusJson(planId, app.dbPath)
    expect(cli.summary.doneTaskCount).toBe(3)
    await expect(page.getByTestId('figure-verified')).toContainText(`${oneDecimal(cli.summary.verifiedPercent)}%`)
    await expect(page.getByTestId('figure-remaining')).toContainText(`${oneDecimal(cli.summary.remainingHours)} h`)
    await expect(page.getByTestId('figure-spi')).toContainText(
      cli.summary.spi === null ? '—' : cli.summary.spi.toFixed(2),
    )

    const actual = await chartColumn(page, 'actual')
    const expected = cli.burndown.map((point) =>
      point.actualRemainingHours === null ? '—' : oneDecimal(point.actualRemainingHours),
    )
    expect(actual).toEqual(expected)
    expect(await chartColumn(page, 'ideal')).toEqual(cli.burndown.map((point) => oneDecimal(point.idealRemainingHours)))
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})

test('a manual status with a note shows in the table and the chart, and is flagged when git disagrees', async ({
  appPage: page,
  app,
}) => {
  const { repo, planId } = await importSyncedPlan(page)
  try {
    const actualBefore = await chartColumn(page, 'actual')
    await goTo(page, 'Tasks')

    // 2.1 has no evidence in git: the lead marks it done by hand
    await page.locator('[data-testid="task-row"][data-task-key="2.1"]').getByRole('button').click()
    const drawer = page.getByTestId('task-drawer')
    await drawer.getByLabel('Status', { exact: true }).selectOption('done')
    await drawer.getByLabel('Note').fill('Shipped in the frontend repo, not connected here')
    await drawer.getByRole('button', { name: 'Save status' }).click()
    await expect(drawer.getByTestId('status-history')).toContainText('Shipped in the frontend repo')
    await page.keyboard.press('Escape')
    const row21 = page.locator('[data-testid="task-row"][data-task-key="2.1"]')
    await expect(row21).toHaveAttribute('data-state', 'done')
    await expect(row21).toHaveAttribute('data-manual', 'done')
    await expect(row21.getByText('manual: done')).toBeVisible()

    // 1.2 is done in git: the lead says it is not, and the cockpit flags the disagreement
    await page.locator('[data-testid="task-row"][data-task-key="1.2"]').getByRole('button').click()
    await drawer.getByLabel('Status', { exact: true }).selectOption('not-done')
    await drawer.getByLabel('Note').fill('Webhook still synchronous in production')
    await drawer.getByRole('button', { name: 'Save status' }).click()
    await expect(drawer.getByText(/git disagrees/)).toBeVisible()
    await page.keyboard.press('Escape')
    const row12 = page.locator('[data-testid="task-row"][data-task-key="1.2"]')
    await expect(row12).toHaveAttribute('data-disagreement', 'true')
    await expect(row12.getByText('git disagrees')).toBeVisible()

    await page.getByLabel('State', { exact: true }).selectOption('disagreement')
    const flagged = page.getByTestId('task-row')
    await expect(flagged.first()).toBeVisible()
    // the filter applies after a render: wait until only flagged rows are left before reading them
    await expect(page.locator('[data-testid="task-row"]:not([data-disagreement="true"])')).toHaveCount(0)
    const flaggedKeys = await flagged.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-task-key')))
    expect(flaggedKeys).toContain('1.2')
    for (const row of await flagged.all()) await expect(row).toHaveAttribute('data-disagreement', 'true')

    // the chart's actual line follows the manual statuses, exactly as the CLI computes them
    await goTo(page, 'Dashboard')
    const cli = statusJson(planId, app.dbPath)
    const actualAfter = await chartColumn(page, 'actual')
    expect(actualAfter).toEqual(
      cli.burndown.map((point) => (point.actualRemainingHours === null ? '—' : oneDecimal(point.actualRemainingHours))),
    )
    expect(actualAfter).not.toEqual(actualBefore)
    expect(cli.summary.disagreementCount).toBe(flaggedKeys.length)
    await expect(page.getByTestId('confirm-title')).toContainText('manual status disagrees with git')
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})

test('filtering by the connected repo shows exactly the tasks whose evidence came from it', async ({
  appPage: page,
  app,
}) => {
  const { repo, planId } = await importSyncedPlan(page)
  try {
    const [link] = await callRpc<RepoLink[]>(page, 'repos.list', { planId })
    const cli = statusJson(planId, app.dbPath)
    const fromRepo = cli.tasks
      .filter((task) => task.evidence.some((item) => item.repoId === String(link.repoId)))
      .map((task) => task.key)
    const withoutEvidence = cli.tasks.filter((task) => task.evidence.length === 0).map((task) => task.key)
    // the repo has no prefix, so the old path rule would have kept every task with plan files: evidence is narrower
    expect(fromRepo).toContain('1.2')
    expect(withoutEvidence.length).toBeGreaterThan(0)
    expect(fromRepo.length).toBeLessThan(cli.tasks.length)

    await goTo(page, 'Tasks')
    const rows = page.getByTestId('task-row')
    await expect(rows).toHaveCount(cli.tasks.length)
    await page.getByLabel('Repository').selectOption(String(link.repoId))
    await expect(rows).toHaveCount(fromRepo.length)
    const shown = await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-task-key')))
    expect(shown.sort()).toEqual([...fromRepo].sort())
    for (const key of withoutEvidence) expect(shown).not.toContain(key)
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})
