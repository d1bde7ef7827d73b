/**
 * A stand-in for the `electron` module, so tests execute src/main/platform against it (vitest aliases `electron`
 * here). It records what the platform code asks of Electron (window options, handlers, headers, dialogs, prints)
 * and lets a test drive what Electron would (events, IPC calls, dialog answers). Only what the platform uses exists.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

type Handler = (...args: any[]) => any

export class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  destroyed = false
  windowOpenHandler: Handler | null = null
  sent: [string, unknown][] = []
  loaded: string[] = []
  printed: unknown[] = []
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
  }
  isDestroyed() {
    return this.destroyed
  }
  async executeJavaScript(_script: string): Promise<unknown> {
    return recorder.onExecuteJavaScript(this)
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options)
    return Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n',
      'latin1',
    )
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = []
  static getAllWindows() {
    return BrowserWindow.windows.filter((w) => !w.destroyed)
  }
  readonly webContents = new FakeWebContents()
  destroyed = false
  minimized = false
  calls: string[] = []
  constructor(readonly options: Record<string, any>) {
    super()
    BrowserWindow.windows.push(this)
    recorder.windows.push(this)
  }
  show() {
    this.calls.push('show')
  }
  maximize() {
    this.calls.push('maximize')
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
    this.calls.push('restore')
  }
  focus() {
    this.calls.push('focus')
  }
  isDestroyed() {
    return this.destroyed
  }
  isMaximized() {
    return false
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1280, height: 820 }
  }
  destroy() {
    this.destroyed = true
    this.webContents.destroyed = true
    this.calls.push('destroy')
  }
  async loadURL(url: string) {
    this.webContents.loaded.push(url)
  }
  async loadFile(file: string, options?: { search?: string }) {
    this.webContents.loaded.push(`file:${file}${options?.search ? `?${options.search}` : ''}`)
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false
  quitCalls = 0
  private readyResolve: (() => void) | null = null
  private readonly ready = new Promise<void>((done) => (this.readyResolve = done))
  requestSingleInstanceLock() {
    return recorder.singleInstanceLock
  }
  quit() {
    this.quitCalls++
  }
  whenReady() {
    this.readyResolve?.()
    return this.ready
  }
  getPath(name: string) {
    return join(recorder.userData, name === 'userData' ? '' : name)
  }
  getAppPath() {
    return recorder.appPath
  }
  getVersion() {
    return '0.0.0-stand-in'
  }
}

export const recorder = {
  singleInstanceLock: true,
  userData: mkdtempSync(join(tmpdir(), 'readiness-electron-userdata-')),
  appPath: resolve(__dirname, '../..'),
  windows: [] as BrowserWindow[],
  headerListeners: [] as Handler[],
  permissionRequest: null as Handler | null,
  permissionCheck: null as Handler | null,
  ipcHandlers: new Map<string, Handler>(),
  dialogs: [] as { kind: string; options: Record<string, any> }[],
  nextDialogAnswer: { canceled: true, filePaths: [] as string[], filePath: undefined as string | undefined },
  errorBoxes: [] as [string, string][],
  external: [] as string[],
  opened: [] as string[],
  menu: null as unknown,
  onExecuteJavaScript: async (_contents: FakeWebContents): Promise<unknown> => 'ready',
}

export const app = new FakeApp()

export const ipcMain = {
  handle(channel: string, handler: Handler) {
    recorder.ipcHandlers.set(channel, handler)
  },
}

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(listener: Handler) {
        recorder.headerListeners.push(listener)
      },
    },
    setPermissionRequestHandler(handler: Handler) {
      recorder.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: Handler) {
      recorder.permissionCheck = handler
    },
  },
}

export const dialog = {
  async showOpenDialog(_window: unknown, options: Record<string, any>) {
    recorder.dialogs.push({ kind: 'open', options })
    return recorder.nextDialogAnswer
  },
  async showSaveDialog(_window: unknown, options: Record<string, any>) {
    recorder.dialogs.push({ kind: 'save', options })
    return recorder.nextDialogAnswer
  },
  showErrorBox(title: string, content: string) {
    recorder.errorBoxes.push([title, content])
  },
}

export const shell = {
  async openExternal(url: string) {
    recorder.external.push(url)
  },
  async openPath(path: string) {
    recorder.opened.push(path)
    return ''
  },
  showItemInFolder(path: string) {
    recorder.opened.push(`reveal:${path}`)
  },
}

export const Menu = {
  buildFromTemplate(template: unknown) {
    return template
  },
  setApplicationMenu(menu: unknown) {
    recorder.menu = menu
  },
}

export const contextBridge = { exposeInMainWorld() {} }
export const ipcRenderer = { invoke: async () => undefined, on() {}, removeListener() {} }
export const webUtils = { getPathForFile: () => '' }

export default { app, BrowserWindow, ipcMain, session, dialog, shell, Menu, contextBridge, ipcRenderer, webUtils }
