import type { Session, WebContents } from 'electron'
import { isAllowedExternalUrl } from '../web/externalLinks'
import { openInBrowser } from './osShell'

/**
 * The page may never leave the app: no navigation, no redirect, no new window, no <webview>.
 * A link to an allow-listed https page opens in the person's own browser instead.
 */
export function guardWebContents(contents: WebContents, onOpenFailed: (error: unknown) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openInBrowser(url).catch(onOpenFailed)
    return { action: 'deny' }
  })
}

/**
 * The app needs no camera, microphone, notifications or any other permission: all are refused,
 * except writing text to the clipboard (the copy button for the redirect URI).
 */
const allowedPermissions = new Set(['clipboard-sanitized-write'])

export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)))
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission))
}
