import { bounded } from '../text'
import { EFFORT_LABEL_WORDS, SCHEDULE_LABEL_WORDS, STATUS_LABEL_WORDS } from '../grammar/words'
import { readRole } from './roles'

/**
 * Labels that open a paragraph or a list line and say what follows: "**Files to Create:**",
 * "**Success Criteria:** text", and the plain forms plans write without bold ("Done when: …",
 * "Touches: …", "Success criteria:", "Plans:").
 */

export type LabelContext =
  | 'tasks'
  | 'files-create'
  | 'files-modify'
  | 'files-remove'
  | 'file'
  | 'criteria'
  | 'gate'
  | 'status'
  | 'schedule'
  | 'effort'
  | 'owner'
  | 'excluded'
  | 'other'

/** A bold label opening a paragraph: "**Files to Modify**:", "**Success Criteria:** text". */
export function parseLabel(raw: string): { label: string; rest: string } | null {
  const match = /^\s*(?:\*\*|__)([^*_\n]{1,80}?)\s*(:?)\s*(?:\*\*|__)\s*:?\s*([\s\S]*)$/.exec(bounded(raw, 4000))
  if (!match) return null
  return { label: match[1].trim().replace(/:$/, ''), rest: match[3].trim() }
}

const PLAIN_LABEL = new RegExp(
  `^\\s*(done when|definition of done|success criteria|acceptance(?: criteria)?|exit criteria|criteria|verify|verification|validation|touches|files?(?: to (?:create|modify|update|change|edit|remove|delete)(?:\\s*(?:\\/|and|&)\\s*(?:create|modify))?)?|new files?|${STATUS_LABEL_WORDS}|owner|assignee|effort|estimated time|estimate[ds]?|est\\.|${SCHEDULE_LABEL_WORDS}|depends on|dependencies|plans|tasks?|action items?|steps|subtasks|to ?do)\\s*(?:\\([^)]{0,40}\\))?\\s*:\\s*([\\s\\S]*)$`,
  'iu',
)
const STATUS_LABEL = new RegExp(
  `^(?:(?:${STATUS_LABEL_WORDS})(?![\\p{L}]).*|current (?:state|status)|state|what exists|progress(?: so far| to date)?)$`,
  'u',
)
const SCHEDULE_LABEL = new RegExp(`^(?:${SCHEDULE_LABEL_WORDS})$`, 'u')

/** A bold label, or a plain one from the known vocabulary ("Done when: …"). */
export function readLabel(raw: string): { label: string; rest: string } | null {
  const bold = parseLabel(raw)
  if (bold) return bold
  const plain = PLAIN_LABEL.exec(bounded(raw, 4000))
  return plain ? { label: plain[1].trim(), rest: plain[2].trim() } : null
}

/**
 * The label a paragraph opens for the blocks after it: "**Success criteria**:" on its own line does; a label
 * with its value on the line ("**Impact**: Blocking | **Effort**: 40 h") states a fact and opens nothing.
 */
export function openingLabel(paragraph: string): { label: string; rest: string } | null {
  const found = readLabel(paragraph.split('\n', 1)[0])
  if (!found) return null
  return found.rest === '' || /:\s*$/.test(found.rest) ? found : null
}

const EXCLUDED_LABEL =
  /\b(?:deliverables?|dependencies|depends|blocks|risks?|notes?|tools|resources|links|references|goals?|objectives?|outcomes?|results?|impact|problem|background|context|metrics|kpis?|why|rationale|implementation notes|root cause|description|expected outcome|focus)\b/

/** "Aufwand", "Durée", "推定時間": the same label in other languages (grammar/words) */
const EFFORT_LABEL = new RegExp(`^(?:${EFFORT_LABEL_WORDS})$`, 'i')

export function labelContext(label: string): LabelContext {
  const text = label
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .trim()
  if (/^files?\s+to\s+(?:create\s*(?:\/|and|&)\s*modify|modify\s*(?:\/|and|&)\s*create)/.test(text))
    return 'files-modify'
  if (/^(?:files?\s+to\s+create|new files?|create files?)/.test(text)) return 'files-create'
  if (/^(?:files?\s+to\s+(?:modify|update|change|edit|fix)|modified files?|files? changed)/.test(text))
    return 'files-modify'
  if (/^(?:files?\s+to\s+(?:remove|delete)|remove files?|delete files?)/.test(text)) return 'files-remove'
  if (/^(?:file|files|location|path|touches)$/.test(text)) return 'file'
  if (/success criteria|acceptance|definition of done|done when|criteria|^verify|^verification|^validation/.test(text))
    return 'criteria'
  if (readRole(label).role === 'gate') return 'gate'
  if (STATUS_LABEL.test(text)) return 'status'
  if (SCHEDULE_LABEL.test(text)) return 'schedule'
  if (
    /^(?:effort|estimated time|estimates?|estimated|est\.?|level of effort|loe|size|story points|points)$/.test(text) ||
    EFFORT_LABEL.test(text)
  )
    return 'effort'
  if (/^(?:owner|assignee|dri)$/.test(text)) return 'owner'
  if (/^(?:tasks?|action items?|actions|steps|subtasks|to ?do|plans|work items?)$/.test(text)) return 'tasks'
  if (EXCLUDED_LABEL.test(text)) return 'excluded'
  return 'other'
}

/** Lists under these labels are never candidate items (they are criteria, files, status, notes…). */
export function excludesItems(context: LabelContext): boolean {
  return (
    context !== 'tasks' && context !== 'other' && context !== 'schedule' && context !== 'effort' && context !== 'owner'
  )
}
