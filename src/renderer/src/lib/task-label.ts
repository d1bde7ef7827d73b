import { useMemo } from 'react'
import { useStore } from '../app/store'

/**
 * Keys of the selected plan's items that have a number ("1.2"). Unnumbered items get a generated key
 * (phase/title slug) that means nothing to a reader, so the UI shows their title alone.
 */
export function useNumberedKeys(): ReadonlySet<string> {
  const tasks = useStore((s) => s.detail?.plan.tasks)
  return useMemo(() => new Set((tasks ?? []).filter((task) => task.number !== null).map((task) => task.key)), [tasks])
}

/** The key to show before an item's title, or null when the item has no number. */
export function visibleKey(key: string, numberedKeys: ReadonlySet<string>): string | null {
  return numberedKeys.has(key) ? key : null
}

/** How a message names an item: "1.2 Add retries", or the title alone when the plan does not number it. */
export function taskDisplayName(tasks: readonly { key: string; number: string | null; title: string }[] | undefined, key: string): string {
  const task = tasks?.find((candidate) => candidate.key === key)
  if (!task) return key
  return task.number !== null ? `${task.number} “${task.title}”` : `“${task.title}”`
}
