import { CheckSpecSchema, type CheckSpec } from '../../../../shared/check-model'

/** Every check kind, with a form of its own (no raw JSON). */
export type CheckKind = CheckSpec['kind']

export const CHECK_KINDS: CheckKind[] = ['file-exists', 'file-absent', 'file-changed', 'file-contains', 'text-absent', 'path-match', 'file-count', 'line-count', 'json-value', 'dependency', 'coverage']

export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  'file-exists': 'File exists',
  'file-absent': 'File is absent',
  'file-changed': 'File changed after the plan start',
  'file-contains': 'File contains text',
  'text-absent': 'Text appears nowhere',
  'path-match': 'Some file matches a glob',
  'file-count': 'Number of files matching a glob',
  'line-count': 'Number of lines in a file',
  'json-value': 'JSON file has a value',
  dependency: 'A tool is set up',
  coverage: 'Test coverage reaches a level',
}

type FieldType = 'text' | 'lines' | 'comparison' | 'count' | 'percent' | 'metric' | 'scalar' | 'boolean'

export interface CheckField {
  name: string
  label: string
  type: FieldType
  /** may be left empty */
  optional?: boolean
  placeholder?: string
}

const COMPARISON_LABELS: Record<string, string> = { '>=': 'at least', '<=': 'at most', '==': 'exactly', '>': 'more than', '<': 'fewer than' }
export const COMPARISONS = Object.keys(COMPARISON_LABELS)
export const COMPARISON_TEXT = COMPARISON_LABELS
export const METRICS = ['lines', 'statements', 'branches', 'functions']

const path = (label = 'Path'): CheckField => ({ name: 'path', label, type: 'text', placeholder: 'src/config.ts' })

export const CHECK_FIELDS: Record<CheckKind, CheckField[]> = {
  'file-exists': [path()],
  'file-absent': [path()],
  'file-changed': [path()],
  'file-contains': [path(), { name: 'needles', label: 'Must contain (one per line)', type: 'lines' }],
  'text-absent': [
    { name: 'needle', label: 'Text', type: 'text', placeholder: 'console.log' },
    { name: 'scope', label: 'Only in these globs (one per line, optional)', type: 'lines', optional: true, placeholder: 'src/**/*.ts' },
  ],
  'path-match': [{ name: 'glob', label: 'Glob', type: 'text', placeholder: '.github/workflows/*.yml' }],
  'file-count': [
    { name: 'glob', label: 'Glob', type: 'text', placeholder: 'tests/**/*.test.ts' },
    { name: 'op', label: 'How many', type: 'comparison' },
    { name: 'value', label: 'Files', type: 'count' },
  ],
  'line-count': [path(), { name: 'op', label: 'How many', type: 'comparison' }, { name: 'value', label: 'Lines', type: 'count' }],
  'json-value': [
    path('JSON file'),
    { name: 'pointer', label: 'Key path (one key per line)', type: 'lines', placeholder: 'compilerOptions\nstrict' },
    { name: 'expected', label: 'Value', type: 'scalar', placeholder: 'true' },
    { name: 'anyDepth', label: 'The last key may be nested anywhere', type: 'boolean', optional: true },
  ],
  dependency: [
    { name: 'tool', label: 'Tool', type: 'text', placeholder: 'Sentry' },
    { name: 'npm', label: 'npm packages (one per line)', type: 'lines', optional: true, placeholder: '@sentry/node' },
    { name: 'python', label: 'Python packages (one per line)', type: 'lines', optional: true, placeholder: 'sentry-sdk' },
    { name: 'files', label: 'Or files proving it (globs, one per line)', type: 'lines', optional: true, placeholder: 'sentry.properties' },
  ],
  coverage: [
    { name: 'metric', label: 'Metric', type: 'metric' },
    { name: 'min', label: 'At least (%)', type: 'percent' },
  ],
}

export interface CheckDraft {
  kind: CheckKind
  /** field name → what the form holds (lines joined by newlines, numbers and values as typed) */
  values: Record<string, string | boolean>
}

export function emptyDraft(kind: CheckKind): CheckDraft {
  const values: Record<string, string | boolean> = {}
  for (const field of CHECK_FIELDS[kind]) values[field.name] = field.type === 'boolean' ? false : field.type === 'comparison' ? '>=' : field.type === 'metric' ? 'lines' : ''
  return { kind, values }
}

/** Switching kinds keeps what still fits (a path stays a path). */
export function changeKind(draft: CheckDraft, kind: CheckKind): CheckDraft {
  const next = emptyDraft(kind)
  for (const name of Object.keys(next.values)) if (name in draft.values && typeof draft.values[name] === typeof next.values[name]) next.values[name] = draft.values[name]
  return next
}

export function draftFromSpec(spec: CheckSpec): CheckDraft {
  const values: Record<string, string | boolean> = {}
  const record = spec as unknown as Record<string, unknown>
  for (const field of CHECK_FIELDS[spec.kind]) {
    const value = record[field.name]
    if (field.type === 'lines') values[field.name] = Array.isArray(value) ? value.join('\n') : ''
    else if (field.type === 'boolean') values[field.name] = value === true
    else if (field.type === 'scalar') values[field.name] = typeof value === 'string' ? value : JSON.stringify(value)
    else values[field.name] = value === undefined || value === null ? '' : String(value)
  }
  return { kind: spec.kind, values }
}

function lines(text: string | boolean | undefined): string[] {
  return String(text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/** A typed value: true/false/null and numbers as such, anything else as the text itself. */
function scalarOf(text: string): string | number | boolean | null {
  const trimmed = text.trim()
  if (trimmed === 'true') return true
  if (trimmed === 'false') return false
  if (trimmed === 'null') return null
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed)
  if (/^".*"$/.test(trimmed)) return trimmed.slice(1, -1)
  return trimmed
}

function sentenceFor(kind: CheckKind, v: Record<string, unknown>): string {
  const code = (text: unknown) => `\`${String(text)}\``
  switch (kind) {
    case 'file-exists':
      return `${code(v.path)} exists`
    case 'file-absent':
      return `${code(v.path)} does not exist`
    case 'file-changed':
      return `${code(v.path)} changed after the plan start`
    case 'file-contains':
      return `${code(v.path)} contains ${(v.needles as string[]).map((needle) => `“${needle}”`).join(', ')}`
    case 'text-absent': {
      const scope = v.scope as string[]
      return `“${String(v.needle)}” appears nowhere${scope.length ? ` in ${scope.join(', ')}` : ''}`
    }
    case 'path-match':
      return `a file matches ${code(v.glob)}`
    case 'file-count':
      return `${COMPARISON_LABELS[String(v.op)]} ${String(v.value)} files match ${code(v.glob)}`
    case 'line-count':
      return `${code(v.path)} has ${COMPARISON_LABELS[String(v.op)]} ${String(v.value)} lines`
    case 'json-value':
      return `${code(v.path)} has ${(v.pointer as string[]).join('.')} = ${JSON.stringify(v.expected)}`
    case 'dependency':
      return `${String(v.tool)} is set up`
    case 'coverage':
      return `${String(v.metric)} coverage is at least ${String(v.min)}%`
  }
}

/** The value of each field, typed; or what is missing. */
function fieldValues(draft: CheckDraft): { ok: true; values: Record<string, unknown> } | { ok: false; error: string } {
  const values: Record<string, unknown> = {}
  for (const field of CHECK_FIELDS[draft.kind]) {
    const raw = draft.values[field.name]
    const text = typeof raw === 'string' ? raw.trim() : ''
    if (!field.optional && field.type !== 'boolean' && text === '') return { ok: false, error: `Enter ${field.label.replace(/ \(.*\)$/, '').toLowerCase()}.` }
    switch (field.type) {
      case 'lines':
        values[field.name] = lines(raw)
        break
      case 'count':
      case 'percent':
        if (!Number.isFinite(Number(text))) return { ok: false, error: `${field.label} must be a number.` }
        values[field.name] = Number(text)
        break
      case 'scalar':
        values[field.name] = scalarOf(text)
        break
      case 'boolean':
        values[field.name] = raw === true
        break
      default:
        values[field.name] = text
    }
  }
  return { ok: true, values }
}

/** A check from the form, keeping the source line (and origin) of the check it replaces. */
export function specFromDraft(draft: CheckDraft, previous: CheckSpec | null): { ok: true; spec: CheckSpec } | { ok: false; error: string } {
  const fields = fieldValues(draft)
  if (!fields.ok) return fields
  const candidate = {
    kind: draft.kind,
    ...fields.values,
    sentence: sentenceFor(draft.kind, fields.values),
    sourceLine: previous?.sourceLine ?? null,
    origin: previous?.origin ?? 'user',
    enabled: previous?.enabled ?? true,
  }
  return parseSpec(candidate)
}

export function parseSpec(candidate: unknown): { ok: true; spec: CheckSpec } | { ok: false; error: string } {
  const parsed = CheckSpecSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, spec: parsed.data }
  return { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'check'}: ${issue.message}`).join('; ') }
}
