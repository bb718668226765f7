import type { Clock } from '../../../src/main/clock'
import { createRateLimiter } from '../../../src/main/whoop/rateLimiter'
import { createTokenSession, type TokenSet } from '../../../src/main/whoop/tokenSession'
import { createWhoopClient, type WhoopClientOptions } from '../../../src/main/whoop/whoopClient'
import { refreshWhoopTokens, tokenSetFromResponse, whoopOAuthConfiguration } from '../../../src/main/whoop/whoopOAuth'
import type { FakeWhoop } from './fakeWhoopServer'

/**
 * A WHOOP client signed in to the fake server, wired as the app wires it: openid-client for token
 * refresh, a persist callback that records every saved token pair, and the given clock.
 */
export function clientForFake(
  fake: FakeWhoop,
  clock: Clock,
  options: Partial<Omit<WhoopClientOptions, 'tokens'>> & {
    /** Start from these tokens instead of a fresh grant. */
    initialTokens?: TokenSet
    fetch?: typeof fetch
    /** Told of every token pair as it is saved. */
    onPersist?: (tokens: TokenSet) => void
  } = {}
) {
  const fetchImpl = options.fetch ?? fetch
  const oauthConfig = whoopOAuthConfiguration(fake.endpoints, fake.app, fetchImpl)
  const saved: TokenSet[] = []
  const initial = options.initialTokens ?? tokenSetFromResponse(fake.grantTokens(), clock)
  const tokens = createTokenSession({
    tokens: initial,
    refresh: (refreshToken) => refreshWhoopTokens(oauthConfig, refreshToken, clock),
    persist: (next) => {
      saved.push(next)
      options.onPersist?.(next)
    },
    clock
  })
  const { initialTokens: _initial, onPersist: _onPersist, ...clientOptions } = options
  const client = createWhoopClient({
    apiBaseUrl: fake.endpoints.apiBaseUrl,
    tokens,
    clock,
    random: () => 0.5,
    rateLimiter: createRateLimiter({ clock }),
    ...clientOptions,
    fetch: fetchImpl
  })
  return { client, tokens, saved, initial, oauthConfig }
}

/** Every record of a collection, walking all pages. */
export async function walkAll<T>(pages: AsyncIterable<{ records: T[] }>): Promise<{ records: T[]; pages: number }> {
  const records: T[] = []
  let count = 0
  for await (const page of pages) {
    records.push(...page.records)
    count++
  }
  return { records, pages: count }
}
