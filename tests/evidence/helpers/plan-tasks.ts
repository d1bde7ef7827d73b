import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FileRef, Task } from '../../../src/shared/plan-model'

/** the real seed plans live outside the repo; tests read them, never copy them */
export const PLANS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'plans')

export function planLines(prefix: string): string[] {
  return readFileSync(join(PLANS_DIR, `${prefix}.txt`), 'utf8').split(/\r?\n/)
}

/**
 * A Task sliced out of a seed plan by its heading, the way the importer would shape it (used until the
 * real importer is available to these tests). The section ends at the next heading of the same or a
 * higher level, or a `---` rule.
 */
export function taskFromPlan(lines: string[], heading: RegExp, key: string): Task {
  const start = lines.findIndex((l) => heading.test(l))
  if (start < 0) throw new Error(`heading ${heading} not found`)
  const level = /^#+/.exec(lines[start])![0].length
  let end = start + 1
  while (
    end < lines.length &&
    !/^---\s*$/.test(lines[end]) &&
    !(/^#+\s/.test(lines[end]) && /^#+/.exec(lines[end])![0].length <= level)
  )
    end++
  const task: Task = {
    key,
    number: key,
    title: lines[start].replace(/^#+\s*/, ''),
    phase: 0,
    weekStart: null,
    weekEnd: null,
    dayStart: null,
    dayEnd: null,
    estimateHours: null,
    estimateDerived: false,
    estimateText: null,
    claimedDone: false,
    files: [],
    criteria: [],
    subtasks: [],
    codeBlocks: [],
    body: [],
    line: start + 1,
    lineEnd: end,
    source: 'heading',
    estimateRange: null,
    estimatePoints: null,
    owner: null,
  }
  let fileRole: FileRef['role'] | null = null
  for (let i = start; i < end; i++) {
    const text = lines[i]
    const line = i + 1
    const fence = /^\s*```(\w*)/.exec(text)
    if (fence) {
      const body: string[] = []
      let j = i + 1
      while (j < end && !/^\s*```/.test(lines[j])) body.push(lines[j++])
      task.codeBlocks.push({ lang: fence[1] || null, text: body.join('\n'), line })
      for (let k = i; k <= j && k < end; k++) task.body.push({ text: lines[k], line: k + 1 })
      i = j
      continue
    }
    task.body.push({ text, line })
    if (/^\*\*Files to Create\*\*/.test(text)) fileRole = 'create'
    else if (/^\*\*Files to Modify\*\*/.test(text)) fileRole = 'modify'
    else if (text.trim() === '' || /^\*\*/.test(text)) fileRole = null
    const single = /^\*\*File\*\*:\s*`([^`]+)`/.exec(text)
    if (single) task.files.push({ path: single[1], role: 'modify', line, unsafe: false })
    const listed = /^\s*-\s+`([^`]+)`/.exec(text)
    if (fileRole && listed) task.files.push({ path: listed[1], role: fileRole, line, unsafe: false })
    const box = /^\s*-\s+\[( |x)\]\s+(.*)$/.exec(text)
    if (box) task.subtasks.push({ text: box[2], line, checked: box[1] === 'x' })
    const criteria = /^\*\*Success Criteria\*\*:\s*(.*)$/.exec(text)
    if (criteria) task.criteria.push({ text: criteria[1], line })
  }
  return task
}

/** a small hand-made task for pattern tests (own wording, not plan text) */
export function task(lines: string[], extra: Partial<Task> = {}): Task {
  return {
    key: 'T',
    number: null,
    title: lines[0] ?? 'task',
    phase: null,
    weekStart: null,
    weekEnd: null,
    dayStart: null,
    dayEnd: null,
    estimateHours: null,
    estimateDerived: false,
    estimateText: null,
    claimedDone: false,
    files: [],
    criteria: [],
    subtasks: [],
    codeBlocks: [],
    body: lines.map((text, i) => ({ text, line: i + 1 })),
    line: 1,
    lineEnd: lines.length,
    source: 'heading',
    estimateRange: null,
    estimatePoints: null,
    owner: null,
    ...extra,
  }
}
