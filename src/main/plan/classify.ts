import type { Section } from './outline'
import { bounded, cleanTitle } from './text'

/**
 * What a section is for. Work sections hold the estimated items; the others restate them
 * (recap), gate a launch, list long-term backlog, track progress targets, or state status.
 */
export type SectionKind = 'work' | 'recap' | 'gate' | 'backlog' | 'milestones' | 'metrics' | 'status' | 'other'

const RULES: Array<{ kind: SectionKind; pattern: RegExp }> = [
  { kind: 'gate', pattern: /\b(?:pre-?\s?launch|launch|go-?\s?live|release|final|production|readiness|deployment)\s+(?:checklist|gate|criteria)\b|\bdecision gate\b/i },
  { kind: 'backlog', pattern: /^(?:post[-\s]?(?:launch|production|release|mvp)|long[-\s]?term|future\b|later\b|backlog|nice to have|months?\s+\d)|\bmonths?\s+\d+\s*(?:-|–|to)\s*\d+|\(\s*week\s+\d+\s*\+\s*\)/i },
  { kind: 'milestones', pattern: /\bprogress tracking\b|\bmilestones?\b|\bweekly (?:targets|goals)\b/i },
  { kind: 'recap', pattern: /\bchecklist\b|\bquick start\b|\bcritical path\b|\bpriority (?:matrix|order)\b|\bsummary of (?:tasks|work)\b|\btask summary\b|\btimeline summary\b/i },
  { kind: 'metrics', pattern: /\bsuccess (?:metrics|criteria)\b|\bdeliverables\b|\bkpis?\b/i },
  { kind: 'status', pattern: /\bcurrent (?:status|state)\b|\bstatus assessment\b|\bexecutive summary\b|\bwhat'?s (?:done|left)\b/i },
  { kind: 'other', pattern: /^(?:risks?\b|risk mitigation|resource|escalation|references?|conclusion|overview|appendix|notes?\b|contacts?)/i },
]

export function classifyTitle(title: string): SectionKind | null {
  const text = bounded(cleanTitle(title), 300)
  for (const rule of RULES) if (rule.pattern.test(text)) return rule.kind
  return null
}

/** A section's own kind, else its parent's, else work. */
export function sectionKind(section: Section, cache: Map<Section, SectionKind>): SectionKind {
  const cached = cache.get(section)
  if (cached) return cached
  const own = section.heading ? classifyTitle(section.heading.text) : null
  const kind = own ?? (section.parent ? sectionKind(section.parent, cache) : 'work')
  cache.set(section, kind)
  return kind
}

/** A bold label opening a paragraph: "**Files to Modify**:", "**Success Criteria:** text". */
export function parseLabel(raw: string): { label: string; rest: string } | null {
  const match = /^\s*(?:\*\*|__)([^*_\n]{1,80}?)\s*(:?)\s*(?:\*\*|__)\s*:?\s*([\s\S]*)$/.exec(bounded(raw, 4000))
  if (!match) return null
  return { label: match[1].trim().replace(/:$/, ''), rest: match[3].trim() }
}

export type LabelContext = 'tasks' | 'files-create' | 'files-modify' | 'files-remove' | 'file' | 'criteria' | 'gate' | 'status' | 'other'

export function labelContext(label: string): LabelContext {
  const text = label.toLowerCase()
  if (/^files?\s+to\s+(?:create\s*(?:\/|and|&)\s*modify|modify\s*(?:\/|and|&)\s*create)/.test(text)) return 'files-modify'
  if (/^(?:files?\s+to\s+create|new files?|create files?)/.test(text)) return 'files-create'
  if (/^(?:files?\s+to\s+(?:modify|update|change|edit)|modified files?|files? changed)/.test(text)) return 'files-modify'
  if (/^(?:files?\s+to\s+(?:remove|delete)|remove files?|delete files?)/.test(text)) return 'files-remove'
  if (/^(?:file|files|location|path)$/.test(text)) return 'file'
  if (/success criteria|acceptance criteria|definition of done|done when|criteria/.test(text)) return 'criteria'
  if (classifyTitle(label) === 'gate') return 'gate'
  if (/^(?:status|current (?:state|status)|state|what exists)$/.test(text)) return 'status'
  if (/^(?:tasks?|action items?|actions|steps|subtasks|to ?do)$/.test(text)) return 'tasks'
  return 'other'
}
