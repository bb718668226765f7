import * as oidc from 'openid-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { whoopOAuthConfiguration } from '../../../src/main/whoop/whoopOAuth'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { createVirtualClock, type VirtualClock } from '../../support/harness/virtualClock'

let clock: VirtualClock
let fake: FakeWhoop
beforeEach(async () => {
  clock = createVirtualClock()
  fake = await startFakeWhoop({ clock, days: 5, accessTokenTtlSeconds: 120 })
})
afterEach(() => fake.close())

const customScheme = 'whoop-desktop://oauth/callback'
const scope = 'read:recovery read:cycles read:workout read:sleep read:profile read:body_measurement offline'

async function authorizationUrl(overrides: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier()
  const params = {
    redirect_uri: customScheme,
    scope,
    state: oidc.randomState(),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...overrides
  }
  const config = whoopOAuthConfiguration(fake.endpoints, fake.app)
  return { url: oidc.buildAuthorizationUrl(config, params).toString(), verifier, params, config }
}

async function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.endpoints.oauthBaseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form)
  })
  return { status: response.status, body: await response.json() }
}

describe('the fake WHOOP OAuth server', () => {
  it('shows a consent page with approve and deny', async () => {
    const { url } = await authorizationUrl()
    const page = await fetch(url)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('data-testid="fake-whoop-approve"')
    expect(html).toContain('data-testid="fake-whoop-deny"')
    expect(html).toContain('read:recovery')
  })

  it('completes the code flow with openid-client: PKCE, client_secret_post, refresh token with offline', async () => {
    const { url, verifier, params, config } = await authorizationUrl()
    const redirect = new URL(await fake.answerConsent(url))
    expect(`${redirect.protocol}//${redirect.host}${redirect.pathname}`).toBe(customScheme)
    expect(redirect.searchParams.get('state')).toBe(params.state)
    const tokens = await oidc.authorizationCodeGrant(config, redirect, {
      pkceCodeVerifier: verifier,
      expectedState: params.state
    })
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 120, scope })
    expect(tokens.refresh_token).toEqual(expect.any(String))
    const profile = await fetch(`${fake.endpoints.apiBaseUrl}/v2/user/profile/basic`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` }
    })
    expect(profile.status).toBe(200)

    clock.advance(121_000)
    const expired = await fetch(`${fake.endpoints.apiBaseUrl}/v2/user/profile/basic`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` }
    })
    expect(expired.status).toBe(401)
  })

  it('redirects a denial back with access_denied and the state', async () => {
    const { url, params } = await authorizationUrl()
    const redirect = new URL(await fake.answerConsent(url, 'deny'))
    expect(redirect.searchParams.get('error')).toBe('access_denied')
    expect(redirect.searchParams.get('state')).toBe(params.state)
    expect(redirect.searchParams.get('code')).toBeNull()
  })

  it('refuses a state shorter than 8 characters', async () => {
    const { url } = await authorizationUrl({ state: 'short' })
    const redirect = new URL(await fake.answerConsent(url))
    expect(redirect.searchParams.get('error')).toBe('invalid_state')
  })

  it('matches redirect URIs exactly, port included, as WHOOP does, and refuses others without redirecting', async () => {
    fake.app.redirectUris.push('http://127.0.0.1:49152/oauth/callback')
    const loopback = await authorizationUrl({ redirect_uri: 'http://127.0.0.1:49152/oauth/callback' })
    const redirect = new URL(await fake.answerConsent(loopback.url))
    expect(redirect.origin).toBe('http://127.0.0.1:49152')
    expect(redirect.searchParams.get('code')).toEqual(expect.any(String))
    // The same path on another port is another URI.
    const otherPort = await fetch((await authorizationUrl({ redirect_uri: 'http://127.0.0.1:49153/oauth/callback' })).url, { redirect: 'manual' })
    expect(otherPort.status).toBe(400)
    expect(otherPort.headers.get('location')).toBeNull()

    const foreign = await authorizationUrl({ redirect_uri: 'https://attacker.example/callback' })
    const page = await fetch(foreign.url, { redirect: 'manual' })
    expect(page.status).toBe(400)
    expect(page.headers.get('location')).toBeNull()
    expect(await page.text()).toContain('does not match any of the OAuth 2.0 Client')
  })

  it('checks the client secret in the body, the redirect URI, single use and the PKCE verifier', async () => {
    const { url, verifier } = await authorizationUrl()
    const code = new URL(await fake.answerConsent(url)).searchParams.get('code')!
    const base = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: customScheme,
      client_id: fake.app.clientId,
      client_secret: fake.app.clientSecret,
      code_verifier: verifier
    }
    const basicOnly = Buffer.from(`${fake.app.clientId}:${fake.app.clientSecret}`).toString('base64')
    const { client_secret: _secret, ...withoutSecret } = base
    expect(await tokenRequest(withoutSecret, { Authorization: `Basic ${basicOnly}` })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' }
    })
    expect(await tokenRequest({ ...base, client_secret: 'wrong' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
    expect(await tokenRequest({ ...base, redirect_uri: 'whoop-desktop://other' })).toMatchObject({ body: { error: 'invalid_grant' } })
    expect(await tokenRequest({ ...base, code_verifier: oidc.randomPKCECodeVerifier() })).toMatchObject({
      body: { error: 'invalid_grant', error_description: expect.stringContaining('PKCE') }
    })
    const { code_verifier: _verifier, ...withoutVerifier } = base
    expect(await tokenRequest(withoutVerifier)).toMatchObject({ body: { error: 'invalid_grant' } })
    expect(await tokenRequest(base)).toMatchObject({ status: 200, body: { token_type: 'bearer' } })
    expect(await tokenRequest(base)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  it('gives no refresh token without the offline scope', async () => {
    const { url, verifier, params, config } = await authorizationUrl({ scope: 'read:profile' })
    const tokens = await oidc.authorizationCodeGrant(config, new URL(await fake.answerConsent(url)), {
      pkceCodeVerifier: verifier,
      expectedState: params.state
    })
    expect(tokens.refresh_token).toBeUndefined()
  })
})
