/**
 * Warm import time of every seed plan (../shared/plans) and every real plan in ../shared/plans-wild (read by path,
 * never copied), through the contract as the app calls it, against the raw tool on the same text in the same run
 * (markdown-it, which the reader is built on, parsing the UTF-8 text once). Target: ≤ 100 ms warm per plan.
 * - `plans.preview`: bytes → decoded text → markdown → plan model → lint (stores nothing);
 * - `plans.import`: the same, stored as a new plan in SQLite with its derived checks.
 * Warm = after one untimed import of the same plan; the median of at least 5 runs (and 300 ms).
 *
 *   npx tsx bench/import-bench.ts [--min-runs 5]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import MarkdownIt from 'markdown-it'
import { openCore, type Core } from '../src/main/bootstrap'
import { projectRoot, sourceLayout } from '../src/main/source-layout'

const { values } = parseArgs({ options: { 'min-runs': { type: 'string', default: '5' } } })
const minRuns = Number(values['min-runs'])
const MIN_MS = 300
const TARGET_MS = 100
const shared = join(projectRoot, '..', 'shared')
/** the raw tool the reader is built on, as parse-bench.ts uses it */
const bareMarkdown = MarkdownIt()

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

type Timing = { ms: number; cpuMs: number } | { error: string }

/** Medians of warm runs, wall and CPU time (this process's threads: on a busy machine CPU time moves less); or why it failed. */
async function warmMedian(work: () => Promise<void> | void): Promise<Timing> {
  try {
    await work()
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  const wall: number[] = []
  const cpu: number[] = []
  const started = performance.now()
  while (wall.length < minRuns || performance.now() - started < MIN_MS) {
    const t = performance.now()
    const c = process.cpuUsage()
    await work()
    const used = process.cpuUsage(c)
    wall.push(performance.now() - t)
    cpu.push((used.user + used.system) / 1000)
  }
  return { ms: median(wall), cpuMs: median(cpu) }
}

async function dispatchOk(core: Core, method: string, input: unknown): Promise<void> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(result.error.message)
}

function plansIn(dir: string, extension: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension) && name !== 'README.md')
    .sort()
    .map((name) => join(dir, name))
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'import-bench-'))
  const core = openCore({
    dbPath: join(dir, 'bench.db'),
    migrationsFolder: sourceLayout.migrationsFolder,
    resourcesDir: sourceLayout.resourcesDir,
    appVersion: 'bench',
    platform: { mode: 'cli', dialogs: null },
  })
  const files = [...plansIn(join(shared, 'plans'), '.txt'), ...plansIn(join(shared, 'plans-wild'), '.md')]
  const rows: string[] = []
  let over = 0
  let failed = 0
  try {
    for (const file of files) {
      const bytes = readFileSync(file)
      const source = { path: file }
      const text = new TextDecoder().decode(bytes)
      const raw = await warmMedian(() => void bareMarkdown.parse(text, {}))
      const preview = await warmMedian(() => dispatchOk(core, 'plans.preview', { source }))
      const stored = await warmMedian(() => dispatchOk(core, 'plans.import', { source }))
      const rawMs = 'ms' in raw ? raw.ms : NaN
      const cell = (r: Timing) => ('ms' in r ? `${r.ms.toFixed(1)} ms` : 'fails')
      const cpuCell = (r: Timing) => ('ms' in r ? `${r.cpuMs.toFixed(1)} ms` : '—')
      const ratio = (r: Timing) => ('ms' in r ? `${(r.ms / rawMs).toFixed(1)}×` : '—')
      if ('ms' in stored && stored.ms > TARGET_MS) over++
      if ('error' in stored) failed++
      const note =
        'error' in stored
          ? stored.error.replace(/\|/g, '/').slice(0, 90)
          : 'ms' in stored && stored.ms > TARGET_MS
            ? `over ${TARGET_MS} ms`
            : ''
      rows.push(
        `| ${basename(file)} | ${(bytes.length / 1024).toFixed(0)} KB | ${rawMs.toFixed(1)} ms | ${cell(preview)} | ${ratio(preview)} | ${cell(stored)} | ${ratio(stored)} | ${cpuCell(stored)} | ${note} |`,
      )
      process.stderr.write('.')
    }
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
  process.stderr.write('\n')
  const load =
    process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'
  console.log(`Warm import per plan, median of ≥ ${minRuns} runs, Node ${process.versions.node}, load ${load}`)
  console.log('| plan | size | markdown-it (raw) | plans.preview | ratio | plans.import | ratio | import CPU | note |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|')
  console.log(rows.join('\n'))
  console.log(
    `\n${files.length} plans: ${files.length - failed - over} within ${TARGET_MS} ms warm, ${over} over, ${failed} not imported (the reader's answer, not a timing)`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
