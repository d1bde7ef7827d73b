import type { ProgressReport } from './progress-model'

type Basis = ProgressReport['summary']['basis']
type BasisFacts = Pick<ProgressReport['summary'], 'basis' | 'taskCount' | 'unestimatedTasks'>

/** The unit of a figure counted in the report's basis: "h" or "items" (story points are converted to hours). */
export function basisUnit(basis: Basis): 'h' | 'items' {
  return basis === 'hours' ? 'h' : 'items'
}

/**
 * Which basis the percentages, burndown and earned value are weighted by, and why, the same words in the UI,
 * the CLI and the report: "by hours", or "by items (2 without an estimate)".
 */
export function basisPhrase(summary: BasisFacts): string {
  if (summary.basis === 'hours') return 'by hours'
  if (summary.taskCount > 0 && summary.unestimatedTasks >= summary.taskCount) return 'by items (no estimates)'
  if (summary.unestimatedTasks > 0) return `by items (${summary.unestimatedTasks} without an estimate)`
  return 'by items (not every item has an estimate)'
}
