import path from 'node:path'
import { protocol } from 'electron'
import { rendererResponse } from '../web/rendererFiles'

/**
 * The renderer is served from the app's own origin, `app://whoop-desktop`, never from `file://`
 * (which would share an origin with every local file) and never from a remote URL.
 */
const APP_SCHEME = 'app'
const APP_HOST = 'whoop-desktop'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Whether a URL belongs to the app's own origin. Compared by scheme and host rather than `origin`,
 * which WHATWG URL leaves `null` for schemes it does not know.
 */
export function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
}

/**
 * Must run before `ready`: a standard, secure scheme gets a real origin, fetch and CSP enforcement.
 * The code cache lets every launch after the first skip compiling the renderer's scripts again.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

export function serveRendererOverAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url)
    if (!isAppUrl(url)) return new Response('Not found', { status: 404 })
    return rendererResponse(path.resolve(rendererDir), url.pathname)
  })
}
