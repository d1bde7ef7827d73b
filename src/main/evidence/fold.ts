/**
 * Three-valued logic for checks whose value may be unknown (null: not evaluated, before a shallow clone's
 * boundary…). One rule for combining them, wherever values are combined.
 */

/** "every one holds": a false decides (false > null > true) */
export function allHold(values: readonly (boolean | null)[]): boolean | null {
  if (values.includes(false)) return false
  return values.includes(null) ? null : true
}

/** "one holds": a true decides (true > null > false) */
export function anyHolds(values: readonly (boolean | null)[]): boolean | null {
  if (values.includes(true)) return true
  return values.includes(null) ? null : false
}
