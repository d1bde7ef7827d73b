import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract'
import type { Paper } from '../../../../shared/contract/report'
import { base64ToBytes } from './download'
import { reportFileName } from '../../../../shared/report-names'

/** The report exports; the core writes (or returns) each one, the renderer only saves or downloads it. */
export type ExportKind = 'pdf' | 'csv' | 'json'

export const EXPORT_KINDS: readonly ExportKind[] = ['pdf', 'csv', 'json']

export const EXPORT_LABELS: Record<ExportKind, string> = { pdf: 'PDF', csv: 'CSV', json: 'JSON' }

const MIME_TYPES: Record<ExportKind, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
}

export interface ExportRequest {
  kind: ExportKind
  planId: number
  /** undefined = today by the core's clock */
  asOf: string | undefined
  paper: Paper
}

export interface ExportResult {
  kind: ExportKind
  fileName: string
  bytes: number
  /** PDF only */
  pages: number | null
  /** where the core wrote the file (desktop app); null when the browser downloaded it */
  savedPath: string | null
}

export type ContractCaller = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>

export interface ExportHost {
  call: ContractCaller
  /** browser mode: hand the content to the browser as a download */
  download(fileName: string, blob: Blob): void
}

/**
 * What the save dialog proposes; the core names browser downloads itself (`<title>-status-<asOf>.<ext>`),
 * and this follows the same pattern so both modes suggest the same name.
 */
export function suggestedExportName(planTitle: string, asOf: string, kind: ExportKind): string {
  return reportFileName(planTitle, asOf, kind)
}

/** Desktop app: the native save dialog; null when the lead cancels it. */
export async function chooseExportPath(
  call: ContractCaller,
  kind: ExportKind,
  defaultName: string,
): Promise<string | null> {
  return (await call('dialogs.chooseSavePath', { defaultName, kind })).path
}

/**
 * Runs one export through the contract. With a path the core writes the file; without one the content
 * comes back and is downloaded (PDF as base64, CSV and JSON as text).
 */
export async function runReportExport(
  request: ExportRequest,
  path: string | null,
  host: ExportHost,
): Promise<ExportResult> {
  const { kind, planId, asOf, paper } = request
  const target = { planId, ...(asOf ? { asOf } : {}), ...(path ? { path } : {}) }
  if (kind === 'pdf') {
    const pdf = await host.call('report.exportPdf', { ...target, paper })
    if (!path)
      host.download(pdf.fileName, new Blob([base64ToBytes(requireContent(pdf.base64, kind))], { type: MIME_TYPES.pdf }))
    return { kind, fileName: pdf.fileName, bytes: pdf.bytes, pages: pdf.pages, savedPath: pdf.path }
  }
  const text = await host.call(kind === 'csv' ? 'report.exportCsv' : 'report.exportJson', target)
  if (!path) host.download(text.fileName, new Blob([requireContent(text.content, kind)], { type: MIME_TYPES[kind] }))
  return { kind, fileName: text.fileName, bytes: text.bytes, pages: null, savedPath: text.path }
}

function requireContent<T>(content: T | null, kind: ExportKind): T {
  if (content === null) throw new Error(`The core returned no ${EXPORT_LABELS[kind]} content to download`)
  return content
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
