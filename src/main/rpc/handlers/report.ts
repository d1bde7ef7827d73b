import type { reportMethods } from '../../../shared/contract/report'
import { exportCsv, exportJson, exportPdf, getReport } from '../../usecases/report'
import type { HandlersFor } from '../dispatch'

export const reportHandlers = {
  'report.get': (input, ctx) => getReport(ctx, input),
  'report.exportPdf': (input, ctx) => exportPdf(ctx, input),
  'report.exportCsv': (input, ctx) => exportCsv(ctx, input),
  'report.exportJson': (input, ctx) => exportJson(ctx, input),
} satisfies HandlersFor<typeof reportMethods>
