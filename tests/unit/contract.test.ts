import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methodNames } from '../../src/shared/contract'
import { createHandlers } from '../../src/main/rpc'
import { registerIpcHandlers } from '../../src/main/platform/ipc-bridge'
import { buildRendererApi, rpcChannel } from '../../src/preload/api'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { createTestCore, type TestCore } from '../support/core'
import { runCli } from '../support/cli'

describe('the one contract', () => {
  let core: TestCore
  let web: WebServer
  beforeAll(async () => {
    core = createTestCore()
    web = await startWebServer({ core, rendererDir: core.dir })
  })
  afterAll(async () => {
    await web.close()
    core.dispose()
  })

  it('names every method domain.verbNoun and has exactly one handler for each', () => {
    expect(methodNames.length).toBeGreaterThan(5)
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/)
    expect(Object.keys(createHandlers()).sort()).toEqual([...methodNames].sort())
  })

  it('registers every method on Electron IPC, each checking its sender', async () => {
    const registered = new Map<string, (event: unknown, input: unknown) => unknown>()
    const channels = registerIpcHandlers(
      { handle: (channel: string, fn: never) => void registered.set(channel, fn) } as never,
      core.dispatch,
      () => false,
    )
    expect(channels.sort()).toEqual(methodNames.map(rpcChannel).sort())
    const refused = (await registered.get(rpcChannel('plans.list'))!({}, {})) as {
      ok: boolean
      error: { message: string }
    }
    expect(refused.ok).toBe(false)
    expect(refused.error.message).toMatch(/did not come from the app window/)
  })

  it('exposes every method (and nothing raw) on window.api through the preload', async () => {
    const invoked: string[] = []
    const api = buildRendererApi({
      invoke: async (channel) => (invoked.push(channel), { ok: true, value: null }),
      subscribe: () => () => {},
      getPathForFile: () => '',
    })
    for (const name of methodNames) {
      expect(typeof api[name]).toBe('function')
      await api[name]({})
    }
    expect(invoked).toEqual(methodNames.map(rpcChannel))
    expect(
      Object.keys(api)
        .filter((k) => !methodNames.includes(k as never))
        .sort(),
    ).toEqual(['on', 'pathForFile'])
    expect(() => api.on('no.suchEvent' as never, () => {})).toThrow(/unknown event/)
  })

  it('serves every method over the HTTP bridge and answers invalid input with a validation error, never a crash', async () => {
    for (const name of methodNames) {
      for (const bad of [42, 'text', [1], { unexpected: true, planId: -1 }]) {
        const response = await fetch(`http://127.0.0.1:${web.port}/rpc/${name}`, {
          method: 'POST',
          headers: { 'x-readiness-token': web.token, 'content-type': 'application/json' },
          body: JSON.stringify(bad),
        })
        expect(response.status).toBe(400)
        const body = (await response.json()) as { ok: boolean; error?: { code: string } }
        expect(body.ok, `${name} accepted ${JSON.stringify(bad)}`).toBe(false)
        expect(body.error?.code).toBe('validation')
      }
    }
  })

  it('rejects an unknown method on every transport', async () => {
    expect(await core.dispatch('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    expect(await core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    const response = await fetch(`http://127.0.0.1:${web.port}/rpc/nope.nothing`, {
      method: 'POST',
      headers: { 'x-readiness-token': web.token },
      body: '{}',
    })
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    const cli = runCli(['call', 'nope.nothing', '{}', '--db', `${core.dir}/cli.db`])
    expect(cli.status).not.toBe(0)
    expect(cli.stderr).toMatch(/unknown method "nope.nothing"/)
  })

  it('makes every method callable from the CLI, validating input the same way', () => {
    const listed = runCli(['methods', '--json'])
    expect(listed.status).toBe(0)
    expect(JSON.parse(listed.stdout)).toEqual(methodNames)
    // the test's database (a read-only call never creates one)
    const invalid = runCli(['call', 'plans.get', '{"planId":"x"}', '--db', core.dbPath])
    expect(invalid.status).toBe(1)
    expect(invalid.stderr).toMatch(/Invalid input for plans.get/)
    const ok = runCli(['call', 'settings.get', '{}', '--db', core.dbPath])
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ hoursPerDay: 8, daysPerWeek: 5 })
  })
})
