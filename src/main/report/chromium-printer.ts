import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/rpc'
import type { Core } from '../bootstrap'
import { startWebServer } from '../web/server'
import { installedElectronBinary, isExecutableFile, locateBrowser, type LocateResult } from './chromium-locate'
import { PAGE_MARGIN_MM, REPORT_STATE_ATTRIBUTE, footerTemplate, headerTemplate, printViewQuery, type PdfPort, type PrintRequest } from './pdf-port'
import { printWithElectron } from './electron-print'
import { CHROMIUM_ARGS } from './chromium-args'

export { CHROMIUM_ARGS }

/** The longest the print view may take to load its data and draw (a 300-task plan takes well under a second). */
const READY_TIMEOUT_MS = 60_000

export interface HeadlessPrinterOptions {
  /** serves /rpc for the print view: the host's core */
  core: Core
  rendererDir: string
  locate: () => LocateResult
}

function mm(value: number): string {
  return `${value}mm`
}

/** Opens the print view in headless Chromium (or Electron) over the local HTTP bridge and prints it. */
export function createHeadlessPdfPort(options: HeadlessPrinterOptions): PdfPort {
  return {
    async print(request: PrintRequest): Promise<Uint8Array> {
      const location = options.locate()
      if ('missing' in location) throw new AppError('unavailable', location.missing)
      if (!existsSync(join(options.rendererDir, 'index.html'))) {
        throw new AppError('unavailable', `The report view is not built (${options.rendererDir} has no index.html): run \`npm run build\` first.`)
      }
      const web = await startWebServer({ core: options.core, rendererDir: options.rendererDir })
      const url = `http://127.0.0.1:${web.port}/?token=${encodeURIComponent(web.token)}&${printViewQuery(request)}`
      try {
        if (location.found.kind === 'electron') return await printWithElectron(location.found.path, url, request, READY_TIMEOUT_MS)
        return await printWithChromium(location.found.path, url, request)
      } finally {
        await web.close()
      }
    },
  }
}

async function printWithChromium(executablePath: string, url: string, request: PrintRequest): Promise<Uint8Array> {
  // loaded on use: the desktop app prints with its own window and need not load playwright-core at startup
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new AppError('unavailable', `Chromium at ${executablePath} did not start: ${reason}`)
  })
  try {
    const page = await browser.newPage()
    await page.goto(url)
    const settled = page.locator(`[${REPORT_STATE_ATTRIBUTE}="ready"], [${REPORT_STATE_ATTRIBUTE}="error"]`).first()
    await settled.waitFor({ timeout: READY_TIMEOUT_MS })
    if ((await settled.getAttribute(REPORT_STATE_ATTRIBUTE)) === 'error') {
      throw new AppError('internal', `The report view failed: ${(await settled.textContent())?.trim() ?? 'no message'}`)
    }
    const pdf = await page.pdf({
      format: request.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(request.title, request.asOf),
      footerTemplate: footerTemplate(request.asOf),
      margin: { top: mm(PAGE_MARGIN_MM.top), bottom: mm(PAGE_MARGIN_MM.bottom), left: mm(PAGE_MARGIN_MM.left), right: mm(PAGE_MARGIN_MM.right) },
    })
    return new Uint8Array(pdf)
  } finally {
    await browser.close()
  }
}

/**
 * Gives a headless host (CLI, browser mode, tests) its PDF printer: the print view served by this core, printed by
 * the Chromium found via CHROMIUM_PATH, the system or the installed Electron.
 */
export function attachHeadlessPdfPort(core: Core, rendererDir: string, projectRoot: string): void {
  core.context.platform.pdf = createHeadlessPdfPort({
    core,
    rendererDir,
    locate: () => locateBrowser({ env: process.env, platform: process.platform, isExecutable: isExecutableFile, electronBinary: installedElectronBinary(projectRoot) }),
  })
}
