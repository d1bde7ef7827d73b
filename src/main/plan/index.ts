import { ParseOptionsSchema, type ParseOptions, type ParsedPlan, type PlanWarning } from '../../shared/plan-model'
import { decodePlanBytes, normalizeLineEndings, normalizeSpaces } from './decode'
import { repairMojibake } from './mojibake'
import { guardMarkdown } from './guard'
import { buildPlan } from './build'
import { NO_TASKS } from './no-tasks'
import { ganttAsPlanText } from './mermaid-gantt'

const READ_FROM_GANTT: PlanWarning = {
  code: 'read-from-gantt',
  message: "The items were read from the plan's mermaid gantt chart; its durations are spans, not effort.",
  line: null,
  taskKey: null,
}

export { diffPlans } from './diff'
export { UNTITLED_PLAN } from './untitled'

/** A failed parse that got as far as reading the plan ("no-tasks") keeps that reading, so the mapping step can show it. */
export type ParseOutcome =
  { ok: true; plan: ParsedPlan } | { ok: false; error: { code: string; message: string }; reading?: ParsedPlan }

/**
 * Bytes of a markdown plan to a ParsedPlan. Never throws: bad input becomes an error outcome
 * (binary, too-large, empty, no-tasks, unreadable) or a warning on the plan.
 */
export function parsePlanBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseOutcome {
  try {
    const parsedOptions = ParseOptionsSchema.safeParse(options ?? {})
    if (!parsedOptions.success) return failure('unreadable', `Invalid parse options: ${parsedOptions.error.message}`)
    const decoded = decodePlanBytes(bytes)
    if (!decoded.ok) return failure(decoded.code, decoded.message)
    const repaired = repairMojibake(normalizeLineEndings(decoded.text))
    const guarded = guardMarkdown(normalizeSpaces(repaired.text))
    const build = (text: string, warnings: PlanWarning[]) =>
      buildPlan({ text, encoding: decoded.encoding, repairs: repaired.repairs, warnings, options: parsedOptions.data })
    const plan = build(guarded.text, guarded.warnings)
    if (plan.tasks.length > 0) return { ok: true, plan }
    // nothing outside code fences holds items: a mermaid gantt chart may be the plan
    const gantt = ganttAsPlanText(guarded.text)
    const charted = gantt === null ? null : build(gantt, [...guarded.warnings, READ_FROM_GANTT])
    if (charted && charted.tasks.length > 0) return { ok: true, plan: charted }
    return { ...failure('no-tasks', NO_TASKS), reading: plan }
  } catch (error) {
    return failure(
      'unreadable',
      `The plan could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

function failure(code: string, message: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code, message } }
}
