import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../../../src/main/clock'
import { memberTimeZone, testClock } from '../harness/testClock'
import type { WhoopEndpoints } from '../../../src/main/whoop/whoopEndpoints'
import { answerApi, type ApiAnswer } from './fakeApi'
import { createFakeOAuth, knownScopes, type FakeApp, type OAuthAnswer } from './fakeOAuth'
import { createHistoryEditor } from './historyEditor'
import { generateMemberHistory, type HistoryOptions } from '../../../src/main/demo/memberHistory'

/** Something going wrong on the next matching API request(s). */
export type Fault =
  | { kind: 'status'; status: number; resetSeconds?: number }
  | { kind: 'reset' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'malformed-json' }
  | { kind: 'drift'; drift: (body: any) => unknown }
  /** Every access token expires just before this request is checked. */
  | { kind: 'expire-tokens' }

export type FaultRule = Fault & {
  /** How many requests it hits; default 1, `Infinity` for a lasting fault. */
  times?: number
  /** Only requests to this exact API path (such as `/v2/recovery`); default any. */
  path?: string
}

interface LoggedRequest {
  method: string
  /** Path without the `/developer` or `/oauth` prefix, e.g. `/v2/cycle`. */
  path: string
  query: Record<string, string>
  status: number
  at: number
}

export interface FakeWhoopOptions {
  clock?: Clock
  /** Days of member history; default 30. */
  days?: number
  /** The member's history stopped this many days before now (the strap was left in a drawer). */
  endedDaysAgo?: number
  /** Where the member lives (IANA); default where the tests' machine is (see `memberTimeZone`). */
  timeZone?: string
  /** A stay abroad (the generator's default when absent). */
  trip?: HistoryOptions['trip']
  seed?: number
  accessTokenTtlSeconds?: number
  /** WHOOP's per-app limits; `false` for none. Default 100 a minute and 10,000 a day. */
  rateLimit?: { perMinute: number; perDay: number } | false
  apps?: FakeApp[]
  /** Sends `iss` in its sign-in redirects (RFC 9207); a function of the OAuth base URL. */
  issuer?: (oauthBaseUrl: string) => string
}

const testApp: FakeApp = {
  clientId: 'fake-client-id',
  clientSecret: 'fake-client-secret-7c1d',
  name: 'WHOOP Desktop (test)',
  redirectUris: ['whoop-desktop://oauth/callback']
}

/**
 * A WHOOP look-alike on 127.0.0.1 (port 0) for tests: OAuth, every v2 endpoint the app uses,
 * rate limits, switchable faults and a request log. Its answers are checked against WHOOP's
 * OpenAPI document by the contract test, so it cannot drift into fiction.
 */
export async function startFakeWhoop(options: FakeWhoopOptions = {}) {
  const clock = options.clock ?? testClock
  const history = generateMemberHistory({
    days: options.days ?? 30,
    now: clock.now() - (options.endedDaysAgo ?? 0) * 86_400_000,
    seed: options.seed,
    timeZone: options.timeZone ?? memberTimeZone,
    trip: options.trip
  })
  // Each fake its own copy: a test registers redirect URIs in it.
  const apps = options.apps ?? [structuredClone(testApp)]
  const oauth = createFakeOAuth({
    apps,
    clock,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    issuer: () => options.issuer?.(endpoints.oauthBaseUrl)
  })
  const limits = options.rateLimit === false ? [] : [
    { limit: options.rateLimit?.perMinute ?? 100, windowSeconds: 60 },
    { limit: options.rateLimit?.perDay ?? 10_000, windowSeconds: 86_400 }
  ]
  const counted: number[] = []
  const faults: FaultRule[] = []
  const requests: LoggedRequest[] = []
  let storm: { faults: Fault[]; every: number; seen: number; next: number } | undefined
  let faultsInjected = 0

  /** Headers as WHOOP sends them, for the window closest to running out (WHOOP_API.md §5). */
  function rateLimitState(now: number) {
    if (limits.length === 0) return { exhausted: false, headers: {} }
    const states = limits.map((policy) => {
      const inWindow = counted.filter((time) => time > now - policy.windowSeconds * 1000)
      const remaining = Math.max(0, policy.limit - inWindow.length)
      const resetMs = inWindow.length ? inWindow[Math.max(0, inWindow.length - policy.limit)] + policy.windowSeconds * 1000 - now : 0
      return { policy, remaining, reset: Math.max(0, Math.ceil(resetMs / 1000)) }
    })
    const closest = states.reduce((a, b) => (b.remaining / b.policy.limit < a.remaining / a.policy.limit ? b : a))
    return {
      exhausted: states.some((state) => state.remaining === 0),
      blocking: states.filter((state) => state.remaining === 0).sort((a, b) => b.reset - a.reset)[0],
      headers: {
        'X-RateLimit-Limit': [closest.policy.limit, ...limits.map((p) => `${p.limit};window=${p.windowSeconds}`)].join(', '),
        'X-RateLimit-Remaining': String(closest.remaining),
        'X-RateLimit-Reset': String(closest.reset)
      }
    }
  }

  function takeFault(path: string): Fault | undefined {
    const index = faults.findIndex((rule) => rule.path === undefined || rule.path === path)
    if (index >= 0) {
      const rule = faults[index]
      rule.times = (rule.times ?? 1) - 1
      if (rule.times <= 0) faults.splice(index, 1)
      faultsInjected++
      return rule
    }
    if (storm && ++storm.seen % storm.every === 0) {
      faultsInjected++
      return storm.faults[storm.next++ % storm.faults.length]
    }
    return undefined
  }

  // When each record was last sent in a page, by `${path} ${id}`: how fresh the app's copy can be.
  const lastServed = new Map<string, number>()

  const server = http.createServer((request, response) => {
    void handle(request, response)
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const body = await readBody(request)
    // Logged on arrival (status 0 until answered), so a request the client gave up on still counts.
    const entry: LoggedRequest = { method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0, at: clock.now() }
    requests.push(entry)
    const logEntry = (path: string, status: number) => Object.assign(entry, { path, status })

    if (url.pathname.startsWith('/oauth/')) {
      const path = url.pathname.slice('/oauth'.length)
      let answer: OAuthAnswer
      if (path === '/oauth2/auth' && request.method === 'GET') answer = oauth.authorize(url.searchParams)
      else if (path === '/oauth2/auth/decision' && request.method === 'POST') answer = oauth.decide(new URLSearchParams(body))
      else if (path === '/oauth2/token' && request.method === 'POST') {
        answer = oauth.token(new URLSearchParams(body), request.headers.authorization)
      } else answer = { status: 404, body: 'Not found' }
      logEntry(path, answer.status)
      response.writeHead(answer.status, answer.headers)
      return response.end(answer.body)
    }

    if (!url.pathname.startsWith('/developer/')) {
      logEntry(url.pathname, 404)
      response.writeHead(404)
      return response.end()
    }
    const path = url.pathname.slice('/developer'.length)
    const now = clock.now()
    const send = (status: number, payload: unknown, extraHeaders: Record<string, string> = {}, raw?: string) => {
      logEntry(path, status)
      response.writeHead(status, {
        ...rateLimitState(clock.now()).headers,
        ...extraHeaders,
        ...(payload === undefined && raw === undefined ? {} : { 'Content-Type': 'application/json' })
      })
      response.end(raw ?? (payload === undefined ? undefined : JSON.stringify(payload)))
    }

    const fault = takeFault(path)
    logEntry(path, 0)
    if (fault?.kind === 'reset') return request.socket.destroy()
    if (fault?.kind === 'expire-tokens') oauth.expireAccessTokens()
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault?.kind === 'status') {
      const extra: Record<string, string> =
        fault.status === 429 ? { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(fault.resetSeconds ?? 3) } : {}
      return send(fault.status, { error: `fault ${fault.status}` }, extra)
    }

    const limit = rateLimitState(now)
    if (limit.exhausted) {
      return send(429, undefined, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(limit.blocking?.reset ?? 60) })
    }
    counted.push(now)

    const grant = oauth.authenticate(request.headers.authorization)
    if (!grant) return send(401, { error: 'Invalid authorization' })

    if (path === '/v2/user/access' && request.method === 'DELETE') {
      oauth.revoke(grant)
      return send(204, undefined)
    }
    if (request.method !== 'GET') return send(404, { error: 'No resource found' })
    const scope = scopeOf(path)
    if (scope && !grant.scope.split(' ').includes(scope)) return send(403, { error: `This token lacks the ${scope} scope` })

    const answer: ApiAnswer = answerApi(history, path, url.searchParams, now)
    if (fault?.kind === 'malformed-json' && answer.status === 200) {
      return send(200, undefined, {}, JSON.stringify(answer.body).slice(0, -7))
    }
    if (fault?.kind === 'drift' && answer.status === 200) {
      return send(200, fault.drift(structuredClone(answer.body)))
    }
    const served = (answer.body as { records?: { id?: unknown; cycle_id?: unknown }[] } | undefined)?.records
    for (const record of served ?? []) lastServed.set(`${path} ${String(record.id ?? record.cycle_id)}`, now)
    send(answer.status, answer.body)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const endpoints: WhoopEndpoints = { apiBaseUrl: `${origin}/developer`, oauthBaseUrl: `${origin}/oauth` }

  return {
    origin,
    endpoints,
    app: apps[0],
    history,
    edit: createHistoryEditor(history, clock),
    requests,
    /** API requests only (not OAuth), optionally for one path. */
    apiRequests: (path?: string) => requests.filter((entry) => entry.path.startsWith('/v2/') && (!path || entry.path === path)),
    addFault: (rule: FaultRule) => void faults.push({ ...rule }),
    clearFaults: () => {
      faults.splice(0)
      storm = undefined
    },
    /** From now on every `every`-th API request meets the next of `stormFaults`, in turn. */
    startStorm: (stormFaults: Fault[], every: number) => void (storm = { faults: stormFaults, every, seen: 0, next: 0 }),
    get faultsInjected() {
      return faultsInjected
    },
    /** Signed-in tokens without the browser round trip, as WHOOP's token endpoint returns them. */
    grantTokens: (scope = knownScopes.join(' ')) => oauth.grantDirectly(scope),
    /** When each record of a collection was last sent, by collection path and record id. */
    lastServed: () => lastServed,
    expireAccessTokens: () => oauth.expireAccessTokens(),
    untickScopes: (scopes: string[]) => oauth.untickScopes(scopes),
    narrowGrants: (scopes: string[]) => oauth.narrowGrants(scopes),
    revokeAllTokens: () => oauth.revokeAll(),
    get tokenRequests() {
      return oauth.tokenRequests
    },
    /** Plays the member in the browser: opens the consent page and answers it; returns the redirect. */
    async answerConsent(authorizationUrl: string, decision: 'approve' | 'deny' = 'approve'): Promise<string> {
      const page = await fetch(authorizationUrl, { redirect: 'manual' })
      if (page.status !== 200) return page.headers.get('location') ?? `error page ${page.status}`
      const consent = /name="consent" value="([^"]+)"/.exec(await page.text())![1]
      const answer = await fetch(`${origin}/oauth/oauth2/auth/decision`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ consent, decision })
      })
      return answer.headers.get('location')!
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export type FakeWhoop = Awaited<ReturnType<typeof startFakeWhoop>>

/** The scope an API path needs (WHOOP_API.md §3). */
function scopeOf(path: string): string | undefined {
  if (path === '/v2/user/profile/basic') return 'read:profile'
  if (path === '/v2/user/measurement/body') return 'read:body_measurement'
  if (path === '/v2/recovery' || /^\/v2\/cycle\/[^/]+\/recovery$/.test(path)) return 'read:recovery'
  if (path.startsWith('/v2/activity/sleep') || /^\/v2\/cycle\/[^/]+\/sleep$/.test(path)) return 'read:sleep'
  if (path.startsWith('/v2/activity/workout')) return 'read:workout'
  if (path.startsWith('/v2/cycle')) return 'read:cycles'
  return undefined
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}
