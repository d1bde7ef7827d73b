import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { rpcChannel } from '../../src/preload/api'
import type * as StandInModule from '../electron/stand-in'
import type { MethodName } from '../../src/shared/contract'
import { SEED_004 } from '../integration/seed-004-fixture'

type StandIn = typeof StandInModule
type Answer = { ok: boolean; value?: any; error?: { code: string; message: string } }

/** Loads a fresh stand-in and a fresh copy of the platform code, and starts the desktop app against them. */
async function launch(env: { db: string; lock?: boolean }) {
  vi.resetModules()
  process.env.READINESS_DB = env.db
  const electron = (await import('electron')) as unknown as StandIn
  electron.recorder.singleInstanceLock = env.lock ?? true
  const { startDesktopApp } = await import('../../src/main/platform/electron-main')
  startDesktopApp()
  const { recorder } = electron
  for (
    let i = 0;
    i < 500 && recorder.ipcHandlers.size === 0 && recorder.errorBoxes.length === 0 && electron.app.quitCalls === 0;
    i++
  )
    await new Promise((r) => setTimeout(r, 10))
  return electron
}

describe('the Electron shell, executed against a stand-in electron module', () => {
  let dir: string
  let electron: StandIn
  let appUrl: string
  const main = () => electron.recorder.windows[0]
  const invoke = (method: MethodName, input: unknown, event: Record<string, unknown>) =>
    electron.recorder.ipcHandlers.get(rpcChannel(method))!(event, input) as Promise<Answer>
  const fromApp = () => ({ sender: main().webContents, senderFrame: { url: appUrl } })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-shell-'))
    electron = await launch({ db: join(dir, 'app.db') })
    const loaded = main().webContents.loaded[0]
    appUrl = pathToFileURL(loaded.replace(/^file:/, '')).href
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    delete process.env.READINESS_DB
  })

  it('opens one window with exactly the secure webPreferences', () => {
    expect(electron.recorder.windows).toHaveLength(1)
    const options = main().options
    expect(options.webPreferences).toEqual({
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    })
    expect(options.show).toBe(false)
    expect(main().webContents.loaded).toEqual([expect.stringMatching(/^file:.*renderer[\\/]index\.html$/)])
  })

  it('adds the strict CSP to every response and allows only the notifications permission', async () => {
    expect(electron.recorder.headerListeners).toHaveLength(1)
    const answered = await new Promise<Record<string, string[]>>((resolve) =>
      electron.recorder.headerListeners[0](
        { url: appUrl, responseHeaders: { 'X-Other': ['kept'] } },
        (result: { responseHeaders: Record<string, string[]> }) => resolve(result.responseHeaders),
      ),
    )
    expect(answered['X-Other']).toEqual(['kept'])
    const [csp] = answered['Content-Security-Policy']
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/)
    const granted = (permission: string) =>
      new Promise((resolve) => electron.recorder.permissionRequest!(main().webContents, permission, resolve))
    expect(await granted('notifications')).toBe(true)
    for (const permission of ['media', 'geolocation', 'openExternal', 'clipboard-read'])
      expect(await granted(permission)).toBe(false)
    expect(electron.recorder.permissionCheck!(main().webContents, 'camera')).toBe(false)
  })

  it('denies navigation away from the app, window.open, and webviews', () => {
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() }
      main().webContents.emit('will-navigate', event, url)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(navigate('https://evil.example/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(navigate(`${appUrl}#/tasks`)).toBe(false)
    const open = main().webContents.windowOpenHandler!
    expect(open({ url: 'https://docs.example/page' })).toEqual({ action: 'deny' })
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    // web links open in the user's browser; nothing else leaves the app
    expect(electron.recorder.external).toEqual(['https://docs.example/page'])
    const attach = { preventDefault: vi.fn() }
    main().webContents.emit('will-attach-webview', attach)
    expect(attach.preventDefault).toHaveBeenCalled()
  })

  it('answers IPC from the app page only: another window, another page or no frame is refused', async () => {
    expect(electron.recorder.ipcHandlers.size).toBeGreaterThan(20)
    expect(await invoke('plans.list', {}, fromApp())).toEqual({ ok: true, value: [] })
    const stranger = new electron.BrowserWindow({})
    for (const event of [
      { sender: stranger.webContents, senderFrame: { url: appUrl } },
      { sender: main().webContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: main().webContents, senderFrame: { url: `${appUrl.replace('index.html', 'other.html')}` } },
      { sender: main().webContents, senderFrame: null },
    ]) {
      expect(await invoke('plans.list', {}, event)).toEqual({
        ok: false,
        error: { code: 'unsupported', message: 'Refused: the call did not come from the app window' },
      })
    }
    stranger.destroy()
  })

  it('a second instance focuses the first window (restoring it when minimized)', () => {
    main().minimized = true
    main().calls.length = 0
    electron.app.emit('second-instance', {}, ['readiness'], dir)
    expect(main().calls).toEqual(['restore', 'focus'])
  })

  it('prints the report in a hidden, locked-down window with the page setup, and accepts its IPC only while printing', async () => {
    const base64 = readFileSync(SEED_004).toString('base64')
    const imported = await invoke(
      'plans.import',
      { source: { name: 'seed-004.md', base64 }, startDate: '2024-12-02' },
      fromApp(),
    )
    expect(imported.ok).toBe(true)
    let printWindowCall: Answer | null = null
    electron.recorder.onExecuteJavaScript = async (contents) => {
      // the print view asks for its data over the same bridge while the print runs
      printWindowCall = (await electron.recorder.ipcHandlers.get(rpcChannel('report.get'))!(
        { sender: contents, senderFrame: { url: `${appUrl}?view=report` } },
        { planId: imported.value.planId, asOf: '2024-12-20' },
      )) as Answer
      return 'ready'
    }
    const before = electron.recorder.windows.length
    const answer = await invoke(
      'report.exportPdf',
      { planId: imported.value.planId, asOf: '2024-12-20', paper: 'Letter' },
      fromApp(),
    )
    expect(answer).toMatchObject({ ok: true, value: { pages: 2, path: null } })
    expect(printWindowCall).toMatchObject({ ok: true })
    const printWindow = electron.recorder.windows[before]
    expect(printWindow.options).toEqual({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        preload: expect.stringMatching(/index\.cjs$/),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    })
    expect(printWindow.webContents.loaded).toEqual([expect.stringMatching(/view=report/)])
    const [pageSetup] = printWindow.webContents.printed as Record<string, any>[]
    expect(pageSetup).toMatchObject({ pageSize: 'Letter', printBackground: true, displayHeaderFooter: true })
    expect(pageSetup.margins.top).toBeGreaterThan(0.3)
    expect(pageSetup.headerTemplate).toContain('2024-12-20')
    expect(pageSetup.footerTemplate).toMatch(/pageNumber/)
    expect(printWindow.webContents.windowOpenHandler!({ url: 'https://x.example' })).toEqual({ action: 'deny' })
    const navigate = { preventDefault: vi.fn() }
    printWindow.webContents.emit('will-navigate', navigate, 'https://evil.example')
    expect(navigate.preventDefault).toHaveBeenCalled()
    expect(printWindow.calls).toContain('destroy')
    // once printed, the window's IPC is refused like any stranger's
    const late = await electron.recorder.ipcHandlers.get(rpcChannel('plans.list'))!(
      { sender: printWindow.webContents, senderFrame: { url: appUrl } },
      {},
    )
    expect(late).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })

  it('writes exports only where the save dialog (which confirms replacing) said, once; and opens only what it wrote', async () => {
    const target = join(dir, 'status.csv')
    electron.recorder.nextDialogAnswer = { canceled: false, filePaths: [], filePath: target }
    const chosen = await invoke('dialogs.chooseSavePath', { defaultName: 'status.csv', kind: 'csv' }, fromApp())
    expect(chosen).toEqual({ ok: true, value: { path: target } })
    expect(electron.recorder.dialogs.at(-1)!.options.properties).toContain('showOverwriteConfirmation')
    expect(await invoke('report.exportCsv', { planId: 1, path: target }, fromApp())).toMatchObject({
      ok: true,
      value: { path: target },
    })
    expect(await invoke('report.exportCsv', { planId: 1, path: target }, fromApp())).toMatchObject({
      ok: false,
      error: { message: 'Choose where to save with the save dialog.' },
    })
    expect(await invoke('report.exportCsv', { planId: 1, path: join(dir, 'elsewhere.csv') }, fromApp())).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
    expect(await invoke('files.open', { path: target }, fromApp())).toEqual({ ok: true, value: { done: true } })
    expect(await invoke('files.open', { path: '/etc/passwd' }, fromApp())).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
    expect(electron.recorder.opened).toEqual([target])
  })

  it('builds the application menu', () => {
    const labels = JSON.stringify(electron.recorder.menu)
    for (const label of ['Import Plan…', 'Export PDF…', 'Backup…', 'Dashboard']) expect(labels).toContain(label)
  })

  it('runs imports, syncs and progress on two worker threads, with the desktop rules (a plan path is allowed)', async () => {
    const log = join(electron.recorder.userData, 'logs', 'readiness.log')
    const ready = () => {
      const text = existsSync(log) ? readFileSync(log, 'utf8') : ''
      return ['writer', 'reader'].every((role) => text.includes(`[electron] the ${role} worker thread is ready`))
    }
    // from source each thread loads the TypeScript through tsx first
    for (let i = 0; i < 600 && !ready(); i++) await new Promise((r) => setTimeout(r, 100))
    expect(ready()).toBe(true)
    const imported = await invoke('plans.import', { source: { path: SEED_004 }, startDate: '2024-12-02' }, fromApp())
    expect(imported).toMatchObject({ ok: true })
    expect(await invoke('progress.get', { planId: imported.value.planId }, fromApp())).toMatchObject({ ok: true })
    expect(await invoke('plans.preview', { source: { path: 'relative.md' } }, fromApp())).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
  }, 90_000)

  it('on quit, closes the worker threads and then the database before quitting', async () => {
    const event = { preventDefault: vi.fn() }
    const quits = electron.app.quitCalls
    electron.app.emit('will-quit', event)
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 100 && electron.app.quitCalls === quits; i++) await new Promise((r) => setTimeout(r, 50))
    expect(electron.app.quitCalls).toBe(quits + 1)
    // the quit that follows goes through
    const again = { preventDefault: vi.fn() }
    electron.app.emit('will-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })
})

describe('the Electron shell when it cannot run', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-shell-fail-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    delete process.env.READINESS_DB
  })

  it('a second instance quits at once without a window (the first one gets focused)', async () => {
    const electron = await launch({ db: join(dir, 'second.db'), lock: false })
    expect(electron.app.quitCalls).toBe(1)
    expect(electron.recorder.windows).toHaveLength(0)
    expect(electron.recorder.ipcHandlers.size).toBe(0)
  })

  it("on another program's database: one sentence in an error box, quit, the file untouched", async () => {
    const foreign = join(dir, 'other.sqlite')
    const other = new Database(foreign)
    other.exec('create table users (id integer primary key)')
    other.close()
    const before = createHash('sha256').update(readFileSync(foreign)).digest('hex')
    const electron = await launch({ db: foreign })
    expect(electron.recorder.errorBoxes).toHaveLength(1)
    const [title, content] = electron.recorder.errorBoxes[0]
    expect(title).toBe('Readiness Cockpit cannot open its database')
    expect(content.split('\n')[0]).toMatch(
      /another program's SQLite database, not a Readiness Cockpit one; it was left untouched/,
    )
    expect(electron.app.quitCalls).toBe(1)
    expect(electron.recorder.windows).toHaveLength(0)
    expect(createHash('sha256').update(readFileSync(foreign)).digest('hex')).toBe(before)
  })
})
