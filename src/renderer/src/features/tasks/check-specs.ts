import { CheckSpecSchema, type CheckSpec } from '../../../../shared/check-model'

/** Every check kind, with a form of its own (no raw JSON). */
export type CheckKind = CheckSpec['kind']

export const CHECK_KINDS: CheckKind[] = [
  'file-exists',
  'file-absent',
  'file-changed',
  'file-contains',
  'file-lacks',
  'text-absent',
  'text-present',
  'text-every',
  'path-match',
  'file-count',
  'line-count',
  'package',
  'value',
  'json-value',
  'dependency',
  'coverage',
]

export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  'file-exists': 'File exists',
  'file-absent': 'File is absent',
  'file-changed': 'File changed after the plan start',
  'file-contains': 'File contains text',
  'file-lacks': 'File exists without some text',
  'text-absent': 'Text appears nowhere',
  'text-present': 'Text appears somewhere in a scope',
  'text-every': 'Every file (or every line of a kind) in a scope meets a rule',
  'path-match': 'Some file matches a glob',
  'file-count': 'Number of files matching a glob',
  'line-count': 'Number of lines in a file',
  'json-value': 'JSON file has a value',
  package: 'A package is (or is no longer) a dependency',
  value: 'A JSON/TOML/YAML value compares with values',
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

const COMPARISON_LABELS: Record<string, string> = {
  '>=': 'at least',
  '<=': 'at most',
  '==': 'exactly',
  '>': 'more than',
  '<': 'fewer than',
}
export const COMPARISONS = Object.keys(COMPARISON_LABELS)
export const COMPARISON_TEXT = COMPARISON_LABELS
export const METRICS = ['lines', 'statements', 'branches', 'functions']

const path = (label = 'Path'): CheckField => ({ name: 'path', label, type: 'text', placeholder: 'src/config.ts' })

export const CHECK_FIELDS: Record<CheckKind, CheckField[]> = {
  'file-exists': [path()],
  'file-absent': [path()],
  'file-changed': [path()],
  'file-contains': [path(), { name: 'needles', label: 'Must contain (one per line)', type: 'lines' }],
  'file-lacks': [path(), { name: 'needles', label: 'Must not contain (one per line)', type: 'lines' }],
  'text-absent': [
    { name: 'needle', label: 'Text', type: 'text', placeholder: 'console.log' },
    {
      name: 'scope',
      label: 'Only in these globs (one per line, optional)',
      type: 'lines',
      optional: true,
      placeholder: 'src/**/*.ts',
    },
    {
      name: 'exclude',
      label: 'Except these globs (one per line, optional)',
      type: 'lines',
      optional: true,
      placeholder: '**/tests/**',
    },
  ],
  'text-present': [
    { name: 'needle', label: 'Text', type: 'text', placeholder: 'AuditMiddleware' },
    { name: 'scope', label: 'In these globs (one per line)', type: 'lines', placeholder: 'app/**' },
    { name: 'exclude', label: 'Except these globs (one per line, optional)', type: 'lines', optional: true },
  ],
  'text-every': [
    {
      name: 'scope',
      label: 'In these globs or files (one per line)',
      type: 'lines',
      placeholder: '.github/workflows/*.yml',
    },
    { name: 'exclude', label: 'Except these globs (one per line, optional)', type: 'lines', optional: true },
    {
      name: 'lines',
      label: 'Only lines containing (optional: every file)',
      type: 'text',
      optional: true,
      placeholder: 'uses:',
    },
    { name: 'lineStart', label: 'Lines that begin with it', type: 'boolean', optional: true },
    {
      name: 'needle',
      label: 'Must contain (optional with a pin)',
      type: 'text',
      optional: true,
      placeholder: 'permissions:',
    },
    { name: 'pin', label: 'Pinned by: commit-sha or digest (optional)', type: 'text', optional: true },
    { name: 'steps', label: 'About YAML steps: each sets “key: value”', type: 'boolean', optional: true },
  ],
  package: [
    { name: 'name', label: 'Package', type: 'text', placeholder: 'pydantic' },
    { name: 'present', label: 'Declared (unticked: must no longer be declared)', type: 'boolean', optional: true },
    {
      name: 'manifest',
      label: 'Manifest (optional: any)',
      type: 'text',
      optional: true,
      placeholder: 'requirements.txt',
    },
    {
      name: 'section',
      label: 'Section: runtime or dev (optional: any)',
      type: 'text',
      optional: true,
      placeholder: 'dev',
    },
    { name: 'range', label: 'Version range (optional)', type: 'text', optional: true, placeholder: '>=2.0,<3' },
    { name: 'direct', label: 'Direct requirements only (go.mod: not // indirect)', type: 'boolean', optional: true },
  ],
  value: [
    path('JSON, TOML or YAML file'),
    { name: 'pointer', label: 'Key path (one key per line)', type: 'lines', placeholder: 'jobs\ntest\nstrategy' },
    {
      name: 'op',
      label: 'Comparison: equals, begins-with, contains, includes, excludes, accepts, satisfies',
      type: 'text',
      placeholder: 'includes',
    },
    { name: 'expected', label: 'Values (one per line)', type: 'lines', placeholder: '3.12' },
    { name: 'anyDepth', label: 'The last key may be nested anywhere', type: 'boolean', optional: true },
    { name: 'each', label: 'Compare each entry of the list or mapping', type: 'boolean', optional: true },
  ],
  'path-match': [{ name: 'glob', label: 'Glob', type: 'text', placeholder: '.github/workflows/*.yml' }],
  'file-count': [
    { name: 'glob', label: 'Glob', type: 'text', placeholder: 'tests/**/*.test.ts' },
    { name: 'op', label: 'How many', type: 'comparison' },
    { name: 'value', label: 'Files', type: 'count' },
  ],
  'line-count': [
    path(),
    { name: 'op', label: 'How many', type: 'comparison' },
    { name: 'value', label: 'Lines', type: 'count' },
  ],
  'json-value': [
    path('JSON file'),
    { name: 'pointer', label: 'Key path (one key per line)', type: 'lines', placeholder: 'compilerOptions\nstrict' },
    { name: 'expected', label: 'Value', type: 'scalar', placeholder: 'true' },
    { name: 'anyDepth', label: 'The last key may be nested anywhere', type: 'boolean', optional: true },
  ],
  dependency: [
    { name: 'tool', label: 'Tool', type: 'text', placeholder: 'Sentry' },
    { name: 'npm', label: 'npm packages (one per line)', type: 'lines', optional: true, placeholder: '@sentry/node' },
    {
      name: 'python',
      label: 'Python packages (one per line)',
      type: 'lines',
      optional: true,
      placeholder: 'sentry-sdk',
    },
    {
      name: 'files',
      label: 'Or files proving it (globs, one per line)',
      type: 'lines',
      optional: true,
      placeholder: 'sentry.properties',
    },
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
  for (const field of CHECK_FIELDS[kind])
    values[field.name] =
      field.type === 'boolean'
        ? field.name === 'present'
        : field.type === 'comparison'
          ? '>='
          : field.type === 'metric'
            ? 'lines'
            : ''
  return { kind, values }
}

/** Switching kinds keeps what still fits (a path stays a path). */
export function changeKind(draft: CheckDraft, kind: CheckKind): CheckDraft {
  const next = emptyDraft(kind)
  for (const name of Object.keys(next.values))
    if (name in draft.values && typeof draft.values[name] === typeof next.values[name])
      next.values[name] = draft.values[name]
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
    case 'file-lacks':
      return `${code(v.path)} exists without ${(v.needles as string[]).map((needle) => `“${needle}”`).join(', ')}`
    case 'text-present':
      return `“${String(v.needle)}” appears in ${(v.scope as string[]).join(', ')}`
    case 'package':
      return `${code(v.name)} is ${v.present ? '' : 'no longer '}a ${v.direct ? 'direct ' : ''}dependency${v.manifest ? ` in ${code(v.manifest)}` : ''}${v.range ? ` within ${code(v.range)}` : ''}`
    case 'value':
      return `${code(v.path)} → ${code((v.pointer as string[]).join('.'))} ${String(v.op)} ${(v.expected as unknown[]).map((e) => JSON.stringify(e)).join(', ')}`
    case 'text-every': {
      const what = v.lines ? `every line with “${String(v.lines)}”` : 'every file'
      const rule = [v.needle ? `contains “${String(v.needle)}”` : '', v.pin ? `is pinned by ${String(v.pin)}` : '']
      return `${what} in ${(v.scope as string[]).join(', ')} ${rule.filter(Boolean).join(' and ')}`
    }
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
    if (!field.optional && field.type !== 'boolean' && text === '')
      return { ok: false, error: `Enter ${field.label.replace(/ \(.*\)$/, '').toLowerCase()}.` }
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

/** optional text left empty means "any"; values typed from their lines */
function normalizedValues(kind: CheckKind, values: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'package') {
    const section = String(values.section ?? '').toLowerCase()
    return {
      ...values,
      manifest: values.manifest || null,
      range: values.range || null,
      section: section === 'runtime' || section === 'dev' ? section : 'any',
      direct: values.direct === true ? true : undefined,
    }
  }
  if (kind === 'text-every') {
    const pin = String(values.pin ?? '').toLowerCase()
    return {
      ...values,
      lines: values.lines || undefined,
      lineStart: values.lineStart === true ? true : undefined,
      needle: values.needle || undefined,
      pin: pin === 'commit-sha' || pin === 'digest' ? pin : undefined,
      steps: values.steps === true ? true : undefined,
    }
  }
  // versions stay text ("3.10" is not 3.1); true / false / null are typed
  if (kind === 'value')
    return {
      ...values,
      each: values.each === true ? true : undefined,
      op: String(values.op).toLowerCase(),
      expected: (values.expected as string[]).map((e) =>
        /^(true|false|null)$/.test(e) ? scalarOf(e) : e.replace(/^"(.*)"$/, '$1'),
      ),
    }
  return values
}

/** A check from the form, keeping the source line (and origin) of the check it replaces. */
export function specFromDraft(
  draft: CheckDraft,
  previous: CheckSpec | null,
): { ok: true; spec: CheckSpec } | { ok: false; error: string } {
  const fields = fieldValues(draft)
  if (!fields.ok) return fields
  const values = normalizedValues(draft.kind, fields.values)
  const candidate = {
    kind: draft.kind,
    ...values,
    sentence: sentenceFor(draft.kind, values),
    sourceLine: previous?.sourceLine ?? null,
    origin: previous?.origin ?? 'user',
    enabled: previous?.enabled ?? true,
    // an edited check keeps what it decides (criterion, progress, supporting) and the plan sentence it came from
    ...(previous?.role ? { role: previous.role } : {}),
    ...(previous?.source ? { source: previous.source } : {}),
  }
  return parseSpec(candidate)
}

export function parseSpec(candidate: unknown): { ok: true; spec: CheckSpec } | { ok: false; error: string } {
  const parsed = CheckSpecSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, spec: parsed.data }
  return {
    ok: false,
    error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'check'}: ${issue.message}`).join('; '),
  }
}
