import { writeFileSync } from 'node:fs'
import { AppError } from '../../../shared/rpc'
import { requirePlanRow } from '../../db/plan-store'
import { tasksCsv } from '../../report/csv'
import { loadReportData } from '../../report/load'
import { reportFileName } from '../../report/model'
import { countPdfPages, type PdfPort } from '../../report/pdf-port'
import { localIsoDate } from '../../../shared/calendar'
import type { CoreContext } from '../context'
import type { HandlerGroup } from '../dispatch'

function pdfPort(ctx: CoreContext): PdfPort {
  if (!ctx.platform.pdf) throw new AppError('unsupported', 'This host has no PDF printer')
  return ctx.platform.pdf
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

function textExport(ctx: CoreContext, fileName: string, content: string, path: string | null) {
  if (path) writeFile(ctx, path, content)
  return { fileName, bytes: Buffer.byteLength(content), path, content: path ? null : content }
}

export const reportHandlers: HandlerGroup = {
  'report.get': (input, ctx) => loadReportData(ctx.db, input.planId, input.asOf, ctx.now()),
  'report.exportCsv': async (input, ctx) => {
    const path = writeTarget(ctx, input.path)
    const report = await loadReportData(ctx.db, input.planId, input.asOf, ctx.now())
    return textExport(ctx, reportFileName(report.title, report.asOf, 'csv'), tasksCsv(report), path)
  },
  'report.exportJson': async (input, ctx) => {
    const path = writeTarget(ctx, input.path)
    const report = await loadReportData(ctx.db, input.planId, input.asOf, ctx.now())
    return textExport(ctx, reportFileName(report.title, report.asOf, 'json'), `${JSON.stringify(report, null, 2)}\n`, path)
  },
  'report.exportPdf': async (input, ctx) => {
    const path = writeTarget(ctx, input.path)
    const { title } = requirePlanRow(ctx.db, input.planId)
    const asOf = input.asOf ?? localIsoDate(ctx.now())
    const pdf = await pdfPort(ctx).print({ planId: input.planId, asOf, paper: input.paper, title })
    if (path) writeFile(ctx, path, pdf)
    return {
      fileName: reportFileName(title, asOf, 'pdf'),
      bytes: pdf.byteLength,
      pages: countPdfPages(pdf),
      path,
      base64: path ? null : Buffer.from(pdf).toString('base64'),
    }
  },
}
