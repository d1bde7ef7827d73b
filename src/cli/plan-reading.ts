import { readFileSync } from 'node:fs'
import { ImportProfileSchema, type ImportProfile, type ParsedPlan } from '../shared/plan-model'
import { CliError } from './cli-error'

/** `--profile FILE`: the lead's mapping, as JSON (the same shape the import preview stores with a plan). */
export function readProfileFile(path: string | undefined): ImportProfile | undefined {
  if (path === undefined) return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new CliError(`cannot read the profile ${path}: no such file, or not readable`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new CliError(`the profile ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = ImportProfileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CliError(
      `the profile ${path} is not a valid import profile: ${issue.path.join('.') || 'root'}: ${issue.message}`,
    )
  }
  return parsed.data
}

/** `--explain`: how the plan was read — sections, items, what was left out and why, and how sure the reader is. */
export function explainPlan(plan: ParsedPlan): string {
  const out: string[] = []
  const reading = plan.interpretation
  out.push(`${plan.title}`)
  out.push(
    `date ${plan.date ?? '—'} · ${plan.phases.length} phases · ${plan.tasks.length} work items · ${plan.totals.estimateHours} h · ${plan.weeks} weeks (${plan.daysPerWeek} days/week, ${plan.hoursPerDay} h/day)`,
  )
  if (reading) {
    out.push(`confidence: ${reading.confidence} (${reading.score}) — ${reading.reasons.join('; ')}`)
    if (reading.units.pointScale)
      out.push(
        `story points: ${reading.units.pointScale.map(([points, hours]) => `${points} pt = ${hours} h`).join(', ')}`,
      )
    if (reading.units.defaultUnit !== 'hours') out.push(`bare numbers are ${reading.units.defaultUnit}`)
    out.push('', 'sections:')
    for (const section of reading.sections) {
      const indent = '  '.repeat(Math.max(1, Math.floor(section.depth) - 1))
      const hours = section.hours !== null ? `, ${section.hours} h` : ''
      out.push(
        `${indent}L${section.line} ${section.title} — ${section.role}${section.isPhase ? ' (phase)' : ''}: ${section.items} items${hours}; ${section.why}`,
      )
    }
  }
  out.push('', 'items:')
  for (const task of plan.tasks) {
    const weeks =
      task.weekStart === null
        ? 'unscheduled'
        : task.weekStart === task.weekEnd
          ? `week ${task.weekStart}`
          : `weeks ${task.weekStart}-${task.weekEnd}`
    const phase = task.phase === null ? '' : ` · ${plan.phases[task.phase]?.title ?? ''}`
    const hours =
      task.estimateHours === null ? 'no estimate' : `${task.estimateHours} h${task.estimateDerived ? ' (derived)' : ''}`
    out.push(
      `  L${task.line} [${task.source}] ${task.key} ${task.title} — ${hours}, ${weeks}${phase}${task.claimedDone ? ' · claimed done' : ''}`,
    )
  }
  if (plan.skipped.length > 0) {
    out.push('', 'not imported:')
    for (const entry of plan.skipped)
      out.push(`  ${entry.line > 0 ? `L${entry.line}` : '—'} ${entry.text} — ${entry.reason}`)
  }
  if (plan.warnings.length > 0) {
    out.push('', 'warnings:')
    for (const warning of plan.warnings) out.push(`  ${warning.line ? `L${warning.line} ` : ''}${warning.message}`)
  }
  return out.join('\n')
}
