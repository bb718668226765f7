import http from 'node:http'
import { loopbackRedirectUri, type SignInOutcome } from '../../shared/connection'
import { AppError } from '../api/apiErrors'

const CALLBACK_PATH = '/oauth/callback'

/**
 * The loopback redirect of RFC 8252 §7.3: a one-off server on 127.0.0.1, for WHOOP registrations
 * that do not accept a custom scheme. Its port is fixed (Settings), because WHOOP matches the
 * registered redirect URI exactly, port included. It answers only requests for its own host and
 * path, answers the browser with a plain page saying how the sign-in ended, and stops once the
 * sign-in is over.
 */
export async function startLoopbackListener(
  port: number,
  /** The sign-in's answer; an answer that ends the sign-in stops this listener (its `stop`). */
  onCallback: (url: string) => Promise<SignInOutcome>
) {
  const redirectUri = loopbackRedirectUri(port)
  const ownHost = new URL(redirectUri).host
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    // WHOOP's redirect names this host exactly; any other Host is a page rebinding a name to us.
    if (request.headers.host !== ownHost) {
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
      return response.end('Misdirected request')
    }
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      return response.end('Not found')
    }
    void onCallback(`${redirectUri}${url.search}`).then((outcome) => {
      response.writeHead(outcome.ok ? 200 : 400, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'",
        'Cache-Control': 'no-store'
      })
      response.end(resultPage(outcome))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new AppError(
              'system',
              `Port ${port} on this computer is taken by another program, so WHOOP cannot send you back to ${redirectUri}. Close that program, or choose another port in Settings and register the new redirect URL in your WHOOP app.`
            )
          : error
      )
    )
    server.listen(port, '127.0.0.1', resolve)
  })
  const stop = () => {
    server.close()
    server.closeIdleConnections()
  }
  return { redirectUri, stop }
}

function resultPage(outcome: SignInOutcome): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const [title, text] = outcome.ok
    ? ['Connected to WHOOP', `Signed in as ${outcome.account.firstName} ${outcome.account.lastName}. You can close this tab and return to WHOOP Desktop.`]
    : ['Not connected', outcome.message]
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} – WHOOP Desktop</title></head>
<body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`
}
