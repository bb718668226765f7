import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../../src/host/browserHost'
import { createHostFiles } from '../../../src/host/hostFiles'
import { HOST_KEY_HEADER, UPLOAD_NAME_HEADER } from '../../../src/shared/browserHostProtocol'
import { defaultSettings } from '../../../src/shared/settings'
import { handlersWith } from '../../support/harness/apiHandlers'
import { makeTempDir } from '../../support/harness/tempDir'

let host: BrowserHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

async function startHost() {
  const rendererDir = makeTempDir()
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>')
  let theme = 'system'
  const handlers = handlersWith({
    updateSettings: (patch) => ({ ...defaultSettings, theme: (theme = patch.theme ?? theme) as 'system' })
  })
  const files = createHostFiles()
  host = await startBrowserHost({ port: 0, rendererDir, handlers, logInternalError: () => {}, files })
  return { host, files, current: () => ({ theme }) }
}

/** An upload's body, arriving in parts. */
async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part)
}

/** A raw request, so tests can send the headers a hostile page or a rebinding attack would. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const callApi = (h: BrowserHost, method: string, args: unknown, headers: Record<string, string> = {}) =>
  request(`${h.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HOST_KEY_HEADER]: h.key, ...headers },
    body: typeof args === 'string' ? args : JSON.stringify(args)
  })

describe('the browser host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host } = await startHost()
    const { port } = new URL(host.origin)
    expect((await request(`http://127.0.0.1:${port}/`)).status).toBe(403)
    // Another loopback address reaches every socket bound to all addresses, and none bound to 127.0.0.1.
    await expect(request(`http://127.0.0.2:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('serves the page only with this launch’s key, and writes the key into it', async () => {
    const { host } = await startHost()
    expect((await request(`${host.origin}/`)).status).toBe(403)
    expect((await request(`${host.origin}/?key=wrong`)).status).toBe(403)
    const page = await request(host.url)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`content="${host.key}"`)
  })

  it('runs API calls from the page and validates their arguments', async () => {
    const { host, current } = await startHost()
    const updated = await callApi(host, 'updateSettings', [{ theme: 'dark' }])
    expect(JSON.parse(updated.body)).toMatchObject({ ok: true, value: { theme: 'dark' } })
    expect(current().theme).toBe('dark')
    const bad = await callApi(host, 'updateSettings', [{ theme: 'neon' }])
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(current().theme).toBe('dark')
  })

  it('refuses calls without the key, from another origin, or through another host name', async () => {
    const { host, current } = await startHost()
    const attempts = [
      callApi(host, 'updateSettings', [{ theme: 'dark' }], { [HOST_KEY_HEADER]: '' }),
      callApi(host, 'updateSettings', [{ theme: 'dark' }], { [HOST_KEY_HEADER]: `${host.key}x` }),
      callApi(host, 'updateSettings', [{ theme: 'dark' }], { origin: 'http://127.0.0.1:1' }),
      callApi(host, 'updateSettings', [{ theme: 'dark' }], { host: 'attacker.example' })
    ]
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403)
    expect(current().theme).toBe('system')
  })

  it('pushes events to the page over a keyed event stream', async () => {
    const { host } = await startHost()
    expect((await request(`${host.origin}/api/events`)).status).toBe(403)
    const response = await fetch(`${host.origin}/api/events`, { headers: { [HOST_KEY_HEADER]: host.key } })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    await reader.read()
    host.emit('onSyncProgress', { type: 'waiting', until: 42 })
    const { value } = await reader.read()
    expect(value).toBe('event: onSyncProgress\ndata: {"type":"waiting","until":42}\n\n')
    await reader.cancel()
  })

  it('answers malformed and oversized bodies with a typed error', async () => {
    const { host } = await startHost()
    const notJson = await callApi(host, 'getSettings', '{nope')
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const huge = await callApi(host, 'getSettings', JSON.stringify(['x'.repeat(33 * 1024 * 1024)]))
    expect(huge.status).toBe(413)
    const unknown = await callApi(host, 'dropDatabase', [])
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('names an upload as the page did, and deletes it once imported', async () => {
    const files = createHostFiles()
    try {
      const id = (await files.receiveUpload(chunks('{', '}'), 'my backup.json', 1024))!
      const source = await files.exchange.chooseImportSource({ kind: 'json-backup', uploadId: id })
      expect(source).toMatchObject({ name: 'my backup.json' })
      expect(fs.existsSync(source!.path)).toBe(true)
      files.exchange.doneWithImportSource!(source!.path)
      expect(fs.existsSync(source!.path)).toBe(false)
      // An upload is imported once.
      await expect(files.exchange.chooseImportSource({ kind: 'json-backup', uploadId: id })).rejects.toThrow('upload the file first')
    } finally {
      files.removeAll()
    }
  })

  it('writes an upload to disk as it arrives, and refuses one past the limit, reading it to its end and keeping no file', async () => {
    const files = createHostFiles()
    try {
      const written = (await files.receiveUpload(chunks('a'.repeat(600), 'b'.repeat(400)), 'export.zip', 1000))!
      const source = await files.exchange.chooseImportSource({ kind: 'whoop-export', uploadId: written })
      expect(fs.readFileSync(source!.path, 'utf8')).toBe('a'.repeat(600) + 'b'.repeat(400))
      files.exchange.doneWithImportSource!(source!.path)

      let read = 0
      const tooLarge = async function* () {
        for (const part of ['a'.repeat(600), 'b'.repeat(600), 'c'.repeat(600)]) {
          read += part.length
          yield Buffer.from(part)
        }
      }
      expect(await files.receiveUpload(tooLarge(), 'export.zip', 1000)).toBeUndefined()
      expect(read).toBe(1800)
      expect(fs.readdirSync(path.dirname(source!.path))).toEqual([])
    } finally {
      files.removeAll()
    }
  })

  it('serves the keyed page with no-store, so no cache keeps the key', async () => {
    const { host } = await startHost()
    const response = await fetch(host.url)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('takes an upload’s name from its header, reduced to a plain file name', async () => {
    const { host, files } = await startHost()
    const upload = (name: string) =>
      fetch(`${host.origin}/api/uploads`, {
        method: 'POST',
        headers: { [HOST_KEY_HEADER]: host.key, [UPLOAD_NAME_HEADER]: encodeURIComponent(name) },
        body: '{}'
      }).then((response) => response.json() as Promise<{ ok: boolean; value: { uploadId: string } }>)
    const nameOf = async (name: string) =>
      (await files.exchange.chooseImportSource({ kind: 'json-backup', uploadId: (await upload(name)).value.uploadId }))!.name
    expect(await nameOf('sleeps 2024.csv')).toBe('sleeps 2024.csv')
    expect(await nameOf('../../etc/passwd')).toBe('passwd')
    expect(await nameOf('C:\\Users\\me\\export.zip')).toBe('export.zip')
    expect(await nameOf('')).toBe('the uploaded file')
    files.removeAll()
  })
})
