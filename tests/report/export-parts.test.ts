import { delimiter } from 'node:path'
import { describe, expect, it } from 'vitest'
import { locateBrowser, systemBrowserPaths, type LocateDeps } from '../../src/main/printers/chromium-locate'
import { TASK_CSV_COLUMNS, csvCell, tasksCsv } from '../../src/main/report/csv'
import { countPdfPages, footerTemplate, headerTemplate, printViewQuery } from '../../src/main/report/pdf-port'
import type { ReportData } from '../../src/shared/contract/report'
import type { TaskProgress } from '../../src/shared/progress-model'

function deps(
  executables: string[],
  env: Record<string, string | undefined> = {},
  electronBinary: string | null = null,
): LocateDeps {
  return { env, platform: 'linux', isExecutable: (path) => executables.includes(path), electronBinary }
}

describe('locating a browser to print with', () => {
  it('prefers CHROMIUM_PATH, then system paths, then the installed Electron', () => {
    expect(locateBrowser(deps(['/opt/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome' }))).toEqual({
      found: { kind: 'chromium', path: '/opt/chrome', via: 'CHROMIUM_PATH' },
    })
    expect(locateBrowser(deps(['/usr/bin/google-chrome', '/e/electron'], {}, '/e/electron'))).toEqual({
      found: { kind: 'chromium', path: '/usr/bin/google-chrome', via: 'system' },
    })
    expect(locateBrowser(deps(['/e/electron'], { CHROMIUM_PATH: '/gone' }, '/e/electron'))).toEqual({
      found: { kind: 'electron', path: '/e/electron', via: 'electron' },
    })
  })

  it('lets READINESS_CHROMIUM_SEARCH replace the usual places', () => {
    const env = { READINESS_CHROMIUM_SEARCH: ['/a/chrome', '/b/chrome'].join(delimiter) }
    expect(locateBrowser(deps(['/b/chrome', '/usr/bin/chromium'], env))).toEqual({
      found: { kind: 'chromium', path: '/b/chrome', via: 'system' },
    })
  })

  it('explains in one line when there is none', () => {
    const result = locateBrowser(
      deps(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nonexistent', READINESS_CHROMIUM_SEARCH: '' }, '/e/electron'),
    )
    expect('missing' in result && result.missing).toMatch(
      /^No Chromium to print the PDF with: CHROMIUM_PATH=\/nonexistent is not an executable file.*set CHROMIUM_PATH/,
    )
    expect('missing' in result && result.missing.includes('\n')).toBe(false)
  })

  it('knows the usual places on each platform', () => {
    expect(systemBrowserPaths('linux', {})).toContain('/usr/bin/chromium')
    expect(systemBrowserPaths('darwin', {}).some((p) => p.includes('Google Chrome.app'))).toBe(true)
    expect(systemBrowserPaths('win32', { PROGRAMFILES: 'C:\\PF' }).some((p) => p.includes('chrome.exe'))).toBe(true)
  })
})

describe('PDF page setup', () => {
  it('escapes the plan title in the header and numbers pages in the footer', () => {
    const header = headerTemplate('<script>alert(1)</script> & plan', '2024-12-27')
    expect(header).not.toContain('<script>')
    expect(header).toContain('&#60;script&#62;')
    expect(header).toContain('Status as of 2024-12-27')
    expect(footerTemplate('2024-12-27')).toMatch(
      /<span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/,
    )
  })

  it('addresses the print view by query string', () => {
    expect(new URLSearchParams(printViewQuery({ planId: 3, asOf: '2024-12-27', paper: 'Letter' })).get('view')).toBe(
      'report',
    )
    expect(printViewQuery({ planId: 3, asOf: '2024-12-27', paper: 'Letter' })).toBe(
      'view=report&planId=3&asOf=2024-12-27&paper=Letter',
    )
  })

  it('counts page objects, not the page tree', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj <</Type /Pages /Count 2>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type/Page /Parent 1 0 R>>\n',
    )
    expect(countPdfPages(new Uint8Array(pdf))).toBe(2)
  })
})

function task(fields: Partial<TaskProgress> & { key: string }): TaskProgress {
  return {
    title: `Task ${fields.key}`,
    phase: 0,
    phaseTitle: 'Phase 1',
    state: 'not-started',
    source: 'none',
    claimedDone: false,
    disagreement: false,
    evidenceState: null,
    manual: null,
    doneAt: null,
    doneWeek: null,
    estimateHours: 2,
    estimateDerived: false,
    scheduledWeekStart: 1,
    scheduledWeekEnd: 1,
    overdue: false,
    evidence: [],
    ...fields,
  }
}

describe('tasks CSV', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('-1 day')).toBe("'-1 day")
    expect(csvCell(-1.5)).toBe('-1.5')
    expect(csvCell(null)).toBe('')
    expect(csvCell(true)).toBe('true')
  })

  it('writes one row per task with its state and the evidence that holds', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567'
    const report = {
      progress: {
        tasks: [
          task({
            key: '1.1',
            title: 'Queue, then "ack"',
            state: 'done',
            source: 'evidence',
            doneAt: '2024-12-03',
            evidence: [
              {
                checkSentence: 'tasks.py exists',
                holds: true,
                path: 'svc/tasks.py',
                lines: '4-9',
                commit: { sha, date: '2024-12-03', subject: 'queue' },
              },
              { checkSentence: 'hubspot.ts changed', holds: false, path: 'gw/hubspot.ts' },
            ],
          }),
          task({
            key: '1.2',
            state: 'blocked',
            source: 'manual',
            manual: { status: 'blocked', note: 'vendor', date: '2024-12-04' },
          }),
        ],
      },
    } as unknown as ReportData
    const [header, first, second, end] = tasksCsv(report).split('\r\n')
    expect(header.split(',')).toEqual([...TASK_CSV_COLUMNS])
    expect(first).toBe(
      `1.1,"Queue, then ""ack""",Phase 1,done,evidence,2,1,1,2024-12-03,false,false,,,false,${sha},svc/tasks.py:4-9,holds: tasks.py exists; fails: hubspot.ts changed`,
    )
    expect(second).toBe('1.2,Task 1.2,Phase 1,blocked,manual,2,1,1,,false,false,blocked,vendor,false,,,')
    expect(end).toBe('')
  })
})
