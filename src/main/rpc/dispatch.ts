import { z } from 'zod'
import { contract, isMethodName, type Contract } from '../../shared/contract'
import type { MethodGroup, MethodSpec, SpecInput, SpecOutput } from '../../shared/method-spec'
import { AppError, type RpcResult } from '../../shared/rpc'
import type { CoreContext } from '../usecases/context'
import { toDatabaseError } from '../db/errors'
import type { Logger } from '../log'

/** The function answering one contract method: input as validated (defaults filled), output as the contract says. */
export type HandlerOf<S extends MethodSpec> = (
  input: SpecInput<S>,
  ctx: CoreContext,
) => SpecOutput<S> | Promise<SpecOutput<S>>

/**
 * The handlers of one contract group, every method required: `{ … } satisfies HandlersFor<typeof planMethods>`
 * makes a missing (or unknown) handler a compile error.
 */
export type HandlersFor<G extends MethodGroup> = { [M in keyof G]: HandlerOf<G[M]> }

export type Handlers = HandlersFor<Contract>

export type Dispatch = (method: string, rawInput: unknown) => Promise<RpcResult<unknown>>

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }))
}

/** An unexpected failure as one line for the user; the detail goes to the log. */
function failureAnswer(method: string, error: unknown, ctx: CoreContext, logger: Logger): RpcResult<unknown> {
  const database = toDatabaseError(error, ctx.dbPath)
  logger.error(`[rpc] ${method} failed`, error)
  if (database) return { ok: false, error: { code: 'unavailable', message: database.message } }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  const where = logger.file ? ` (details in ${logger.file})` : ''
  return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}${where}` } }
}

/** The single entry every transport calls: validates input, runs the handler, validates output, never throws. */
export function createDispatch(handlers: Handlers, ctx: CoreContext, logger: Logger): Dispatch {
  return async (method, rawInput) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'unknown-method', message: `Unknown method: ${String(method).slice(0, 100)}` },
      }
    }
    const spec = contract[method]
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'validation',
          message: `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`,
          issues: issuesOf(parsed.error),
        },
      }
    }
    try {
      const handler = handlers[method] as HandlerOf<MethodSpec>
      const value = await handler(parsed.data, ctx)
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        logger.error(`[rpc] ${method} returned data outside its contract: ${z.prettifyError(checked.error)}`)
        return {
          ok: false,
          error: { code: 'internal', message: `${method} produced an invalid answer (a bug; see the log)` },
        }
      }
      return { ok: true, value: checked.data }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } }
      return failureAnswer(method, error, ctx, logger)
    }
  }
}
