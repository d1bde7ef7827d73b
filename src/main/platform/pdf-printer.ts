import { BrowserWindow, type WebContents } from 'electron'
import { AppError } from '../../shared/rpc'
import {
  WAIT_FOR_REPORT_SCRIPT,
  electronPrintOptions,
  printViewQuery,
  type PdfPort,
  type PrintRequest,
} from '../report/pdf-port'

export interface ElectronPdfPrinter extends PdfPort {
  /** true for the hidden window of a print in progress: the IPC bridge answers it like the main window */
  isPrintContents(contents: WebContents): boolean
}

export interface ElectronPdfPrinterOptions {
  /** the app's preload script, so the print view calls `report.get` over the same IPC bridge */
  preload: string
  /** loads the renderer entry with the print view's query string */
  load(win: BrowserWindow, query: string): Promise<void>
}

/** The desktop app's PDF engine: the report print view in a hidden window, then webContents.printToPDF. */
export function createElectronPdfPrinter(options: ElectronPdfPrinterOptions): ElectronPdfPrinter {
  const printing = new Set<WebContents>()
  return {
    isPrintContents: (contents) => printing.has(contents),
    async print(request: PrintRequest): Promise<Uint8Array> {
      const win = new BrowserWindow({
        show: false,
        width: 900,
        height: 1200,
        webPreferences: {
          preload: options.preload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      })
      const contents = win.webContents
      printing.add(contents)
      try {
        contents.setWindowOpenHandler(() => ({ action: 'deny' }))
        contents.on('will-navigate', (event) => event.preventDefault())
        await options.load(win, printViewQuery(request))
        const state: unknown = await contents.executeJavaScript(WAIT_FOR_REPORT_SCRIPT)
        if (state !== 'ready')
          throw new AppError('internal', `The report view failed: ${String(state).replace(/^error: /, '')}`)
        return new Uint8Array(await contents.printToPDF(electronPrintOptions(request)))
      } finally {
        printing.delete(contents)
        win.destroy()
      }
    },
  }
}
