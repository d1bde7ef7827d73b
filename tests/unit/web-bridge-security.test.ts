import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { createTestCore, type TestCore } from '../support/core'

function post(
  port: number,
  path: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let data = ''
        res.on('data', (chunk) => (data += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('browser-mode HTTP bridge', () => {
  let core: TestCore
  let web: WebServer
  beforeAll(async () => {
    core = createTestCore({ mode: 'web' })
    web = await startWebServer({ core, rendererDir: core.dir })
  })
  afterAll(async () => {
    await web.close()
    core.dispose()
  })

  it('listens on 127.0.0.1 only, on a random port, with a long random token in its URL', () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(web.port).toBeGreaterThan(0)
    expect(web.token.length).toBeGreaterThanOrEqual(32)
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${web.token}`)
  })

  it('answers a local request that carries the token', async () => {
    const res = await post(web.port, '/rpc/plans.list', { 'x-readiness-token': web.token })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] })
  })

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await post(web.port, '/rpc/plans.list', {})).status).toBe(401)
    expect(
      (await post(web.port, '/rpc/plans.list', { 'x-readiness-token': 'x'.repeat(web.token.length) })).status,
    ).toBe(401)
    expect((await post(web.port, '/rpc/plans.list', { 'x-readiness-token': web.token.slice(1) })).status).toBe(401)
    const events = await fetch(`http://127.0.0.1:${web.port}/events`)
    expect(events.status).toBe(401)
  })

  it('refuses requests whose Host or Origin is not local, even with the token', async () => {
    const token = { 'x-readiness-token': web.token }
    expect((await post(web.port, '/rpc/plans.list', { ...token, host: 'evil.example:80' })).status).toBe(403)
    expect((await post(web.port, '/rpc/plans.list', { ...token, host: `attacker.test:${web.port}` })).status).toBe(403)
    expect((await post(web.port, '/rpc/plans.list', { ...token, origin: 'http://evil.example' })).status).toBe(403)
    expect(
      (await post(web.port, '/rpc/plans.list', { ...token, origin: `http://127.0.0.1:${web.port + 1}` })).status,
    ).toBe(403)
    expect((await post(web.port, '/rpc/plans.list', { ...token, origin: `http://localhost:${web.port}` })).status).toBe(
      200,
    )
  })

  it('never serves files outside the renderer folder', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/..%2f..%2f..%2fetc%2fpasswd`)
    expect(res.status).toBe(404)
  })
})
