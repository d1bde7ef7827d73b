import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportData } from '../../src/shared/contract/report'
import type { ProgressReport } from '../../src/shared/progress-model'
import { GitFixture } from '../evidence/helpers/git-fixture'
import { runCli } from '../support/cli'
import { seedPlansDir } from '../support/paths'
import { pixelAt, readPng } from './png'
import { ensureRendererBuilt, pdfPages, pdfText, pdfWordBoxes } from './support'

const SEED_004 = join(seedPlansDir, '004_5444bc3a38160578.txt')
// plan date 2024-12-08: week 1 starts Monday 2024-12-02; 2024-12-27 is in week 4
const AS_OF = '2024-12-27'

let dir: string
let repo: GitFixture
let db: string
let planId: number
let title: string
let status: ProgressReport
let weekOneSha: string
let weekFourSha: string
const pdfPath = () => join(dir, 'report.pdf')

function cli(args: string[], env: Record<string, string> = {}): string {
  const run = runCli([...args, '--db', db], env)
  if (run.status !== 0) throw new Error(`readiness ${args[0]} failed (${run.status}): ${run.stderr}`)
  return run.stdout
}

/** Files seed 004 names, committed in its weeks: step 1.2/1.4 in week 1, step 1.3 in week 4 (1.1 only changes a file it lists to modify: in progress). */
function buildSeed004Repo(): GitFixture {
  const git = new GitFixture()
  git.write('services/gateway-api/src/webhooks/hubspot.ts', 'export function hubspot() { return "sync" }\n')
  git.write('services/titan-core/ai_council/director_agent.py', 'def create_battle_plan():\n    return None\n')
  git.commit('baseline services', '2024-11-25T10:00:00+00:00')
  git.write('services/ml-service/src/tasks.py', 'from celery import Celery\ncelery_app = Celery("ml_service")\n')
  git.write('services/gateway-api/src/webhooks/hubspot.ts', 'export function hubspot() { return "queued" }\n')
  weekOneSha = git.commit('Queue HubSpot webhooks through Celery', '2024-12-03T10:00:00+00:00')
  git.write(
    'services/titan-core/ai_council/director_agent.py',
    'def create_battle_plan():\n    winners = search_winners()\n    return winners\n',
  )
  git.write('services/ml-service/src/main.py', 'app = None\n')
  weekFourSha = git.commit('Director uses RAG winners; prediction endpoint', '2024-12-23T10:00:00+00:00')
  return git
}

beforeAll(() => {
  ensureRendererBuilt()
  dir = mkdtempSync(join(tmpdir(), 'readiness-report-'))
  db = join(dir, 'app.db')
  repo = buildSeed004Repo()
  planId = (JSON.parse(cli(['import', SEED_004, '--json'])) as { planId: number }).planId
  cli(['connect', String(planId), repo.dir])
  cli(['sync', String(planId), '--json'])
  status = JSON.parse(cli(['status', String(planId), '--as-of', AS_OF, '--json'])) as ProgressReport
  cli([
    'report',
    String(planId),
    '--pdf',
    pdfPath(),
    '--csv',
    join(dir, 'tasks.csv'),
    '--json-file',
    join(dir, 'status.json'),
    '--as-of',
    AS_OF,
  ])
  title = (JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8')) as ReportData).title
}, 120_000)

afterAll(() => {
  repo?.cleanup()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('readiness report (seed 004 with a fixture repo)', () => {
  it('writes a PDF of at least two pages with the figures exactly as `readiness status --json` prints them', () => {
    expect(status.summary.doneTaskCount).toBeGreaterThanOrEqual(2)
    expect(title.length).toBeGreaterThan(5)
    expect(pdfPages(pdfPath())).toBeGreaterThanOrEqual(2)
    const text = pdfText(pdfPath())
    expect(text).toContain(title)
    expect(text).toContain(AS_OF)
    expect(text).toContain(`${status.summary.verifiedPercent}%`)
    expect(text).toContain(`${status.summary.claimedPercent}%`)
    expect(text).toContain(`${status.summary.remainingHours} h`)
    expect(text).toContain(`${status.summary.spi}`)
  })

  it('puts the plan title and as-of date in every page header, and numbers the pages', () => {
    const pages = pdfPages(pdfPath())
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(pdfPath(), { page })
      expect(text, `page ${page}`).toContain(`Status as of ${AS_OF}`)
      expect(text, `page ${page}`).toContain(`Page ${page} of ${pages}`)
    }
  })

  it('has an evidence line per check of a done task: item, check, file and short commit sha; the full sha in the appendix only', () => {
    const text = pdfText(pdfPath(), { layout: true })
    const [body, appendix] = text.split('Appendix: commits')
    const lines = body.split('\n')
    const evidenceLine = lines.find((line) => /^\s*1\.2\s/.test(line) && line.includes(weekOneSha.slice(0, 7)))
    expect(evidenceLine).toBeDefined()
    expect(lines.some((line) => /^\s*1\.3\s/.test(line) && line.includes(weekFourSha.slice(0, 7)))).toBe(true)
    // the repo on the cover, with its branch and short HEAD
    expect(lines.some((line) => line.includes('main') && line.includes(weekFourSha.slice(0, 7)))).toBe(true)
    expect(body).not.toMatch(/\b[0-9a-f]{40}\b/)
    expect(appendix).toContain(weekOneSha)
    expect(appendix).toContain(weekFourSha)
  })

  it('says why (not) done in an appendix: each check that changed, with the commits that flipped it', () => {
    const text = pdfText(pdfPath(), { layout: true })
    const appendix = text.split('Appendix: why (not) done, check by check')[1]?.split('Appendix: commits')[0] ?? ''
    expect(appendix).toContain(`created 3 Dec 2024 ${weekOneSha.slice(0, 7)}`)
    const json = JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8')) as ReportData
    expect(json.checkHistories).toContainEqual(
      expect.objectContaining({
        taskKey: '1.2',
        check: '`services/ml-service/src/tasks.py` exists',
        holds: true,
        history: expect.stringContaining(weekOneSha.slice(0, 7)),
      }),
    )
  })

  it('lists what was verified done this week', () => {
    const section = pdfText(pdfPath(), { layout: true }).split('Done this week')[1].split('Overdue')[0]
    expect(status.summary.doneThisWeek.taskKeys.sort()).toEqual(['1.3'])
    const titleOf13 = status.tasks.find((t) => t.key === '1.3')!.title
    expect(section.split('\n').some((line) => /^\s*1\.3\s/.test(line) && line.includes(titleOf13))).toBe(true)
    expect(section).not.toMatch(/^\s*1\.1\s/m)
  })

  it('draws the burndown chart on page 1 (pixels in the chart box are not blank and show the actual line)', () => {
    const png = join(dir, 'page')
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdfPath(), png])
    const image = readPng(`${png}.png`)
    const { width: pageWidth, words } = pdfWordBoxes(pdfPath(), 1)
    const scale = image.width / pageWidth
    const caption = words.find((w) => w.word === 'Burndown:')
    const legend = words.find((w) => w.word === 'Actual' && caption && w.yMin > caption.yMax)
    expect(caption && legend).toBeTruthy()
    const box = {
      x0: Math.round(caption!.xMin * scale),
      x1: Math.round((pageWidth - caption!.xMin) * scale),
      y0: Math.round(caption!.yMax * scale) + 2,
      y1: Math.round(legend!.yMin * scale) - 2,
    }
    expect(box.y1 - box.y0).toBeGreaterThan(150)
    let ink = 0
    let actualLine = 0
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = box.x0; x < box.x1; x++) {
        const [r, g, b] = pixelAt(image, x, y)
        if (Math.min(r, g, b) < 235) ink++
        if (Math.abs(r - 0x24) < 40 && Math.abs(g - 0x57) < 40 && Math.abs(b - 0xc5) < 40) actualLine++
      }
    }
    const area = (box.x1 - box.x0) * (box.y1 - box.y0)
    expect(ink / area).toBeGreaterThan(0.03)
    expect(actualLine).toBeGreaterThan(100)
  })

  it('exports the CSV of tasks and the JSON of the full status alongside', () => {
    const json = JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8')) as ReportData
    expect(json.progress).toEqual(status)
    expect(json.repos[0]).toMatchObject({ branch: 'main', headSha: weekFourSha })
    const csv = readFileSync(join(dir, 'tasks.csv'), 'utf8').trimEnd().split('\r\n')
    expect(csv).toHaveLength(status.tasks.length + 1)
    expect(csv.find((row) => row.startsWith('1.2,'))).toContain(weekOneSha)
  })

  it('without any Chromium, exits non-zero with a one-line explanation and writes nothing', () => {
    const target = join(dir, 'none.pdf')
    const run = runCli(['report', String(planId), '--pdf', target, '--as-of', AS_OF, '--db', db], {
      CHROMIUM_PATH: '/nonexistent',
      READINESS_CHROMIUM_SEARCH: '',
    })
    expect(run.status).not.toBe(0)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(
      /^readiness: No Chromium to print the PDF with: CHROMIUM_PATH=\/nonexistent .*set CHROMIUM_PATH/,
    )
    expect(existsSync(target)).toBe(false)
  })
})
