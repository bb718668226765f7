/**
 * The only places a click in the app may open, in the person's own browser: WHOOP's developer and
 * help pages. Everything else is refused, so a link in data or a compromised page cannot launch
 * arbitrary URLs or local files.
 */
const allowedHosts = new Set([
  'developer.whoop.com',
  'developer-dashboard.whoop.com',
  'support.whoop.com',
  'www.whoop.com'
])

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' && !url.username && !url.password && !url.port && allowedHosts.has(url.hostname)
  } catch {
    return false
  }
}
