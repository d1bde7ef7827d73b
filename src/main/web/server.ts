import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { Core } from '../bootstrap'

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

const MAX_BODY_BYTES = 32 * 1024 * 1024

export interface WebServerOptions {
  core: Core
  rendererDir: string
  port?: number
  token?: string
}

export interface WebServer {
  server: Server
  port: number
  token: string
  /** the full URL to open, token included */
  url: string
  close(): Promise<void>
}

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/**
 * Browser mode: the same dispatch as Electron IPC, over HTTP on 127.0.0.1 with a per-run token. Host and Origin
 * must be local (DNS-rebinding and cross-site requests are refused), and every data route needs the token.
 */
export function startWebServer({ core, rendererDir, port = 0, token = randomBytes(24).toString('base64url') }: WebServerOptions): Promise<WebServer> {
  const sseClients = new Set<ServerResponse>()
  let boundPort = port
  const allowedHosts = () => new Set([`127.0.0.1:${boundPort}`, `localhost:${boundPort}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${boundPort}`, `http://localhost:${boundPort}`])

  const unsubscribe = core.subscribe((event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`
    for (const client of sseClients) client.write(frame)
  })

  const server = createServer(async (req, res) => {
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden: host not allowed')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'Forbidden: origin not allowed')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${boundPort}`)

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed')
      if (!sameSecret(req.headers['x-readiness-token'] as string | undefined, token)) return send(res, 401, 'Unauthorized: missing or wrong token')
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length))
      let input: unknown
      try {
        const body = await readBody(req)
        input = body ? JSON.parse(body) : {}
      } catch (error) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad-input', message: `Unreadable request: ${(error as Error).message}` } }), 'application/json')
      }
      const result = await core.dispatch(method, input)
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8')
    }

    if (url.pathname === '/events') {
      if (!sameSecret(url.searchParams.get('token'), token)) return send(res, 401, 'Unauthorized: missing or wrong token')
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      sseClients.add(res)
      req.on('close', () => sseClients.delete(res))
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    return serveStatic(res, rendererDir, url.pathname)
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      boundPort = (server.address() as AddressInfo).port
      resolve({
        server,
        port: boundPort,
        token,
        url: `http://127.0.0.1:${boundPort}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe()
            for (const client of sseClients) client.end()
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

function serveStatic(res: ServerResponse, rendererDir: string, pathname: string) {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
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
  const headers: Record<string, string> = { 'content-type': MIME[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' }
  if (target.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY
  res.writeHead(200, headers)
  createReadStream(target).pipe(res)
}
