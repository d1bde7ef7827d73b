import { bounded, stripEmoji } from '../text'
import { startsWithCountdown } from './time'
import { DONE_WORDS } from './words'

/**
 * What a title says about the item itself: its ID ("1.2", "S1.2", "A1.1", "bd-12", "#12", "TASK-12",
 * "Issue 3:", "Step 1.1"), its owner ("**EM/PM:** do X"), and the plan's claim on its status
 * ("✅", "[x]", "COMPLETED", "Status: Done"). Claims are claims, never evidence.
 */

export type LeadingId = { id: string; rest: string }

const KEYWORD = '(?:step|task|item|issue|story|ticket|epic|workstream|ws|req|requirement|action|bug|deliverable)'
const JIRA = '(?=[A-Z0-9_-]{0,30}\\d)[A-Z][A-Z0-9]{0,9}(?:[-_][A-Z0-9]{1,10}){1,3}[a-z]?'
const DOTTED = '\\d{1,3}(?:\\.\\d{1,3}){1,3}[a-z]?'
const LETTER_DOTTED = '[A-Z]{1,4}\\d{1,3}(?:\\.\\d{1,3}){1,3}[a-z]?'
const SLUG_NUMBER = '[a-z]{1,8}-\\d{1,6}'
const DASHED_NUMBER = '\\d{1,3}-\\d{1,3}(?:-[A-Za-z]\\w{0,10})?(?:\\.[a-z]{2,4})?'
const HASH = '#\\d{1,6}'
/** IDs read anywhere an ID may stand */
const PLAIN_CODE = `(?:${HASH}|${JIRA}|${LETTER_DOTTED}|${SLUG_NUMBER}|${DASHED_NUMBER}|${DOTTED})`
/** inside bold or brackets a short code is an ID too ("**A1**", "[S3]") */
const MARKED_CODE = `(?:${PLAIN_CODE}|[A-Z]{1,4}\\d{1,3}[a-z]?|\\d{1,3})`
const WITH_KEYWORD = new RegExp(
  `^${KEYWORD}\\s*#?\\s*([A-Za-z]{0,4}\\d[\\w.-]{0,12})\\s*(?:[:.)\\]|—–-]\\s*|\\s+|$)`,
  'i',
)
const BRACKETED = new RegExp(`^\\[(${MARKED_CODE})\\]\\s*(?:[:.|—–-]\\s*)?`)
const BOLD_CODE = new RegExp(`^(?:\\*\\*|__)(${MARKED_CODE})[.:)]?(?:\\*\\*|__)\\s*(?:[:.)|—–-]\\s*)?`)
const CODE_AT_START = new RegExp(`^(${PLAIN_CODE})(?:\\.(?=\\s))?\\s*(?:[:)|—–]\\s*|-\\s+|\\s+|$)`)
const NUMBER_AT_START = /^(\d{1,3})\s*[.):]\s+(?=\S)/
/** a short letter code ends in a colon when it names the item ("QW1: Session timeout", "A3: Harden TLS") */
const SHORT_CODE_COLON = /^([A-Z]{1,4}\d{1,3}[a-z]?):\s+(?=\S)/
/** codes that mean something else: priorities, quarters, weeks, halves, versions, years */
const NOT_AN_ID = /^(?:P[0-4]|Q[1-4]|W\d{1,2}|H[12]|V\d+)$|^\d{4}$/
const UNIT_AFTER_NUMBER =
  /^\d[\d.,]*\s*(?:(?:days?|weeks?|hours?|hrs?|months?|mins?|minutes?|pts?|points?|h|d|w|x|k|m)\b|%|\/|\+)/i
const UNIT_WORD_FIRST = /^(?:days?|weeks?|hours?|hrs?|h|d|months?|pts?|points?|%|users?|requests?|ms|s)\b/i

/** A leading item ID and the rest of the title, or null. Numbers that start a quantity ("3 days", "50%") are not IDs. */
export function parseLeadingId(raw: string): LeadingId | null {
  const text = stripEmoji(bounded(raw, 300))
    .replace(/^\s*(?:\[[ xX]\]\s*)?/, '')
    .trimStart()
  if (UNIT_AFTER_NUMBER.test(text)) return null
  const keyword = WITH_KEYWORD.exec(text)
  if (keyword) return found(keyword[1].replace(/[.:]$/, ''), text.slice(keyword[0].length))
  // "T-24h", "T-0", "D-3:" are positions before a launch (time.ts), not IDs
  if (startsWithCountdown(text)) return null
  for (const pattern of [BRACKETED, BOLD_CODE, CODE_AT_START, NUMBER_AT_START, SHORT_CODE_COLON]) {
    const match = pattern.exec(text)
    if (match && !NOT_AN_ID.test(match[1])) return found(match[1], text.slice(match[0].length))
  }
  return null
}

function found(id: string, rest: string): LeadingId | null {
  const cleanRest = rest.replace(/^[\s:.)\]|—–-]+/, '').trim()
  if (UNIT_WORD_FIRST.test(cleanRest)) return null
  return cleanRest ? { id, rest: cleanRest } : null
}

const ROLE_WORDS =
  /\b(?:leads?|devs?|developers?|engineers?|eng|pm|em|po|qa|sre|ops|devops|team|owners?|backend|back-end|frontend|front-end|security|platform|infra(?:structure)?|design(?:er)?|product|managers?|all|dris?|architects?|admin|analysts?|testers?|ux|ui|data|ml|mobile|web|support|marketing|legal|finance|hr|ceo|cto|cfo|tech|it|release|on-?call|contractor|everyone|squad|guild|princess)\b/i
const STRUCTURAL_LABEL =
  /^(?:done when|success criteria|acceptance(?: criteria)?|exit criteria|criteria|verify|verification|validation|status|goal|goals|note|notes|files?(?: to .*)?|touches|depends on|dependencies|description|problem|solution|impact|why|how|result|outcome|deliverables?|focus|target|timeline|effort|estimate|duration|tasks?|subtasks|action items?|steps|risk|owner|owners)$/i

/** "**EM/PM:** Freeze scope", "**Backend + SRE**: Draft SLOs": a role or person leading the line. */
export function parseOwnerPrefix(raw: string): { owner: string; rest: string } | null {
  const match = /^\s*(?:\[[ xX]\]\s*)?(?:\*\*|__)([^*_\n]{1,48}?)\s*(:?)\s*(?:\*\*|__)\s*(:?)\s+(\S[\s\S]*)$/.exec(
    bounded(raw, 600),
  )
  if (!match || (!match[2] && !match[3])) return null
  const label = match[1].trim()
  if (STRUCTURAL_LABEL.test(label)) return null
  if (!ROLE_WORDS.test(label) && !/[@/+&]/.test(label)) return null
  return { owner: label, rest: match[4].trim() }
}

/** "(owner: Alice)", "— @alice", "Owner: Alice" inside a line. */
export function parseInlineOwner(raw: string): string | null {
  const text = bounded(raw, 600)
  const labeled = /\b(?:owner|assignee|assigned to|dri)\s*[:=]\s*([^,;)|]{1,40})/i.exec(text)
  if (labeled) return labeled[1].replace(/\*\*/g, '').trim()
  const mention = /(?:^|\s)@([A-Za-z][\w.-]{1,38})\b/.exec(text)
  return mention ? `@${mention[1]}` : null
}

const DONE_MARK = /[✅✔☑]|\[x\]|\b(?:COMPLETED?|DONE|SHIPPED|FINISHED)\b/u
/** a status in brackets after the title, in any case: "(Completed)", "(done)", "(Erledigt)" */
const DONE_IN_BRACKETS = new RegExp(`\\(\\s*(?:done|complete[d]?|finished|${DONE_WORDS})\\s*\\)`, 'iu')
const NOT_DONE_WORD =
  /\b(?:not\s+(?:done|complete[d]?|started)|incomplete|partially|in\s+progress|pending|todo|to\s+do|upcoming|blocked|planned|next\s+sprint)\b/i

/** The title claims the item is done: ✅ ✔ ☑ [x] (done) or a status word in capitals. */
export function titleClaimsDone(raw: string): boolean {
  const text = bounded(raw, 600)
  if (!DONE_MARK.test(text) && !DONE_IN_BRACKETS.test(text)) return false
  return !NOT_DONE_WORD.test(text.replace(/\[x\]/gi, ''))
}

/** A status value claims done: "Done", "✅ Complete", "Shipped"; "Not started", "🔄 In progress" do not. */
export function statusClaimsDone(value: string): boolean {
  const text = bounded(value, 200).trim()
  if (!text || NOT_DONE_WORD.test(text)) return false
  return DONE_STATUS.test(text)
}

const DONE_STATUS = new RegExp(
  `^\\W{0,4}(?:✅|✔|☑|\\[x\\]|done|complete[d]?|finished|shipped|closed|resolved|merged|released|deployed|implemented|fixed|${DONE_WORDS})(?![\\p{L}])|^\\W{0,3}[✅✔☑]|^100\\s?%$`,
  'iu',
)

/** A cell of a column that records completion ("Done", "Erledigt", "Completed on"): a mark, a yes or a date claims done. */
export function doneCellClaims(value: string): boolean {
  const text = bounded(value, 120).trim()
  if (!text || /^(?:-|–|—|no|nein|non|não|n|false|✗|✘|❌|☐|\[\s\]|0|tbd|n\/a|open|offen)$/i.test(text)) return false
  return (
    statusClaimsDone(text) ||
    /^(?:✓|✔|☑|x|yes|y|ja|oui|sí|si|sim|true|1)$/iu.test(text) ||
    /\d{1,4}[-./]\d{1,2}(?:[-./]\d{1,4})?/.test(text)
  )
}

/** A status marker of any kind (done or not) after a title: "✅ COMPLETED", "🔄 IN PROGRESS", "🎯 UPCOMING". */
export function hasStatusMarker(raw: string): boolean {
  return /[✅✔☑🔄⏳🚧❌🟢🟡🔴🎯]|\b(?:COMPLETED?|DONE|IN PROGRESS|TODO|BLOCKED|PENDING|UPCOMING|NOT STARTED)\b/u.test(
    bounded(raw, 600),
  )
}

const TRAILING_DONE_IN_BRACKETS = new RegExp(`\\s*${DONE_IN_BRACKETS.source}\\s*$`, 'iu')

/** The status words and marks a title carries after its text, for display without them. */
export function stripStatus(title: string): string {
  return title
    .replace(
      /\s+(?:\*\*)?(?:COMPLETED?|DONE|IN PROGRESS|TODO|BLOCKED|PENDING|UPCOMING|NOT STARTED|SHIPPED)(?:\*\*)?\s*$/u,
      '',
    )
    .replace(
      /\s*[✅✔☑🔄⏳🚧❌🟢🟡🔴🎯]\s*(?:\*\*)?\s*(?:COMPLETED?|DONE|IN PROGRESS|TODO|BLOCKED|PENDING|UPCOMING|NOT STARTED|READY)?\s*(?:\*\*)?\s*$/u,
      '',
    )
    .replace(TRAILING_DONE_IN_BRACKETS, '')
    .trim()
}
