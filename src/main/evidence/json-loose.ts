/** JSON with comments and trailing commas (tsconfig, VS Code style); undefined when unparseable */
export function parseJsonLoose(text: string): unknown {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      out += c
      if (c === '\\') out += text[++i] ?? ''
      else if (c === '"') inString = false
    } else if (c === '"') {
      inString = true
      out += c
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
      out += '\n'
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++
      i++
    } else {
      out += c
    }
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'))
  } catch {
    return undefined
  }
}

/** value at a key path; with anyDepth, the last key may be found nested anywhere (first hit wins) */
export function jsonValueAt(root: unknown, pointer: string[], anyDepth: boolean): { found: boolean; value: unknown } {
  let node: unknown = root
  let exact = true
  for (const key of pointer) {
    if (node !== null && typeof node === 'object' && !Array.isArray(node) && key in (node as object)) {
      node = (node as Record<string, unknown>)[key]
    } else {
      exact = false
      break
    }
  }
  if (exact) return { found: true, value: node }
  if (!anyDepth) return { found: false, value: undefined }
  const last = pointer[pointer.length - 1]
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const current = stack.shift()
    if (current === null || typeof current !== 'object') continue
    if (!Array.isArray(current) && last in (current as object)) return { found: true, value: (current as Record<string, unknown>)[last] }
    stack.push(...Object.values(current as object))
  }
  return { found: false, value: undefined }
}
