/// <reference lib="dom" />
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, screenshotsDir, test } from './fixtures'
import { addDays, buildGitRepo, callRpc, goTo, isoDay, todayNoon } from './ui-helpers'

const WEEKS_AFTER_END = 90

/** Monday of the week `weeks` weeks before today's week. */
function mondayWeeksAgo(weeks: number): Date {
  const today = todayNoon()
  const monday = addDays(today, -((today.getUTCDay() + 6) % 7))
  return addDays(monday, -7 * weeks)
}

/** A 6-week plan, one item a week, written by an editor that double-encoded its emoji and quotes. */
function sixWeekPlan(date: string): string {
  const items = Array.from({ length: 6 }, (_, index) => {
    const week = index + 1
    return `## PHASE ${week}: STEP ${week} (Week ${week}) ðŸš€

#### ${week}.1 Add Module ${week}
**Tasks**:
- [ ] Create the module â€” itâ€™s the week ${week} deliverable

**Files to Create**:
- \`src/module${week}.ts\` - Module ${week}

**Estimated Time**: 6 hours
`
  })
  return `# Checkout Readiness Plan ðŸš€\n\n**Date**: ${date}\n\n${items.join('\n---\n\n')}`
}

function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

test('the report PDF of a 6-week plan viewed 90 weeks after its end: plan-sized chart, repairs in one line, short SHAs', async ({
  appPage: page,
}) => {
  test.setTimeout(120_000)
  const start = mondayWeeksAgo(6 + WEEKS_AFTER_END - 1)
  const repo = buildGitRepo(
    [1, 2, 3].map((week) => ({
      date: addDays(start, 7 * (week - 1) + 2),
      message: `Module ${week}`,
      files: { [`src/module${week}.ts`]: `export const module${week} = ${week}\n` },
    })),
  )
  const dir = mkdtempSync(join(tmpdir(), 'readiness-old-report-'))
  try {
    const { planId } = await callRpc<{ planId: number }>(page, 'plans.import', {
      source: { name: 'old-plan.md', base64: Buffer.from(sixWeekPlan(isoDay(start))).toString('base64') },
    })
    await callRpc(page, 'repos.connect', { planId, path: repo })
    await callRpc(page, 'repos.sync', { planId })
    const status = await callRpc<{
      asOfWeek: number
      planEndWeek: number
      tasks: { key: string; state: string; evidence: { commit?: { sha: string } }[] }[]
    }>(page, 'progress.get', { planId })
    expect(status.planEndWeek).toBe(6)
    expect(status.asOfWeek - status.planEndWeek).toBe(WEEKS_AFTER_END)
    const shas = status.tasks
      .flatMap((task) => task.evidence.map((item) => item.commit?.sha))
      .filter((sha): sha is string => !!sha)
    expect(shas.length).toBeGreaterThan(0)

    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor()
    await goTo(page, 'Report')
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export PDF', exact: true }).click()
    const pdfPath = join(dir, 'report.pdf')
    writeFileSync(pdfPath, readFileSync(await (await downloaded).path()))
    mkdirSync(screenshotsDir, { recursive: true })
    copyFileSync(pdfPath, join(screenshotsDir, 'report-6-week-plan-90-weeks-later.pdf'))
    const text = pdfText(pdfPath)
    const flat = text.replace(/\s+/g, ' ')

    // the chart covers the plan's weeks, and says how far past the end "as of" is
    expect(flat).toContain('Burndown: hours remaining, plan weeks 0–6')
    expect(flat).toContain(
      `As of week ${status.asOfWeek}: ${WEEKS_AFTER_END} weeks after the plan's last week (week 6), off the chart`,
    )
    expect(flat).not.toMatch(/plan week \d+ of 6/)
    expect(flat).toContain(`${WEEKS_AFTER_END} weeks after the plan's last week (week 6)`)

    // the executive first page
    const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    expect(firstPage).toMatch(
      new RegExp(`The plan ended ${WEEKS_AFTER_END} weeks ago \\(week 6\\) with \\d+(\\.\\d+)?% verified done`),
    )
    expect(firstPage).toContain('Biggest risks')
    expect(firstPage).toContain('Since last week')

    // repairs in one line, no repair table, no mis-decoded text left
    expect(flat).toMatch(/The importer repaired \d+ pieces? of damaged text on \d+ lines?/)
    expect(flat).not.toContain('ðŸš€')
    expect(flat).not.toMatch(/Repair Before After/)

    // short SHAs in the body; each full SHA once, in the appendix
    const [body, appendix] = text.split('Appendix: commits')
    expect(appendix).toBeDefined()
    expect(body).not.toMatch(/\b[0-9a-f]{40}\b/)
    for (const sha of shas) {
      expect(body).toContain(sha.slice(0, 7))
      expect(appendix).toContain(sha)
    }

    // titles first, with the plan's own numbers
    expect(flat).toMatch(/1\.1 Add Module 1/)
  } finally {
    rmSync(repo, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  }
})
