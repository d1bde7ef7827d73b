import { test as base, chromium, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS } from '../../src/main/printers/chromium-args'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const seedPlansDir = resolve(repoRoot, '../shared/plans')
export const screenshotsDir = join(repoRoot, 'test-results', 'screenshots')

export { CHROMIUM_ARGS }

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH`)
  return path
}

export interface AppServer {
  url: string
  dbPath: string
  dataDir: string
  process: ChildProcess
}

/** Starts `npm run web`'s entry with its own database; resolves with the URL it prints first. */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'readiness-e2e-'))
  const dbPath = join(dataDir, 'app.db')
  const child = spawn(process.execPath, [join(repoRoot, 'bin/web.js'), '--db', dbPath, '--port', '0', '--no-open'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const url = await new Promise<string>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${stderr}`)), 60_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      resolvePromise(line.trim())
    })
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}: ${stderr}`)))
  })
  return { url, dbPath, dataDir, process: child }
}

export async function stopAppServer(server: AppServer) {
  if (server.process.exitCode === null) {
    const exited = new Promise((r) => server.process.once('exit', r))
    server.process.kill('SIGTERM')
    await exited
  }
  rmSync(server.dataDir, { recursive: true, force: true })
}

export async function shot(page: Page, name: string) {
  mkdirSync(screenshotsDir, { recursive: true })
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true })
}

export const test = base.extend<{ app: AppServer; appPage: Page }, { browser: Browser }>({
  browser: [
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  app: async ({}, use) => {
    const server = await startAppServer()
    await use(server)
    await stopAppServer(server)
  },
  appPage: async ({ browser, app }, use) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
    const page = await context.newPage()
    await page.goto(app.url)
    await page.locator('[data-app-state="ready"]').waitFor()
    await use(page)
    await context.close()
  },
})

export { expect } from '@playwright/test'
