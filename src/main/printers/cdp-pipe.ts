import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'

/**
 * A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on fd 3,
 * answers on fd 4, each message JSON ended by NUL) — the transport Playwright itself uses, without loading
 * Playwright (importing playwright-core alone takes ~0.35 s, a tenth of the report's budget). Nothing listens on
 * a port; when this process ends, the pipe closes and Chromium exits.
 */

/** Flags for printing on top of the shared list: no first-tab, no /dev/shm limits in containers, fixed window. */
const PRINT_ARGS = [
  '--remote-debugging-pipe',
  '--no-startup-window',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--hide-scrollbars',
  '--mute-audio',
  '--window-size=1280,720',
]

export class CdpError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CdpError'
  }
}

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
  method: string
}

interface CdpMessage {
  id?: number
  method?: string
  params?: Record<string, unknown>
  sessionId?: string
  result?: unknown
  error?: { message: string }
}

type EventListener = (message: CdpMessage) => void

/** Chromium profile folders in the temp dir are named after the host process: `readiness-chromium-<pid>-…`. */
const PROFILE_PREFIX = 'readiness-chromium-'

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes the profile folders of hosts that are gone (killed, or exited mid-print), so none pile up. */
export function sweepStaleProfiles(dir = tmpdir()): void {
  for (const name of readdirSync(dir)) {
    const owner = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)
    if (!owner || Number(owner[1]) === process.pid || processAlive(Number(owner[1]))) continue
    rmSync(join(dir, name), { recursive: true, force: true })
  }
}

/** Browsers still running; if the host exits before closing one (Ctrl+C on browser mode, a test worker ending), the
 * exit hook stops it and removes its profile folder, which its own exit handler would no longer get to do. */
const running = new Set<CdpBrowser>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const browser of running) browser.killNow()
  })
}

/** One Chromium process and its protocol connection. */
export class CdpBrowser {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Set<EventListener>()
  private stderrTail = ''
  private exited: Promise<void>
  private exitReason: string | null = null

  private constructor(
    private readonly child: ChildProcess,
    private readonly userDataDir: string,
  ) {
    const toBrowser = child.stdio[3] as Writable
    const fromBrowser = child.stdio[4] as Readable
    toBrowser.on('error', () => undefined)
    let buffered = ''
    fromBrowser.setEncoding('utf8')
    fromBrowser.on('data', (chunk: string) => {
      const parts = (buffered + chunk).split('\0')
      buffered = parts.pop() ?? ''
      for (const part of parts) if (part) this.receive(JSON.parse(part) as CdpMessage)
    })
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => (this.stderrTail = (this.stderrTail + chunk).slice(-2000)))
    running.add(this)
    installExitHook()
    this.exited = new Promise((resolve) => {
      const done = (reason: string) => {
        running.delete(this)
        this.exitReason ??= reason
        for (const { reject, method } of this.pending.values())
          reject(new CdpError(`Chromium ${this.exitReason} during ${method}${this.lastError()}`))
        this.pending.clear()
        rmSync(this.userDataDir, { recursive: true, force: true, maxRetries: 3 })
        resolve()
      }
      child.once('exit', (code, signal) => done(`exited (${signal ?? `code ${code}`})`))
      child.once('error', (error) => done(`could not run: ${error.message}`))
    })
  }

  /** Starts Chromium and waits until it answers over the pipe. */
  static async launch(executablePath: string, args: readonly string[], timeoutMs: number): Promise<CdpBrowser> {
    sweepStaleProfiles()
    const userDataDir = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`))
    const child = spawn(executablePath, [...args, ...PRINT_ARGS, `--user-data-dir=${userDataDir}`], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    })
    const browser = new CdpBrowser(child, userDataDir)
    try {
      await browser.send('Browser.getVersion', {}, undefined, timeoutMs)
      return browser
    } catch (error) {
      await browser.close()
      throw error
    }
  }

  get alive(): boolean {
    return this.exitReason === null
  }

  /** Lets the host exit while the browser idles (the pipe closing then ends Chromium), or holds it while in use. */
  hold(held: boolean): void {
    for (const handle of [this.child, this.child.stdio[3], this.child.stdio[4], this.child.stderr] as ({
      ref(): void
      unref(): void
    } | null)[]) {
      if (held) handle?.ref()
      else handle?.unref()
    }
  }

  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
    timeoutMs = 30_000,
  ): Promise<T> {
    if (!this.alive) return Promise.reject(new CdpError(`Chromium ${this.exitReason}${this.lastError()}`))
    const id = this.nextId++
    const message = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params })
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(
          new CdpError(`Chromium did not answer ${method} within ${Math.round(timeoutMs / 1000)} s${this.lastError()}`),
        )
      }, timeoutMs)
      this.pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer)
          resolve(value as T)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      ;(this.child.stdio[3] as Writable).write(`${message}\0`)
    })
  }

  /** Resolves with the first event `method` of `sessionId` (registered before the command that causes it). */
  waitForEvent(method: string, sessionId: string, timeoutMs: number): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener)
        reject(new CdpError(`Chromium sent no ${method} within ${Math.round(timeoutMs / 1000)} s${this.lastError()}`))
      }, timeoutMs)
      const listener: EventListener = (message) => {
        if (message.method !== method || message.sessionId !== sessionId) return
        clearTimeout(timer)
        this.listeners.delete(listener)
        resolve(message.params ?? {})
      }
      this.listeners.add(listener)
      void this.exited.then(() => {
        if (!this.listeners.delete(listener)) return
        clearTimeout(timer)
        reject(new CdpError(`Chromium ${this.exitReason} while waiting for ${method}${this.lastError()}`))
      })
    })
  }

  /** Asks Chromium to quit, kills it if it does not within 3 s, and removes its profile folder. */
  async close(): Promise<void> {
    if (this.alive) {
      this.hold(true)
      const kill = setTimeout(() => this.child.kill('SIGKILL'), 3_000)
      this.send('Browser.close', {}, undefined, 3_000).catch(() => this.child.kill('SIGKILL'))
      await this.exited
      clearTimeout(kill)
    }
    await this.exited
  }

  /** Synchronous last resort as the host exits: kill Chromium and remove its profile folder. */
  killNow(): void {
    this.child.kill('SIGKILL')
    try {
      rmSync(this.userDataDir, { recursive: true, force: true, maxRetries: 2 })
    } catch {
      // a Chromium helper may still hold a file; the folder is in the temp dir
    }
  }

  private receive(message: CdpMessage): void {
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id)
      if (!pending) return
      this.pending.delete(message.id)
      if (message.error) pending.reject(new CdpError(`${pending.method}: ${message.error.message}`))
      else pending.resolve(message.result ?? {})
      return
    }
    for (const listener of [...this.listeners]) listener(message)
  }

  private lastError(): string {
    const line = this.stderrTail
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1)
    return line ? ` (${line})` : ''
  }
}

/** A page (tab) of the browser, attached in flat session mode. */
export class CdpPage {
  private constructor(
    private readonly browser: CdpBrowser,
    private readonly sessionId: string,
  ) {}

  static async open(browser: CdpBrowser): Promise<CdpPage> {
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
    const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    })
    const page = new CdpPage(browser, sessionId)
    await page.send('Page.enable')
    return page
  }

  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    timeoutMs?: number,
  ): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId, timeoutMs)
  }

  /** Loads `url` and waits for its DOMContentLoaded (module scripts have run by then). */
  async goto(url: string, timeoutMs: number): Promise<void> {
    const loaded = this.browser.waitForEvent('Page.domContentEventFired', this.sessionId, timeoutMs)
    const navigation = await this.send<{ errorText?: string }>('Page.navigate', { url }, timeoutMs)
    if (navigation.errorText) {
      loaded.catch(() => undefined)
      throw new CdpError(`Chromium could not open the report view: ${navigation.errorText}`)
    }
    await loaded
  }

  /** Evaluates an expression (awaiting a returned promise) and returns its JSON value. */
  async evaluate(expression: string, timeoutMs: number): Promise<unknown> {
    const answer = await this.send<{
      result: { value?: unknown }
      exceptionDetails?: { text: string; exception?: { description?: string } }
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, timeoutMs)
    if (answer.exceptionDetails)
      throw new CdpError(
        `the page threw: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`,
      )
    return answer.result.value
  }

  /** Page.printToPDF; sizes and margins in inches. */
  async printToPdf(options: Record<string, unknown>, timeoutMs: number): Promise<Uint8Array> {
    const { data } = await this.send<{ data: string }>(
      'Page.printToPDF',
      { ...options, transferMode: 'ReturnAsBase64' },
      timeoutMs,
    )
    return new Uint8Array(Buffer.from(data, 'base64'))
  }
}
