import { bounded, cleanTitle } from '../text'
import { parseEffortInTitle, type Effort } from './effort'
import { hasStatusMarker, parseLeadingId, parseOwnerPrefix, stripStatus, titleClaimsDone } from './identity'
import { DEFAULT_DATE_CONTEXT, type DateContext } from './loose-dates'
import { hasTime, parseTime, timeOnlyInProse, type TimeMarker } from './time'

/** What a heading, a list line or a table title cell says about the item: ID, owner, effort, time, claim. */
export type TitleInfo = {
  id: string | null
  /** display title: no emoji, ID, estimate or status words */
  title: string
  /** title without a leading schedule prefix ("Day 1-2:", "Hour 3-4:"), for keys and matching */
  coreTitle: string
  time: TimeMarker
  /** the week/day/sprint/month it names is part of its prose, not a schedule label (see timeOnlyInProse) */
  timeInProse: boolean
  effort: Effort | null
  /** "Phase 2", "Sprint 3", "Stage 1": names a phase, not an item */
  phaseMarked: boolean
  claimsDone: boolean
  statusMarker: boolean
  owner: string | null
  /** the title says when and nothing else ("Day 3 (8 hours)", "Morning (4h)", "Monday 09:00–12:00") */
  namesOnlyWhen: boolean
}

/** "Phase 2", "Fase 2", "Étape 2", "Этап 2", "Giai đoạn 2", "阶段2", "フェーズ2", "단계 2": a phase by its name and number */
const PHASE_MARK =
  /^(?:phase|stage|sprint|iteration|milestone|wave|part|epic|release|cycle|fase|etapa|étape|etappe|etap|этап|спринт|giai\s+đoạn|フェーズ|段階|阶段|階段|단계|스프린트)\s*#?\s*\d{1,3}[a-z]?(?![\p{L}\d])/iu
const SCHEDULE_PREFIX =
  /^(?:(?:hours?|days?|weeks?|sprints?|months?)\s+\d{1,3}(?:\s*(?:-|–|—|to)\s*\d{1,3})?(?:\s+focus)?|phase\s+\d+[a-z]?)\s*(?:\([^()]{0,30}\))?\s*[:.–—-]?\s*/i

export function analyzeTitle(raw: string, dates: DateContext = DEFAULT_DATE_CONTEXT): TitleInfo {
  const source = bounded(raw, 600)
  const plain = cleanTitle(source)
  const phaseMarked = PHASE_MARK.test(plain)
  const owner = parseOwnerPrefix(source)
  const afterOwner = owner ? owner.rest : source
  const time = parseTime(source, dates)
  // "12.20 ~ 12.24 Prep": a leading date is not an ID
  const leading = phaseMarked || opensWithRange(afterOwner, time) ? null : parseLeadingId(afterOwner)
  const effort = parseEffortInTitle(source)
  let rest = leading ? leading.rest : afterOwner
  if (effort) {
    const without = rest.replace(effort.text, ' ')
    if (cleanTitle(without)) rest = without
  }
  const title = stripScheduleSuffix(cleanTitle(stripStatus(cleanTitle(rest)))) || plain
  const datedPrefix = time.dates !== null && title.startsWith(time.dates.text)
  const coreTitle =
    (datedPrefix
      ? title.slice(time.dates?.text.length ?? 0).replace(/^[\s:.–—-]+/, '')
      : title.replace(SCHEDULE_PREFIX, '')
    ).trim() || title
  return {
    id: leading?.id ?? null,
    title: bounded(title, 300),
    coreTitle: bounded(coreTitle, 300),
    time,
    // most titles name no week, day, sprint or month: no need to look where the mention sits
    timeInProse: (time.weeks ?? time.days ?? time.sprints ?? time.months) !== null && timeOnlyInProse(source),
    effort,
    phaseMarked,
    claimsDone: titleClaimsDone(source),
    statusMarker: hasStatusMarker(source),
    owner: owner?.owner ?? null,
    namesOnlyWhen: namesOnlyWhen(plain, time, effort),
  }
}

function opensWithRange(text: string, time: TimeMarker): boolean {
  return time.dates?.kind === 'range' && text.replace(/^[\s*_`]+/, '').startsWith(time.dates.text)
}

const WHEN_WORDS =
  /\b(?:(?:weeks?|wks?|days?|sprints?|iterations?|months?|hours?)\s*#?\d{1,3}(?:\s*(?:-|–|—|to|through|and|&)\s*\d{1,3})?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|morning|afternoon|evening|night|midday|noon|lunch|(?:start|end|rest)\s+of\s+(?:the\s+)?(?:day|week)|eod|eow|full\s+day|half\s+day|all\s+day|am|pm)\b|\b\d{1,2}(?::\d{2})\s*(?:am|pm)?/gi

const AMOUNT =
  /~?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:h|hrs?|hours?|d|days?|w|wks?|weeks?|pts?|points?|sp)\b/gi

/** Nothing is left of the title once its time, weekday, part of day, clock times and estimate are removed. */
function namesOnlyWhen(plain: string, time: TimeMarker, effort: Effort | null): boolean {
  let rest = plain
  if (effort) rest = rest.replace(effort.text, ' ')
  if (time.dates) rest = rest.replace(time.dates.text, ' ')
  rest = rest.replace(/\([^()]*\)/g, (inner) =>
    inner.replace(WHEN_WORDS, '').replace(/[^A-Za-z]/g, '') === '' ? ' ' : inner,
  )
  rest = rest.replace(WHEN_WORDS, ' ').replace(AMOUNT, ' ')
  return !/\p{L}/u.test(rest)
}

/** "Add pydantic · wk 4", "Ship it (week 8)": trailing schedule notes are not part of the title. */
function stripScheduleSuffix(title: string): string {
  let out = title.replace(/\s*\((?:weeks?|wks?|days?|sprints?|due|target)\b[^()]{0,30}\)\s*$/i, '')
  const parts = out.split(/\s+[·|]\s+/)
  while (parts.length > 1 && parts[parts.length - 1].length <= 24 && hasTime(parseTime(parts[parts.length - 1])))
    parts.pop()
  out = parts.join(' · ')
  return out.replace(/[\s·|,;–—-]+$/, '').trim()
}

/** A bold-only line that structures the plan: it names a time, a phase, an item ID or an estimate. */
export function isStructuralTitle(text: string): boolean {
  const plain = cleanTitle(text)
  if (PHASE_MARK.test(plain)) return true
  if (parseLeadingId(text) !== null && /^\W{0,4}(?:[A-Za-z]{1,8}[-.]?)?\d/.test(plain)) return true
  const time = parseTime(text)
  return hasTime(time) || parseEffortInTitle(text) !== null
}
