import { app } from 'electron'
import { findDeepLinkInArgv, type DeepLinkEntry } from '../deepLinks/deepLinks'

/**
 * Feeds every `whoop-desktop://` link, however it arrives, into the one entry point. Call before
 * `ready`: macOS may send `open-url` early.
 */
export function listenForDeepLinks(entry: DeepLinkEntry, focusWindow: () => void): void {
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
