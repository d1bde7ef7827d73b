import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, shot, test } from './fixtures'
import {
  addDays,
  buildGitRepo,
  connectAndSync,
  expectAccessible,
  goTo,
  importThroughUi,
  isoDay,
  todayNoon,
} from './ui-helpers'

/**
 * Issue 15 (4) and (6): the task drawer says why an item is not done — each check's true/false runs with the commits
 * that flipped them — tells "no checks yet" apart from inconclusive checks, and a check added or toggled is
 * evaluated at once, without pressing Sync.
 */

const PLAN = `# Flags and runbook

## Phase 1: Basics (weeks 1-2)

### 1.1 Feature flags (2h)

**Success criteria:**
- \`src/flags.py\` exists

### 1.2 Write the on-call runbook (2h)

Talk to the on-call team first.
`

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' })
}

test('why not done: a file created then deleted shows both commits; a check added and toggled is evaluated without Sync', async ({
  appPage: page,
}) => {
  const start = addDays(todayNoon(), -15)
  const repo = buildGitRepo([
    { date: addDays(start, -10), message: 'service as it was', files: { 'README.md': '# service\n' } },
    { date: addDays(start, 1), message: 'Add feature flags', files: { 'src/flags.py': 'FLAGS = {}\n' } },
    { date: addDays(start, 2), message: 'Runbook', files: { 'docs/runbook.md': '# On call\n' } },
  ])
  const planDir = mkdtempSync(join(tmpdir(), 'readiness-plan-'))
  const planFile = join(planDir, 'flags-plan.md')
  writeFileSync(planFile, PLAN)
  try {
    // delete the file in a commit of its own, the day after it was created
    rmSync(join(repo, 'src/flags.py'))
    git(repo, ['add', '-A'])
    const when = addDays(start, 2).toISOString()
    execFileSync('git', ['commit', '-q', '-m', 'Drop feature flags'], {
      cwd: repo,
      env: { ...process.env, HOME: repo, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    })
    const [deleted, , created] = git(repo, ['log', '--format=%h', '-n', '3'])
      .trim()
      .split('\n')
      .map((sha) => sha.slice(0, 7))

    await importThroughUi(page, planFile, isoDay(start))
    await connectAndSync(page, repo)
    await goTo(page, 'Tasks')

    const row11 = page.locator('[data-testid="task-row"][data-task-key="1.1"]')
    await expect(row11).toHaveAttribute('data-state', 'not-started')
    await row11.getByRole('button').click()
    const drawer = page.getByTestId('task-drawer')
    const runs = drawer.getByTestId('check-run')
    await expect(runs).toHaveCount(2)
    await expect(runs.nth(0)).toContainText(`created`)
    await expect(runs.nth(0)).toContainText(created)
    await expect(runs.nth(0)).toHaveAttribute('data-value', 'true')
    await expect(runs.nth(1)).toContainText(`deleted`)
    await expect(runs.nth(1)).toContainText(deleted)
    await expect(runs.nth(1)).toHaveAttribute('data-value', 'false')
    await expectAccessible(page, 'the task drawer with a check history')
    await shot(page, 'drawer-why-not-done')
    await page.keyboard.press('Escape')

    // no checks at all: said so, with the action to add one
    const row12 = page.locator('[data-testid="task-row"][data-task-key="1.2"]')
    await expect(row12).toHaveAttribute('data-state', 'needs-confirmation')
    await row12.getByRole('button').click()
    await expect(drawer.getByTestId('evidence-verdict')).toHaveAttribute('data-reason', 'no-checks')
    await expect(drawer.getByTestId('evidence-verdict')).toContainText('No checks yet')
    await drawer.getByRole('button', { name: 'Add a check' }).click()
    const form = drawer.getByRole('form', { name: 'New check' })
    await form.getByLabel('Path').fill('docs/runbook.md')
    await form.getByRole('button', { name: 'Save check' }).click()

    // evaluated at once: no Sync pressed
    const item = drawer.getByTestId('check-item')
    await expect(item).toHaveAttribute('data-holds', 'true')
    await expect(drawer.getByTestId('check-run').first()).toContainText('created')
    await expect(row12).toHaveAttribute('data-state', 'done')

    // toggled off and on: the task follows, still without a sync
    // (the box follows the stored check, so it changes once the update is saved)
    await item.getByLabel('Enabled').click()
    await expect(item.getByLabel('Enabled')).not.toBeChecked()
    await expect(row12).toHaveAttribute('data-state', 'needs-confirmation')
    await item.getByLabel('Enabled').click()
    await expect(item.getByLabel('Enabled')).toBeChecked()
    await expect(item).toHaveAttribute('data-holds', 'true')
    await expect(row12).toHaveAttribute('data-state', 'done')
  } finally {
    rmSync(repo, { recursive: true, force: true })
    rmSync(planDir, { recursive: true, force: true })
  }
})
