import path from 'node:path'
import { app } from 'electron'
import { DEEP_LINK_SCHEME, findDeepLinkInArgv, type DeepLinkEntry } from '../deepLinks/deepLinks'

/**
 * Registers the app as the handler of `whoop-desktop://` links and feeds every link, however it
 * arrives, into the one entry point. Call before `ready`: macOS may send `open-url` early.
 */
export function listenForDeepLinks(entry: DeepLinkEntry, focusWindow: () => void): void {
  if (process.defaultApp && process.argv.length >= 2) {
    // Development (`electron path/to/app`): the OS must relaunch Electron with the app's path.
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])])
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  }

  // macOS delivers links as events, before `ready` if the link launched the app.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    entry.receive(url)
    focusWindow()
  })

  // Windows and Linux start a second instance with the link in its argv; the lock forwards it here.
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkInArgv(argv)
    if (link) entry.receive(link)
    focusWindow()
  })

  // A link that launched the app on Windows or Linux is in this instance's own argv.
  const launchLink = findDeepLinkInArgv(process.argv)
  if (launchLink) entry.receive(launchLink)
}
