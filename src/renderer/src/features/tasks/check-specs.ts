import { CheckSpecSchema, type CheckSpec } from '../../../../shared/check-model'

/** The kinds a lead can write with a simple form; others are edited as JSON. */
export const SIMPLE_CHECK_KINDS = ['file-exists', 'file-absent', 'file-changed', 'file-contains', 'text-absent', 'path-match'] as const
export type SimpleCheckKind = (typeof SIMPLE_CHECK_KINDS)[number]

export const CHECK_KIND_LABELS: Record<SimpleCheckKind, string> = {
  'file-exists': 'File exists',
  'file-absent': 'File is absent',
  'file-changed': 'File changed after the plan start',
  'file-contains': 'File contains text',
  'text-absent': 'Text appears nowhere',
  'path-match': 'Some file matches a glob',
}

export interface SimpleCheckDraft {
  kind: SimpleCheckKind
  /** path, glob or (text-absent) needle */
  target: string
  /** file-contains: the text to find */
  text: string
}

export function isSimpleKind(kind: string): kind is SimpleCheckKind {
  return (SIMPLE_CHECK_KINDS as readonly string[]).includes(kind)
}

export function draftFromSpec(spec: CheckSpec): SimpleCheckDraft | null {
  switch (spec.kind) {
    case 'file-exists':
    case 'file-absent':
    case 'file-changed':
      return { kind: spec.kind, target: spec.path, text: '' }
    case 'file-contains':
      return { kind: spec.kind, target: spec.path, text: spec.needles.join('\n') }
    case 'text-absent':
      return { kind: spec.kind, target: spec.needle, text: spec.scope.join('\n') }
    case 'path-match':
      return { kind: spec.kind, target: spec.glob, text: '' }
    default:
      return null
  }
}

function sentenceFor(draft: SimpleCheckDraft): string {
  const target = `\`${draft.target}\``
  switch (draft.kind) {
    case 'file-exists':
      return `${target} exists`
    case 'file-absent':
      return `${target} does not exist`
    case 'file-changed':
      return `${target} changed after the plan start`
    case 'file-contains':
      return `${target} contains ${lines(draft.text).map((needle) => `“${needle}”`).join(', ')}`
    case 'text-absent':
      return `“${draft.target}” appears nowhere${lines(draft.text).length ? ` in ${lines(draft.text).join(', ')}` : ''}`
    case 'path-match':
      return `a file matches ${target}`
  }
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/** A user check from the form, keeping the source line of the check it replaces. */
export function specFromDraft(draft: SimpleCheckDraft, previous: CheckSpec | null): { ok: true; spec: CheckSpec } | { ok: false; error: string } {
  const target = draft.target.trim()
  if (!target) return { ok: false, error: draft.kind === 'text-absent' ? 'Enter the text that must not appear.' : 'Enter a path.' }
  const base = { sentence: sentenceFor({ ...draft, target }), sourceLine: previous?.sourceLine ?? null, origin: previous?.origin ?? 'user', enabled: previous?.enabled ?? true }
  let candidate: unknown
  switch (draft.kind) {
    case 'file-contains':
      if (lines(draft.text).length === 0) return { ok: false, error: 'Enter the text the file must contain (one per line).' }
      candidate = { kind: draft.kind, path: target, needles: lines(draft.text), ...base }
      break
    case 'text-absent':
      candidate = { kind: draft.kind, needle: target, scope: lines(draft.text), ...base }
      break
    case 'path-match':
      candidate = { kind: draft.kind, glob: target, ...base }
      break
    default:
      candidate = { kind: draft.kind, path: target, ...base }
  }
  return parseSpec(candidate)
}

export function parseSpec(candidate: unknown): { ok: true; spec: CheckSpec } | { ok: false; error: string } {
  const parsed = CheckSpecSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, spec: parsed.data }
  return { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'check'}: ${issue.message}`).join('; ') }
}
