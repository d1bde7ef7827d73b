/**
 * Parse throughput of the plan importer against the bare markdown-it parse (the raw tool it is built
 * on) of the same text, on the seed plans (../shared/plans), the real plans (../shared/plans-wild) and
 * generated plans up to 10 MB, in CPU time and wall time.
 * Run: npx tsx bench/parse-bench.ts
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import { parsePlanBytes } from '../src/main/plan'
import { bigPlanShapes } from '../tests/support/big-plans'

const sharedDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared')
const plansDir = join(sharedDir, 'plans')
const wildDir = join(sharedDir, 'plans-wild')
const bareMarkdown = MarkdownIt()

/** Mean CPU ms and wall ms per run. */
function timeIt(run: () => void, minMs: number, maxRuns: number): { cpu: number; wall: number } {
  run() // warm-up
  let runs = 0
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  while (runs < maxRuns && (runs === 0 || performance.now() - start < minMs)) {
    run()
    runs++
  }
  const cpu = process.cpuUsage(cpuStart)
  return { cpu: (cpu.user + cpu.system) / 1000 / runs, wall: (performance.now() - start) / runs }
}

function generatedPlan(targetBytes: number): string {
  const parts = ['# Generated plan\n\n**Date**: 2025-01-27\n\n']
  let size = parts[0].length
  for (let week = 1; size < targetBytes; week++) {
    const phase = [`## Phase ${week}: Workstream ${week} (Week ${week})\n\n`]
    for (let item = 1; item <= 6; item++) {
      phase.push(
        `### ${week}.${item} Build component ${week}-${item} ✅\n**Status**: planned\n\n**Tasks**:\n`,
        ...Array.from(
          { length: 5 },
          (_, n) => `- [ ] Implement part ${n} of \`services/s${week}/module_${item}.py\` with logging\n`,
        ),
        `\n**Files to Modify**:\n- \`services/s${week}/module_${item}.py\`\n- \`src/components/C${week}_${item}.tsx\`\n\n`,
        '```python\n# services/s' + week + '/module_' + item + '.py\ndef handler():\n    return True\n```\n\n',
        `**Success Criteria**: \`module_${item}.py\` < 200 lines\n\n**Estimated Time**: ${(item % 4) + 2} hours\n\n---\n\n`,
      )
    }
    const text = phase.join('')
    parts.push(text)
    size += Buffer.byteLength(text)
  }
  parts.push('## IMPLEMENTATION CHECKLIST\n\n- [ ] Build component 1-1\n- [ ] Build component 2-3\n')
  return parts.join('')
}

function report(name: string, bytes: Uint8Array, minMs: number, maxRuns: number): void {
  const text = Buffer.from(bytes).toString('utf8')
  const ours = timeIt(() => parsePlanBytes(bytes), minMs, maxRuns)
  const bare = timeIt(() => bareMarkdown.parse(text, {}), minMs, maxRuns)
  const megabytes = bytes.length / (1024 * 1024)
  const outcome = parsePlanBytes(bytes)
  const tasks = outcome.ok ? outcome.plan.tasks.length : 0
  console.log(
    `${name.padEnd(34)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB ${String(tasks).padStart(5)} tasks | ` +
      `importer ${ours.cpu.toFixed(0).padStart(6)} ms CPU (${ours.wall.toFixed(0)} ms wall) ${(megabytes / (ours.cpu / 1000)).toFixed(2).padStart(6)} MB/s | ` +
      `markdown-it ${bare.cpu.toFixed(0).padStart(5)} ms CPU | ratio ${(ours.cpu / bare.cpu).toFixed(1)}x`,
  )
}

console.log(
  `node ${process.version}; ratio = importer CPU time / bare markdown-it CPU time on the same text, same run\n`,
)
for (const file of readdirSync(plansDir).sort()) report(file, readFileSync(join(plansDir, file)), 1000, 50)
for (const file of readdirSync(wildDir)
  .filter((name) => /^\d\d-.*\.md$/.test(name))
  .sort())
  report(file, readFileSync(join(wildDir, file)), 1000, 50)
for (const kilobytes of [256, 1024])
  report(`generated-${kilobytes}KB`, Buffer.from(generatedPlan(kilobytes * 1024), 'utf8'), 0, 3)
report('generated-10MB', Buffer.from(generatedPlan(10 * 1024 * 1024), 'utf8'), 0, 1)

/** The first parse of each 1 MB shape in this process, beside the warm mean: no input may take over 2 s. */
console.log('\n1 MB in the shapes a reader can be slow on (first parse = CPU of the first, cold parse of that shape)')
for (const [name, text] of bigPlanShapes(1024 * 1024, plansDir)) {
  const bytes = Buffer.from(text, 'utf8')
  const before = process.cpuUsage()
  parsePlanBytes(bytes)
  const used = process.cpuUsage(before)
  console.log(`first parse ${((used.user + used.system) / 1000).toFixed(0).padStart(5)} ms CPU | `.padEnd(0))
  report(`1MB ${name}`, bytes, 0, 3)
}
