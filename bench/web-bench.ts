/**
 * Browser-mode throughput: `progress.get` of a 2,000-task plan (with evidence from a synced repository) over the
 * real server (`npm run web`'s entry in its own process), from 8 concurrent keep-alive clients. Target: >= 200
 * requests/s with p99 < 100 ms. Printed next to the raw tool in the same run: a bare Node HTTP server sending the
 * same response bytes from memory to the same clients (the transport's ceiling).
 *
 * Also measured: the uncached computation (every request for another as-of date, so no answer can be reused), and
 * reads while a full sync runs on the writer thread (a sync never blocks reads).
 *
 *   npx tsx bench/web-bench.ts [--seconds 10] [--clients 8]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { openCore } from '../src/main/bootstrap'
import { projectRoot, sourceLayout } from '../src/main/source-layout'
import { GitFixture } from '../tests/evidence/helpers/git-fixture'

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '8' } },
})
const SECONDS = Number(values.seconds)
const CLIENTS = Number(values.clients)

function plan2000(): string {
  const lines = ['# Generated readiness plan', '', '**Date:** 2026-01-05', '']
  for (let phase = 1; phase <= 20; phase++) {
    lines.push(`## Phase ${phase}: Area ${phase} hardening (Week ${phase})`, '')
    for (let item = 1; item <= 100; item++)
      lines.push(
        `#### ${phase}.${item} Harden component ${phase}-${item}`,
        '',
        '**Estimated Time**: 2 hours',
        '',
        `- Create \`src/area${phase}/component${item}.ts\``,
        '',
      )
  }
  return lines.join('\n')
}

/** a repository that creates half of the plan's files over the first ten weeks */
function evidenceRepo(): GitFixture {
  const repo = new GitFixture()
  for (let phase = 1; phase <= 10; phase++) {
    for (let item = 1; item <= 100; item += 2)
      repo.write(`src/area${phase}/component${item}.ts`, `export const c${item} = ${phase}\n`)
    repo.commit(`Area ${phase}`, `2026-01-${String(5 + phase).padStart(2, '0')}T10:00:00+00:00`)
  }
  return repo
}

interface Load {
  requests: number
  seconds: number
  latencies: number[]
  bytes: number
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** like a browser, the clients accept gzip (the bytes are counted as received, not inflated) */
function post(agent: Agent, port: number, path: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      'x-readiness-token': token,
      'content-length': Buffer.byteLength(body),
      'accept-encoding': 'gzip, deflate, br',
    }
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers }, (res) => {
      let size = 0
      res.on('data', (chunk: Buffer) => (size += chunk.length))
      res.on('end', () => (res.statusCode === 200 ? resolve(size) : reject(new Error(`HTTP ${res.statusCode}`))))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** `clients` loops, each sending its next request when the previous answer is fully read, for `seconds` */
async function load(
  port: number,
  token: string,
  seconds: number,
  body: (n: number) => string,
  path = '/rpc/progress.get',
): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  const latencies: number[] = []
  let bytes = 0
  let n = 0
  const started = performance.now()
  const until = started + seconds * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const sent = performance.now()
        bytes = await post(agent, port, path, token, body(n++))
        latencies.push(performance.now() - sent)
      }
    }),
  )
  agent.destroy()
  return {
    requests: latencies.length,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
    bytes,
  }
}

function describe(name: string, run: Load): string {
  const rate = run.requests / run.seconds
  return `${name.padEnd(34)} ${rate.toFixed(0).padStart(6)} req/s   p50 ${percentile(run.latencies, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(run.latencies, 99).toFixed(1).padStart(7)} ms   (${run.requests} requests, ${(run.bytes / 1e3).toFixed(0)} KB each on the wire)`
}

async function startProcess(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`exited ${code}`)))
  })
  return { child, url: new URL(line) }
}

/** the raw tool: a bare HTTP server answering every request with the same (gzipped) bytes */
const RAW_SERVER = `
const { createServer } = require('node:http')
const body = require('node:zlib').gzipSync(require('node:fs').readFileSync(process.argv[1]))
const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }); res.end(body) }) })
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/?token=x'))
`

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-web-bench-'))
  const repo = evidenceRepo()
  const children: ChildProcess[] = []
  try {
    const dbPath = join(dir, 'bench.db')
    const setupStarted = performance.now()
    const core = openCore({ dbPath, ...sourceLayout, appVersion: 'bench', platform: { mode: 'cli', dialogs: null } })
    const imported = await core.dispatch('plans.import', {
      source: { name: 'plan-2000.md', base64: Buffer.from(plan2000()).toString('base64') },
      startDate: '2026-01-05',
    })
    if (!imported.ok) throw new Error(imported.error.message)
    const planId = (imported.value as { planId: number }).planId
    await core.dispatch('repos.connect', { planId, path: repo.dir })
    await core.dispatch('repos.sync', { planId })
    const answer = await core.dispatch('progress.get', { planId, asOf: '2026-03-02' })
    core.close()
    if (!answer.ok) throw new Error(answer.error.message)
    const responseFile = join(dir, 'response.json')
    writeFileSync(responseFile, JSON.stringify(answer))
    process.stdout.write(
      `setup: 2,000-task plan imported and synced in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s; ${CLIENTS} clients, ${SECONDS} s per run\n\n`,
    )

    const rendererDir = join(dir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    const web = await startProcess([join(projectRoot, 'bin', 'web.js'), '--db', dbPath, '--port', '0', '--no-open'], {
      READINESS_RENDERER_DIR: rendererDir,
      READINESS_LOG_FILE: join(dir, 'web.log'),
    })
    children.push(web.child)
    const port = Number(web.url.port)
    const token = web.url.searchParams.get('token')!
    const sameDay = () => JSON.stringify({ planId, asOf: '2026-03-02' })
    await load(port, token, 2, sameDay)
    const ours = await load(port, token, SECONDS, sameDay)

    const raw = await startProcess(['-e', RAW_SERVER, responseFile], {})
    children.push(raw.child)
    await load(Number(raw.url.port), 'x', 2, sameDay)
    const bare = await load(Number(raw.url.port), 'x', SECONDS, sameDay)

    const day = (n: number) => new Date(Date.UTC(2026, 0, 5) + (n % 3650) * 86_400_000).toISOString().slice(0, 10)
    const cold = await load(port, token, SECONDS, (n) => JSON.stringify({ planId, asOf: day(n + 1000) }))

    // reads during a full re-sync (the link's prefix change drops the results, so every check is evaluated again)
    await post(
      new Agent(),
      port,
      '/rpc/repos.update',
      token,
      JSON.stringify({ planId, repoId: 1, prefix: 'src/..x' }),
    ).catch(() => 0)
    await post(new Agent(), port, '/rpc/repos.update', token, JSON.stringify({ planId, repoId: 1, prefix: null }))
    const syncStarted = performance.now()
    let syncMs = 0
    const sync = post(new Agent(), port, '/rpc/repos.sync', token, JSON.stringify({ planId })).then(
      () => (syncMs = performance.now() - syncStarted),
    )
    const duringSync = await load(port, token, Math.min(SECONDS, 3), () => '{}', '/rpc/plans.list')
    await sync

    process.stdout.write(
      [
        describe('progress.get (ours, browser mode)', ours),
        describe('same bytes, bare Node server (raw)', bare),
        `ratio ours / raw: ${(ours.requests / ours.seconds / (bare.requests / bare.seconds)).toFixed(2)}× the throughput`,
        describe('progress.get uncached (new as-of each)', cold),
        describe(`plans.list during a ${(syncMs / 1000).toFixed(1)} s sync`, duringSync),
        '',
      ].join('\n'),
    )
    const target = ours.requests / ours.seconds >= 200 && percentile(ours.latencies, 99) < 100
    process.stdout.write(`target (>= 200 req/s, p99 < 100 ms): ${target ? 'met' : 'NOT met'}\n`)
  } finally {
    for (const child of children) child.kill()
    repo.cleanup()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
