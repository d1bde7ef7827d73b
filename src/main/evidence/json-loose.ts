import { parseTree, type Node, type ParseError } from 'jsonc-parser'

const JSONC_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false }

/** JSON with comments and trailing commas (tsconfig, VS Code style); undefined when unparseable */
export function parseJsonLoose(text: string): unknown {
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, JSONC_OPTIONS)
  return tree === undefined || errors.length > 0 ? undefined : valueOf(tree)
}

/** The node's value as JSON.parse builds it: a "__proto__" key is an own property, never the prototype. */
function valueOf(node: Node): unknown {
  if (node.type === 'array') return (node.children ?? []).map(valueOf)
  if (node.type !== 'object') return node.value
  const object: Record<string, unknown> = {}
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? []
    if (key && value)
      Object.defineProperty(object, key.value as string, {
        value: valueOf(value),
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return object
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
    if (!Array.isArray(current) && last in (current as object))
      return { found: true, value: (current as Record<string, unknown>)[last] }
    stack.push(...Object.values(current as object))
  }
  return { found: false, value: undefined }
}
