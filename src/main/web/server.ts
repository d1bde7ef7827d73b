import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { Core } from '../bootstrap'
import type { Logger } from '../log'
import { localIsoDate } from '../../shared/calendar'
import { CACHEABLE_METHODS, ResponseCache, compressed, type Answer } from './response-cache'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // recharts and React set style attributes
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/** a little above the largest call (a 20 MB plan as base64 is ~27 MB) */
export const MAX_BODY_BYTES = 32 * 1024 * 1024

export interface WebServerOptions {
  core: Core
  rendererDir: string
  port?: number
  token?: string
  /** where failures of the server itself are logged */
  logger?: Logger
}

export interface WebServer {
  server: Server
  port: number
  token: string
  /** the full URL to open, token included */
  url: string
  close(): Promise<void>
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function sameSecret(given: string | string[] | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
) {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  })
  res.end(body)
}

function jsonError(status: number, code: string, message: string): [number, string] {
  return [status, JSON.stringify({ ok: false, error: { code, message } })]
}

/** `decodeURIComponent` that answers null for a broken escape (`%`, `%FF`) instead of throwing */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length']
  if (header === undefined) return null
  const value = Number(header)
  return Number.isFinite(value) && value >= 0 ? value : null
}

/** Reads a body up to the limit; beyond it, a 413 (the rest of the upload is drained, never buffered). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req)
    if (declared !== null && declared > MAX_BODY_BYTES) {
      req.resume()
      return reject(new RequestError(413, `Request body over ${MAX_BODY_BYTES / 1048576} MB`))
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        over = true
        chunks.length = 0
        reject(new RequestError(413, `Request body over ${MAX_BODY_BYTES / 1048576} MB`))
      } else chunks.push(chunk)
    })
    req.on('end', () => over || resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', (error) => reject(new RequestError(400, `Unreadable request: ${error.message}`)))
    req.on('aborted', () => reject(new RequestError(400, 'The request was aborted')))
  })
}

function parseBody(body: string): unknown {
  try {
    return body ? JSON.parse(body) : {}
  } catch (error) {
    throw new RequestError(400, `Unreadable request: ${(error as Error).message}`)
  }
}

/** Server-sent events: every core event goes to each connected page. */
function eventStream(core: Core) {
  const clients = new Set<ServerResponse>()
  const unsubscribe = core.subscribe((event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`
    for (const client of clients) if (!client.destroyed) client.write(frame)
  })
  return {
    open(req: IncomingMessage, res: ServerResponse) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      const drop = () => clients.delete(res)
      req.on('close', drop)
      res.on('error', drop)
    },
    close() {
      unsubscribe()
      for (const client of clients) client.end()
    },
  }
}

/** The answer of one call as JSON text: heavy methods off this thread, pure reads from the cache while nothing changed. */
function cachedAnswers(core: Core) {
  const cache = new ResponseCache()
  return async (method: string, body: string): Promise<Answer> => {
    const input = parseBody(body)
    const json = async () => Buffer.from(await core.dispatchJson(method, input))
    if (!CACHEABLE_METHODS.has(method) || body.length > 4096) return { json: await json(), gzip: null }
    const compute = async () => compressed(await json())
    const key = `${method}\n${body}\n${core.dataVersion()}\n${localIsoDate(core.context.now())}`
    return cache.get(key, compute)
  }
}

interface Routing {
  rendererDir: string
  token: string
  /** the port actually bound (Host and Origin are checked against it) */
  port: () => number
  answer: ReturnType<typeof cachedAnswers>
  events: ReturnType<typeof eventStream>
}

async function handleRpc(req: IncomingMessage, res: ServerResponse, pathname: string, routing: Routing) {
  if (req.method !== 'POST') throw new RequestError(405, 'Method not allowed')
  if (!sameSecret(req.headers['x-readiness-token'], routing.token))
    throw new RequestError(401, 'Unauthorized: missing or wrong token')
  const method = safeDecode(pathname.slice('/rpc/'.length))
  if (method === null) throw new RequestError(400, 'Bad request: broken escape in the method name')
  const { json, gzip } = await routing.answer(method, await readBody(req))
  const type = 'application/json; charset=utf-8'
  const acceptsGzip = gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  if (acceptsGzip) send(res, statusOf(json), gzip, type, { 'content-encoding': 'gzip', vary: 'accept-encoding' })
  else send(res, statusOf(json), json, type)
}

/** Host and Origin must be this server's own (DNS rebinding and cross-site requests are refused). */
function checkLocal(req: IncomingMessage, port: number): void {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!hosts.includes(req.headers.host ?? '')) throw new RequestError(403, 'Forbidden: host not allowed')
  const origin = req.headers.origin
  if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`))
    throw new RequestError(403, 'Forbidden: origin not allowed')
}

async function route(req: IncomingMessage, res: ServerResponse, routing: Routing) {
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'no-referrer')
  checkLocal(req, routing.port())
  const url = parseRequestUrl(req.url, routing.port())
  if (url.pathname.startsWith('/rpc/')) return handleRpc(req, res, url.pathname, routing)
  if (url.pathname === '/events') {
    if (!sameSecret(url.searchParams.get('token'), routing.token))
      throw new RequestError(401, 'Unauthorized: missing or wrong token')
    return routing.events.open(req, res)
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new RequestError(405, 'Method not allowed')
  return serveStatic(res, routing.rendererDir, url.pathname)
}

/** A refused request gets its 4xx; anything else is logged and answered 500, never thrown. */
function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown, logger: Logger | undefined): void {
  if (error instanceof RequestError) {
    const rpc = req.url?.startsWith('/rpc/') === true
    const [status, body] = rpc ? jsonError(error.status, 'bad-input', error.message) : [error.status, error.message]
    // after a refused upload the connection is not reused: the rest of the body is not read
    return send(
      res,
      status,
      body,
      rpc ? 'application/json; charset=utf-8' : undefined,
      error.status === 413 ? { connection: 'close' } : {},
    )
  }
  logger?.error(`[web] ${req.method} ${String(req.url).slice(0, 200)} failed`, error)
  if (!res.headersSent) send(res, 500, 'Internal error (see the log)')
  else res.destroy()
}

/** What Node's HTTP parser decides before a handler runs: uploads over the limit, malformed requests. */
function guardParser(server: Server): void {
  // a refused upload that asked first (Expect: 100-continue) is refused before a byte of it is sent
  server.on('checkContinue', (req, res) => {
    const declared = declaredLength(req)
    if (declared !== null && declared > MAX_BODY_BYTES) {
      const [, body] = jsonError(413, 'bad-input', `Request body over ${MAX_BODY_BYTES / 1048576} MB`)
      return send(res, 413, body, 'application/json; charset=utf-8', { connection: 'close' })
    }
    res.writeContinue()
    server.emit('request', req, res)
  })
  // requests Node's parser refuses (bad request line, header, encoding) get their 400/431, never an exception
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy()
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  })
}

/**
 * Browser mode: the same dispatch as Electron IPC, over HTTP on 127.0.0.1 with a per-run token. Host and Origin
 * must be local (DNS-rebinding and cross-site requests are refused), and every data route needs the token. Every
 * handler is total: whatever a request carries (broken escapes, bad headers, bodies over the limit) gets a 4xx, and
 * no request can stop the process.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, rendererDir, port = 0, token = randomBytes(24).toString('base64url'), logger } = options
  let boundPort = port
  const events = eventStream(core)
  const routing: Routing = { rendererDir, token, port: () => boundPort, answer: cachedAnswers(core), events }
  const server = createServer((req, res) => {
    route(req, res, routing).catch((error: unknown) => answerFailure(req, res, error, logger))
  })
  guardParser(server)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      boundPort = (server.address() as AddressInfo).port
      const close = () =>
        new Promise<void>((done) => {
          events.close()
          server.close(() => done())
          server.closeAllConnections()
        })
      resolve({ server, port: boundPort, token, url: `http://127.0.0.1:${boundPort}/?token=${token}`, close })
    })
  })
}

const REFUSED_INPUT = Buffer.from('{"ok":false,"error":{"code":"validation"')
const UNKNOWN_METHOD = Buffer.from('{"ok":false,"error":{"code":"unknown-method"')

/** A call the contract refuses (input of the wrong shape, no such method) is a 4xx; every other answer a 200. */
function statusOf(json: Buffer): number {
  if (json.subarray(0, REFUSED_INPUT.length).equals(REFUSED_INPUT)) return 400
  if (json.subarray(0, UNKNOWN_METHOD.length).equals(UNKNOWN_METHOD)) return 404
  return 200
}

/** The request target as a URL; a target that is not a plain path (absolute form, `//host`, `*`) is refused. */
function parseRequestUrl(target: string | undefined, port: number): URL {
  if (!target || !target.startsWith('/') || target.startsWith('//'))
    throw new RequestError(400, 'Bad request: the target must be a path')
  try {
    return new URL(target, `http://127.0.0.1:${port}`)
  } catch {
    throw new RequestError(400, 'Bad request: unreadable URL')
  }
}

function serveStatic(res: ServerResponse, rendererDir: string, pathname: string) {
  const decoded = safeDecode(pathname)
  if (decoded === null || decoded.includes('\0')) throw new RequestError(400, 'Bad request: broken escape in the path')
  const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const root = normalize(rendererDir + sep)
  const file = normalize(join(rendererDir, relative))
  if (!file.startsWith(root)) return send(res, 404, 'Not found')
  let target = file
  try {
    if (!statSync(target).isFile()) throw new Error('not a file')
  } catch {
    // client-side routes fall back to the app shell; missing assets are 404
    if (extname(relative)) return send(res, 404, 'Not found')
    target = join(rendererDir, 'index.html')
    try {
      statSync(target)
    } catch {
      return send(res, 503, 'The renderer is not built yet: run `npm run build` first.')
    }
  }
  const headers: Record<string, string> = {
    'content-type': MIME[extname(target)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  }
  if (target.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY
  res.writeHead(200, headers)
  const stream = createReadStream(target)
  // a file that vanishes or cannot be read mid-way ends the response, not the process
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
