import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { ReportPrintView, printViewParams } from './features/report-print/ReportPrintView'
import './styles.css'

// `?view=report&planId=…` is the status report laid out for the PDF printers
const printParams = printViewParams(window.location.search)

createRoot(document.getElementById('root')!).render(<StrictMode>{printParams ? <ReportPrintView params={printParams} /> : <App />}</StrictMode>)
