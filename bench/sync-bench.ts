/**
 * Full evidence sync of a large repository with ~100 checks, next to the raw git commands the same
 * evaluation needs (one first-parent `log --raw` pass, `ls-tree` of the window start and of HEAD,
 * `cat-file --batch` of exactly the blobs our run read), plus peak memory and a re-sync.
 *
 *   node bench/run-bundled.mjs bench/sync-bench.ts <repoDir> [--plan-start YYYY-MM-DD]
 *   node bench/run-bundled.mjs bench/sync-bench.ts --synthetic 30000   # builds a repo with git fast-import first
 *
 * (run-bundled runs it as the product runs, without tsx; `npx tsx bench/sync-bench.ts …` works too, ~100 MiB heavier)
 * `--young-generation-mb 32` runs it in a worker thread with browser mode's writer-thread limit.
 *
 * Without --plan-start the window starts before the root commit: the whole first-parent history is replayed.
 */
import { execFileSync, spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker, isMainThread } from 'node:worker_threads'
import type { CheckSpec } from '../src/shared/check-model'
import {
  checkKey,
  createGitPort,
  createMemoryEvidenceCache,
  planWeekEnds,
  syncEvidence,
  type GitPort,
} from '../src/main/evidence'

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

function git(dir: string, ...gitArgs: string[]): string {
  return execFileSync('git', gitArgs, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 })
}

/** a synthetic repo: `commits` first-parent commits over ~2000 files, some carrying the needles */
function buildSyntheticRepo(commits: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-bench-'))
  git(dir, 'init', '-q', '-b', 'main')
  const files = Array.from({ length: 2000 }, (_, i) => `pkg${i % 40}/src/module_${i}.${i % 3 === 0 ? 'ts' : 'py'}`)
  let seed = 42
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  // the fast-import stream goes to a file, not to memory: the sync's peak RSS is measured in this process
  const streamPath = join(dir, '.git', 'bench-fast-import')
  const fd = openSync(streamPath, 'w')
  const chunks = { push: (text: string) => writeSync(fd, text) }
  const start = Date.parse('2023-01-02T09:00:00Z') / 1000
  for (let c = 0; c < commits; c++) {
    const when = start + c * 1800
    chunks.push(
      `commit refs/heads/main\nmark :${c + 1}\ncommitter Bench <bench@example.com> ${when} +0000\ndata <<EOF\ncommit ${c}\nEOF\n`,
    )
    if (c === 0) {
      for (const f of files) chunks.push(`M 100644 inline ${f}\ndata <<EOF\n# ${f}\nvalue = 0\nEOF\n`)
      chunks.push(`M 100644 inline package.json\ndata <<EOF\n{"dependencies":{"express":"^4"}}\nEOF\n`)
      chunks.push(`M 100644 inline requirements.txt\ndata <<EOF\nfastapi\nEOF\n`)
    }
    const touched = 1 + Math.floor(random() * 3)
    for (let t = 0; t < touched; t++) {
      const f = files[Math.floor(random() * files.length)]
      const body = Array.from({ length: 20 + Math.floor(random() * 200) }, (_, l) =>
        random() < 0.002 ? 'except: pass' : random() < 0.002 ? 'console.log(x)' : `line_${l} = ${c}`,
      ).join('\n')
      chunks.push(`M 100644 inline ${f}\ndata <<EOF\n${body}\nEOF\n`)
    }
    if (c % 997 === 0 && c > 0)
      chunks.push(
        `M 100644 inline package.json\ndata <<EOF\n{"dependencies":{"express":"^4","opossum":"^8.${c % 10}.0"}}\nEOF\n`,
      )
    if (c % 1500 === 0 && c > 0) chunks.push(`D ${files[c % files.length]}\n`)
  }
  closeSync(fd)
  execFileSync('sh', ['-c', 'git fast-import --quiet < .git/bench-fast-import && rm .git/bench-fast-import'], {
    cwd: dir,
  })
  git(dir, 'reset', '-q', '--hard', 'main')
  return dir
}

/** ~100 checks over what the repo actually holds */
function benchChecks(dir: string): CheckSpec[] {
  const tracked = git(dir, 'ls-files', '-z').split('\0').filter(Boolean)
  const pick = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => tracked[(offset + i * 97) % tracked.length])
  const meta = { sentence: 'bench', sourceLine: null, origin: 'user' as const, enabled: true }
  const specs: CheckSpec[] = [
    ...pick(30, 1).map((path) => ({ kind: 'file-exists' as const, path, ...meta })),
    ...pick(10, 5).map((path) => ({ kind: 'file-absent' as const, path: `${path}.removed`, ...meta })),
    ...pick(15, 11).map((path) => ({ kind: 'file-changed' as const, path, ...meta })),
    ...pick(20, 17).map((path) => ({ kind: 'line-count' as const, path, op: '<' as const, value: 100, ...meta })),
    ...pick(10, 23).map((path) => ({ kind: 'file-contains' as const, path, needles: ['= 1'], ...meta })),
    ...['except: pass', 'console.log(', 'debugger;', 'TODO(bench)', 'print(f"'].map((needle) => ({
      kind: 'text-absent' as const,
      needle,
      scope: [],
      ...meta,
    })),
    ...['opossum', 'helmet', 'bullmq', 'zod'].map((p) => ({
      kind: 'dependency' as const,
      tool: p,
      npm: [p],
      python: [],
      files: [],
      ...meta,
    })),
    { kind: 'dependency', tool: 'Sentry', npm: ['@sentry/node'], python: ['sentry-sdk'], files: [], ...meta },
    ...['*.md', 'pkg1/src/*.py', 'pkg2/src/*.ts'].map((glob) => ({
      kind: 'file-count' as const,
      glob,
      op: '<' as const,
      value: 60,
      ...meta,
    })),
    ...['pkg3/**', '.github/workflows/*.{yml,yaml}'].map((glob) => ({ kind: 'path-match' as const, glob, ...meta })),
  ]
  return specs
}

/** a GitPort that remembers every blob id written to `cat-file --batch` (to replay the same reads raw) */
function recordingPort(inner: GitPort, blobs: string[]): GitPort {
  return {
    get calls() {
      return inner.calls
    },
    run: (dir, a, o) => inner.run(dir, a, o),
    spawn(dir, a) {
      const child = inner.spawn(dir, a)
      if (a[0] === 'cat-file' && a[1] === '--batch') {
        const write = child.stdin.write.bind(child.stdin)
        child.stdin.write = ((chunk: string, ...rest: never[]) => {
          blobs.push(...String(chunk).split('\n').filter(Boolean))
          return write(chunk, ...rest)
        }) as typeof child.stdin.write
      }
      return child
    },
  }
}

function timeRaw(dir: string, gitArgs: string[], input?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn('git', gitArgs, { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] })
    child.stdout.on('data', () => undefined)
    child.on('error', reject)
    child.on('close', () => resolve(performance.now() - started))
    child.stdin.end(input ?? '')
  })
}

/** `--young-generation-mb N`: the whole bench in a worker thread with that young-generation limit, as browser mode's
 * writer thread runs a sync (src/main/web/offload.ts) */
function inLimitedWorker(): boolean {
  const young = option('--young-generation-mb')
  if (!young || !isMainThread) return false
  const rest = args.filter(
    (arg, index) => arg !== '--young-generation-mb' && args[index - 1] !== '--young-generation-mb',
  )
  new Worker(new URL(import.meta.url), { argv: rest, resourceLimits: { maxYoungGenerationSizeMb: Number(young) } })
  console.log(`(in a worker thread, young generation limited to ${young} MiB)`)
  return true
}

async function main() {
  if (inLimitedWorker()) return
  const synthetic = option('--synthetic')
  let dir = args.find((a) => !a.startsWith('--') && a !== synthetic && a !== option('--plan-start'))
  let built = false
  if (!dir) {
    const count = Number(synthetic ?? 20000)
    const t0 = performance.now()
    dir = buildSyntheticRepo(count)
    built = true
    console.log(`built synthetic repo: ${count} commits in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${dir}`)
  }
  const firstParentCount = Number(git(dir, 'rev-list', '--first-parent', '--count', 'HEAD').trim())
  const rootDate = git(dir, 'log', '--first-parent', '--reverse', '--format=%cI').split('\n')[0].slice(0, 10)
  const planStart = option('--plan-start') ?? rootDate
  const checks = benchChecks(dir).map((spec) => ({ id: checkKey(spec), spec }))
  console.log(`repo ${dir}: ${firstParentCount} first-parent commits, ${checks.length} checks, plan start ${planStart}`)

  let peakRss = 0
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
  const rssBefore = process.memoryUsage().rss
  const kernelPeakBefore = process.resourceUsage().maxRSS * 1024
  const blobs: string[] = []
  const cache = createMemoryEvidenceCache()
  const input = {
    repos: [{ id: 'bench', dir, branch: null, prefix: null }],
    checks,
    planStart,
    weekEnds: planWeekEnds(planStart, 12),
    cache,
    git: recordingPort(createGitPort(), blobs),
  }
  const t1 = performance.now()
  const full = await syncEvidence(input)
  const ours = performance.now() - t1
  // the kernel's high-water mark as the sync ends (later, the raw-git replay below is the bench's own work)
  const kernelPeak = process.resourceUsage().maxRSS * 1024
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)

  const t2 = performance.now()
  const again = await syncEvidence({ ...input, git: createGitPort() })
  const resync = performance.now() - t2

  const logArgs = [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '-z',
    '--root',
    '--format=%H%x1f%cI%x1f%P%x1f%s',
    'HEAD',
    '--',
  ]
  const rawLog = await timeRaw(dir, logArgs)
  const rawTree = await timeRaw(dir, ['ls-tree', '-r', '-l', '-z', '--full-tree', 'HEAD'])
  const rawBlobs = await timeRaw(dir, ['cat-file', '--batch'], blobs.map((b) => `${b}\n`).join(''))
  const raw = rawLog + rawTree + rawBlobs

  const holding = full.checks.filter((c) => c.holdsNow).length
  console.log(
    `\nfull sync (ours)        ${ours.toFixed(0).padStart(7)} ms   commits ${full.stats.commitsEvaluated}, blobs read ${full.stats.blobsRead}, git calls ${full.stats.gitCalls}, ${holding}/${checks.length} checks hold`,
  )
  console.log(
    `raw git, same work      ${raw.toFixed(0).padStart(7)} ms   (log --raw ${rawLog.toFixed(0)} ms + ls-tree ${rawTree.toFixed(0)} ms + cat-file ${blobs.length} blobs ${rawBlobs.toFixed(0)} ms)`,
  )
  console.log(`ratio ours / raw        ${(ours / raw).toFixed(2).padStart(7)}x`)
  console.log(
    `re-sync, no new commits ${resync.toFixed(0).padStart(7)} ms   commits ${again.stats.commitsEvaluated}, history passes ${again.stats.historyPasses}`,
  )
  console.log(
    `peak RSS                ${(peakRss / 2 ** 20).toFixed(0).padStart(7)} MiB  (start ${(rssBefore / 2 ** 20).toFixed(0)} MiB; kernel high-water mark ${(kernelPeak / 2 ** 20).toFixed(0)} MiB after the sync, ${(kernelPeakBefore / 2 ** 20).toFixed(0)} MiB before it)`,
  )
  const size = cache.size()
  console.log(
    `cache                   ${String(size.entries).padStart(7)} entries, ${(size.bytes / 1024).toFixed(0)} KiB`,
  )
  if (built && !args.includes('--keep')) rmSync(dir, { recursive: true, force: true })
}

void main()
