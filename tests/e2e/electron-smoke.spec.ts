import { _electron as electron, test, expect } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './fixtures'

/** The Electron binary is downloaded by electron's install step; where that cannot run, this smoke test skips. */
function electronBinary(): string | null {
  const pathFile = join(repoRoot, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(repoRoot, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

test('the desktop app opens its window with the app shell', async () => {
  const binary = electronBinary()
  if (!binary)
    console.log(
      '[electron-smoke] skipped: no Electron binary in node_modules/electron/dist (its download is not possible on this machine)',
    )
  test.skip(!binary, 'no Electron binary installed (node_modules/electron/dist is missing)')
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(repoRoot, 'out/main/index.js')],
    env: { ...process.env, READINESS_DB: join(repoRoot, 'test-results/electron-smoke.db') },
  })
  const window = await app.firstWindow()
  await window.locator('[data-app-state="ready"]').waitFor()
  expect(await window.evaluate(() => typeof (window as unknown as { api?: unknown }).api)).toBe('object')
  expect(await window.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined')
  await app.close()
})
