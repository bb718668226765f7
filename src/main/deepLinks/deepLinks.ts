/**
 * Deep links: `whoop-desktop://…` URLs the operating system hands to the app. They arrive in three
 * ways (the first launch's argv, a second instance's argv on Windows/Linux, macOS `open-url`) and all
 * end in one entry point. Everything here is untrusted input from outside the app.
 */
export const DEEP_LINK_SCHEME = 'whoop-desktop'

/** Longer than any URL WHOOP's OAuth server sends back; anything past it is refused unread. */
const MAX_DEEP_LINK_LENGTH = 4096

export interface DeepLink {
  /** `host/path` without slashes at either end, e.g. `oauth/callback`. */
  route: string
  params: URLSearchParams
  url: string
}

export type DeepLinkHandler = (link: DeepLink) => void

/**
 * The deep link in a command line, if any. Handles the packaged form (`app url`), the dev form
 * (`electron . url` / `electron path/to/app url`) and Chromium switches Electron inserts before it.
 */
export function findDeepLinkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`))
}

/** Parses a deep link, or says why it is refused. */
export function parseDeepLink(raw: string): DeepLink | { refused: string } {
  if (raw.length > MAX_DEEP_LINK_LENGTH) return { refused: `longer than ${MAX_DEEP_LINK_LENGTH} characters` }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { refused: 'not a URL' }
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return { refused: `scheme is not ${DEEP_LINK_SCHEME}` }
  if (url.username || url.password || url.port) return { refused: 'carries credentials or a port' }
  const route = `${url.hostname}${url.pathname}`.replace(/^\/+|\/+$/g, '').toLowerCase()
  return { route, params: url.searchParams, url: raw }
}

/**
 * The one entry point for deep links. Links that arrive before the app is ready (macOS sends
 * `open-url` before `ready`) wait in order and are delivered when `open()` is called.
 */
export function createDeepLinkEntry(routes: Record<string, DeepLinkHandler>, log: (message: string) => void) {
  const waiting: string[] = []
  let isOpen = false

  const deliver = (raw: string): void => {
    const link = parseDeepLink(raw)
    if ('refused' in link) return log(`Deep link refused: ${link.refused}`)
    const handler = Object.hasOwn(routes, link.route) ? routes[link.route] : undefined
    if (!handler) return log(`Deep link refused: no route ${JSON.stringify(link.route.slice(0, 64))}`)
    handler(link)
  }

  return {
    receive(raw: string): void {
      if (isOpen) deliver(raw)
      else waiting.push(raw)
    },
    open(): void {
      isOpen = true
      for (const raw of waiting.splice(0)) deliver(raw)
    }
  }
}

export type DeepLinkEntry = ReturnType<typeof createDeepLinkEntry>
