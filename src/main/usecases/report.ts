import { writeFileSync } from 'node:fs'
import type { MethodOutput, ParsedInput } from '../../shared/contract'
import type { ReportData } from '../../shared/contract/report'
import { AppError } from '../../shared/rpc'
import { requirePlanRow } from '../db/plan-store'
import { tasksCsv } from '../report/csv'
import { reportFileName } from '../report/model'
import { countPdfPages, type PdfPort } from '../report/pdf-port'
import { localIsoDate } from '../../shared/calendar'
import { loadReportData } from '../services/report-data'
import type { CoreContext } from './context'

function printer(ctx: CoreContext): PdfPort {
  if (!ctx.pdf) throw new AppError('unsupported', 'This host has no PDF printer')
  return ctx.pdf
}

function writeTarget(ctx: CoreContext, path: string | undefined): string | null {
  return path === undefined ? null : ctx.files.checkWriteTarget(path, 'export')
}

function writeFile(ctx: CoreContext, path: string, content: string | Uint8Array): void {
  try {
    writeFileSync(path, content)
  } catch (error) {
    throw new AppError('bad-input', `Could not write ${path}: ${(error as Error).message}`)
  }
  ctx.files.recordWritten(path)
}

export function getReport(ctx: CoreContext, input: ParsedInput<'report.get'>): Promise<MethodOutput<'report.get'>> {
  return loadReportData(ctx.db, ctx.git, input.planId, input.asOf, ctx.now())
}

/** The report as text (CSV or JSON): written to the file asked for, or returned. */
async function exportText(
  ctx: CoreContext,
  input: ParsedInput<'report.exportCsv' | 'report.exportJson'>,
  extension: 'csv' | 'json',
  render: (report: ReportData) => string,
): Promise<MethodOutput<'report.exportCsv' | 'report.exportJson'>> {
  const path = writeTarget(ctx, input.path)
  const report = await getReport(ctx, input)
  const content = render(report)
  if (path) writeFile(ctx, path, content)
  const fileName = reportFileName(report.title, report.asOf, extension)
  return { fileName, bytes: Buffer.byteLength(content), path, content: path ? null : content }
}

export function exportCsv(
  ctx: CoreContext,
  input: ParsedInput<'report.exportCsv'>,
): Promise<MethodOutput<'report.exportCsv'>> {
  return exportText(ctx, input, 'csv', tasksCsv)
}

export function exportJson(
  ctx: CoreContext,
  input: ParsedInput<'report.exportJson'>,
): Promise<MethodOutput<'report.exportJson'>> {
  return exportText(ctx, input, 'json', (report) => `${JSON.stringify(report, null, 2)}\n`)
}

export async function exportPdf(
  ctx: CoreContext,
  input: ParsedInput<'report.exportPdf'>,
): Promise<MethodOutput<'report.exportPdf'>> {
  const path = writeTarget(ctx, input.path)
  const { title } = requirePlanRow(ctx.db, input.planId)
  const asOf = input.asOf ?? localIsoDate(ctx.now())
  const pdf = await printer(ctx).print({ planId: input.planId, asOf, paper: input.paper, title })
  if (path) writeFile(ctx, path, pdf)
  return {
    fileName: reportFileName(title, asOf, 'pdf'),
    bytes: pdf.byteLength,
    pages: countPdfPages(pdf),
    path,
    base64: path ? null : Buffer.from(pdf).toString('base64'),
  }
}
