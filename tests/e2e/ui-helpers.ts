/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, seedPlansDir } from './fixtures'

export const SEED_004 = join(seedPlansDir, '004_5444bc3a38160578.txt')

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

/** Today at noon UTC, so adding days never crosses a date boundary by time zone. */
export function todayNoon(): Date {
  return new Date(`${isoDay(new Date())}T12:00:00Z`)
}

export interface FixtureCommit {
  date: Date
  message: string
  files: Record<string, string>
}

/** A real git repository with commits at the given dates (author and committer). */
export function buildGitRepo(commits: FixtureCommit[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-ui-repo-'))
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...env },
      stdio: 'pipe',
    })
  git(['init', '-q', '-b', 'main'])
  git(['config', 'user.email', 'lead@example.com'])
  git(['config', 'user.name', 'Lead'])
  for (const commit of commits) {
    for (const [path, content] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
    git(['add', '-A'])
    const when = commit.date.toISOString()
    git(['commit', '-q', '-m', commit.message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when })
  }
  return dir
}

/**
 * Commits for seed plan 004 relative to its start: a baseline before the start, then week-1 work
 * (Step 1.2 and 1.4: the Celery tasks module, the HubSpot webhook changed) and week-2 work (Step 1.1, 1.3).
 */
export function seed004Commits(start: Date): FixtureCommit[] {
  return [
    {
      date: addDays(start, -10),
      message: 'baseline services',
      files: {
        'services/gateway-api/src/webhooks/hubspot.ts': 'export function hubspot() { return "sync" }\n',
        'services/titan-core/ai_council/director_agent.py': 'def create_battle_plan():\n    return None\n',
      },
    },
    {
      date: addDays(start, 1),
      message: 'Queue HubSpot webhooks through Celery',
      files: {
        'services/ml-service/src/tasks.py': 'from celery import Celery\ncelery_app = Celery("ml_service")\n',
        'services/gateway-api/src/webhooks/hubspot.ts': 'export function hubspot() { return "queued" }\n',
      },
    },
    {
      date: addDays(start, 8),
      message: 'Director uses RAG winners; prediction endpoint',
      files: {
        'services/titan-core/ai_council/director_agent.py':
          'def create_battle_plan():\n    winners = search_winners()\n    return winners\n',
        'services/ml-service/src/main.py': 'app = None\n',
      },
    },
  ]
}

/** Imports a plan file through the hidden file input and the preview; optionally overrides the start date. */
export async function importThroughUi(page: Page, file: string, startDate?: string) {
  await page.locator('#plan-file-input').setInputFiles(file)
  const preview = page.getByTestId('import-preview')
  // the preview is parsed on a worker thread: a loaded machine may take longer than the default wait
  await expect(preview.getByTestId('preview-task-count')).toBeVisible({ timeout: 30_000 })
  if (startDate) await page.getByRole('dialog').getByLabel('Plan start').fill(startDate)
  await page.getByRole('button', { name: 'Import plan' }).click()
  await expect(page.getByTestId('burndown-chart').locator('.line-ideal path.recharts-line-curve')).toBeVisible()
}

export async function connectAndSync(page: Page, repoDir: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Repos' }).click()
  await page.getByLabel('Folder').fill(repoDir)
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByTestId('repo-card')).toBeVisible()
  // record whether the progress bar showed, however short the sync is
  await page.evaluate(() => {
    const seen = ((window as unknown as { __sawProgress: boolean }).__sawProgress = false)
    void seen
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"]'))
        (window as unknown as { __sawProgress: boolean }).__sawProgress = true
    }).observe(document.body, { childList: true, subtree: true })
  })
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect(page.getByTestId('sync-summary')).toContainText('Synced')
  expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true)
}

/** The plan id of the plan the UI shows (the switcher's value). */
export async function selectedPlanId(page: Page): Promise<number> {
  return Number(await page.getByLabel('Plan', { exact: true }).inputValue())
}

export async function callRpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/rpc/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-readiness-token': sessionStorage.getItem('readiness-token') ?? '',
        },
        body: JSON.stringify(input),
      })
      const result = await response.json()
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value
    },
    { method, input },
  ) as Promise<T>
}

export async function goTo(page: Page, screen: 'Plans' | 'Dashboard' | 'Tasks' | 'Repos' | 'Report' | 'Settings') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen, exact: true }).click()
}

/** axe-core: no serious or critical violations. */
export async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const severe = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
  const summary = severe.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 4)
        .join(' | ')}`,
  )
  expect(summary, `accessibility violations on ${where}`).toEqual([])
}

/** Closes the corner messages so screenshots show the screen itself. */
export async function dismissNotices(page: Page) {
  for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click()
}
