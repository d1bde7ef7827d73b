import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { decodePlanBytes, normalizeLineEndings, normalizeSpaces } from '../../src/main/plan/decode'
import { repairMojibake } from '../../src/main/plan/mojibake'
import { parseBlocks } from '../../src/main/plan/outline'
import { analyzeTitle } from '../../src/main/plan/grammar/title'
import { analyzeTable } from '../../src/main/plan/reader/tables'
import { PLANS_DIR } from './seeds'
import { WILD_DIR, hasWildPlans } from './wild/score'

/**
 * Nothing disappears silently: every heading or list line with an ID, an estimate or a checkbox,
 * and every row of a table with an ID or estimate column, either is an item, sits inside one (a
 * subtask, criterion, file), or is listed as "not imported" with a reason.
 */

const SHAPES = join(dirname(fileURLToPath(import.meta.url)), 'shapes')

function plansToCheck(): Array<[string, Uint8Array]> {
  const out: Array<[string, Uint8Array]> = []
  for (const name of readdirSync(PLANS_DIR)) out.push([`seed ${name}`, readFileSync(join(PLANS_DIR, name))])
  for (const name of readdirSync(SHAPES).filter((file) => file.endsWith('.md')))
    out.push([`shape ${name}`, readFileSync(join(SHAPES, name))])
  if (hasWildPlans)
    for (const name of readdirSync(WILD_DIR).filter((file) => /^\d\d-.*\.md$/.test(file)))
      out.push([`wild ${name}`, readFileSync(join(WILD_DIR, name))])
  return out
}

function workLookingLines(bytes: Uint8Array): Array<{ line: number; what: string }> {
  const decoded = decodePlanBytes(bytes)
  if (!decoded.ok) return []
  const text = normalizeSpaces(repairMojibake(normalizeLineEndings(decoded.text)).text)
  const context = {
    pointColumns: new Set<string>(),
    dates: { referenceYear: null, dayFirst: true },
    estimateColumn: null,
  }
  const out: Array<{ line: number; what: string }> = []
  for (const block of parseBlocks(text)) {
    if (block.kind === 'heading') {
      const info = analyzeTitle(block.text)
      if (info.id || info.effort) out.push({ line: block.line, what: `heading "${block.text}"` })
    } else if (block.kind === 'item') {
      const first = block.raw.split('\n', 1)[0]
      const info = analyzeTitle(first)
      const empty = !block.text.trim() || /^\[[ xX]?\]$/.test(block.text.trim())
      if (!empty && (block.checked !== null || info.id || info.effort))
        out.push({ line: block.line, what: `list line "${first}"` })
    } else if (block.kind === 'table') {
      const shape = analyzeTable(block, context)
      if (
        !shape.title ||
        !shape.columns.some((column) => column.role === 'id' || column.role === 'estimate' || column.role === 'likely')
      )
        continue
      for (const row of block.rows.slice(1)) {
        if (
          row.cells[shape.title.index]?.trim() &&
          row.cells.some((cell, index) => index !== shape.title?.index && cell.trim())
        )
          out.push({ line: row.line, what: `row "${row.cells.join(' | ')}"` })
      }
    }
  }
  return out
}

describe('nothing is dropped without a "not imported" line', () => {
  it.each(plansToCheck())('%s', (_, bytes) => {
    const outcome = parsePlanBytes(bytes)
    if (!outcome.ok) throw new Error(outcome.error.message)
    const plan = outcome.plan
    const skipped = new Set(plan.skipped.map((entry) => entry.line))
    const covered = (line: number): boolean =>
      skipped.has(line) || plan.tasks.some((task) => line >= task.line && line <= task.lineEnd)
    const silent = workLookingLines(bytes).filter((entry) => !covered(entry.line))
    expect(silent).toEqual([])
    for (const entry of plan.skipped) expect(entry.reason.length).toBeGreaterThan(5)
  })
})
