import type { PlanSource } from '../../../shared/contract/plans'
import { MAX_PLAN_BYTES, planTooLargeMessage } from '../../../shared/plan-model'
import { pathForDroppedFile } from './api'

const PLAN_EXTENSIONS = ['.md', '.markdown', '.txt']

export function looksLikePlanFile(name: string): boolean {
  const lower = name.toLowerCase()
  return PLAN_EXTENSIONS.some((extension) => lower.endsWith(extension))
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk))
  }
  return btoa(binary)
}

/** In Electron a dropped/picked file has a real path (read by the core); in a browser we send its bytes. */
export async function planSourceFromFile(file: File): Promise<PlanSource> {
  // checked before reading: sent as base64 it would hit the server's request limit with a less useful message
  if (file.size > MAX_PLAN_BYTES) throw new Error(planTooLargeMessage(file.name, file.size))
  const path = pathForDroppedFile(file)
  if (path) return { path }
  const bytes = new Uint8Array(await file.arrayBuffer())
  return { name: file.name, base64: bytesToBase64(bytes) }
}

export function sourceLabel(source: PlanSource): string {
  if ('path' in source) return source.path.split(/[\\/]/).pop() ?? source.path
  return source.name
}
