import { z } from 'zod'

/** Every call between UI and core answers with this envelope; errors are data, never thrown across a transport. */
export const ErrorCodeSchema = z.enum([
  'validation',
  'unknown-method',
  'not-found',
  'bad-input',
  'conflict',
  'unavailable',
  'unsupported',
  'cancelled',
  'internal',
])
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const RpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})
export type RpcError = z.infer<typeof RpcErrorSchema>

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError }

/** Thrown by handlers for expected failures; dispatch turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
