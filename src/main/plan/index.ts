import { ParseOptionsSchema, type ParseOptions, type ParsedPlan } from '../../shared/plan-model'
import { decodePlanBytes, normalizeLineEndings, normalizeSpaces } from './decode'
import { repairMojibake } from './mojibake'
import { guardMarkdown } from './guard'
import { buildPlan } from './build'

export { diffPlans, type PlanDiff } from './diff'

export type ParseOutcome = { ok: true; plan: ParsedPlan } | { ok: false; error: { code: string; message: string } }

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
    const plan = buildPlan({ text: guarded.text, encoding: decoded.encoding, repairs: repaired.repairs, warnings: guarded.warnings, options: parsedOptions.data })
    if (plan.tasks.length === 0) {
      return failure(
        'no-tasks',
        'No work items were found. The cockpit looks for checkbox or bullet lists, numbered or estimated headings ("### 1.2 Add caching (4h)"), or a task table, under phase, week or sprint headings; success criteria, metrics, risks and code blocks are never items. Open the plan in the import preview and use the mapping step to say which headings, lists or tables hold the work.',
      )
    }
    return { ok: true, plan }
  } catch (error) {
    return failure('unreadable', `The plan could not be parsed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function failure(code: string, message: string): ParseOutcome {
  return { ok: false, error: { code, message } }
}
