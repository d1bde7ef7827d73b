import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openCore, type Core } from '../bootstrap'
import { resolveDbPath } from '../paths'
import { createLogger } from '../log'
import type { PlatformPort } from '../rpc'
import { CONTENT_SECURITY_POLICY } from '../web/server'
import { createWorkerPool, type WorkerPool } from '../web/offload'
import { forwardEvents, isAppUrl, registerIpcHandlers } from './ipc-bridge'
import { eventChannel } from '../../preload/api'
import { buildAppMenu } from './menu'
import { createElectronPdfPrinter } from './pdf-printer'
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './window-state'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
const rendererEntry = join(__dirname, '../renderer/index.html')
const appEntryUrl = pathToFileURL(rendererEntry).href

let mainWindow: BrowserWindow | null = null

function bundledFolder(name: string): string {
  return app.isPackaged ? join(process.resourcesPath, name) : join(app.getAppPath(), name)
}

// the report's PDF: the print view (`?view=report…`) in a hidden window with the app's preload
const pdfPrinter = createElectronPdfPrinter({
  preload: join(__dirname, '../preload/index.cjs'),
  load: (win, query) =>
    devServerUrl ? win.loadURL(`${devServerUrl}?${query}`) : win.loadFile(rendererEntry, { search: query }),
})

const platformPort: PlatformPort = {
  mode: 'electron',
  dialogs: {
    async openFile({ title, filters }) {
      const result = await dialog.showOpenDialog(mainWindow!, { title, filters, properties: ['openFile'] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async openFolder({ title }) {
      const result = await dialog.showOpenDialog(mainWindow!, { title, properties: ['openDirectory'] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async saveFile({ title, defaultPath, filters }) {
      // replacing a file is confirmed in the dialog itself (macOS and Windows always ask; Linux only with this)
      const result = await dialog.showSaveDialog(mainWindow!, {
        title,
        defaultPath,
        filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      })
      return result.canceled ? null : (result.filePath ?? null)
    },
  },
  revealInFolder: (path) => shell.showItemInFolder(path),
  openPath: async (path) => {
    await shell.openPath(path)
  },
}

function createWindow(core: Core) {
  const stateFile = join(app.getPath('userData'), 'window-state.json')
  const state = loadWindowState(stateFile)
  const win = new BrowserWindow({
    ...DEFAULT_WINDOW_STATE,
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Readiness Cockpit',
    backgroundColor: '#10141a',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  mainWindow = win
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  const remember = () => {
    if (win.isDestroyed()) return
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() })
  }
  win.on('close', remember)

  // Nothing foreign ever loads in the app window; links open in the user's browser only if they are web links.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appEntryUrl, devServerUrl)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())

  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(rendererEntry)
  forwardEvents(core, () => (win.isDestroyed() ? null : win.webContents))
  return win
}

/**
 * Syncs, plan parsing and progress run on two worker threads, as in browser mode, so the window never waits on them.
 * The built app ships the worker beside this file (electron.vite.config.ts); from source it runs through tsx.
 * Exports stay here: they print and save through the app's own windows and dialogs.
 */
function appWorkers(logger: ReturnType<typeof createLogger>, dbPath: string): WorkerPool {
  const built = join(__dirname, 'offload-worker.js')
  return createWorkerPool(
    {
      mode: 'electron',
      dbPath,
      migrationsFolder: bundledFolder('drizzle'),
      resourcesDir: bundledFolder('resources'),
      rendererDir: join(__dirname, '../renderer'),
      projectRoot: app.getAppPath(),
      appVersion: app.getVersion(),
      logFile: logger.file,
      verbose: false,
    },
    {
      entry: existsSync(built) ? built : undefined,
      keepOnHost: ['report.exportPdf', 'report.exportCsv', 'report.exportJson'],
      onReady: (role) => logger.info(`[electron] the ${role} worker thread is ready`),
    },
  )
}

/** The core over the user's database; on a database it cannot use, one sentence in an error box and quit. */
function openAppCore(): { core: Core; workers: WorkerPool } | null {
  const pathEnv = { platform: process.platform, env: process.env, homedir: homedir() }
  const logger = createLogger({ file: join(app.getPath('userData'), 'logs', 'readiness.log'), source: 'electron' })
  const dbPath = resolveDbPath(undefined, pathEnv)
  const workers = appWorkers(logger, dbPath)
  try {
    const core = openCore({
      dbPath,
      migrationsFolder: bundledFolder('drizzle'),
      resourcesDir: bundledFolder('resources'),
      appVersion: app.getVersion(),
      platform: platformPort,
      pdf: () => pdfPrinter,
      watchRepos: true,
      dailyBackups: true,
      logger,
      offload: workers,
    })
    return { core, workers }
  } catch (error) {
    void workers.close()
    logger.error('the database could not be opened', error)
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    dialog.showErrorBox('Readiness Cockpit cannot open its database', `${message}\n\nDetails are in ${logger.file}.`)
    app.quit()
    return null
  }
}

export function startDesktopApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  void app.whenReady().then(() => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      })
    })
    // notifications (shown only while the window is unfocused) are the one permission the app uses
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
      callback(permission === 'notifications'),
    )
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'notifications')

    const opened = openAppCore()
    if (!opened) return
    const { core, workers } = opened
    registerIpcHandlers(ipcMain, core.dispatch, (event) => {
      const frame = event.senderFrame
      const fromAppWindow =
        (mainWindow !== null && event.sender === mainWindow.webContents) || pdfPrinter.isPrintContents(event.sender)
      return frame !== null && fromAppWindow && isAppUrl(frame.url, appEntryUrl, devServerUrl)
    })
    createWindow(core)
    buildAppMenu({ send: (command) => mainWindow?.webContents.send(eventChannel('app.menuCommand'), { command }) })

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(core)
    })
    let closed = false
    app.on('will-quit', (event: { preventDefault(): void }) => {
      if (closed) return
      // the worker threads close their connections first, the database last; then the quit goes on
      event.preventDefault()
      closed = true
      void workers.close().finally(() => {
        core.close()
        app.quit()
      })
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
