/** Where WHOOP lives. Overridable so that tests and the browser host can point at a fake server. */
export interface WhoopEndpoints {
  /** API server; paths such as `/v2/cycle` are appended. */
  apiBaseUrl: string
  /** OAuth server; `/oauth2/auth` and `/oauth2/token` are appended. */
  oauthBaseUrl: string
}

export const productionWhoopEndpoints: WhoopEndpoints = {
  apiBaseUrl: 'https://api.prod.whoop.com/developer',
  oauthBaseUrl: 'https://api.prod.whoop.com/oauth'
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The endpoints from `WHOOP_API_BASE_URL` / `WHOOP_OAUTH_BASE_URL`, defaulting to WHOOP's hosts.
 * Plain http is accepted only on this machine (a local fake server): tokens never travel unencrypted.
 */
export function whoopEndpointsFromEnv(env: NodeJS.ProcessEnv): WhoopEndpoints {
  return {
    apiBaseUrl: checkedBaseUrl('WHOOP_API_BASE_URL', env.WHOOP_API_BASE_URL, productionWhoopEndpoints.apiBaseUrl),
    oauthBaseUrl: checkedBaseUrl('WHOOP_OAUTH_BASE_URL', env.WHOOP_OAUTH_BASE_URL, productionWhoopEndpoints.oauthBaseUrl)
  }
}

export function isLoopbackUrl(url: URL): boolean {
  return loopbackHosts.has(url.hostname)
}

function checkedBaseUrl(name: string, value: string | undefined, fallback: string): string {
  const raw = value?.trim() || fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`${name} is not a URL: ${raw}`)
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url))
  if (!secure) throw new Error(`${name} must be an https:// URL (plain http only on 127.0.0.1): ${raw}`)
  return raw.replace(/\/+$/, '')
}
