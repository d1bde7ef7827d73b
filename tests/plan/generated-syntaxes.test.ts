import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import type { ParsedPlan } from '../../src/shared/plan-model'

/**
 * One random plan (weeks, items, estimates in several units, some checked), written the ways leads
 * write plans. Every rendering must read back to the same items, hours, weeks and claims: the reader
 * is judged on the plan, not on the layout.
 */

type Item = { title: string; hours: number; checked: boolean }
type Week = { theme: string; items: Item[] }
type Model = { weeks: Week[] }

const VERBS = ['Wire', 'Refactor', 'Build', 'Harden', 'Migrate', 'Cache', 'Index', 'Split', 'Rewrite', 'Trace']
const NOUNS = [
  'billing worker',
  'search gateway',
  'upload parser',
  'login router',
  'export queue',
  'webhook client',
  'schema loader',
  'session store',
  'image resizer',
  'mail sender',
  'tenant registry',
  'audit writer',
]
const THEMES = ['Foundations', 'Integration', 'Hardening', 'Polish']

const itemArb = fc.record({ hours: fc.integer({ min: 1, max: 24 }), checked: fc.boolean() })
const modelArb: fc.Arbitrary<Model> = fc
  .array(fc.array(itemArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .map((weeks) => {
    let n = 0
    return {
      weeks: weeks.map((items, w) => ({
        theme: THEMES[w],
        items: items.map((item) => {
          const title = `${VERBS[n % VERBS.length]} the ${NOUNS[Math.floor(n / VERBS.length + n) % NOUNS.length]} ${String.fromCharCode(65 + (n % 26))}${n}`
          n++
          return { ...item, title }
        }),
      })),
    }
  })

/** Hours as a lead might write them: "3h", "3 hours", "1 day", "1.5d", "(est. 4 hours)". */
function effort(hours: number, style: number): string {
  if (hours % 8 === 0 && style % 3 === 0) return hours === 8 ? '1 day' : `${hours / 8} days`
  if (hours % 4 === 0 && style % 3 === 1) return `${hours / 8}d`
  return style % 2 === 0 ? `${hours}h` : `${hours} hours`
}

const box = (item: Item): string => (item.checked ? '[x]' : '[ ]')
const header = '# Release readiness plan\n\n**Start:** 2025-03-03\n\n'

type Render = (model: Model) => string

const RENDERINGS: Record<string, Render> = {
  'week headings + checkboxes': (model) =>
    header +
    model.weeks
      .map(
        (week, w) =>
          `## Week ${w + 1}: ${week.theme}\n\n${week.items.map((item, i) => `- ${box(item)} ${item.title} (${effort(item.hours, i)})`).join('\n')}\n`,
      )
      .join('\n'),
  'phase headings + numbered item headings': (model) =>
    header +
    model.weeks
      .map(
        (week, w) =>
          `## Phase ${w + 1}: ${week.theme} (Week ${w + 1})\n\n` +
          week.items
            .map(
              (item, i) =>
                `### ${w + 1}.${i + 1} ${item.title} (${effort(item.hours, i + 1)})${item.checked ? ' ✅' : ''}\n\nSome notes about the work.\n`,
            )
            .join('\n'),
      )
      .join('\n'),
  'a task table per week': (model) =>
    header +
    model.weeks
      .map(
        (week, w) =>
          `## Week ${w + 1} — ${week.theme}\n\n| ID | Task | Est. (h) | Owner | Status |\n|---|---|---|---|---|\n` +
          week.items
            .map(
              (item, i) =>
                `| T${w + 1}-${i + 1} | ${item.title} | ${item.hours} | Backend | ${item.checked ? '✅ Done' : '🔄 In progress'} |`,
            )
            .join('\n') +
          '\n',
      )
      .join('\n'),
  'bold pseudo-headings': (model) =>
    header +
    '## Plan\n\n' +
    model.weeks
      .map(
        (week, w) =>
          `**Week ${w + 1}**\n\n${week.items.map((item, i) => `- ${box(item)} ${item.title} — ${effort(item.hours, i + 2)}`).join('\n')}\n`,
      )
      .join('\n'),
  'one-week sprint sections': (model) =>
    header.replace('\n\n', '\n\nSprints are one week long.\n\n') +
    model.weeks
      .map(
        (week, w) =>
          `## Sprint ${w + 1}: ${week.theme}\n\n${week.items.map((item, i) => `- ${box(item)} ${item.title} ~${effort(item.hours, i * 2)}`).join('\n')}\n`,
      )
      .join('\n'),
  'day blocks under week headings': (model) =>
    header +
    model.weeks
      .map(
        (week, w) =>
          `## Week ${w + 1}: ${week.theme}\n\n` +
          week.items
            .map(
              (item, i) =>
                `### Day ${w * 5 + i + 1}: ${item.title}\n\n**Estimate:** ${effort(item.hours, i)}\n${item.checked ? '**Status:** Done\n' : ''}\n- first step\n- second step\n`,
            )
            .join('\n'),
      )
      .join('\n'),
  'estimates on the next line': (model) =>
    header +
    model.weeks
      .map(
        (week, w) =>
          `## Week ${w + 1}\n\n${week.items.map((item, i) => `- ${box(item)} ${item.title}\n  **${effort(item.hours, i + 1)}**`).join('\n\n')}\n`,
      )
      .join('\n'),
  'owners and week tags on the line': (model) =>
    header +
    '## Work\n\n' +
    model.weeks
      .flatMap((week, w) =>
        week.items.map(
          (item, i) =>
            `${w * 10 + i + 1}. **Backend:** ${item.title}${item.checked ? ' ✅' : ''} — ${effort(item.hours, i)} · wk ${w + 1}`,
        ),
      )
      .join('\n') +
    '\n',
  'mixed: headings, checklists and a table': (model) =>
    header +
    model.weeks
      .map((week, w) => {
        const title = `## Phase ${w + 1}: ${week.theme} (week ${w + 1})\n\n`
        if (w % 3 === 0)
          return (
            title +
            week.items
              .map(
                (item, i) =>
                  `### ${w + 1}.${i + 1} ${item.title} (${effort(item.hours, i)})${item.checked ? ' ✅' : ''}\n\nDone when: it ships.\n`,
              )
              .join('\n')
          )
        if (w % 3 === 1)
          return (
            title +
            week.items
              .map(
                (item, i) =>
                  `- ${box(item)} **${w + 1}.${i + 1}** ${item.title} — ${effort(item.hours, i + 1)}\n  - Done when: it ships.`,
              )
              .join('\n') +
            '\n'
          )
        return (
          title +
          '| ID | Task | Effort | Done when | Status |\n|---|---|---|---|---|\n' +
          week.items
            .map(
              (item, i) =>
                `| ${w + 1}.${i + 1} | ${item.title} | ${effort(item.hours, i)} | it ships | ${item.checked ? '✅' : ''} |`,
            )
            .join('\n') +
          '\n'
        )
      })
      .join('\n'),
}

function readBack(text: string): ParsedPlan {
  const outcome = parsePlanBytes(Buffer.from(text, 'utf8'))
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}\n${text}`)
  return outcome.plan
}

function expected(model: Model): Array<{ title: string; hours: number; week: number; checked: boolean }> {
  return model.weeks.flatMap((week, w) =>
    week.items.map((item) => ({ title: item.title, hours: item.hours, week: w + 1, checked: item.checked })),
  )
}

describe('a plan written in many syntaxes reads back to the same items, hours, weeks and claims', () => {
  it('has at least 8 syntaxes', () => expect(Object.keys(RENDERINGS).length).toBeGreaterThanOrEqual(8))

  it.each(Object.entries(RENDERINGS))('%s', (_, render) => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const text = render(model)
        const plan = readBack(text)
        // a day block keeps its schedule in its title ("Day 3: …"); the work is the rest
        const got = plan.tasks.map((task) => ({
          title: task.title.replace(/^Day \d+: /, ''),
          hours: task.estimateHours,
          week: task.weekStart,
          weekEnd: task.weekEnd,
          checked: task.claimedDone,
        }))
        const want = expected(model).map((item) => ({
          title: item.title,
          hours: item.hours,
          week: item.week,
          weekEnd: item.week,
          checked: item.checked,
        }))
        expect(got, text).toEqual(want)
        expect(plan.totals.estimateHours).toBe(want.reduce((sum, item) => sum + item.hours, 0))
        expect(plan.weeks).toBe(model.weeks.length)
      }),
      { numRuns: 25, seed: 4242 },
    )
  })
})
