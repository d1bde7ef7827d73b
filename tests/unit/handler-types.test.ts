import { describe, expect, it } from 'vitest'
import type { taskMethods } from '../../src/shared/contract/tasks'
import { contract, methodGroups } from '../../src/shared/contract'
import type { Handlers, HandlersFor } from '../../src/main/rpc/dispatch'
import { createHandlers } from '../../src/main/rpc'

/**
 * Compile-time guarantees, checked by `npm run typecheck` (tsc fails on an unused `@ts-expect-error`): a handler
 * group typed by its contract group must answer every method of it, and nothing else.
 */
const answer = { id: 1, status: 'done' as const, note: '', date: '2025-01-01', createdAt: '2025-01-01T00:00:00Z' }

export const complete = {
  'tasks.setStatus': () => answer,
  'tasks.history': () => [answer],
} satisfies HandlersFor<typeof taskMethods>

export const missing = {
  'tasks.setStatus': () => answer,
  // @ts-expect-error a group without one of its methods' handlers does not compile
} satisfies HandlersFor<typeof taskMethods>

export const unknown = {
  'tasks.setStatus': () => answer,
  'tasks.history': () => [answer],
  // @ts-expect-error a handler for a method outside the group does not compile
  'tasks.archive': () => answer,
} satisfies HandlersFor<typeof taskMethods>

export const wrongAnswer = {
  // @ts-expect-error a handler answering outside its contract does not compile
  'tasks.setStatus': () => ({ id: 'one' }),
  'tasks.history': () => [answer],
} satisfies HandlersFor<typeof taskMethods>

const { 'plans.import': _dropped, ...allButImport } = createHandlers()
// @ts-expect-error the core's handler table without one method's handler does not compile
export const withoutImport: Handlers = allButImport

describe('handler typing', () => {
  it('builds one handler per contract method, from one group per method prefix', () => {
    expect(Object.keys(createHandlers()).sort()).toEqual(Object.keys(contract).sort())
    for (const [prefix, group] of Object.entries(methodGroups)) {
      for (const name of Object.keys(group)) expect(name.startsWith(`${prefix}.`), name).toBe(true)
    }
    expect(Object.keys(complete)).toEqual(['tasks.setStatus', 'tasks.history'])
  })
})
