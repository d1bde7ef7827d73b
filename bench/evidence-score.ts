/**
 * Scores the evidence engine on real repository cases: a plan written against a window of a public repository's
 * history, with an answer key computed from git (truth.json) and a bash+git script that recomputes it (verify.sh).
 * For each case: clone the fetched snapshot at its pinned head, import the plan as written, connect, sync,
 * `status --as-of D1 --json`, and score with the cases' score.py (states, done weeks, false done).
 *
 *   npx tsx bench/evidence-score.ts [caseDir ...] [--keep]
 *
 * Default cases: ../shared/evidence-dev/healthchecks and every folder of tests/evidence-cases/. A case whose
 * repository snapshot is absent (CI cannot fetch) is skipped with a note. The snapshot of `github:owner/name` is
 * looked for in $EVIDENCE_MIRRORS (default /work/.mirror) as `owner+name/repo`.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sharedDev = resolve(root, '..', 'shared', 'evidence-dev')
const scorePy = join(sharedDev, 'score.py')
const mirrors = process.env.EVIDENCE_MIRRORS ?? '/work/.mirror'

interface Truth {
  fetch: string
  branch: string
  head_sha: string
  D1: string
  tasks: Array<{ task_id: string; title: string; holds_at_D1: boolean; first_true_week: number | null }>
}

interface CaseScore {
  name: string
  skipped?: string
  states?: [number, number]
  weeks?: [number, number]
  falseDone?: string[]
  misses?: string[]
  seconds?: number
}

function readiness(args: string[], db: string): string {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'readiness.js'), ...args, '--db', db], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  if (run.status !== 0) throw new Error(`readiness ${args[0]} failed: ${run.stderr}`)
  return run.stdout
}

function snapshotOf(fetch: string): string | null {
  const m = /^github:([^/]+)\/(.+)$/.exec(fetch)
  if (!m) return null
  const dir = join(mirrors, `${m[1]}+${m[2]}`, 'repo')
  return existsSync(dir) ? dir : null
}

function scoreCase(caseDir: string, keep: boolean): CaseScore {
  const name = caseDir.split('/').filter(Boolean).pop()!
  const truth = JSON.parse(readFileSync(join(caseDir, 'truth.json'), 'utf8')) as Truth
  const snapshot = snapshotOf(truth.fetch)
  if (!snapshot) return { name, skipped: `no snapshot of ${truth.fetch} under ${mirrors} (fetch it first)` }
  const started = Date.now()
  const work = mkdtempSync(join(tmpdir(), `evidence-case-${name}-`))
  try {
    const repo = join(work, 'repo')
    const branch = truth.branch.split(/\s/)[0]
    execFileSync('git', ['clone', '-q', '--no-checkout', snapshot, repo])
    execFileSync('git', ['-C', repo, 'checkout', '-q', '-B', branch, truth.head_sha])
    const db = join(work, 'db.sqlite')
    // --start only for diagnosis (the plan reader did not read the plan's own date): official figures import as written
    const start = startOverride ? ['--start', startOverride] : []
    const { planId } = JSON.parse(readiness(['import', join(caseDir, 'plan.md'), ...start, '--json'], db)) as {
      planId: number
    }
    readiness(['connect', String(planId), repo], db)
    readiness(['sync', String(planId), '--json'], db)
    const statusFile = join(work, 'status.json')
    writeFileSync(statusFile, readiness(['status', String(planId), '--as-of', truth.D1, '--json'], db))
    const scored = spawnSync('python3', [scorePy, join(caseDir, 'truth.json'), statusFile], { encoding: 'utf8' })
    const lines = scored.stdout.trim().split('\n')
    const summary = /state (\d+)\/(\d+) right, done week exact (\d+)\/(\d+)/.exec(lines.at(-1) ?? '')
    const status = JSON.parse(readFileSync(statusFile, 'utf8')) as {
      tasks: Array<{ key: string; title: string; state: string }>
    }
    const falseDone = truth.tasks
      .filter((k) => !k.holds_at_D1)
      .filter((k) =>
        status.tasks.some((t) => (t.key === k.task_id || t.title.startsWith(k.task_id)) && t.state === 'done'),
      )
      .map((k) => k.task_id)
    if (keep) console.log(`kept ${work}`)
    return {
      name,
      states: summary ? [Number(summary[1]), Number(summary[2])] : [0, truth.tasks.length],
      weeks: summary ? [Number(summary[3]), Number(summary[4])] : [0, 0],
      falseDone,
      misses: lines.slice(0, -1),
      seconds: (Date.now() - started) / 1000,
    }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true })
  }
}

function defaultCases(): string[] {
  const own = join(root, 'tests', 'evidence-cases')
  const cases = existsSync(join(sharedDev, 'healthchecks', 'truth.json')) ? [join(sharedDev, 'healthchecks')] : []
  if (existsSync(own))
    for (const entry of readdirSync(own)) if (existsSync(join(own, entry, 'truth.json'))) cases.push(join(own, entry))
  return cases
}

const args = process.argv.slice(2)
const keep = args.includes('--keep')
const startOverride = args.includes('--start') ? args[args.indexOf('--start') + 1] : null
const cases = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--start').map((a) => resolve(a))
const results = (cases.length ? cases : defaultCases()).map((c) => scoreCase(c, keep))
let failed = false
for (const r of results) {
  if (r.skipped) {
    console.log(`${r.name}: skipped — ${r.skipped}`)
    continue
  }
  const [s, n] = r.states!
  const [w, wn] = r.weeks!
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`)
  console.log(
    `${r.name}: states ${s}/${n} (${pct(s, n)}), done weeks ${w}/${wn} (${pct(w, wn)}), false done ${r.falseDone!.length}${r.falseDone!.length ? ` (${r.falseDone!.join(', ')})` : ''}, ${r.seconds!.toFixed(1)} s`,
  )
  for (const m of r.misses!) console.log(`   ${m}`)
  if (s < 0.95 * n || (wn > 0 && w < 0.9 * wn) || r.falseDone!.length > 0) failed = true
}
process.exitCode = failed ? 1 : 0
