import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { Paper, ReportData } from '../../../../shared/contract/report'
import { reportDataQuery } from '../../data/queries'
import { errorMessage } from '../../lib/errors'
import { PrintChart } from './PrintChart'
import {
  CheckHistoryAppendix,
  CommitAppendix,
  Cover,
  EvidenceTable,
  Executive,
  LintSection,
  PhaseTable,
  Section,
  Summary,
  TaskTable,
} from './ReportSections'
import './report-print.css'

export interface PrintViewParams {
  planId: number
  asOf: string | undefined
  paper: Paper
}

/** `?view=report&planId=1&asOf=2024-12-27&paper=A4` → the print view's parameters (null: not the print view). */
export function printViewParams(search: string): PrintViewParams | null {
  const params = new URLSearchParams(search)
  if (params.get('view') !== 'report') return null
  const asOf = params.get('asOf') ?? undefined
  return {
    planId: Number(params.get('planId')),
    asOf: asOf || undefined,
    paper: params.get('paper') === 'Letter' ? 'Letter' : 'A4',
  }
}

function ReportPages({ report }: { report: ReportData }) {
  return (
    <>
      <div className="rp-first-page">
        <Cover report={report} />
        <Executive report={report} />
        <Summary report={report} />
        <PrintChart progress={report.progress} mode="burndown" height={240} />
      </div>
      <Section title="Phases" testId="report-phases">
        <PhaseTable report={report} />
      </Section>
      <PrintChart progress={report.progress} mode="burnup" height={200} />
      <Section
        title={`Done this week (week ${report.progress.asOfWeek})`}
        count={report.doneThisWeek.length}
        testId="report-done-this-week"
      >
        <TaskTable rows={report.doneThisWeek} empty="Nothing was verified done this week." showDone />
      </Section>
      <TaskSections report={report} />
      <Section title="Evidence" count={report.evidence.length} testId="report-evidence">
        <EvidenceTable report={report} />
      </Section>
      <Section title="Plan lint: warnings and repairs" testId="report-lint">
        <LintSection report={report} />
      </Section>
      <Section
        title="Appendix: why (not) done, check by check"
        count={(report.checkHistories ?? []).length}
        testId="report-check-histories"
      >
        <CheckHistoryAppendix report={report} />
      </Section>
      <Section title="Appendix: commits" count={report.commits.length} testId="report-commits">
        <CommitAppendix report={report} />
      </Section>
    </>
  )
}

/** the report's task lists, in order, each with what it says when empty and what its note column tells */
const TASK_SECTIONS = [
  { list: 'overdue', title: 'Overdue', testId: 'report-overdue', empty: 'Nothing is overdue.', noteLabel: 'Note' },
  {
    list: 'atRisk',
    title: 'At risk',
    testId: 'report-at-risk',
    empty: 'Nothing else is due by the end of next week.',
    noteLabel: 'Why',
  },
  {
    list: 'needsConfirmation',
    title: 'Needs confirmation',
    testId: 'report-needs-confirmation',
    empty: 'Every work item can be verified from git.',
    noteLabel: 'Note',
  },
  { list: 'blocked', title: 'Blocked', testId: 'report-blocked', empty: 'Nothing is blocked.', noteLabel: 'Note' },
] as const

function TaskSections({ report }: { report: ReportData }) {
  return (
    <>
      {TASK_SECTIONS.map(({ list, title, testId, empty, noteLabel }) => (
        <Section key={list} title={title} count={report[list].length} testId={testId}>
          <TaskTable rows={report[list]} empty={empty} noteLabel={noteLabel} />
        </Section>
      ))}
    </>
  )
}

/** the page is laid out for paper, titled after the report, and says when its fonts are in */
function usePrintDocument(params: PrintViewParams, report: ReportData | undefined): boolean {
  const [fontsReady, setFontsReady] = useState(false)
  useEffect(() => {
    document.documentElement.classList.add('report-print-document')
    document.documentElement.dataset.paper = params.paper
  }, [params.paper])
  useEffect(() => {
    if (!report) return
    document.title = `${report.title} — status ${report.asOf}`
    let cancelled = false
    void document.fonts.ready.then(() => !cancelled && setFontsReady(true))
    return () => {
      cancelled = true
    }
  }, [report])
  return fontsReady
}

/**
 * The status report laid out for paper. The PDF printers wait for `data-report-state="ready"`, which is set
 * once the data is in, the charts are drawn (fixed size, no animation) and the fonts are loaded.
 */
export function ReportPrintView({ params }: { params: PrintViewParams }) {
  const { data: report, error } = useQuery(reportDataQuery(params.planId, params.asOf))
  const fontsReady = usePrintDocument(params, report)
  if (error) {
    return (
      <main className="rp" data-report-state="error" role="alert">
        {errorMessage(error)}
      </main>
    )
  }
  if (!report) return <main className="rp" data-report-state="loading" />
  return (
    <main className="rp" data-report-state={fontsReady ? 'ready' : 'loading'} data-plan-id={report.planId}>
      <ReportPages report={report} />
    </main>
  )
}
