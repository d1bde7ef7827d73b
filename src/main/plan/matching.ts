import type { Task } from '../../shared/plan-model'
import { parseDayRange } from './patterns'
import { bounded, initials, tokenize, tokensMatch } from './text'

/** Links a restating line ("Job persistence", "Wire HubSpot to Celery (3h)") to the task it restates. */

/** Share of a line's words found in a task title (1 each) or its subtasks (0.5 each). */
const MIN_SCORE = 0.6

type Indexed = { task: Task; titleTokens: string[]; titleInitials: string; order: number }

export class TaskMatcher {
  private readonly indexed: Indexed[]
  private readonly byToken = new Map<string, Set<number>>()
  private readonly bodyTokens: Array<Set<string>>
  private readonly byNumber = new Map<string, Task>()

  constructor(tasks: Task[]) {
    this.indexed = tasks.map((task, order) => ({
      task,
      titleTokens: tokenize(task.title),
      titleInitials: initials(task.title),
      order,
    }))
    this.bodyTokens = tasks.map((task) => {
      const tokens = new Set<string>()
      for (const subtask of task.subtasks.slice(0, 60)) for (const token of tokenize(subtask.text)) tokens.add(token)
      return tokens
    })
    this.indexed.forEach((entry, index) => {
      if (entry.task.number && !this.byNumber.has(entry.task.number)) this.byNumber.set(entry.task.number, entry.task)
      for (const token of [...entry.titleTokens, ...this.bodyTokens[index]]) {
        let set = this.byToken.get(token)
        if (!set) this.byToken.set(token, (set = new Set()))
        set.add(index)
      }
    })
  }

  /** The best task for a line, preferring tasks in `week` when given. */
  match(rawText: string, week: number | null = null): Task | null {
    const text = bounded(rawText, 400)
    const numbered = /^\s*(?:step\s+)?(\d{1,3}(?:\.\d{1,3})+)\b|\((\d{1,3}(?:\.\d{1,3})+)\)/i.exec(text)
    const byNumber = numbered ? this.byNumber.get(numbered[1] ?? numbered[2]) : undefined
    if (byNumber) return byNumber
    const days = parseDayRange(text)
    if (days) {
      const sameDays = this.indexed.find(
        (entry) => entry.task.dayStart === days.start && entry.task.dayEnd === days.end,
      )
      if (sameDays) return sameDays.task
    }
    const core = coreOf(text)
    const tokens = tokenize(core)
    if (tokens.length === 0) return null
    const candidates = new Set<number>()
    for (const token of tokens) {
      for (const [indexToken, set] of this.prefixLookup(token))
        if (indexToken) for (const index of set) candidates.add(index)
    }
    for (const [index, entry] of this.indexed.entries())
      if (entry.titleInitials.length >= 3 && tokens.some((t) => t.length >= 3 && entry.titleInitials.includes(t)))
        candidates.add(index)
    let best: { index: number; score: number; inWeek: boolean } | null = null
    for (const index of candidates) {
      const score = this.score(tokens, index)
      if (score < MIN_SCORE) continue
      const task = this.indexed[index].task
      const inWeek =
        week === null ||
        (task.weekStart !== null && task.weekEnd !== null && task.weekStart <= week && week <= task.weekEnd)
      if (
        !best ||
        (inWeek && !best.inWeek) ||
        (inWeek === best.inWeek && (score > best.score || (score === best.score && index < best.index)))
      ) {
        best = { index, score, inWeek }
      }
    }
    return best ? this.indexed[best.index].task : null
  }

  private *prefixLookup(token: string): Generator<[string, Set<number>]> {
    const exact = this.byToken.get(token)
    if (exact) yield [token, exact]
    if (token.length < 3) return
    // a token that is a prefix of another (both 3+ letters long) shares its first three letters
    for (const indexToken of this.byPrefix().get(token.slice(0, 3)) ?? []) {
      if (indexToken !== token && tokensMatch(token, indexToken))
        yield [indexToken, this.byToken.get(indexToken) as Set<number>]
    }
  }

  private prefixes: Map<string, string[]> | null = null

  private byPrefix(): Map<string, string[]> {
    if (this.prefixes) return this.prefixes
    const prefixes = new Map<string, string[]>()
    for (const token of this.byToken.keys()) {
      if (token.length < 3) continue
      const key = token.slice(0, 3)
      const list = prefixes.get(key)
      if (list) list.push(token)
      else prefixes.set(key, [token])
    }
    this.prefixes = prefixes
    return prefixes
  }

  private score(tokens: string[], index: number): number {
    const entry = this.indexed[index]
    const body = this.bodyTokens[index]
    let total = 0
    for (const token of tokens) {
      if (entry.titleTokens.some((titleToken) => tokensMatch(token, titleToken))) total += 1
      else if (token.length >= 3 && entry.titleInitials.includes(token)) total += 1
      else if (body.has(token)) total += 0.5
    }
    return total / tokens.length
  }
}

/** The part of a restating line that names the task: its bold lead, else the text before " - ". */
function coreOf(text: string): string {
  const bold = /^\s*(?:\[[ xX]\]\s*)?\*\*([^*]{2,200})\*\*/.exec(text)
  const base = bold ? bold[1] : text.split(/\s+[-–—]\s+/)[0]
  return base.replace(/\([^()]*\)/g, ' ').replace(/[✅⚠❌]|\uFE0F/gu, ' ')
}
