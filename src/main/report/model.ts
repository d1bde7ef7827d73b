import type {
  PhaseStatus,
  ReportCommit,
  ReportData,
  ReportEvidenceRow,
  ReportPhaseRow,
  ReportRepairGroup,
  ReportRepo,
  ReportTaskRow,
} from '../../shared/contract/report'
import type { ParsedPlan, Repair } from '../../shared/plan-model'
import type { EvidenceItem, PhaseProgress, ProgressReport, TaskProgress } from '../../shared/progress-model'
import { executiveSummary } from './executive'

type LabelOf = (key: string) => string | null

export interface ReportModelInput {
  planId: number
  /** the plan's title as stored (the lead may have renamed it) */
  title: string
  sourceName: string
  /** the current version of the plan: lint warnings and repairs */
  plan: ParsedPlan
  progress: ProgressReport
  repos: ReportRepo[]
  /** criterion checks that changed value over history, with their runs (services/explain-task) */
  checkHistories?: Array<{ taskKey: string; check: string; holds: boolean | null; history: string }>
}

/** A phase below this schedule performance index, inside its weeks, is reported as behind. */
const BEHIND_SPI = 0.9

function phaseStatus(phase: PhaseProgress, asOfWeek: number): PhaseStatus {
  if (phase.taskCount > 0 && phase.doneTaskCount === phase.taskCount) return 'done'
  if (phase.weekStart === null) return 'unscheduled'
  if (asOfWeek < phase.weekStart) return 'upcoming'
  if (asOfWeek > (phase.weekEnd ?? phase.weekStart)) return 'late'
  if (phase.spi !== null && phase.spi < BEHIND_SPI) return 'behind'
  return 'on-track'
}

function phaseRow(phase: PhaseProgress, asOfWeek: number): ReportPhaseRow {
  return {
    title: phase.title,
    weekStart: phase.weekStart,
    weekEnd: phase.weekEnd,
    verifiedPercent: phase.verifiedPercent,
    claimedPercent: phase.claimedPercent,
    remainingHours: phase.remainingHours,
    taskCount: phase.taskCount,
    doneTaskCount: phase.doneTaskCount,
    status: phaseStatus(phase, asOfWeek),
  }
}

function taskRow(task: TaskProgress, labelOf: LabelOf, note: string | null = task.manual?.note || null): ReportTaskRow {
  return {
    key: task.key,
    label: labelOf(task.key),
    title: task.title,
    phaseTitle: task.phaseTitle,
    state: task.state,
    estimateHours: task.estimateHours,
    scheduledWeekStart: task.scheduledWeekStart,
    scheduledWeekEnd: task.scheduledWeekEnd,
    doneAt: task.doneAt,
    note,
  }
}

export function evidenceLocation(item: Pick<EvidenceItem, 'path' | 'lines'>): string | null {
  if (!item.path) return null
  const lines = Array.isArray(item.lines) ? item.lines.join(',') : (item.lines ?? '')
  return lines ? `${item.path}:${lines}` : item.path
}

function evidenceRows(task: TaskProgress, labelOf: LabelOf): ReportEvidenceRow[] {
  const base = { taskKey: task.key, taskLabel: labelOf(task.key), taskTitle: task.title, doneAt: task.doneAt }
  if (task.evidence.length === 0) {
    const how = task.source === 'manual' ? 'Marked done by hand' : 'No recorded evidence'
    const note = task.manual?.note ? `: ${task.manual.note}` : ''
    return [
      {
        ...base,
        check: `${how}${note}`,
        holds: task.source === 'manual',
        commitSha: null,
        commitDate: null,
        commitSubject: null,
        location: null,
      },
    ]
  }
  return task.evidence.map((item) => ({
    ...base,
    check: item.checkSentence,
    holds: item.holds,
    commitSha: item.commit?.sha ?? null,
    commitDate: item.commit?.date ?? null,
    commitSubject: item.commit?.subject ?? null,
    location: evidenceLocation(item),
  }))
}

/** Not done, not yet overdue, and its last scheduled week is this week or next. */
function isAtRisk(task: TaskProgress, asOfWeek: number): boolean {
  if (task.state === 'done' || task.state === 'blocked' || task.overdue) return false
  return task.scheduledWeekEnd !== null && task.scheduledWeekEnd <= asOfWeek + 1
}

function dueNote(task: TaskProgress, asOfWeek: number): string {
  const due = task.scheduledWeekEnd === asOfWeek ? 'due this week' : `due week ${task.scheduledWeekEnd}`
  return task.manual?.note ? `${due}; ${task.manual.note}` : due
}

/** Repairs grouped by kind and text, most frequent first, then by first line. */
export function groupRepairs(repairs: Repair[]): ReportRepairGroup[] {
  const groups = new Map<string, ReportRepairGroup>()
  for (const repair of repairs) {
    const id = JSON.stringify([repair.kind, repair.before, repair.after])
    const group = groups.get(id) ?? {
      kind: repair.kind,
      before: repair.before,
      after: repair.after,
      count: 0,
      lines: [],
    }
    group.count += 1
    if (!group.lines.includes(repair.line)) group.lines.push(repair.line)
    groups.set(id, group)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || Math.min(...a.lines) - Math.min(...b.lines))
}

/** Why a task needs confirmation: nothing to check it by, or checks that do not settle it. */
function confirmationNote(task: TaskProgress): string {
  if (task.manual?.note) return task.manual.note
  return task.evidence.length === 0
    ? 'No check could be derived from the plan: confirm by hand'
    : 'The checks are not conclusive: confirm by hand'
}

export const SHORT_SHA_LENGTH = 7

/** The repairs in one line (the JSON export keeps every one). */
export function repairSummary(plan: ParsedPlan): string | null {
  if (plan.repairs.length === 0) return null
  const lines = new Set(plan.repairs.map((repair) => repair.line))
  const kinds = [...new Set(plan.repairs.map((repair) => repair.kind))].join(', ')
  return `The importer repaired ${plan.repairs.length} piece${plan.repairs.length === 1 ? '' : 's'} of damaged text on ${lines.size} line${lines.size === 1 ? '' : 's'} (${kinds}; read as ${plan.encoding}); the JSON export lists each repair.`
}

/** Every commit the report cites, once, in the order first cited: evidence, then repository HEADs. */
function citedCommits(evidence: ReportEvidenceRow[], repos: ReportRepo[]): ReportCommit[] {
  const bySha = new Map<string, ReportCommit>()
  for (const row of evidence) {
    if (row.commitSha && !bySha.has(row.commitSha))
      bySha.set(row.commitSha, {
        sha: row.commitSha,
        shortSha: row.commitSha.slice(0, SHORT_SHA_LENGTH),
        date: row.commitDate,
        subject: row.commitSubject,
      })
  }
  for (const repo of repos) {
    if (repo.headSha && !bySha.has(repo.headSha))
      bySha.set(repo.headSha, {
        sha: repo.headSha,
        shortSha: repo.headSha.slice(0, SHORT_SHA_LENGTH),
        date: null,
        subject: `HEAD of ${repo.name}`,
      })
  }
  return [...bySha.values()]
}

/** The report's sections, from the computed status, the plan and its repositories. Pure. */
export function buildReportData(input: ReportModelInput): ReportData {
  const { progress } = input
  const tasks = progress.tasks
  const doneThisWeekKeys = new Set(progress.summary.doneThisWeek.taskKeys)
  const numbers = new Map(input.plan.tasks.map((task) => [task.key, task.number]))
  const labelOf: LabelOf = (key) => numbers.get(key) ?? null
  const evidence = tasks.filter((t) => t.state === 'done').flatMap((t) => evidenceRows(t, labelOf))
  return {
    planId: input.planId,
    title: input.title,
    sourceName: input.sourceName,
    planDate: input.plan.date,
    asOf: progress.asOf,
    repos: input.repos,
    progress,
    phases: progress.phases.map((phase) => phaseRow(phase, progress.asOfWeek)),
    doneThisWeek: tasks.filter((t) => doneThisWeekKeys.has(t.key)).map((t) => taskRow(t, labelOf)),
    overdue: tasks.filter((t) => t.overdue).map((t) => taskRow(t, labelOf)),
    atRisk: tasks
      .filter((t) => isAtRisk(t, progress.asOfWeek))
      .map((t) => taskRow(t, labelOf, dueNote(t, progress.asOfWeek))),
    needsConfirmation: tasks
      .filter((t) => t.state === 'needs-confirmation')
      .map((t) => taskRow(t, labelOf, confirmationNote(t))),
    blocked: tasks.filter((t) => t.state === 'blocked').map((t) => taskRow(t, labelOf)),
    evidence,
    warnings: input.plan.warnings,
    repairs: groupRepairs(input.plan.repairs),
    repairSummary: repairSummary(input.plan),
    executive: executiveSummary(progress, labelOf),
    commits: citedCommits(evidence, input.repos),
    checkHistories: (input.checkHistories ?? []).map((h) => {
      const task = tasks.find((t) => t.key === h.taskKey)
      return {
        ...h,
        taskLabel: labelOf(h.taskKey),
        taskTitle: task?.title ?? h.taskKey,
        state: task?.state ?? 'unknown',
      }
    }),
  }
}

export { reportFileName } from '../../shared/report-names'
