import type { Unit } from './units'

/** A line that looks like work and was left out, with the reason the lead sees. */
export type SkippedEntry = { line: number; text: string; kind: 'heading' | 'list-item' | 'table-row'; reason: string }

export function skip(unit: Unit, reason: string): SkippedEntry {
  const kind = unit.kind === 'heading' ? 'heading' : unit.kind === 'list' ? 'list-item' : 'table-row'
  return { line: unit.line, text: unit.info.title, kind, reason }
}
