import type { WebFrameMain } from 'electron'
import { isAppUrl } from './appProtocol'

/**
 * Whether an IPC message comes from the app's own page: the top frame of a window showing the
 * renderer from `app://whoop-desktop` (or, in development only, from electron-vite's dev server).
 * Anything else (a frame that navigated away, an embedded frame, a destroyed one) is refused.
 */
export function isTrustedSender(frame: WebFrameMain | null, devServerUrl: string | undefined): boolean {
  if (!frame || frame.parent) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  return isAppUrl(url) || (devServerUrl !== undefined && url.origin === new URL(devServerUrl).origin)
}
