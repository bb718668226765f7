import fs from 'node:fs/promises'
import path from 'node:path'
import { rendererSecurityHeaders } from './contentSecurityPolicy'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

/**
 * The file under `rootDir` that a renderer URL names, or `undefined` when the URL tries to leave it.
 * `/` and unknown extension-less paths fall back to `index.html`, as a single-page app expects.
 */
export function rendererFilePath(rootDir: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const relative = decoded === '/' || path.extname(decoded) === '' ? 'index.html' : decoded
  const root = path.resolve(rootDir)
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`)
  return file.startsWith(root + path.sep) ? file : undefined
}

/**
 * The build names every file under `/assets/` by a hash of its content, so those never change and
 * may be kept (which also lets Chromium keep the compiled code); everything else is checked each time.
 */
function cacheControl(rootDir: string, file: string): string {
  const hashedAsset = path.relative(path.resolve(rootDir), file).startsWith(`assets${path.sep}`)
  return hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * Serves one file of the built renderer as a web `Response`, with the security headers. Used by the
 * app's `app://` protocol handler and by the browser host, so both serve exactly the same thing.
 * `transformHtml` lets the browser host add its connection key to the page.
 */
export async function rendererResponse(
  rootDir: string,
  pathname: string,
  transformHtml: (html: string) => string = (html) => html
): Promise<Response> {
  const file = rendererFilePath(rootDir, pathname)
  if (!file) return new Response('Not found', { status: 404, headers: rendererSecurityHeaders })
  let body: Buffer
  try {
    body = await fs.readFile(file)
  } catch {
    return new Response('Not found', { status: 404, headers: rendererSecurityHeaders })
  }
  const extension = path.extname(file)
  const headers = {
    ...rendererSecurityHeaders,
    'Content-Type': contentTypes[extension] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(rootDir, file)
  }
  if (extension === '.html') return new Response(transformHtml(body.toString('utf8')), { headers })
  return new Response(new Uint8Array(body), { headers })
}
