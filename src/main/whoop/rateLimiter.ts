import type { Clock } from '../clock'
import { WhoopRateLimitedError } from './whoopErrors'

export interface RatePolicy {
  limit: number
  windowMs: number
}

/** WHOOP's documented default per app: 100 requests a minute and 10,000 a day. */
const whoopRatePolicies: readonly RatePolicy[] = [
  { limit: 100, windowMs: 60_000 },
  { limit: 10_000, windowMs: 86_400_000 }
]

/** What WHOOP's last `X-RateLimit-*` headers said about the window it is closest to exhausting. */
export interface RateBudget {
  limit: number
  remaining: number
  resetsAt: number
}

export interface RateLimiterOptions {
  clock: Clock
  policies?: readonly RatePolicy[]
  /** Longer waits than this end in `WhoopRateLimitedError` instead of holding the caller for hours. */
  maxWaitMs?: number
}

/** Without a Reset or Retry-After header, a 429 is assumed to clear within a minute, WHOOP's shortest window. */
const DEFAULT_429_WAIT_MS = 60_000

/**
 * WHOOP counts requests as they arrive, the limiter as they leave: a request held up on the way
 * (a slow network, a retry's connect) arrives later than counted, and a window that looks full to
 * the second here can hold one too many there. Each request is counted a second longer than WHOOP
 * counts it, so arrival times can differ by up to a second without a 429.
 */
const PACING_MARGIN_MS = 1_000

/**
 * Paces requests so they stay inside every policy (a sliding window per policy) and obeys what
 * WHOOP says: an exhausted `X-RateLimit-Remaining` or a 429 blocks until `X-RateLimit-Reset`.
 * Callers take turns, and a wait is one timer until the exact moment a request is allowed: it never
 * polls.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const { clock, policies = whoopRatePolicies, maxWaitMs = 15 * 60_000 } = options
  const paced = policies.map((policy) => ({ limit: policy.limit, windowMs: policy.windowMs + PACING_MARGIN_MS }))
  const waitListeners = new Set<(until: number | null) => void>()
  const longestWindow = Math.max(...paced.map((policy) => policy.windowMs))
  const sentAt: number[] = []
  let blockedUntil = 0
  let budget: RateBudget | undefined
  let turns: Promise<unknown> = Promise.resolve()

  function earliestAllowed(now: number): number {
    let at = Math.max(now, blockedUntil)
    for (let changed = true; changed; ) {
      changed = false
      for (const policy of paced) {
        const inWindow = sentAt.filter((time) => time > at - policy.windowMs)
        if (inWindow.length >= policy.limit) {
          const freed = inWindow[inWindow.length - policy.limit] + policy.windowMs
          if (freed > at) {
            at = freed
            changed = true
          }
        }
      }
    }
    return at
  }

  async function takeTurn(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      const now = clock.now()
      while (sentAt.length && sentAt[0] <= now - longestWindow) sentAt.shift()
      const at = earliestAllowed(now)
      if (at <= now) {
        sentAt.push(now)
        return
      }
      if (at - now > maxWaitMs) throw new WhoopRateLimitedError(at)
      for (const listener of waitListeners) listener(at)
      await clock.sleep(at - now, signal)
      for (const listener of waitListeners) listener(null)
    }
  }

  return {
    /** Resolves when one more request may be sent now, and counts it as sent. */
    acquire(signal?: AbortSignal): Promise<void> {
      const turn = turns.then(() => takeTurn(signal))
      turns = turn.catch(() => undefined)
      return turn
    },

    /** Reads WHOOP's rate-limit headers from any response. */
    observe(headers: Headers): void {
      const remaining = Number(headers.get('x-ratelimit-remaining'))
      const resetSeconds = Number(headers.get('x-ratelimit-reset'))
      const limit = Number.parseInt(headers.get('x-ratelimit-limit') ?? '', 10)
      if (!Number.isFinite(remaining) || !Number.isFinite(resetSeconds) || headers.get('x-ratelimit-remaining') === null) {
        return
      }
      const resetsAt = clock.now() + resetSeconds * 1000
      budget = { limit: Number.isFinite(limit) ? limit : remaining, remaining, resetsAt }
      if (remaining <= 0) blockedUntil = Math.max(blockedUntil, resetsAt)
    },

    /** A 429: nothing more is sent until WHOOP's window resets and its `Retry-After` has passed, whichever is later. */
    tooManyRequests(headers: Headers): void {
      const now = clock.now()
      const resetSeconds = Number(headers.get('x-ratelimit-reset'))
      const reset = headers.get('x-ratelimit-reset') !== null && Number.isFinite(resetSeconds) ? now + resetSeconds * 1000 : undefined
      const retry = retryAfter(headers.get('retry-after'), now)
      const until = reset === undefined && retry === undefined ? now + DEFAULT_429_WAIT_MS : Math.max(reset ?? now, retry ?? now)
      blockedUntil = Math.max(blockedUntil, until)
    },

    budget: (): RateBudget | undefined => budget,

    /** Requests sent in the last 24 hours (WHOOP's daily window), and how many the day allows. */
    daily(): { sent: number; limit: number } {
      const day = policies.reduce((longest, policy) => (policy.windowMs > longest.windowMs ? policy : longest))
      const since = clock.now() - day.windowMs
      return { sent: sentAt.filter((time) => time > since).length, limit: day.limit }
    },

    /** The limits it paces to, for estimates of how long a number of requests takes. */
    policies: paced,

    /** Tells `listener` whenever a request has to wait, and until when (for a progress bar), and `null` when the wait is over. */
    onWait(listener: (until: number | null) => void): () => void {
      waitListeners.add(listener)
      return () => waitListeners.delete(listener)
    }
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>

/** When `Retry-After` allows the next request: it gives seconds ("20") or an HTTP date (RFC 9110 §10.2.3). */
function retryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined
  if (/^\d+$/.test(value.trim())) return now + Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : at
}
