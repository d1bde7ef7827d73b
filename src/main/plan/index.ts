import { ParseOptionsSchema, type ParseOptions, type ParsedPlan } from '../../shared/plan-model'
import { decodePlanBytes, normalizeLineEndings, normalizeSpaces } from './decode'
import { repairMojibake } from './mojibake'
import { guardMarkdown } from './guard'
import { buildPlan } from './build'
import { NO_TASKS } from './no-tasks'

export { diffPlans } from './diff'

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
    const plan = buildPlan({
      text: guarded.text,
      encoding: decoded.encoding,
      repairs: repaired.repairs,
      warnings: guarded.warnings,
      options: parsedOptions.data,
    })
    if (plan.tasks.length === 0) return { ...failure('no-tasks', NO_TASKS), reading: plan }
    return { ok: true, plan }
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
