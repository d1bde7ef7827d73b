import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import type { EventName, EventPayload } from '../../../shared/events'
import type { RpcError, RpcResult } from '../../../shared/rpc'

/** An error answer from the core, carried to the place in the UI where it happened. */
export class ApiError extends Error {
  constructor(readonly error: RpcError) {
    super(error.message)
    this.name = 'ApiError'
  }
}

interface Transport {
  call(method: MethodName, input: unknown): Promise<RpcResult<unknown>>
  on(event: EventName, listener: (payload: unknown) => void): () => void
  /** Electron only: the path of a dropped file */
  pathForFile?(file: File): string
}

function electronTransport(): Transport | null {
  const api = globalThis.window?.api
  if (!api) return null
  return {
    call: (method, input) => api[method](input),
    on: (event, listener) => api.on(event, listener),
    pathForFile: (file) => api.pathForFile(file),
  }
}

/** Browser mode: the same contract over the local HTTP bridge; the per-run token comes in the page URL. */
function webTransport(): Transport {
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('token')
  if (fromUrl) sessionStorage.setItem('readiness-token', fromUrl)
  const token = fromUrl ?? sessionStorage.getItem('readiness-token') ?? ''
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null
  const connect = () => {
    if (source || typeof EventSource === 'undefined') return
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data as string) as { event: EventName; payload: unknown }
      for (const listener of listeners.get(event) ?? []) listener(payload)
    }
  }
  return {
    async call(method, input) {
      const response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-readiness-token': token },
        body: JSON.stringify(input ?? {}),
      })
      // refused calls (bad input: 400, no such method: 404) carry the same JSON envelope as answers
      if (response.headers.get('content-type')?.startsWith('application/json'))
        return (await response.json()) as RpcResult<unknown>
      return { ok: false, error: { code: 'unavailable', message: `${response.status} ${await response.text()}` } }
    },
    on(event, listener) {
      connect()
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)!.add(listener)
      return () => listeners.get(event)?.delete(listener)
    },
  }
}

let chosen: Transport | null = null

/** Chosen at the first call (the preload's window.api exists from the start; tests install theirs before calling). */
function transport(): Transport {
  chosen ??= electronTransport() ?? webTransport()
  return chosen
}

/** Calls a contract method; resolves with its typed output or rejects with ApiError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport().call(method, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value as MethodOutput<M>
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return transport().on(event, listener as (payload: unknown) => void)
}

export function pathForDroppedFile(file: File): string | null {
  const { pathForFile } = transport()
  return pathForFile ? pathForFile(file) : null
}
