import { randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ApiHandlers, EmitApiEvent } from '../shared/api'
import { UPLOAD_NAME_HEADER, HOST_KEY_HEADER, HOST_KEY_META } from '../shared/browserHostProtocol'
import { fail, type Result } from '../shared/result'
import { invokeApi, type InternalErrorLog } from '../main/api/invokeApi'
import { rendererFilePath, rendererResponse } from '../main/web/rendererFiles'
import type { HostFiles } from './hostFiles'

/** An API call's arguments: the largest is a report's image to save (up to 28 MB in base64). */
const MAX_BODY_BYTES = 32 * 1024 * 1024
/** Uploads are files to import: WHOOP's data export or a backup of years of data. */
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024

export interface BrowserHostOptions {
  port: number
  rendererDir: string
  handlers: ApiHandlers
  logInternalError: InternalErrorLog
  files: HostFiles
}

export interface BrowserHost {
  /** The address to open, with the per-launch key that unlocks the page. */
  url: string
  origin: string
  key: string
  /** Pushes an event to every open page (server-sent events on `/api/events`). */
  emit: EmitApiEvent
  close(): Promise<void>
}

/**
 * Serves the built renderer and `window.api` over HTTP on 127.0.0.1, for end-to-end tests and for
 * anyone without a display or an Electron binary. Only the page opened with this launch's key may
 * call the API: another local web page cannot read the key (no CORS), cannot send the key header
 * (no preflight answer), and a DNS-rebinding page is refused by the Host check.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const key = randomBytes(24).toString('base64url')
  const server = http.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const eventStreams = new Set<http.ServerResponse>()

  server.on('request', (request, response) => {
    handleRequest(request, response).catch((error) => {
      options.logInternalError('browser host request', error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  async function handleRequest(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) return sendText(response, 403, 'Unknown host.')
    const url = new URL(request.url ?? '/', origin)
    if (url.pathname === '/api/events') return openEventStream(request, response)
    if (url.pathname === '/api/uploads') return receiveUpload(request, response)
    if (url.pathname.startsWith('/api/downloads/')) return sendDownload(request, response, url.pathname.slice(15))
    if (url.pathname.startsWith('/api/')) return handleApiCall(request, response, url.pathname.slice(5))
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.')
    const isPage = rendererFilePath(options.rendererDir, url.pathname)?.endsWith('index.html')
    if (isPage && !keyMatches(url.searchParams.get('key'))) {
      return sendText(response, 403, 'Open the address that `npm run dev:browser` printed; it carries this launch’s key.')
    }
    const page = await rendererResponse(options.rendererDir, url.pathname, (html) =>
      html.replace('</head>', `  <meta name="${HOST_KEY_META}" content="${key}" />\n  </head>`)
    )
    // The page carries this launch's key: no cache may keep it.
    if (isPage) page.headers.set('Cache-Control', 'no-store')
    response.writeHead(page.status, Object.fromEntries(page.headers))
    response.end(request.method === 'HEAD' ? undefined : Buffer.from(await page.arrayBuffer()))
  }

  /** Whether a request carries this launch's key and, if a browser says where it comes from, our origin. */
  function fromOurPage(request: http.IncomingMessage): boolean {
    const requestOrigin = request.headers.origin
    return (requestOrigin === undefined || requestOrigin === origin) && keyMatches(request.headers[HOST_KEY_HEADER])
  }

  function openEventStream(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (!fromOurPage(request)) return sendText(response, 403, 'Forbidden.')
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
    response.write(': connected\n\n')
    eventStreams.add(response)
    request.on('close', () => eventStreams.delete(response))
  }

  async function receiveUpload(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed.')
    if (!fromOurPage(request)) return sendText(response, 403, 'Forbidden.')
    const uploadId = await options.files.receiveUpload(request, uploadedName(request), MAX_UPLOAD_BYTES)
    if (uploadId === undefined) return sendResult(response, 413, fail('invalid-argument', 'The file is too large to import.'))
    sendResult(response, 200, { ok: true, value: { uploadId } })
  }

  function sendDownload(request: http.IncomingMessage, response: http.ServerResponse, id: string): void {
    if (!fromOurPage(request)) return sendText(response, 403, 'Forbidden.')
    const file = options.files.takeDownload(id)
    if (!file) return sendText(response, 404, 'This download is gone; export again.')
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${path.basename(file).replace(/^[^-]+-/, '')}"`,
      'Cache-Control': 'no-store'
    })
    fs.createReadStream(file)
      .on('close', () => fs.rmSync(file, { force: true }))
      .pipe(response)
  }

  async function handleApiCall(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    method: string
  ): Promise<void> {
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed.')
    if (!fromOurPage(request)) {
      return sendResult(response, 403, fail('forbidden', 'This request did not come from the WHOOP Desktop page.'))
    }
    const body = await readBody(request, MAX_BODY_BYTES)
    if (body === undefined) return sendResult(response, 413, fail('invalid-argument', 'The request is too large.'))
    let args: unknown
    try {
      args = JSON.parse(body.toString('utf8'))
    } catch {
      return sendResult(response, 400, fail('invalid-argument', 'The request body is not JSON.'))
    }
    sendResult(response, 200, await invokeApi(options.handlers, method, args, options.logInternalError))
  }

  function keyMatches(candidate: string | string[] | null | undefined): boolean {
    if (typeof candidate !== 'string') return false
    const given = Buffer.from(candidate)
    const expected = Buffer.from(key)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  return {
    url: `${origin}/?key=${key}`,
    origin,
    key,
    emit: (event, payload) => {
      const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const stream of eventStreams) stream.write(message)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** The uploaded file's name as the page sent it (URI-encoded in a header), reduced to a plain file name. */
function uploadedName(request: http.IncomingMessage): string {
  const header = request.headers[UPLOAD_NAME_HEADER]
  let name = ''
  try {
    name = typeof header === 'string' ? decodeURIComponent(header) : ''
  } catch {
    // A malformed name is no name.
  }
  const plain = [...path.basename(name.replace(/\\/g, '/'))].filter((character) => !isControlCharacter(character)).join('').slice(0, 200)
  return plain || 'the uploaded file'
}

/** C0 controls and DEL: nothing a file name shown in a message should carry. */
const isControlCharacter = (character: string) => character.charCodeAt(0) < 0x20 || character === '\u007f'

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
  response.end(text)
}

function sendResult(response: http.ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(result))
}

/**
 * The body, or `undefined` when it is larger than `limit`. An oversized body is read to its end but
 * not kept, so the caller still receives the refusal.
 */
async function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= limit) chunks.push(chunk)
  }
  return size <= limit ? Buffer.concat(chunks) : undefined
}
