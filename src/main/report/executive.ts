import type { ReportExecutive, ReportRisk } from '../../shared/contract/report'
import type { ProgressReport, TaskProgress } from '../../shared/progress-model'

/** How many of "what changed" lines the first page lists before "and N more". */
const LISTED_CHANGES = 5
/** Titles a changes line names before "and N more". */
const NAMED_ITEMS = 3

type LabelOf = (key: string) => string | null

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
const hoursOf = (value: number) => `${Math.round(value * 10) / 10} h`

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000)
}

function itemName(task: Pick<TaskProgress, 'key' | 'title'>, labelOf: LabelOf): string {
  const label = labelOf(task.key)
  return label ? `${label} ${task.title}` : task.title
}

function namedList(tasks: TaskProgress[], labelOf: LabelOf): string {
  const names = tasks.slice(0, NAMED_ITEMS).map((task) => itemName(task, labelOf))
  return tasks.length > NAMED_ITEMS ? `${names.join('; ')} and ${tasks.length - NAMED_ITEMS} more` : names.join('; ')
}

/** "40% verified done (18 of 45 h); 1.5 weeks behind the baseline; forecast finish 2025-02-14 (P50)." */
export function statusSentence(progress: ProgressReport): string {
  const { summary, forecast } = progress
  const amount =
    summary.basis === 'hours'
      ? `${hoursOf(summary.doneHours)} of ${hoursOf(summary.scopeHours)}`
      : `${summary.doneTaskCount} of ${summary.taskCount} items`
  const done = `${summary.verifiedPercent}% verified done (${amount})`
  const end = Math.max(progress.planEndWeek, 1)
  if (summary.remainingTaskCount === 0 && summary.taskCount > 0) return `Every work item is verified done (${amount}).`
  if (progress.asOfWeek === 0) return `The plan has not started yet; ${done}.`
  if (progress.asOfWeek > end) {
    const past = progress.asOfWeek - end
    return `The plan ended ${plural(past, 'week')} ago (week ${end}) with ${done}; ${plural(summary.remainingTaskCount, 'item')} still open.`
  }
  const variance = summary.scheduleVarianceWeeks
  const schedule = !summary.scheduled
    ? 'with no work scheduled in any week'
    : Math.abs(variance) < 0.05
      ? 'on schedule'
      : `${Math.abs(variance)} weeks ${variance < 0 ? 'behind' : 'ahead of'} the baseline`
  const finish = forecast.status === 'ok' && forecast.p50 ? `; forecast finish ${forecast.p50} (P50)` : ''
  return `Week ${progress.asOfWeek} of ${end}: ${done}, ${schedule}${finish}.`
}

/**
 * The three biggest risks: a forecast finish past the plan's end first, then blocked items, then overdue
 * items, then items due by next week — larger estimates and longer delays first within each kind.
 */
export function biggestRisks(progress: ProgressReport, labelOf: LabelOf): ReportRisk[] {
  const candidates: { score: number; risk: ReportRisk }[] = []
  const { forecast } = progress
  const end = Math.max(progress.planEndWeek, 1)
  if (forecast.status === 'ok' && forecast.p85Week !== null && forecast.p85Week > end && progress.asOfWeek <= end) {
    const slip = forecast.p85Week - end
    candidates.push({
      score: 4000 + slip,
      risk: {
        label: null,
        title: 'The finish date',
        why: `forecast P85 ${forecast.p85} is ${plural(slip, 'week')} after the plan's end (week ${end})`,
      },
    })
  }
  for (const task of progress.tasks) {
    const hours = task.estimateHours ?? 0
    const risk = (why: string) => ({ label: labelOf(task.key), title: task.title, why })
    if (task.state === 'blocked') {
      candidates.push({
        score: 3000 + hours,
        risk: risk(`blocked${task.manual?.note ? `: ${task.manual.note}` : ''}${hours ? ` (${hoursOf(hours)})` : ''}`),
      })
    } else if (task.overdue) {
      const late = progress.asOfWeek - (task.scheduledWeekEnd ?? progress.asOfWeek)
      candidates.push({
        score: 2000 + hours + late / 100,
        risk: risk(`overdue since week ${task.scheduledWeekEnd}${hours ? `, ${hoursOf(hours)}` : ''}`),
      })
    } else if (
      task.state !== 'done' &&
      task.scheduledWeekEnd !== null &&
      task.scheduledWeekEnd <= progress.asOfWeek + 1 &&
      task.scheduledWeekEnd >= progress.asOfWeek
    ) {
      candidates.push({
        score: 1000 + hours,
        risk: risk(
          `due ${task.scheduledWeekEnd === progress.asOfWeek ? 'this week' : 'next week'}, not done yet${hours ? ` (${hoursOf(hours)})` : ''}`,
        ),
      })
    }
  }
  return candidates
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((candidate) => candidate.risk)
}

/** What moved in the 7 days up to asOf: items verified done, scope changes, items that became overdue, a rebaseline. */
export function changesSinceLastWeek(progress: ProgressReport, labelOf: LabelOf): string[] {
  const asOfDay = dayNumber(progress.asOf)
  const inLastWeek = (date: string | null | undefined) =>
    !!date && dayNumber(date) > asOfDay - 7 && dayNumber(date) <= asOfDay
  const lines: string[] = []
  const done = progress.tasks.filter((task) => task.state === 'done' && inLastWeek(task.doneAt))
  if (done.length > 0) {
    const hours = done.reduce((sum, task) => sum + (task.estimateHours ?? 0), 0)
    lines.push(
      `Verified done: ${plural(done.length, 'item')}${hours ? ` (${hoursOf(hours)})` : ''} — ${namedList(done, labelOf)}`,
    )
  }
  const changes = progress.scopeChanges.filter((change) => !change.inBaseline && inLastWeek(change.date))
  const added = changes.filter((change) => change.kind === 'added')
  const removed = changes.filter((change) => change.kind === 'removed')
  const reestimated = changes.filter((change) => change.kind === 'reestimated')
  const net = changes.reduce((sum, change) => sum + change.hoursDelta, 0)
  if (changes.length > 0) {
    const parts = [
      added.length && `${plural(added.length, 'item')} added`,
      removed.length && `${plural(removed.length, 'item')} removed`,
      reestimated.length && `${plural(reestimated.length, 'item')} re-estimated`,
    ].filter(Boolean)
    lines.push(`Scope: ${parts.join(', ')} (${net >= 0 ? '+' : '−'}${hoursOf(Math.abs(net))})`)
  }
  const newlyOverdue = progress.tasks.filter((task) => task.overdue && task.scheduledWeekEnd === progress.asOfWeek - 1)
  if (newlyOverdue.length > 0) lines.push(`Became overdue: ${namedList(newlyOverdue, labelOf)}`)
  const baseline = progress.baseline
  if (baseline && !baseline.original && inLastWeek(baseline.setAt))
    lines.push(`Rebaselined on version ${baseline.versionNo}${baseline.reason ? `: ${baseline.reason}` : ''}`)
  if (lines.length === 0) return ['Nothing was verified done, re-planned or became overdue in the last 7 days.']
  return lines.length > LISTED_CHANGES
    ? [...lines.slice(0, LISTED_CHANGES), `and ${lines.length - LISTED_CHANGES} more`]
    : lines
}

export function executiveSummary(progress: ProgressReport, labelOf: LabelOf): ReportExecutive {
  return {
    status: statusSentence(progress),
    risks: biggestRisks(progress, labelOf),
    changes: changesSinceLastWeek(progress, labelOf),
  }
}
