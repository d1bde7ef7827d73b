import type { Paper } from '../../shared/contract/report'

/** What to print: the report print view of one plan as of a date. */
export interface PrintRequest {
  planId: number
  asOf: string
  paper: Paper
  /** shown in the page header */
  title: string
}

/**
 * Renders the renderer's report print view to PDF. The desktop app prints on a hidden window
 * (src/main/platform/pdf-printer.ts); headless hosts drive Chromium (src/main/printers/). The core gets its
 * printer through its context (bootstrap.ts).
 */
export interface PdfPort {
  print(request: PrintRequest): Promise<Uint8Array>
  /** stops what the printer keeps running between prints (a headless browser) */
  close?(): Promise<void>
}

/** The attribute the print view sets on its root: `loading`, `ready` (print now) or `error`. */
export const REPORT_STATE_ATTRIBUTE = 'data-report-state'

/** Query string that makes the renderer show the print view instead of the app. */
export function printViewQuery(request: Pick<PrintRequest, 'planId' | 'asOf' | 'paper'>): string {
  const params = new URLSearchParams({
    view: 'report',
    planId: String(request.planId),
    asOf: request.asOf,
    paper: request.paper,
  })
  return params.toString()
}

export const PAGE_MARGIN_MM = { top: 18, bottom: 16, left: 12, right: 12 }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const TEMPLATE_STYLE = `font-family: system-ui, sans-serif; font-size: 8px; color: #55606e; width: 100%; margin: 0 ${PAGE_MARGIN_MM.left}mm; display: flex; justify-content: space-between; gap: 12px;`

/** Chromium fills `pageNumber` / `totalPages` spans; templates cannot load anything, so styles are inline. */
export function headerTemplate(title: string, asOf: string): string {
  const shortTitle = title.length > 90 ? `${title.slice(0, 89)}…` : title
  return `<div style="${TEMPLATE_STYLE}"><span>${escapeHtml(shortTitle)}</span><span>Status as of ${escapeHtml(asOf)}</span></div>`
}

export function footerTemplate(asOf: string): string {
  return `<div style="${TEMPLATE_STYLE}"><span>Readiness Cockpit · as of ${escapeHtml(asOf)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
}

/** Page objects in a PDF (Chromium writes each as an uncompressed `/Type /Page` dictionary). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

/**
 * A script for the page: resolves with "ready", or "error: <message>", once the print view settles. It
 * watches the DOM rather than polling on a timer.
 */
export const WAIT_FOR_REPORT_SCRIPT = `new Promise((resolve) => {
  const settled = () => {
    const root = document.querySelector('[${REPORT_STATE_ATTRIBUTE}="ready"], [${REPORT_STATE_ATTRIBUTE}="error"]')
    if (!root) return false
    const ready = root.getAttribute('${REPORT_STATE_ATTRIBUTE}') === 'ready'
    resolve(ready ? 'ready' : 'error: ' + (root.textContent || '').trim())
    return true
  }
  if (settled()) return
  const observer = new MutationObserver(() => { if (settled()) observer.disconnect() })
  observer.observe(document.documentElement, { attributes: true, childList: true, subtree: true })
})`

/** Paper sizes in inches, as Chromium's print dialog and Playwright's page.pdf define them. */
const PAPER_INCHES: Record<Paper, { width: number; height: number }> = {
  A4: { width: 8.27, height: 11.7 },
  Letter: { width: 8.5, height: 11 },
}

/** Parameters of the DevTools protocol's Page.printToPDF (sizes in inches), the same page setup as Electron's. */
export function chromiumPrintOptions(request: PrintRequest) {
  const inches = (value: number) => value / 25.4
  return {
    paperWidth: PAPER_INCHES[request.paper].width,
    paperHeight: PAPER_INCHES[request.paper].height,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(request.title, request.asOf),
    footerTemplate: footerTemplate(request.asOf),
    // as Playwright's page.pdf and Electron's printToPDF: untagged (a tagged PDF is twice the size)
    generateTaggedPDF: false,
    marginTop: inches(PAGE_MARGIN_MM.top),
    marginBottom: inches(PAGE_MARGIN_MM.bottom),
    marginLeft: inches(PAGE_MARGIN_MM.left),
    marginRight: inches(PAGE_MARGIN_MM.right),
  }
}

/** Options for Electron's webContents.printToPDF (margins in inches), the same page setup as headless Chromium. */
export function electronPrintOptions(request: PrintRequest) {
  const inches = (value: number) => value / 25.4
  return {
    pageSize: request.paper,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(request.title, request.asOf),
    footerTemplate: footerTemplate(request.asOf),
    margins: {
      top: inches(PAGE_MARGIN_MM.top),
      bottom: inches(PAGE_MARGIN_MM.bottom),
      left: inches(PAGE_MARGIN_MM.left),
      right: inches(PAGE_MARGIN_MM.right),
    },
  }
}
