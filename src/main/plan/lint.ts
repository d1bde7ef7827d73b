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

type Push = (item: PlanWarning) => void

export function lintPlan(plan: ParsedPlan, context: LintContext): PlanWarning[] {
  const out: PlanWarning[] = []
  const counts = new Map<string, number>()
  const push: Push = (item) => {
    const count = (counts.get(item.code) ?? 0) + 1
    counts.set(item.code, count)
    if (count <= MAX_PER_CODE) out.push(item)
  }
  lintTasks(plan, context, push)
  lintContainerTotals(plan, context, push)
  lintPlanTotals(plan, push)
  lintRepairs(plan, push)
  for (const [code, count] of counts) {
    if (count > MAX_PER_CODE)
      out.push(warning(code, `${count - MAX_PER_CODE} more "${code}" warnings were not listed.`, null))
  }
  return out
}

/** items missing an estimate or a schedule, headings claiming done over unchecked boxes, paths outside the repo */
function lintTasks(plan: ParsedPlan, context: LintContext, push: Push): void {
  const estimated = plan.tasks.some((task) => task.estimateHours !== null || task.estimatePoints !== null)
  if (!estimated && plan.tasks.length > 0)
    push(warning('no-estimates', 'The plan gives no estimates: progress is counted in items, not hours.', null))
  plan.tasks.forEach((task, index) => {
    if (estimated && task.estimateHours === null && task.estimatePoints === null) {
      const message = `"${task.title}" has no estimate and no day span to derive one from.`
      push(warning('missing-estimate', message, task.line, task.key))
    }
    if (task.weekStart === null)
      push(warning('missing-schedule', `"${task.title}" is not scheduled in any week or day.`, task.line, task.key))
    const heading = context.scheduled[index]?.section?.heading
    const unchecked = task.subtasks.filter((subtask) => subtask.checked === false).length
    if (heading && headingClaimsDone(heading.raw ?? '') && unchecked > 0) {
      const message = `"${task.title}" is marked done in its heading but ${unchecked} of its checkboxes are unchecked.`
      push(warning('claim-unchecked-boxes', message, task.line, task.key))
    }
    for (const file of task.files.filter((candidate) => candidate.unsafe)) {
      const message = `"${file.path}" points outside the repository; it is kept but never checked.`
      push(warning('path-escapes-repo', message, file.line, task.key))
    }
  })
}

/** a container's stated duration ("Day 1 ... Duration: 8 hours") against the items inside it */
function lintContainerTotals(plan: ParsedPlan, context: LintContext, push: Push): void {
  const visit = (section: Section): void => {
    if (context.itemSections.has(section)) return
    const stated = section.heading ? context.containerOf(section) : null
    const inside = stated ? plan.tasks.filter((_, index) => context.scheduled[index]?.ancestors.includes(section)) : []
    if (stated && inside.length > 0) {
      const sum = round2(inside.reduce((total, task) => total + (task.estimateHours ?? 0), 0))
      if (Math.abs(sum - stated.hours) > 0.5) {
        const title = cleanTitle(section.heading?.text ?? '')
        const message = `"${title}" states ${stated.hours} h (${stated.text}) but its items add up to ${sum} h.`
        push(warning('stated-total-mismatch', message, section.line))
      }
    }
    for (const child of section.children) visit(child)
  }
  visit(context.root)
}

/** the plan's stated total hours and days against what its items and schedule add up to */
function lintPlanTotals(plan: ParsedPlan, push: Push): void {
  const total = plan.totals.estimateHours
  const { statedHours, statedDays } = plan.totals
  if (statedHours !== null && Math.abs(statedHours - total) > 0.5) {
    const message = `The plan states a total of ${statedHours} h; its items add up to ${total} h.`
    push(warning('stated-total-mismatch', message, null))
  }
  if (statedDays === null) return
  const computedDays = plan.dayWeeks.length > 0 ? plan.dayWeeks.length : round2(total / plan.hoursPerDay)
  if (Math.abs(computedDays - statedDays) > 0.5) {
    const message = `The plan states ${statedDays} days; its schedule covers ${computedDays} days.`
    push(warning('stated-total-mismatch', message, null))
  }
}

function lintRepairs(plan: ParsedPlan, push: Push): void {
  if (plan.repairs.length === 0) return
  const lost = plan.repairs.filter((repair) => repair.kind.endsWith('lost-byte')).length
  const lostNote = lost > 0 ? ` (${lost} missing a byte, completed best-effort)` : ''
  const message = `Repaired ${plan.repairs.length} mis-decoded character sequences${lostNote}.`
  push(warning('mojibake-repaired', message, plan.repairs[0].line))
}
