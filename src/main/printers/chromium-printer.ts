import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type RpcResult } from '../../shared/rpc'
import type { Core } from '../bootstrap'
import { startWebServer } from '../web/server'
import { CdpBrowser, CdpPage } from './cdp-pipe'
import type { LocateResult } from './chromium-locate'
import {
  WAIT_FOR_REPORT_SCRIPT,
  chromiumPrintOptions,
  printViewQuery,
  type PdfPort,
  type PrintRequest,
} from '../report/pdf-port'
import { printWithElectron } from './electron-print'
import { CHROMIUM_ARGS } from './chromium-args'

export { CHROMIUM_ARGS }

/** The longest the print view may take to load its data and draw (a 300-task plan takes well under a second). */
const READY_TIMEOUT_MS = 60_000
/** How long Chromium may take to start and answer. */
const LAUNCH_TIMEOUT_MS = 30_000
/** A host that prints again soon (browser mode, a test run) reuses the browser and its page; idle, it closes. */
const IDLE_CLOSE_MS = 30_000

export interface HeadlessPrinterOptions {
  /** serves /rpc for the print view: the host's core */
  core: Core
  rendererDir: string
  locate: () => LocateResult
}

export interface HeadlessPdfPort extends PdfPort {
  /** closes the browser kept for the next print */
  close(): Promise<void>
}

/**
 * One Chromium and one page, launched on the first print and reused by the next ones; closed after a while idle
 * or by close(). While idle it does not keep the host process alive.
 */
class PrintSession {
  private current: { executablePath: string; ready: Promise<{ browser: CdpBrowser; page: CdpPage }> } | null = null
  private idleTimer: NodeJS.Timeout | null = null

  /** The page to print with; starts Chromium when there is none (the caller does other work meanwhile). */
  page(executablePath: string): Promise<CdpPage> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    if (this.current && this.current.executablePath !== executablePath) void this.close()
    if (!this.current) {
      const ready = CdpBrowser.launch(executablePath, CHROMIUM_ARGS, LAUNCH_TIMEOUT_MS).then(async (browser) => {
        try {
          return { browser, page: await CdpPage.open(browser) }
        } catch (error) {
          await browser.close()
          throw error
        }
      })
      this.current = { executablePath, ready }
    }
    const current = this.current
    return current.ready.then(
      ({ browser, page }) => {
        if (browser.alive) {
          browser.hold(true)
          return page
        }
        if (this.current === current) this.current = null
        return this.page(executablePath)
      },
      (error: unknown) => {
        if (this.current === current) this.current = null
        const reason = error instanceof Error ? error.message : String(error)
        throw new AppError('unavailable', `Chromium at ${executablePath} did not start: ${reason}`)
      },
    )
  }

  /** After a print: keep the browser for the next one, but let the host exit and close it when unused. */
  idle(): void {
    void this.current?.ready.then(
      ({ browser }) => browser.hold(false),
      () => undefined,
    )
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS)
    this.idleTimer.unref()
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const current = this.current
    this.current = null
    if (current)
      await current.ready.then(
        ({ browser }) => browser.close(),
        () => undefined,
      )
  }
}

/** The core as the print view's server sees it, answering the view's `report.get` with data computed in advance. */
function withPrefetchedReport(core: Core, request: PrintRequest, prefetched: Promise<RpcResult<unknown>>): Core {
  let used = false
  return {
    ...core,
    dispatch: (method, input) => {
      const query = input as { planId?: unknown; asOf?: unknown } | null
      if (!used && method === 'report.get' && query?.planId === request.planId && query?.asOf === request.asOf) {
        used = true
        return prefetched
      }
      return core.dispatch(method, input)
    },
  }
}

/** Opens the print view in headless Chromium (or Electron) over the local HTTP bridge and prints it. */
export function createHeadlessPdfPort(options: HeadlessPrinterOptions): HeadlessPdfPort {
  const session = new PrintSession()
  let queue: Promise<unknown> = Promise.resolve()

  async function printOnce(request: PrintRequest): Promise<Uint8Array> {
    const location = options.locate()
    if ('missing' in location) throw new AppError('unavailable', location.missing)
    if (!existsSync(join(options.rendererDir, 'index.html'))) {
      throw new AppError(
        'unavailable',
        `The report view is not built (${options.rendererDir} has no index.html): run \`npm run build\` first.`,
      )
    }
    if (location.found.kind === 'electron') {
      const web = await startWebServer({ core: options.core, rendererDir: options.rendererDir })
      try {
        return await printWithElectron(location.found.path, printUrl(web, request), request, READY_TIMEOUT_MS)
      } finally {
        await web.close()
      }
    }
    // Chromium starts in its own process while this one computes the report the page will ask for
    const page = session.page(location.found.path)
    page.catch(() => undefined)
    const prefetched = options.core.dispatch('report.get', { planId: request.planId, asOf: request.asOf })
    const web = await startWebServer({
      core: withPrefetchedReport(options.core, request, prefetched),
      rendererDir: options.rendererDir,
    })
    try {
      return await printOnPage(await page, printUrl(web, request), request)
    } catch (error) {
      // a page left in an unknown state is not reused
      await session.close()
      throw error
    } finally {
      await web.close()
      session.idle()
    }
  }

  return {
    print(request) {
      // one print at a time on the shared page
      const run = queue.then(() => printOnce(request))
      queue = run.catch(() => undefined)
      return run
    },
    close: () => session.close(),
  }
}

function printUrl(web: { port: number; token: string }, request: PrintRequest): string {
  return `http://127.0.0.1:${web.port}/?token=${encodeURIComponent(web.token)}&${printViewQuery(request)}`
}

async function printOnPage(page: CdpPage, url: string, request: PrintRequest): Promise<Uint8Array> {
  await page.goto(url, READY_TIMEOUT_MS)
  const state = String(await page.evaluate(WAIT_FOR_REPORT_SCRIPT, READY_TIMEOUT_MS))
  if (state !== 'ready')
    throw new AppError('internal', `The report view failed: ${state.replace(/^error: /, '') || 'no message'}`)
  return page.printToPdf(chromiumPrintOptions(request), READY_TIMEOUT_MS)
}
