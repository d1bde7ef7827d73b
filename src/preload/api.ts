import { methodNames, type MethodName } from '../shared/contract'
import { eventNames, type EventName } from '../shared/events'
import type { RpcResult } from '../shared/rpc'

/** What the preload needs from Electron; passed in so this module stays testable without Electron. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
  getPathForFile(file: File): string
}

export const rpcChannel = (method: MethodName) => `rpc:${method}`
export const eventChannel = (event: EventName) => `event:${event}`

export type RendererApi = Record<MethodName, (input?: unknown) => Promise<RpcResult<unknown>>> & {
  on(event: EventName, listener: (payload: unknown) => void): () => void
  pathForFile(file: File): string
}

/** window.api: one function per contract method, event subscription for known events, and file-drop paths. */
export function buildRendererApi(bridge: PreloadBridge): RendererApi {
  const api: Record<string, unknown> = {}
  for (const method of methodNames) {
    api[method] = (input?: unknown) => bridge.invoke(rpcChannel(method), input ?? {}) as Promise<RpcResult<unknown>>
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`unknown event: ${String(event)}`)
    return bridge.subscribe(eventChannel(event), listener)
  }
  api.pathForFile = (file: File) => bridge.getPathForFile(file)
  return api as RendererApi
}
