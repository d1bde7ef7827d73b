/**
 * Whole-process cost of the `readiness` CLI, as a user pays it, against the raw tools in the same run:
 * - `readiness plans`, `readiness status <id> --json` and a re-sync with no new commits on a small database
 *   (seed 004 with a fixture repo, synced) against `node -e 0`; peak RSS of each process;
 * - the same through `npx readiness` against `npx --no-install node -e 0` (npm's own start-up);
 * - the same from source (tsx, what the CLI did before it was prebuilt), for comparison;
 * - `readiness report <id> --pdf` against raw Chromium printing a static page of the same size
 *   (`chromium --headless --print-to-pdf`).
 * Runs are interleaved (one of each in turn) so machine load affects all alike; the first round is discarded.
 *
 *   npx tsx bench/cli-bench.ts [--runs 11] [--pdf-runs 5]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { installedElectronBinary, isExecutableFile, locateBrowser } from '../src/main/printers/chromium-locate'
import { CHROMIUM_ARGS } from '../src/main/printers/chromium-args'
import { projectRoot } from '../src/main/source-layout'
import { SEED_004, buildSeed004Repo } from '../tests/integration/seed-004-fixture'
import { ensureRendererBuilt } from '../tests/report/support'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '11' }, 'pdf-runs': { type: 'string', default: '5' } },
})
const runs = Number(values.runs)
const pdfRuns = Number(values['pdf-runs'])
const AS_OF = '2024-12-27'
const cli = join(projectRoot, 'bin', 'readiness.js')

interface Sample {
  ms: number
  /** CPU time (user + system) of the measured node process, ms; null: not measured */
  cpuMs: number | null
  /** peak resident set of the measured node process, MiB; null: not measured */
  rssMiB: number | null
}

interface Case {
  name: string
  command: string[]
  env?: Record<string, string>
  /** a node process to probe for CPU time and peak RSS (a preload writes them at exit); not for npx */
  probe?: boolean
  samples: Sample[]
}

const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'))
const probe = join(dir, 'rss-probe.cjs')
// what the process used, written as it exits (resourceUsage covers the whole process: start-up included)
writeFileSync(
  probe,
  "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.CLI_BENCH_PROBE_OUT, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssKiB: u.maxRSS })) })\n",
)
const probeOut = join(dir, 'probe.json')

function run(command: string[], env: Record<string, string> = {}): number {
  const started = performance.now()
  const result = spawnSync(command[0], command.slice(1), {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  const ms = performance.now() - started
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed (${result.status}): ${result.stderr}`)
  return ms
}

function probed(c: Case): Sample {
  if (!c.probe) return { ms: run(c.command, c.env), cpuMs: null, rssMiB: null }
  const ms = run(c.command, { ...c.env, NODE_OPTIONS: `--require=${probe}`, CLI_BENCH_PROBE_OUT: probeOut })
  const { cpuMs, rssKiB } = JSON.parse(readFileSync(probeOut, 'utf8')) as { cpuMs: number; rssKiB: number }
  return { ms, cpuMs, rssMiB: rssKiB / 1024 }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function measure(cases: Case[], rounds: number): void {
  for (let round = 0; round <= rounds; round++) {
    for (const c of cases) {
      const sample = probed(c)
      if (round > 0) c.samples.push(sample)
    }
  }
}

const medianOf = (c: Case, pick: (s: Sample) => number | null) => {
  const values = c.samples.map(pick).filter((v): v is number => v !== null)
  return values.length ? median(values) : null
}

function row(c: Case, raw: Case): string {
  const ms = medianOf(c, (s) => s.ms)!
  const rawMs = medianOf(raw, (s) => s.ms)!
  const cpu = medianOf(c, (s) => s.cpuMs)
  const rawCpu = medianOf(raw, (s) => s.cpuMs)
  const rss = c.samples.some((s) => s.rssMiB !== null) ? Math.max(...c.samples.map((s) => s.rssMiB ?? 0)) : null
  const ratio = (value: number, base: number) => (c === raw ? '1×' : `${(value / base).toFixed(1)}×`)
  const range = `${Math.round(Math.min(...c.samples.map((s) => s.ms)))}–${Math.round(Math.max(...c.samples.map((s) => s.ms)))} ms`
  return `| ${c.name} | ${Math.round(ms)} ms | ${ratio(ms, rawMs)} | ${cpu === null ? '—' : `${Math.round(cpu)} ms`} | ${cpu === null || rawCpu === null ? '—' : ratio(cpu, rawCpu)} | ${rss === null ? '—' : `${Math.round(rss)} MiB`} | ${range} |`
}

/** A static page about as long as the seed-004 report (3 pages), for the raw Chromium print. */
function staticReportPage(): string {
  const rows = Array.from(
    { length: 60 },
    (_, i) =>
      `<tr><td>${i + 1}</td><td>Harden the ingestion service retry path with bounded backoff, item ${i + 1}</td><td>week ${1 + (i % 6)}</td><td>${2 + (i % 5)} h</td><td>needs confirmation</td></tr>`,
  ).join('')
  return `<!doctype html><meta charset="utf-8"><style>body{font:9pt system-ui}table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #ddd;padding:3px 5px}</style><h1>Status report</h1><table>${rows}</table>`
}

function main() {
  const probeRun = spawnSync(process.execPath, [cli, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, READINESS_FROM_SOURCE: '' },
  })
  if (probeRun.stderr.includes('running from source'))
    throw new Error(
      'the prebuilt CLI is missing or stale: run `npm run build` first (the bench measures what users run)',
    )
  ensureRendererBuilt()
  const db = join(dir, 'small.db')
  const repo = buildSeed004Repo()
  try {
    const planId = (
      JSON.parse(
        spawnSync(process.execPath, [cli, 'import', SEED_004, '--json', '--db', db], { encoding: 'utf8' }).stdout,
      ) as { planId: number }
    ).planId
    run([process.execPath, cli, 'connect', String(planId), repo.dir, '--db', db])
    run([process.execPath, cli, 'sync', String(planId), '--quiet', '--db', db])
    const node = process.execPath
    const rawNode: Case = { name: '`node -e 0` (raw)', command: [node, '-e', '0'], probe: true, samples: [] }
    const plans: Case = {
      name: '`readiness plans`',
      command: [node, cli, 'plans', '--db', db],
      probe: true,
      samples: [],
    }
    const status: Case = {
      name: '`readiness status 1 --json`',
      command: [node, cli, 'status', String(planId), '--json', '--as-of', AS_OF, '--db', db],
      probe: true,
      samples: [],
    }
    const help: Case = {
      name: '`readiness --help` (no database)',
      command: [node, cli, '--help'],
      probe: true,
      samples: [],
    }
    const resync: Case = {
      name: '`readiness sync 1 --quiet`, no new commits',
      command: [node, cli, 'sync', String(planId), '--quiet', '--db', db],
      probe: true,
      samples: [],
    }
    measure([rawNode, plans, status, help, resync], runs)

    const fromSource = { READINESS_FROM_SOURCE: '1' }
    const plansSource: Case = {
      name: '`readiness plans`, from source (tsx)',
      command: [node, cli, 'plans', '--db', db],
      env: fromSource,
      probe: true,
      samples: [],
    }
    const statusSource: Case = {
      name: '`readiness status 1 --json`, from source (tsx)',
      command: status.command,
      env: fromSource,
      probe: true,
      samples: [],
    }
    measure([plansSource, statusSource], Math.max(3, Math.round(runs / 3)))

    const rawNpx: Case = {
      name: '`npx --no-install node -e 0` (raw)',
      command: ['npx', '--no-install', 'node', '-e', '0'],
      samples: [],
    }
    const npxPlans: Case = {
      name: '`npx readiness plans`',
      command: ['npx', '--no-install', 'readiness', 'plans', '--db', db],
      samples: [],
    }
    measure([rawNpx, npxPlans], Math.max(3, Math.round(runs / 2)))

    const location = locateBrowser({
      env: process.env,
      platform: process.platform,
      isExecutable: isExecutableFile,
      electronBinary: installedElectronBinary(projectRoot),
    })
    let pdfRows: string[] = []
    if ('found' in location && location.found.kind === 'chromium') {
      const page = join(dir, 'static.html')
      writeFileSync(page, staticReportPage())
      const rawPdf: Case = {
        name: '`chromium --headless --print-to-pdf` of a static 3-page table (raw)',
        command: [
          location.found.path,
          ...CHROMIUM_ARGS,
          `--user-data-dir=${join(dir, 'chromium-profile')}`,
          `--print-to-pdf=${join(dir, 'raw.pdf')}`,
          '--no-pdf-header-footer',
          `file://${page}`,
        ],
        samples: [],
      }
      const report: Case = {
        name: '`readiness report 1 --pdf` (seed 004, 3 pages)',
        command: [node, cli, 'report', String(planId), '--pdf', join(dir, 'report.pdf'), '--as-of', AS_OF, '--db', db],
        probe: true,
        samples: [],
      }
      measure([rawPdf, report], pdfRuns)
      pdfRows = [row(rawPdf, rawPdf), row(report, rawPdf)]
    }

    const header = [
      '| command | wall, median | ratio to raw | CPU, median | CPU ratio | peak RSS | wall range |',
      '|---|---:|---:|---:|---:|---:|---|',
    ]
    console.log(
      `CLI whole-process times, median of ${runs} runs (${Math.max(3, Math.round(runs / 3))} from source, ${pdfRuns} for the PDF), Node ${process.versions.node}, load ${globalThis.process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'}`,
    )
    console.log(
      [
        ...header,
        row(rawNode, rawNode),
        row(plans, rawNode),
        row(status, rawNode),
        row(help, rawNode),
        row(resync, rawNode),
        row(plansSource, rawNode),
        row(statusSource, rawNode),
      ].join('\n'),
    )
    console.log()
    console.log([...header, row(rawNpx, rawNpx), row(npxPlans, rawNpx)].join('\n'))
    if (pdfRows.length) console.log(`\n${[...header, ...pdfRows].join('\n')}`)
    else console.log('\n(no Chromium found: the PDF figures are skipped; set CHROMIUM_PATH)')
    const plansMs = medianOf(plans, (s) => s.ms)!
    const statusMs = medianOf(status, (s) => s.ms)!
    const peak = Math.max(...[...plans.samples, ...status.samples].map((s) => s.rssMiB ?? 0))
    console.log(
      `\ngoal plans/status ≤ 250 ms median and ≤ 120 MiB peak: ${plansMs <= 250 && statusMs <= 250 && peak <= 120 ? 'met' : 'NOT met'} (${Math.round(plansMs)} / ${Math.round(statusMs)} ms, ${Math.round(peak)} MiB)`,
    )
  } finally {
    repo.cleanup()
    rmSync(dir, { recursive: true, force: true })
  }
}

main()
