import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { queryClient } from './data/query-client'
import { ReportPrintView, printViewParams } from './features/report-print/ReportPrintView'
import './styles.css'

function render(content: ReactNode) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>{content}</QueryClientProvider>
    </StrictMode>,
  )
}

// `?view=report&planId=…` is the status report laid out for the PDF printers; the app is its own chunk, so the
// printers' page loads only the report view and its charts
const printParams = printViewParams(window.location.search)
if (printParams) render(<ReportPrintView params={printParams} />)
else void import('./app/App').then(({ App }) => render(<App />))
