import type { Clock } from '../clock'
import { ReconnectNeededError } from './whoopErrors'

export interface TokenSet {
  accessToken: string
  /** Present when the `offline` scope was granted. WHOOP rotates it on every use. */
  refreshToken?: string
  /** When the access token stops working, in ms since epoch. */
  expiresAt: number
  /** How long it was issued for, in ms (absent in vaults written before it was kept). */
  lifetimeMs?: number
  scope?: string
}

export interface TokenSessionOptions {
  tokens: TokenSet | undefined
  /** Trades a refresh token for a new pair at WHOOP's token endpoint. */
  refresh: (refreshToken: string) => Promise<TokenSet>
  /** Stores a new pair. Runs before the new access token is used by anyone. */
  persist: (tokens: TokenSet) => Promise<void> | void
  clock: Clock
}

/**
 * Access tokens are renewed this long before WHOOP's stated expiry, to avoid a predictable 401, or a
 * tenth of their lifetime when that is shorter: a token that lives 30 s is not renewed at once.
 */
const EXPIRY_MARGIN_MS = 60_000
const marginOf = (tokens: TokenSet) => Math.min(EXPIRY_MARGIN_MS, (tokens.lifetimeMs ?? Infinity) / 10)

/**
 * The access token requests use, and the one place it is renewed. WHOOP rotates refresh tokens and
 * invalidates the old pair on first use, so two refreshes in parallel would lock the person out:
 * concurrent callers share one refresh, and the new pair is persisted before it is handed out.
 */
export function createTokenSession(options: TokenSessionOptions) {
  let current = options.tokens
  let refreshing: Promise<TokenSet> | undefined

  function refreshOnce(): Promise<TokenSet> {
    refreshing ??= (async () => {
      const refreshToken = current?.refreshToken
      if (!refreshToken) throw new ReconnectNeededError('the sign-in has expired and cannot be renewed')
      const next = await options.refresh(refreshToken)
      try {
        await options.persist(next)
      } finally {
        // The old pair is dead at WHOOP either way; keep working with the new one in memory.
        current = next
      }
      return next
    })().finally(() => {
      refreshing = undefined
    })
    return refreshing
  }

  return {
    /** A token to send now, renewed first when it is about to expire. */
    async accessToken(): Promise<string> {
      if (refreshing) return (await refreshing).accessToken
      if (!current) throw new ReconnectNeededError('no WHOOP account is connected')
      if (current.refreshToken && current.expiresAt - marginOf(current) <= options.clock.now()) {
        return (await refreshOnce()).accessToken
      }
      return current.accessToken
    },

    /**
     * After WHOOP answered 401 to `rejected`: a renewed token, refreshing only if nobody else has
     * (a refresh already running is joined by refreshOnce).
     */
    async renewAfterRejection(rejected: string): Promise<string> {
      if (current && current.accessToken !== rejected) return current.accessToken
      return (await refreshOnce()).accessToken
    }
  }
}

export type TokenSession = ReturnType<typeof createTokenSession>
