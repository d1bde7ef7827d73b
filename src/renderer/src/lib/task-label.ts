/** The key to show before an item's title, or null when the item has no number. */
export function visibleKey(key: string, numberedKeys: ReadonlySet<string>): string | null {
  return numberedKeys.has(key) ? key : null
}

/** How a message names an item: "1.2 Add retries", or the title alone when the plan does not number it. */
export function taskDisplayName(
  tasks: readonly { key: string; number: string | null; title: string }[] | undefined,
  key: string,
): string {
  const task = tasks?.find((candidate) => candidate.key === key)
  if (!task) return key
  return task.number !== null ? `${task.number} “${task.title}”` : `“${task.title}”`
}
