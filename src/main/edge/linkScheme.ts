import path from 'node:path'
import { app } from 'electron'
import type { DeepLinkSupport } from '../../shared/connection'
import { writeAppImageDesktopEntry } from '../deepLinks/appImageDesktopEntry'
import { DEEP_LINK_SCHEME } from '../deepLinks/deepLinks'

/** The `desktopName` of package.json: Electron registers schemes on Linux under this `.desktop` file. */
const DESKTOP_FILE_NAME = 'whoop-desktop.desktop'

/**
 * Asks the OS to send `whoop-desktop://` links to this app and says whether they really arrive, so
 * the Connect wizard never offers a redirect that leaves the person stranded at WHOOP.
 */
export function registerLinkScheme(): DeepLinkSupport {
  // Development (`electron path/to/app`): the OS must relaunch Electron with the app's path.
  const development = Boolean(process.defaultApp) && process.argv.length >= 2
  const launch: [string?, string[]?] = development ? [process.execPath, [path.resolve(process.argv[1])]] : []

  if (process.platform === 'darwin' && development) {
    // macOS takes a scheme only from an app's Info.plist, and Electron's own bundle does not declare it.
    return { reachesApp: false, reason: 'macOS sends whoop-desktop:// links only to an installed WHOOP Desktop, not to a development run' }
  }
  if (process.platform === 'linux' && process.env.APPIMAGE) {
    writeAppImageDesktopEntry({ appImageFile: process.env.APPIMAGE, desktopFileName: DESKTOP_FILE_NAME, env: process.env })
  }
  const accepted = app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, ...launch)
  if (accepted && app.isDefaultProtocolClient(DEEP_LINK_SCHEME, ...launch)) return { reachesApp: true }
  return {
    reachesApp: false,
    reason:
      process.platform === 'linux'
        ? 'this desktop did not accept WHOOP Desktop as the handler of whoop-desktop:// links'
        : 'the system did not register WHOOP Desktop as the handler of whoop-desktop:// links'
  }
}
