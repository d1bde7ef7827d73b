import { z } from 'zod'

/** resources/tool-packages.json: well-known tools and what proves they are present */
const ToolSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).min(1),
  npm: z.array(z.string()).default([]),
  python: z.array(z.string()).default([]),
  files: z.array(z.string()).default([]),
})
export type Tool = z.infer<typeof ToolSchema>

const ToolMapFileSchema = z.object({
  version: z.literal(1),
  description: z.string().optional(),
  tools: z.array(ToolSchema),
})

export interface ToolMap {
  tools: Tool[]
  /** aliases, longest first, each with its whole-word matcher */
  aliases: Array<{ alias: string; tool: Tool; pattern: RegExp }>
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** parses the tool map; throws a readable error naming the bad field */
export function loadToolMap(json: unknown): ToolMap {
  const parsed = ToolMapFileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`tool map is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown error'}`)
  }
  const aliases = parsed.data.tools
    .flatMap((tool) => tool.aliases.map((alias) => ({ alias: alias.toLowerCase(), tool })))
    .sort((a, b) => b.alias.length - a.alias.length)
    .map((entry) => ({ ...entry, pattern: new RegExp(`(^|[^\\w@/-])${escapeRegExp(entry.alias)}(?![\\w-])`, 'i') }))
  return { tools: parsed.data.tools, aliases }
}

/** tools named in a line, in order of appearance; a longer alias hides the shorter ones it contains */
export function findTools(line: string, toolMap: ToolMap): Tool[] {
  const taken: Array<[number, number]> = []
  const found: Array<{ index: number; tool: Tool }> = []
  for (const { alias, tool, pattern } of toolMap.aliases) {
    const match = pattern.exec(line)
    if (!match) continue
    const start = match.index + match[1].length
    const end = start + alias.length
    if (taken.some(([s, e]) => start < e && end > s)) continue
    taken.push([start, end])
    if (!found.some((f) => f.tool === tool)) found.push({ index: start, tool })
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.tool)
}
