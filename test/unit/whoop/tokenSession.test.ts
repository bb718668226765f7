import { describe, expect, it } from 'vitest'
import { createTokenSession, type TokenSet } from '../../../src/main/whoop/tokenSession'
import { ReconnectNeededError } from '../../../src/main/whoop/whoopErrors'
import { createVirtualClock } from '../../support/harness/virtualClock'

const HOUR = 3_600_000

/**
 * A session on a simulated clock, from the tokens `tokensAt(now)` gives; its refreshes are counted
 * and finish only when the test lets them.
 */
function session(tokensAt: (now: number) => TokenSet | undefined) {
  const clock = createVirtualClock()
  const refreshes: { refreshToken: string; finish: () => void }[] = []
  let issued = 0
  const tokenSession = createTokenSession({
    tokens: tokensAt(clock.now()),
    clock,
    persist: () => {},
    refresh: (refreshToken) =>
      new Promise((resolve) => {
        const next = { accessToken: `access-${++issued}`, refreshToken: `refresh-${issued}`, expiresAt: clock.now() + HOUR, lifetimeMs: HOUR }
        refreshes.push({ refreshToken, finish: () => resolve(next) })
      })
  })
  return { clock, refreshes, tokenSession }
}

const freshFor = (lifetimeMs: number) => (now: number): TokenSet => ({ accessToken: 'old', refreshToken: 'r0', expiresAt: now + lifetimeMs, lifetimeMs })

describe('the token session', () => {
  it('hands out the renewed token, not the rejected one, while a renewal runs', async () => {
    const { refreshes, tokenSession } = session(freshFor(HOUR))
    const renewing = tokenSession.renewAfterRejection('old')
    const meanwhile = tokenSession.accessToken()
    expect(refreshes).toHaveLength(1)
    refreshes[0].finish()
    expect(await renewing).toBe('access-1')
    expect(await meanwhile).toBe('access-1')
  })

  it('does not renew again for a 401 to a token someone else has already renewed', async () => {
    const { refreshes, tokenSession } = session(freshFor(HOUR))
    const first = tokenSession.renewAfterRejection('old')
    refreshes[0].finish()
    await first
    // A request sent with the old token before the renewal gets its 401 only now.
    const second = tokenSession.renewAfterRejection('old')
    expect(refreshes).toHaveLength(1)
    expect(await second).toBe('access-1')
  })

  it('renews exactly when the margin before expiry begins: a tenth of the lifetime, at most a minute', async () => {
    for (const [lifetimeMs, marginMs] of [
      [10 * 60_000, 60_000],
      [5 * 60_000, 30_000]
    ]) {
      const { clock, refreshes, tokenSession } = session(freshFor(lifetimeMs))
      clock.advance(lifetimeMs - marginMs - 1)
      const early = tokenSession.accessToken()
      expect(refreshes).toHaveLength(0)
      expect(await early).toBe('old')
      clock.advance(1)
      const renewed = tokenSession.accessToken()
      expect(refreshes).toHaveLength(1)
      refreshes[0].finish()
      expect(await renewed).toBe('access-1')
    }
  })

  it('says to connect again when there is no sign-in, or nothing to renew it with', async () => {
    await expect(session(() => undefined).tokenSession.accessToken()).rejects.toThrow(new ReconnectNeededError('no WHOOP account is connected'))
    const withoutRefresh = session((now) => ({ accessToken: 'old', expiresAt: now + HOUR }))
    const refused = withoutRefresh.tokenSession.renewAfterRejection('old')
    expect(withoutRefresh.refreshes).toHaveLength(0)
    await expect(refused).rejects.toThrow(
      new ReconnectNeededError('the sign-in has expired and cannot be renewed')
    )
  })
})
