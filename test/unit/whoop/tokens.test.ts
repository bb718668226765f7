import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { refreshWhoopTokens, whoopOAuthConfiguration } from '../../../src/main/whoop/whoopOAuth'
import { ReconnectNeededError, WhoopHttpError, WhoopOfflineError } from '../../../src/main/whoop/whoopErrors'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { createVirtualClock, type VirtualClock } from '../../support/harness/virtualClock'
import { clientForFake, walkAll } from '../../support/fakeWhoop/whoopTestClient'

let clock: VirtualClock
let fake: FakeWhoop

beforeEach(async () => {
  clock = createVirtualClock()
  fake = await startFakeWhoop({ clock, days: 60, rateLimit: false })
})
afterEach(() => fake.close())

const bearerOf = (init?: RequestInit) => new Headers(init?.headers).get('authorization')?.replace('Bearer ', '')

describe('tokens', () => {
  it('answers a 401 with one refresh and one retry', async () => {
    const { client, saved } = clientForFake(fake, clock)
    fake.expireAccessTokens()
    expect((await client.getProfile()).user_id).toBe(fake.history.profile.user_id)
    expect(fake.tokenRequests).toBe(1)
    expect(saved).toHaveLength(1)
    expect(fake.apiRequests('/v2/user/profile/basic').map((request) => request.status)).toEqual([401, 200])
  })

  it('makes exactly one refresh when two requests meet a 401 at the same time', async () => {
    const { client, saved } = clientForFake(fake, clock)
    fake.expireAccessTokens()
    const [cycles, sleeps, profile] = await Promise.all([
      walkAll(client.pages('cycle')),
      walkAll(client.pages('sleep')),
      client.getProfile()
    ])
    expect(cycles.records).toHaveLength(fake.history.cycles.length)
    expect(sleeps.records).toHaveLength(fake.history.sleeps.length)
    expect(profile.first_name).toBe('Alex')
    expect(fake.tokenRequests).toBe(1)
    expect(saved).toHaveLength(1)
  })

  it('persists the rotated pair before any request uses the new access token', async () => {
    const events: string[] = []
    const recordingFetch: typeof fetch = (input, init) => {
      const token = bearerOf(init)
      if (token) events.push(`use ${token}`)
      return fetch(input, init)
    }
    const { client, saved } = clientForFake(fake, clock, {
      fetch: recordingFetch,
      onPersist: (pair) => events.push(`persist ${pair.accessToken}`)
    })
    fake.expireAccessTokens()
    await client.getProfile()
    const renewed = saved[0].accessToken
    expect(events.indexOf(`persist ${renewed}`)).toBeGreaterThanOrEqual(0)
    expect(events.indexOf(`persist ${renewed}`)).toBeLessThan(events.indexOf(`use ${renewed}`))
  })

  it('refreshes ahead of expiry instead of waiting for a 401', async () => {
    const { client, saved, initial } = clientForFake(fake, clock)
    clock.advance(initial.expiresAt - clock.now())
    await client.getProfile()
    expect(saved).toHaveLength(1)
    expect(fake.apiRequests().map((request) => request.status)).toEqual([200])
  })

  it('refuses a replayed refresh token, and the old access token stops working after rotation', async () => {
    const { client, saved, initial, oauthConfig } = clientForFake(fake, clock)
    fake.expireAccessTokens()
    await client.getProfile()
    expect(saved[0].refreshToken).not.toBe(initial.refreshToken)

    const replay = await refreshWhoopTokens(oauthConfig, initial.refreshToken!, clock).catch((e) => e)
    expect(replay).toBeInstanceOf(ReconnectNeededError)
    expect(replay.message).toContain('no longer accepts the saved sign-in')
    const old = await fetch(`${fake.endpoints.apiBaseUrl}/v2/user/profile/basic`, {
      headers: { Authorization: `Bearer ${initial.accessToken}` }
    })
    expect(old.status).toBe(401)
  })

  it('turns a revoked account into "re-connect needed" mid-walk', async () => {
    const { client } = clientForFake(fake, clock)
    const walk = client.pages('cycle')
    await walk.next()
    fake.revokeAllTokens()
    const error = await walk.next().catch((e) => e)
    expect(error).toBeInstanceOf(ReconnectNeededError)
    expect(error.kind).toBe('reconnect-needed')
  })

  it('gives up with "re-connect needed" when WHOOP refuses the renewed token too', async () => {
    fake.addFault({ kind: 'status', status: 401, times: 2, path: '/v2/user/profile/basic' })
    const { client } = clientForFake(fake, clock)
    await expect(client.getProfile()).rejects.toThrow(ReconnectNeededError)
    expect(fake.tokenRequests).toBe(1)
  })

  it('explains a client secret WHOOP no longer accepts', async () => {
    const config = whoopOAuthConfiguration(fake.endpoints, { clientId: fake.app.clientId, clientSecret: 'wrong' })
    const { refresh_token } = fake.grantTokens()
    const error = await refreshWhoopTokens(config, refresh_token!, clock).catch((e) => e)
    expect(error).toBeInstanceOf(ReconnectNeededError)
    expect(error.message).toContain('did not accept the client id and secret')
  })

  it('reports any other refusal of the token endpoint as WHOOP\'s error, not as a lost sign-in', async () => {
    const refusing: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).endsWith('/oauth2/token')
        ? Promise.resolve(Response.json({ error: 'temporarily_unavailable' }, { status: 400 }))
        : fetch(input, init)
    const config = whoopOAuthConfiguration(fake.endpoints, fake.app, refusing)
    const error = await refreshWhoopTokens(config, 'any', clock).catch((e) => e)
    expect(error).toBeInstanceOf(WhoopHttpError)
    expect(error.message).toBe('WHOOP answered POST /oauth2/token with error 400.')
  })

  it('says "offline" when the token endpoint cannot be reached', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed'))
    const config = whoopOAuthConfiguration(fake.endpoints, fake.app, offline)
    const error = await refreshWhoopTokens(config, 'any', clock).catch((e) => e)
    expect(error).toBeInstanceOf(WhoopOfflineError)
  })

  it('revokes access at WHOOP', async () => {
    const { client } = clientForFake(fake, clock)
    await client.revokeAccess()
    expect(fake.apiRequests('/v2/user/access')).toMatchObject([{ method: 'DELETE', status: 204 }])
    const after = await client.getProfile().catch((e) => e)
    expect(after).toBeInstanceOf(ReconnectNeededError)
  })
})

describe('renewal', () => {
  it('renews a short-lived token shortly before it expires, not before every request', async () => {
    const shortLived = await startFakeWhoop({ clock, days: 30, rateLimit: false, accessTokenTtlSeconds: 30 })
    try {
      const { client } = clientForFake(shortLived, clock)
      for (let second = 0; second < 60; second += 5) {
        await client.getProfile()
        clock.advance(5_000)
      }
      // A request every 5 s for a minute, tokens living 30 s and renewed 3 s before they expire: the
      // first token serves until 27 s, the one renewed at 30 s until the end.
      expect(shortLived.tokenRequests).toBe(1)
      expect(shortLived.apiRequests().every((request) => request.status === 200)).toBe(true)
    } finally {
      await shortLived.close()
    }
  })
})
