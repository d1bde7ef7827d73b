import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../../src/main/plan'
import { ImportProfileSchema, type ParsedPlan } from '../../../src/shared/plan-model'
import { FIELDS, describeKey, fieldMatches, hasWildPlans, observed, readTruth, wildBytes } from './score'

/**
 * Sixteen real plans from public repositories, scored against their answer key as the shared
 * score.py does. The reader alone must get at least 14 right; a profile of a few lines (fixtures in
 * ./profiles) corrects the rest. The per-plan table is printed and kept in bench/README.md.
 */

const PROFILES = join(dirname(fileURLToPath(import.meta.url)), 'profiles')

function read(name: string, profileName?: string): ParsedPlan | null {
  const profile = profileName
    ? ImportProfileSchema.parse(JSON.parse(readFileSync(join(PROFILES, `${profileName}.json`), 'utf8')))
    : undefined
  const outcome = parsePlanBytes(wildBytes(name), profile ? { profile } : {})
  return outcome.ok ? outcome.plan : null
}

/** Plans whose key a profile corrects, and the profile that does it. */
const CORRECTED: Record<string, string> = {}

/**
 * 11-capi-release14: the key counts 16 rows in its timeline table; the table has 15 (lines 11-25),
 * so no reading of the file gives 16. Reported, not worked around.
 */
const KEY_DISAGREES_WITH_FILE = new Set(['11-capi-release14'])

describe.skipIf(!hasWildPlans)('real plans from public repositories (../shared/plans-wild)', () => {
  const truth = hasWildPlans ? readTruth() : {}
  const names = Object.keys(truth).sort()

  it('the reader alone gets at least 14 of 16 within the key, and prints the table', () => {
    const rows: string[] = [
      '| plan | tasks | hours | phases | weeks | checked | result |',
      '|---|---|---|---|---|---|---|',
    ]
    let right = 0
    for (const name of names) {
      const got = observed(read(name))
      const cells = FIELDS.map((field) => {
        const ok = fieldMatches(truth[name], field, got[field])
        return `${got[field] ?? '—'}${ok ? '' : ` ✗ (key ${describeKey(truth[name], field)})`}`
      })
      const ok = FIELDS.every((field) => fieldMatches(truth[name], field, got[field]))
      if (ok) right++
      rows.push(`| ${name} | ${cells.join(' | ')} | ${ok ? 'ok' : 'miss'} |`)
    }
    rows.push(`\n${right}/${names.length} within the key's tolerance by the reader alone`)
    console.log(rows.join('\n'))
    expect(right).toBeGreaterThanOrEqual(14)
  })

  it('every plan the reader misses is right with its profile (or its key disagrees with the file)', () => {
    for (const name of names) {
      const plain = observed(read(name))
      if (FIELDS.every((field) => fieldMatches(truth[name], field, plain[field]))) continue
      if (KEY_DISAGREES_WITH_FILE.has(name)) continue
      const profile = CORRECTED[name]
      expect(profile, `${name} is missed and has no profile`).toBeDefined()
      const got = observed(read(name, profile))
      for (const field of FIELDS)
        expect(fieldMatches(truth[name], field, got[field]), `${name} with its profile: ${field} ${got[field]}`).toBe(
          true,
        )
    }
  })

  it('reads the 15 rows of the one plan whose key says 16', () => {
    expect(observed(read('11-capi-release14')).tasks).toBe(15)
  })

  it.each([
    ['14-cortexq-tasklist', 'checkboxes-are-items', { tasks: 307 }],
    ['09-agentforge-security-sprint', 'daily-milestones-instead', { tasks: 28 }],
  ] as const)('%s read with the profile "%s" gives the other reading its key accepts', (name, profile, expected) => {
    const got = observed(read(name, profile))
    for (const field of FIELDS)
      expect(fieldMatches(truth[name], field, got[field]), `${field} ${got[field]}`).toBe(true)
    expect(Math.abs((got.tasks ?? 0) - expected.tasks)).toBeLessThanOrEqual(15)
    expect(got.tasks).not.toBe(observed(read(name)).tasks)
  })
})
