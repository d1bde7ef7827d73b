import { round2 } from '../../shared/rounding'
import type { ParsedPlan, PlanWarning } from '../../shared/plan-model'
import type { Section } from './outline'
import type { RawItem } from './reader/raw-items'
import type { ContainerEstimate } from './estimates'
import { warning } from './guard'
import { cleanTitle, headingClaimsDone } from './text'

/** Stated totals versus computed ones, items missing an estimate or schedule, risky paths, claims. */
export type LintContext = {
  scheduled: RawItem[]
  containerOf: (section: Section) => ContainerEstimate | null
  root: Section
  itemSections: Set<Section>
}

const MAX_PER_CODE = 200

export function lintPlan(plan: ParsedPlan, context: LintContext): PlanWarning[] {
  const out: PlanWarning[] = []
  const counts = new Map<string, number>()
  const push = (item: PlanWarning): void => {
    const count = (counts.get(item.code) ?? 0) + 1
    counts.set(item.code, count)
    if (count <= MAX_PER_CODE) out.push(item)
  }

  const estimated = plan.tasks.some((task) => task.estimateHours !== null || task.estimatePoints !== null)
  if (!estimated && plan.tasks.length > 0)
    push(warning('no-estimates', 'The plan gives no estimates: progress is counted in items, not hours.', null))
  plan.tasks.forEach((task, index) => {
    if (estimated && task.estimateHours === null && task.estimatePoints === null)
      push(
        warning(
          'missing-estimate',
          `"${task.title}" has no estimate and no day span to derive one from.`,
          task.line,
          task.key,
        ),
      )
    if (task.weekStart === null)
      push(warning('missing-schedule', `"${task.title}" is not scheduled in any week or day.`, task.line, task.key))
    const headingDone = context.scheduled[index]?.section?.heading
      ? headingClaimsDone(context.scheduled[index].section?.heading?.raw ?? '')
      : false
    const unchecked = task.subtasks.filter((subtask) => subtask.checked === false).length
    if (headingDone && unchecked > 0) {
      push(
        warning(
          'claim-unchecked-boxes',
          `"${task.title}" is marked done in its heading but ${unchecked} of its checkboxes are unchecked.`,
          task.line,
          task.key,
        ),
      )
    }
    for (const file of task.files) {
      if (file.unsafe)
        push(
          warning(
            'path-escapes-repo',
            `"${file.path}" points outside the repository; it is kept but never checked.`,
            file.line,
            task.key,
          ),
        )
    }
  })

  // A container's stated duration ("Day 1 ... Duration: 8 hours") against the items inside it.
  const visit = (section: Section): void => {
    if (context.itemSections.has(section)) return
    const stated = section.heading ? context.containerOf(section) : null
    if (stated) {
      const inside = plan.tasks.filter((_, index) => context.scheduled[index]?.ancestors.includes(section))
      if (inside.length > 0) {
        const sum = round2(inside.reduce((total, task) => total + (task.estimateHours ?? 0), 0))
        if (Math.abs(sum - stated.hours) > 0.5) {
          push(
            warning(
              'stated-total-mismatch',
              `"${cleanTitle(section.heading?.text ?? '')}" states ${stated.hours} h (${stated.text}) but its items add up to ${sum} h.`,
              section.line,
            ),
          )
        }
      }
    }
    for (const child of section.children) visit(child)
  }
  visit(context.root)

  const total = plan.totals.estimateHours
  if (plan.totals.statedHours !== null && Math.abs(plan.totals.statedHours - total) > 0.5) {
    push(
      warning(
        'stated-total-mismatch',
        `The plan states a total of ${plan.totals.statedHours} h; its items add up to ${total} h.`,
        null,
      ),
    )
  }
  if (plan.totals.statedDays !== null) {
    const computedDays = plan.dayWeeks.length > 0 ? plan.dayWeeks.length : round2(total / plan.hoursPerDay)
    if (Math.abs(computedDays - plan.totals.statedDays) > 0.5) {
      push(
        warning(
          'stated-total-mismatch',
          `The plan states ${plan.totals.statedDays} days; its schedule covers ${computedDays} days.`,
          null,
        ),
      )
    }
  }

  if (plan.repairs.length > 0) {
    const lost = plan.repairs.filter((repair) => repair.kind.endsWith('lost-byte')).length
    push(
      warning(
        'mojibake-repaired',
        `Repaired ${plan.repairs.length} mis-decoded character sequences${lost > 0 ? ` (${lost} missing a byte, completed best-effort)` : ''}.`,
        plan.repairs[0].line,
      ),
    )
  }
  for (const [code, count] of counts) {
    if (count > MAX_PER_CODE)
      out.push(warning(code, `${count - MAX_PER_CODE} more "${code}" warnings were not listed.`, null))
  }
  return out
}
