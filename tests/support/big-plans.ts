import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Plans of a given size in the shapes a reader can be slow on: heading items under week headings, one long checklist,
 * one long table, and real plans one after another. Shared by the bad-input test (is the reader linear?) and the
 * parse bench (how long does 1 MB take?).
 */
export function bigPlanShapes(targetBytes: number, plansDir: string): Array<[string, string]> {
  const grow = (unit: (index: number) => string): string => {
    let text = '# Big plan\n\n**Start:** 2025-01-06\n\n'
    for (let index = 0; text.length < targetBytes; index++) text += unit(index)
    return text
  }
  return [
    [
      'heading items under week headings',
      grow(
        (i) =>
          `${i % 20 === 0 ? `## Week ${1 + Math.floor(i / 20)}\n\n` : ''}### ${1 + Math.floor(i / 20)}.${i % 20} Harden service ${i} (4h)\n- [ ] add a timeout\n- [ ] add a retry\nDone when: \`src/s${i}.ts\` exists\n\n`,
      ),
    ],
    [
      'one long checklist',
      grow((i) => `- [${i % 3 ? ' ' : 'x'}] Task ${i}: wire the queue consumer ${i} — 2h · wk ${1 + (i % 12)}\n`),
    ],
    [
      'one long table',
      grow((i) =>
        i === 0
          ? '| ID | Task | Est. | Owner | Status |\n|---|---|---|---|---|\n'
          : `| T-${i} | Migrate table ${i} to the new schema | 3 | Ana | ${i % 4 ? '' : '✅'} |\n`,
      ),
    ],
    [
      'real plans one after another',
      (() => {
        const files = readdirSync(plansDir).map((name) => join(plansDir, name))
        let text = ''
        for (let round = 0; text.length < targetBytes; round++)
          for (const file of files) text += `\n\n# Copy ${round}\n\n${readFileSync(file, 'latin1')}`
        return text
      })(),
    ],
  ]
}
