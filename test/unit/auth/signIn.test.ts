import http from 'node:http'
import { testClock } from '../../support/harness/testClock'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDeepLinkEntry } from '../../../src/main/deepLinks/deepLinks'
import { CUSTOM_SCHEME_REDIRECT_URI } from '../../../src/shared/connection'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { freePort } from '../../support/fakeWhoop/loopbackPort'
import { createVirtualClock } from '../../support/harness/virtualClock'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const credentials = (h: CoreHarness) => ({ clientId: h.fake.app.clientId, clientSecret: h.fake.app.clientSecret })
const vaultFile = (h: CoreHarness) => path.join(h.dataDir, 'whoop-vault.json')
const vaultText = (h: CoreHarness) => (fs.existsSync(vaultFile(h)) ? fs.readFileSync(vaultFile(h), 'utf8') : '')

/** The deep-link entry point as the desktop app wires it: `oauth/callback` goes to sign-in. */
function deepLinkEntry(h: CoreHarness) {
  const refused: string[] = []
  const entry = createDeepLinkEntry({ 'oauth/callback': (link) => h.core.completeSignInFromLink(link.url) }, (m) => refused.push(m))
  entry.open()
  return { receive: entry.receive, refused }
}

/** Connects through the custom-scheme redirect and waits for the first sync to end. */
async function connectAndSync(h: CoreHarness) {
  const started = await h.call('startSignIn', { ...credentials(h), redirect: 'custom-scheme' })
  const synced = h.nextEvent('onSyncProgress', (p) => p.type === 'finished')
  await h.call('completeSignIn', { url: await h.fake.answerConsent(started.authorizationUrl) })
  await synced
}

async function expectNothingStored(h: CoreHarness) {
  const status = await h.call('getConnection')
  expect(status.state).toBe('not-connected')
  expect(status.account).toBeUndefined()
  expect(vaultText(h)).not.toContain('tokens')
  expect(h.core.database.prepare('SELECT COUNT(*) AS n FROM account').get()).toEqual({ n: 0 })
}

describe('connecting through the whoop-desktop:// redirect', () => {
  it('stores the tokens, fetches the member and starts the first full sync', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    expect(started.redirectUri).toBe(CUSTOM_SCHEME_REDIRECT_URI)
    expect(harness.opened).toEqual([started.authorizationUrl])
    const authorization = new URL(started.authorizationUrl)
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorization.searchParams.get('state')!.length).toBeGreaterThanOrEqual(8)
    expect(authorization.searchParams.get('scope')).toContain('offline')

    // WHOOP's consent page redirects; the OS hands the link to the deep-link entry point.
    const redirect = await harness.fake.answerConsent(started.authorizationUrl)
    const outcome = harness.nextEvent('onSignInOutcome')
    const synced = harness.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    deepLinkEntry(harness).receive(redirect)
    expect(await outcome).toEqual({
      ok: true,
      account: { userId: 10129, firstName: 'Alex', lastName: 'Morgan', email: 'alex.morgan@example.com' }
    })
    const finished = await synced
    expect(finished.type === 'finished' && finished.result).toMatchObject({ trigger: 'connect', status: 'succeeded' })
    const status = await harness.call('getConnection')
    expect(status).toMatchObject({ state: 'connected', clientId: harness.fake.app.clientId, storage: { persistent: true } })
    expect(harness.core.database.prepare('SELECT COUNT(*) AS n FROM cycle').get()).toEqual({ n: 30 })
    expect(harness.core.database.prepare('SELECT max_heart_rate FROM body_measurement').get()).toEqual({ max_heart_rate: 194 })
    // The member and their body are asked for once: by connecting, and by the first sync.
    expect(harness.fake.apiRequests('/v2/user/profile/basic')).toHaveLength(1)
    expect(harness.fake.apiRequests('/v2/user/measurement/body')).toHaveLength(1)
    // …and the first sync still records the member as fetched, like every other resource.
    const fetched = harness.core.database.prepare(`SELECT resource FROM sync_state WHERE last_success_ms IS NOT NULL ORDER BY resource`).all()
    expect(fetched.map((row) => (row as { resource: string }).resource)).toEqual(
      ['bodyMeasurement', 'cycle', 'profile', 'recovery', 'sleep', 'workout'].sort()
    )
  })

  it('survives a restart: the encrypted tokens are read back and the sign-in still works', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    await harness.restart()
    expect((await harness.call('getConnection')).state).toBe('connected')
    const result = await harness.call('syncNow', {})
    expect(result.status).toBe('succeeded')
  })
})

describe('connecting through a loopback redirect', () => {
  it('completes when the browser reaches 127.0.0.1 on the port set in Settings, the URI registered exactly', async () => {
    harness = await startCoreHarness()
    const { loopbackPort } = await harness.call('getSettings')
    expect((await harness.call('getConnection')).loopbackRedirectUri).toBe(`http://127.0.0.1:${loopbackPort}/oauth/callback`)
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'loopback' })
    expect(started.redirectUri).toBe(`http://127.0.0.1:${loopbackPort}/oauth/callback`)
    const redirect = await harness.fake.answerConsent(started.authorizationUrl)
    expect(redirect.startsWith(started.redirectUri)).toBe(true)
    const outcome = harness.nextEvent('onSignInOutcome')
    const page = await fetch(redirect)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Signed in as Alex Morgan')
    expect(await outcome).toMatchObject({ ok: true })
    // The listener is gone once the sign-in is over.
    await expect(fetch(redirect)).rejects.toThrow()
  })

  it('answers only its own host and path, on 127.0.0.1 alone, and forgets a flood of forged callbacks', async () => {
    harness = await startCoreHarness()
    const { loopbackPort } = await harness.call('getSettings')
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'loopback' })
    const redirect = new URL(await harness.fake.answerConsent(started.authorizationUrl))
    const activityBefore = await harness.call('getActivity')
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 })
    const get = (pathAndQuery: string, host = `127.0.0.1:${loopbackPort}`, address = '127.0.0.1') =>
      new Promise<number>((resolve, reject) => {
        const request = http.get({ host: address, port: loopbackPort, path: pathAndQuery, headers: { host }, agent: address === '127.0.0.1' ? agent : undefined }, (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode!))
        })
        request.on('error', reject)
      })

    // 2,000 forged callbacks, as a page the person visits could send: each refused, none reported.
    const forged = await Promise.all(Array.from({ length: 2000 }, (_, i) => get(`/oauth/callback?code=forged&state=forged-${i}`)))
    expect(new Set(forged)).toEqual(new Set([400]))
    // The real callback, through another host name (DNS rebinding) or to another path, is not taken.
    expect(await get(`${redirect.pathname}${redirect.search}`, `attacker.example:${loopbackPort}`)).toBe(421)
    expect(await get(`/other${redirect.search}`)).toBe(404)
    // Bound to 127.0.0.1, not to every address of the machine.
    await expect(get(`${redirect.pathname}${redirect.search}`, `127.0.0.1:${loopbackPort}`, '127.0.0.2')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(harness.events.filter((e) => e.event === 'onSignInOutcome')).toEqual([])
    expect(await harness.call('getActivity')).toEqual(activityBefore)
    expect((await harness.call('getConnection')).signIn.pending).toBe(true)

    const outcome = harness.nextEvent('onSignInOutcome')
    expect(await get(`${redirect.pathname}${redirect.search}`)).toBe(200)
    expect(await outcome).toMatchObject({ ok: true })
    agent.destroy()
  })

  it('answers the browser with its own escaped page, takes only GET, and stops once the sign-in has ended', async () => {
    harness = await startCoreHarness()
    const { loopbackPort } = await harness.call('getSettings')
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'loopback' })
    const state = new URL(await harness.fake.answerConsent(started.authorizationUrl)).searchParams.get('state')!
    const request = (method: string, pathAndQuery: string) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const sent = http.request({ host: '127.0.0.1', port: loopbackPort, method, path: pathAndQuery, headers: { host: `127.0.0.1:${loopbackPort}` }, agent: false }, (response) => {
          let body = ''
          response.on('data', (chunk) => (body += chunk))
          response.on('end', () => resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body }))
        })
        sent.on('error', reject)
        sent.end()
      })

    expect(await request('POST', `/oauth/callback?code=abc&state=${state}`)).toEqual({ status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' })
    // WHOOP's error code is shown to the person: as text, never as markup.
    const hostile = '<img src=x onerror=alert(1)>'
    const page = await request('GET', `/oauth/callback?error=${encodeURIComponent(hostile)}&state=${state}`)
    expect(page).toMatchObject({ status: 400, type: 'text/html; charset=utf-8' })
    expect(page.body).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(page.body).not.toContain(hostile)
    // That answer ended the sign-in, and the listener with it.
    await expect(request('GET', `/oauth/callback?code=abc&state=${state}`)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('says which port is taken, and what to do, when another program holds it', async () => {
    harness = await startCoreHarness()
    const { loopbackPort } = await harness.call('getSettings')
    const squatter = net.createServer()
    await new Promise<void>((resolve) => squatter.listen(loopbackPort, '127.0.0.1', resolve))
    try {
      await expect(harness.call('startSignIn', { ...credentials(harness), redirect: 'loopback' })).rejects.toThrow(
        `Port ${loopbackPort} on this computer is taken by another program`
      )
      expect((await harness.call('getConnection')).signIn.pending).toBe(false)
    } finally {
      squatter.close()
    }
  })

  it('moves to the port chosen in Settings, and a server that matches exactly refuses the old one', async () => {
    harness = await startCoreHarness()
    const moved = await freePort()
    await harness.call('updateSettings', { loopbackPort: moved })
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'loopback' })
    expect(started.redirectUri).toBe(`http://127.0.0.1:${moved}/oauth/callback`)
    // Not registered at WHOOP yet: WHOOP's page refuses, and sends nobody anywhere.
    expect(await harness.fake.answerConsent(started.authorizationUrl)).toBe('error page 400')
    harness.fake.app.redirectUris.push(started.redirectUri)
    const again = await harness.call('startSignIn', { ...credentials(harness), redirect: 'loopback' })
    const outcome = harness.nextEvent('onSignInOutcome')
    await fetch(await harness.fake.answerConsent(again.authorizationUrl))
    expect(await outcome).toMatchObject({ ok: true })
  })
})

describe('connecting with a pasted address', () => {
  it('accepts the redirect address copied from the browser', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const redirect = await harness.fake.answerConsent(started.authorizationUrl)
    expect(await harness.call('completeSignIn', { url: `  ${redirect}  ` })).toMatchObject({ ok: true })
    expect((await harness.call('getConnection')).state).toBe('connected')
  })

  it('reuses the stored secret when reconnecting with the same Client ID', async () => {
    harness = await startCoreHarness()
    expect(await harness.call('getConnection')).toMatchObject({ hasClientSecret: false, clientId: undefined })
    let started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    // The page is told a secret is kept (so it can offer to reuse it), never the secret.
    const connection = await harness.call('getConnection')
    expect(connection).toMatchObject({ hasClientSecret: true, clientId: harness.fake.app.clientId })
    expect(JSON.stringify(connection)).not.toContain(harness.fake.app.clientSecret)
    started = await harness.call('startSignIn', { clientId: harness.fake.app.clientId, redirect: 'custom-scheme' })
    expect(await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })).toMatchObject({ ok: true })
    await expect(harness.call('startSignIn', { clientId: 'another-app', redirect: 'custom-scheme' })).rejects.toThrow('Client Secret')
  })
})

describe('sign-in outcomes that connect nothing', () => {
  it('explains a denial', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const outcome = await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl, 'deny') })
    expect(outcome).toMatchObject({ ok: false, reason: 'denied', message: expect.stringContaining('declined') })
    await expectNothingStored(harness)
    expect((await harness.call('getConnection')).signIn.pending).toBe(false)
  })

  it('explains a wrong client secret', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { clientId: harness.fake.app.clientId, clientSecret: 'not-the-secret', redirect: 'custom-scheme' })
    const outcome = await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    expect(outcome).toMatchObject({ ok: false, reason: 'wrong-secret', message: expect.stringContaining('Client Secret') })
    await expectNothingStored(harness)
  })

  it('explains a sign-in that expired after 10 minutes', async () => {
    const clock = createVirtualClock(testClock.now())
    harness = await startCoreHarness({ clock })
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const redirect = await harness.fake.answerConsent(started.authorizationUrl)
    clock.advance(10 * 60_000 + 1)
    expect(await harness.call('completeSignIn', { url: redirect })).toMatchObject({ ok: false, reason: 'expired' })
    await expectNothingStored(harness)
    expect(harness.fake.tokenRequests).toBe(0)
  })

  it('explains a network failure while exchanging the code', async () => {
    harness = await startCoreHarness({
      fetch: (input, init) => (String(input).includes('/oauth2/token') ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init))
    })
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const outcome = await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    expect(outcome).toMatchObject({ ok: false, reason: 'offline' })
    await expectNothingStored(harness)
  })

  it('keeps one sign-in at a time: starting again makes the first one’s answer invalid', async () => {
    harness = await startCoreHarness()
    const first = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const firstRedirect = await harness.fake.answerConsent(first.authorizationUrl)
    await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    expect(await harness.call('completeSignIn', { url: firstRedirect })).toMatchObject({ ok: false, reason: 'state-mismatch' })
    expect((await harness.call('getConnection')).signIn.pending).toBe(true)
  })

  it('can be cancelled', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'loopback' })
    expect(await harness.call('cancelSignIn')).toBe(true)
    const redirect = await harness.fake.answerConsent(started.authorizationUrl)
    await expect(fetch(redirect)).rejects.toThrow()
    expect(await harness.call('completeSignIn', { url: redirect })).toMatchObject({ ok: false, reason: 'no-pending' })
    await expectNothingStored(harness)
  })
})

describe('a pasted address that is not this sign-in’s answer', () => {
  // Each address, the reason it is refused, and whether the sign-in still waits for the real answer.
  const cases: [string, string, boolean, (redirect: URL) => string][] = [
    ['not an address', 'malformed', true, () => 'not a url at all'],
    ['another scheme', 'wrong-redirect', true, (r) => r.href.replace('whoop-desktop:', 'https:')],
    ['another host', 'wrong-redirect', true, (r) => r.href.replace('//oauth/', '//evil/')],
    ['another path', 'wrong-redirect', true, (r) => r.href.replace('/callback', '/elsewhere')],
    ['another state', 'state-mismatch', true, (r) => withParams(r, { state: 'not-this-sign-in' })],
    ['no code', 'missing-code', true, (r) => withParams(r, { code: null })],
    ['an error from WHOOP', 'whoop-error', false, (r) => withParams(r, { code: null, error: 'server_error' })],
    ['a code WHOOP did not issue', 'code-rejected', false, (r) => withParams(r, { code: 'not-a-code-whoop-issued' })]
  ]
  function withParams(redirect: URL, params: Record<string, string | null>): string {
    const url = new URL(redirect)
    for (const [name, value] of Object.entries(params)) {
      if (value === null) url.searchParams.delete(name)
      else url.searchParams.set(name, value)
    }
    return url.href
  }

  it.each(cases)('%s is refused as %s (the sign-in still waits: %s)', async (_case, reason, stillWaiting, address) => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const redirect = new URL(await harness.fake.answerConsent(started.authorizationUrl))
    expect(redirect.href.startsWith(CUSTOM_SCHEME_REDIRECT_URI)).toBe(true)
    expect(await harness.call('completeSignIn', { url: address(redirect) })).toMatchObject({ ok: false, reason })
    expect((await harness.call('getConnection')).signIn.pending).toBe(stillWaiting)
    await expectNothingStored(harness)
  })
})

describe('hostile deep links', () => {
  it('are refused without changing anything', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const state = new URL(started.authorizationUrl).searchParams.get('state')!
    const { receive, refused } = deepLinkEntry(harness)
    const eventsBefore = harness.events.length
    const hostile = [
      `https://oauth/callback?code=abc&state=${state}`,
      `whoop-desktop://evil/callback?code=abc&state=${state}`,
      `whoop-desktop://oauth/elsewhere?code=abc&state=${state}`,
      'whoop-desktop://oauth/callback?code=abc&state=wrong-state-12345',
      'whoop-desktop://oauth/callback?code=abc',
      `whoop-desktop://oauth/callback?state=${state}`,
      'whoop-desktop://oauth/callback?error=access_denied&state=not-the-state',
      `whoop-desktop://oauth/callback?code=${'x'.repeat(5000)}&state=${state}`,
      'whoop-desktop://oauth:99/callback?code=abc',
      'whoop-desktop://%zz',
      'not a url at all'
    ]
    // The four links that reach the sign-in each end in an outcome event.
    const outcomesOf = () => harness!.events.slice(eventsBefore).filter((e) => e.event === 'onSignInOutcome')
    const allAnswered = harness.nextEvent('onSignInOutcome', () => outcomesOf().length === 4)
    for (const link of hostile) receive(link)
    await allAnswered
    const outcomes = harness.events.slice(eventsBefore).map((e) => e.payload as { ok: boolean; reason: string })
    // Each link is either refused at the entry point or answered with a failed outcome, never both.
    expect(refused.length + outcomes.length).toBe(hostile.length)
    expect(outcomes.map((o) => o.reason)).toEqual(['state-mismatch', 'state-mismatch', 'missing-code', 'state-mismatch'])
    expect(harness.fake.tokenRequests).toBe(0)
    await expectNothingStored(harness)
    // The real sign-in is still waiting and still works.
    expect((await harness.call('getConnection')).signIn).toMatchObject({ pending: true })
    const outcome = harness.nextEvent('onSignInOutcome')
    receive(await harness.fake.answerConsent(started.authorizationUrl))
    expect(await outcome).toMatchObject({ ok: true })
  })

  it('refuse a replayed callback for a finished sign-in', async () => {
    harness = await startCoreHarness()
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const redirect = await harness.fake.answerConsent(started.authorizationUrl)
    expect(await harness.call('completeSignIn', { url: redirect })).toMatchObject({ ok: true })
    const vaultBefore = vaultText(harness)
    expect(await harness.call('completeSignIn', { url: redirect })).toMatchObject({ ok: false, reason: 'no-pending' })
    expect(vaultText(harness)).toBe(vaultBefore)
    expect(harness.fake.tokenRequests).toBe(1)
  })
})

describe('the scopes WHOOP grants', () => {
  it('keeps nothing from a partial grant, and names the missing scope and where to tick it', async () => {
    harness = await startCoreHarness()
    // The member unticks "body measurements" on WHOOP's consent page.
    harness.fake.untickScopes(['read:body_measurement'])
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const outcome = await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    expect(outcome).toMatchObject({ ok: false, reason: 'missing-scopes' })
    expect(outcome.ok || outcome.message).toContain('missing: read:body_measurement')
    expect(outcome.ok || outcome.message).toContain('developer dashboard')
    await expectNothingStored(harness)
    expect(harness.fake.apiRequests()).toEqual([])
  })

  it('renews the sign-in with every scope, so a server that narrows on refresh still serves every resource', async () => {
    harness = await startCoreHarness()
    await connectAndSync(harness)
    harness.fake.expireAccessTokens()
    const result = await harness.call('syncNow', {})
    expect(harness.fake.tokenRequests).toBe(2)
    expect(result.resources.map((outcome) => [outcome.resource, outcome.status])).toEqual(
      ['profile', 'bodyMeasurement', 'cycle', 'sleep', 'recovery', 'workout'].map((resource) => [resource, 'ok'])
    )
    expect((await harness.call('getConnection')).state).toBe('connected')
  })

  it('asks to connect again when a renewal comes back without a scope the app needs', async () => {
    harness = await startCoreHarness()
    await connectAndSync(harness)
    harness.fake.narrowGrants(['read:sleep'])
    harness.fake.expireAccessTokens()
    const result = await harness.call('syncNow', {})
    expect(result.status).toBe('failed')
    expect(result.resources[0].error).toMatchObject({ kind: 'reconnect-needed', message: expect.stringContaining('scope') })
    expect((await harness.call('getConnection')).state).toBe('reconnect-needed')
    expect(harness.core.database.prepare('SELECT COUNT(*) AS n FROM cycle').get()).toEqual({ n: 30 })
  })

  it('asks to connect again when a server narrows the renewed token silently', async () => {
    // A token endpoint that answers a refresh with fewer scopes than were granted, without an error.
    harness = await startCoreHarness({
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        if (!String(input).endsWith('/oauth2/token') || !String(init?.body).includes('grant_type=refresh_token')) return response
        const body = (await response.json()) as Record<string, unknown>
        return Response.json({ ...body, scope: 'offline read:cycles' }, { status: response.status })
      }
    })
    await connectAndSync(harness)
    harness.fake.expireAccessTokens()
    const result = await harness.call('syncNow', {})
    expect(result.resources[0].error?.message).toContain('WHOOP renewed the sign-in without read:recovery, read:workout, read:sleep, read:profile, read:body_measurement')
    expect((await harness.call('getConnection')).state).toBe('reconnect-needed')
  })
})

describe('the issuer WHOOP names in its redirect (RFC 9207)', () => {
  it('accepts it with a trailing slash', async () => {
    harness = await startCoreHarness({ fake: { issuer: (base) => `${base}/` } })
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const redirect = await harness.fake.answerConsent(started.authorizationUrl)
    expect(new URL(redirect).searchParams.get('iss')).toBe(`${harness.fake.endpoints.oauthBaseUrl}/`)
    expect(await harness.call('completeSignIn', { url: redirect })).toMatchObject({ ok: true })
  })

  it('refuses another issuer, keeps nothing, and logs why', async () => {
    harness = await startCoreHarness({ fake: { issuer: () => 'https://impostor.example/oauth' } })
    const started = await harness.call('startSignIn', { ...credentials(harness), redirect: 'custom-scheme' })
    const outcome = await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    expect(outcome).toMatchObject({ ok: false, reason: 'whoop-error' })
    await expectNothingStored(harness)
    expect(harness.logs.join('\n')).toMatch(/Sign-in: WHOOP’s answer or the code exchange was refused.*iss/s)
  })
})
