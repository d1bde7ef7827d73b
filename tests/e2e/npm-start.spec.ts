import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { expect, repoRoot, shot, test } from './fixtures'

/**
 * `npm start` where Electron's binary is missing (its download failed or was skipped — as on this machine; an
 * empty ELECTRON_OVERRIDE_DIST_PATH makes it so on any machine): one line says what happened and how to fetch the
 * binary, and the cockpit opens in browser mode with a notice.
 */
test('npm start without Electron says so in one line and opens the browser mode with a notice', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-start-'))
  const child = spawn('npm', ['start', '--', '--db', join(dir, 'app.db'), '--port', '0', '--no-open'], {
    cwd: repoRoot,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no URL: ${stderr}`)), 60_000)
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(line)) return
        clearTimeout(timer)
        resolve(line.trim())
      })
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)))
    })
    const electronLines = stderr.split('\n').filter((line) => /electron/i.test(line))
    expect(electronLines).toEqual([
      "readiness: Electron's binary is not installed (its download failed or was skipped), so the cockpit opens in your browser instead; `node node_modules/electron/install.js` fetches it for the desktop app.",
    ])
    expect(stderr).not.toMatch(/Electron uninstall|\n\s+at /)

    const page = await browser.newPage()
    await page.goto(url)
    await page.locator('[data-app-state="ready"]').waitFor()
    const notice = page.getByTestId('host-notice')
    await expect(notice).toHaveAttribute('role', 'status')
    await expect(notice).toContainText("Electron's binary is not installed")
    await expect(notice).toContainText('node node_modules/electron/install.js')
    await expect(page.getByRole('heading', { name: 'Import a plan' })).toBeVisible()
    await shot(page, 'npm-start-without-electron')
    await page.close()
  } finally {
    // npm runs the entry in a child of its own: stop the whole group
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM')
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the browser mode started directly shows no such notice', async ({ appPage }) => {
  await expect(appPage.getByRole('heading', { name: 'Import a plan' })).toBeVisible()
  await expect(appPage.getByTestId('host-notice')).toHaveCount(0)
})
