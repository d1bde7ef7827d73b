import { connect } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebProcess, type WebProcess } from '../support/web-process'

interface RawAnswer {
  status: number | null
  body: string
}

/** Sends raw bytes (no client library in the way) and reads until the server closes or answers in full. */
function raw(port: number, parts: (string | Buffer)[], options: { waitMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      socket.destroy()
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(data)
      resolve({ status: status ? Number(status[1]) : null, body: data.split('\r\n\r\n').slice(1).join('\r\n\r\n') })
    }
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1')
      const head = /content-length: (\d+)/i.exec(data)
      const bodyStart = data.indexOf('\r\n\r\n')
      if (head && bodyStart >= 0 && data.length - bodyStart - 4 >= Number(head[1])) finish()
    })
    socket.on('error', finish)
    socket.on('close', finish)
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) break
        await new Promise<void>((done) => (socket.write(part) ? done() : socket.once('drain', () => done())))
      }
    })
    setTimeout(finish, options.waitMs ?? 10_000)
  })
}

describe('the browser-mode server answers every malformed request with a 4xx and keeps serving', () => {
  let dir: string
  let web: WebProcess
  const figures: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-malformed-'))
    web = await startWebProcess(join(dir, 'web.db'), dir)
  }, 90_000)
  afterAll(async () => {
    await web?.stop()
    rmSync(dir, { recursive: true, force: true })
    console.log(`[reliability] malformed-request corpus: ${figures.join('; ')}`)
  })

  function request(line: string, headers: Record<string, string> = {}, body = ''): string {
    const all: Record<string, string> = { Host: `127.0.0.1:${web.port}`, Connection: 'close', ...headers }
    if (body && !('Content-Length' in headers) && !('Transfer-Encoding' in headers))
      all['Content-Length'] = String(Buffer.byteLength(body))
    return `${line}\r\n${Object.entries(all)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n')}\r\n\r\n${body}`
  }

  it('refuses the corpus with 4xx answers; the process survives and answers a normal call afterwards', async () => {
    const token = { 'X-Readiness-Token': web.token }
    const json = { 'Content-Type': 'application/json' }
    const big = MAX_PLUS
    const corpus: [string, (string | Buffer)[]][] = [
      ['broken escape %FF', [request('GET /%FF HTTP/1.1')]],
      ['lone %', [request('GET /% HTTP/1.1')]],
      ['overlong UTF-8 escape', [request('GET /assets/%C0%AF HTTP/1.1')]],
      ['escaped NUL', [request('GET /assets/%00.js HTTP/1.1')]],
      ['rpc broken escape, with token', [request('POST /rpc/%FF HTTP/1.1', { ...token, ...json }, '{}')]],
      ['rpc lone %, with token', [request('POST /rpc/% HTTP/1.1', { ...token, ...json }, '{}')]],
      ['rpc broken escape, no token', [request('POST /rpc/%E0%A4%A HTTP/1.1', json, '{}')]],
      ['events broken escape', [request('GET /events?token=%ZZ HTTP/1.1')]],
      ['scheme-relative target', [request('GET //evil.example/x HTTP/1.1')]],
      ['absolute-form target', [request('GET http://evil.example/ HTTP/1.1')]],
      ['asterisk target', [request('OPTIONS * HTTP/1.1')]],
      ['raw NUL in the path', [Buffer.from(`GET /a\u0000b HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n\r\n`, 'latin1')]],
      ['space-split request line', [`GET / / HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n\r\n`]],
      ['unknown HTTP version', [`GET / HTTP/9.9\r\nHost: 127.0.0.1:${web.port}\r\n\r\n`]],
      [
        'garbage instead of HTTP',
        ['\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003 not http at all\r\n\r\n'],
      ],
      ['header without a colon', [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nthis is not a header\r\n\r\n`]],
      [
        'header with a control character',
        [Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nX-Bad: a\u0001b\r\n\r\n`, 'latin1')],
      ],
      ['32 KB header', [request('GET / HTTP/1.1', { 'X-Huge': 'a'.repeat(32 * 1024) })]],
      ['100 KB URL', [request(`GET /${'a'.repeat(100 * 1024)} HTTP/1.1`)]],
      ['missing Host', [`GET / HTTP/1.1\r\nConnection: close\r\n\r\n`]],
      ['foreign Host', [request('GET / HTTP/1.1', { Host: 'evil.example' })]],
      ['null Origin', [request('POST /rpc/plans.list HTTP/1.1', { ...token, ...json, Origin: 'null' }, '{}')]],
      [
        'token with non-ASCII bytes',
        [
          Buffer.from(
            request('POST /rpc/plans.list HTTP/1.1', { 'X-Readiness-Token': '\u00ff\u00fe', ...json }, '{}'),
            'latin1',
          ),
        ],
      ],
      [
        'token twice',
        [
          request('POST /rpc/plans.list HTTP/1.1', json, '{}').replace(
            '\r\n\r\n',
            `\r\nX-Readiness-Token: ${web.token}\r\nX-Readiness-Token: ${web.token}\r\n\r\n`,
          ),
        ],
      ],
      ['unknown method verb', [request('BREW / HTTP/1.1')]],
      ['GET on an rpc route', [request('GET /rpc/plans.list HTTP/1.1', token)]],
      ['unreadable JSON body', [request('POST /rpc/plans.list HTTP/1.1', { ...token, ...json }, '{"planId": 1,')]],
      [
        'invalid UTF-8 body',
        [
          Buffer.concat([
            Buffer.from(request('POST /rpc/plans.get HTTP/1.1', { ...token, ...json, 'Content-Length': '6' })),
            Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0xc0, 0x7d]),
          ]),
        ],
      ],
      [
        'JSON nested 100,000 deep',
        [
          request(
            'POST /rpc/plans.get HTTP/1.1',
            { ...token, ...json },
            `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
          ),
        ],
      ],
      [
        'Content-Length not a number',
        [request('POST /rpc/plans.list HTTP/1.1', { ...token, ...json, 'Content-Length': 'ten' }, '{}')],
      ],
      [
        'Content-Length and chunked together',
        [
          request(
            'POST /rpc/plans.list HTTP/1.1',
            { ...token, ...json, 'Content-Length': '2', 'Transfer-Encoding': 'chunked' },
            '2\r\n{}\r\n0\r\n\r\n',
          ),
        ],
      ],
      [
        'broken chunk size',
        [
          request(
            'POST /rpc/plans.list HTTP/1.1',
            { ...token, ...json, 'Transfer-Encoding': 'chunked' },
            'zz\r\n{}\r\n0\r\n\r\n',
          ),
        ],
      ],
      [
        'body over the limit, declared',
        [
          request('POST /rpc/plans.import HTTP/1.1', { ...token, ...json, 'Content-Length': String(big) }),
          Buffer.alloc(1024 * 1024, 0x20),
        ],
      ],
      [
        'body over the limit, declared, asking to continue',
        [
          request('POST /rpc/plans.import HTTP/1.1', {
            ...token,
            ...json,
            'Content-Length': String(big),
            Expect: '100-continue',
          }),
        ],
      ],
      [
        'body over the limit, chunked',
        [
          request('POST /rpc/plans.import HTTP/1.1', { ...token, ...json, 'Transfer-Encoding': 'chunked' }),
          ...chunkedBody(big),
        ],
      ],
      [
        'body shorter than declared, then hang-up',
        [request('POST /rpc/plans.list HTTP/1.1', { ...token, ...json, 'Content-Length': '100' }).concat('{"a"')],
      ],
    ]
    const outcomes: string[] = []
    for (const [name, parts] of corpus) {
      const answer = await raw(web.port, parts, { waitMs: name.includes('hang-up') ? 1500 : 15_000 })
      outcomes.push(`${name}: ${answer.status ?? 'closed'}`)
      if (name.includes('hang-up')) continue // the client gave up; nothing to answer
      expect(answer.status, `${name} → ${answer.status} ${answer.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400)
      expect(answer.status, `${name} → ${answer.status} ${answer.body.slice(0, 200)}`).toBeLessThan(500)
      expect(web.child.exitCode, `the server stopped after: ${name}`).toBeNull()
    }
    // well-formed but hostile: never a file outside the renderer folder
    for (const target of [
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    ]) {
      const answer = await raw(web.port, [request(`GET ${target} HTTP/1.1`)])
      expect(answer.status, target).toBeLessThan(500)
      expect(answer.body, target).not.toMatch(/root:.*:0:0:/)
    }
    const over = outcomes.filter((o) => o.includes('over the limit'))
    expect(
      over.every((o) => o.endsWith(': 413')),
      over.join('\n'),
    ).toBe(true)
    // still alive, still answering
    const response = await fetch(`http://127.0.0.1:${web.port}/rpc/plans.list`, {
      method: 'POST',
      headers: { 'x-readiness-token': web.token, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, value: [] })
    expect(web.child.exitCode).toBeNull()
    expect(web.stderr()).not.toMatch(/TypeError|URIError|RangeError|Unhandled/)
    figures.push(
      `${corpus.length} malformed requests, ${outcomes.filter((o) => /: 4\d\d$/.test(o)).length} answered 4xx, server alive and answering afterwards`,
    )
  }, 180_000)
})

const MAX_PLUS = 33 * 1024 * 1024

function chunkedBody(total: number): Buffer[] {
  const chunk = Buffer.alloc(1024 * 1024, 0x61)
  const parts: Buffer[] = []
  for (let sent = 0; sent < total; sent += chunk.length)
    parts.push(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]))
  parts.push(Buffer.from('0\r\n\r\n'))
  return parts
}
