import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../../src/main/whoop/rateLimiter'
import { WhoopHttpError, WhoopOfflineError, WhoopRateLimitedError } from '../../../src/main/whoop/whoopErrors'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { createVirtualClock, type VirtualClock } from '../../support/harness/virtualClock'
import { clientForFake, walkAll } from '../../support/fakeWhoop/whoopTestClient'

/*
 * The client's answers to what the fake WHOOP does not do by itself: answers are made up here, one
 * request at a time, so each edge is met exactly (found by mutation testing: each of these edges
 * could be broken without any other test noticing).
 */

let clock: VirtualClock
let fake: FakeWhoop
beforeEach(async () => {
  clock = createVirtualClock()
  fake = await startFakeWhoop({ clock, days: 60, rateLimit: false })
})
afterEach(() => fake.close())

/** A fetch that answers API requests with `answer(n)` (n counts from 0) and passes the rest to the fake. */
function scripted(answer: (request: number, url: URL) => Response | Error) {
  const asked: { url: URL; at: number }[] = []
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (!url.pathname.includes('/v2/')) return fetch(input, init)
    asked.push({ url, at: clock.now() })
    const reply = answer(asked.length - 1, url)
    if (reply instanceof Error) throw reply
    return reply
  }
  return { fetchImpl, asked }
}

const profile = () => Response.json({ user_id: 1, email: 'a@b.c', first_name: 'A', last_name: 'B' })

describe('the client at its edges', () => {
  it('holds every request for a minute after a 429 that names no reset', async () => {
    const { fetchImpl, asked } = scripted((n) => (n === 0 ? new Response('', { status: 429 }) : profile()))
    const { client } = clientForFake(fake, clock, { fetch: fetchImpl })
    await client.getProfile()
    expect(asked).toHaveLength(2)
    expect(asked[1].at - asked[0].at).toBe(60_000)
  })

  it('gives up after 20 429s in a row with "rate limited", and not before', async () => {
    const { fetchImpl, asked } = scripted(() => new Response('', { status: 429, headers: { 'x-ratelimit-reset': '1' } }))
    const { client } = clientForFake(fake, clock, { fetch: fetchImpl })
    const error = await client.getProfile().catch((e) => e)
    expect(error).toBeInstanceOf(WhoopRateLimitedError)
    // Told to the person, and sorted by the sync, by these.
    expect(error).toMatchObject({ kind: 'rate-limited', until: clock.now() + 60_000 })
    expect(error.message).toBe(`WHOOP's request limit is reached until ${new Date(clock.now() + 60_000).toISOString()}. The sync will continue after that.`)
    expect(asked).toHaveLength(21)
  })

  it('tries a failing network exactly maxAttempts times, and stops at once when cancelled', async () => {
    const { fetchImpl, asked } = scripted(() => new TypeError('fetch failed'))
    const { client } = clientForFake(fake, clock, { fetch: fetchImpl, maxAttempts: 3 })
    const error = await client.getProfile().catch((e) => e)
    expect(error).toBeInstanceOf(WhoopOfflineError)
    expect(error).toMatchObject({ kind: 'offline', message: 'WHOOP could not be reached (GET /v2/user/profile/basic). Check the internet connection and try again.' })
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(asked).toHaveLength(3)

    const controller = new AbortController()
    const cancelling = scripted(() => (controller.abort(new Error('cancelled by the person')), new TypeError('fetch failed')))
    const cancelled = clientForFake(fake, clock, { fetch: cancelling.fetchImpl, maxAttempts: 3 }).client
    await expect(cancelled.getProfile(controller.signal)).rejects.toThrow('cancelled by the person')
    expect(cancelling.asked).toHaveLength(1)
  })

  it('stops a walk whose next_token leads back to a page two pages before', async () => {
    const page = (token: string | null) => Response.json({ records: [], next_token: token })
    const { fetchImpl } = scripted((n) => page(n % 2 === 0 ? 'token-a' : 'token-b'))
    const { client } = clientForFake(fake, clock, { fetch: fetchImpl })
    await expect(walkAll(client.pages('cycle'))).rejects.toMatchObject({ path: 'next_token' })
    // And a walk resumed from a saved token that WHOOP hands back at once.
    const again = scripted(() => page('saved'))
    const resumed = clientForFake(fake, clock, { fetch: again.fetchImpl }).client
    await expect(walkAll(resumed.pages('cycle', { nextToken: 'saved' }))).rejects.toMatchObject({ path: 'next_token' })
    expect(again.asked).toHaveLength(1)
  })

  it('says in words what a 404 and a 403 mean', () => {
    expect(new WhoopHttpError(404, 'GET /v2/recovery').message).toBe('WHOOP has no such resource (GET /v2/recovery, 404).')
    expect(new WhoopHttpError(403, 'GET /v2/recovery').message).toBe(
      'WHOOP refused GET /v2/recovery (403): the sign-in lacks the access it needs, or the WHOOP membership is inactive.'
    )
  })
})

describe("the rate limiter and WHOOP's headers", () => {
  const headers = (values: Record<string, string>) => new Headers(values)

  it('ignores headers it cannot read, and keeps the budget WHOOP states', () => {
    const limiter = createRateLimiter({ clock })
    limiter.observe(headers({ 'x-ratelimit-remaining': 'lots', 'x-ratelimit-reset': '30' }))
    limiter.observe(headers({ 'x-ratelimit-reset': '30' }))
    limiter.observe(headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': 'soon' }))
    expect(limiter.budget()).toBeUndefined()
    limiter.observe(headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '30', 'x-ratelimit-limit': '100' }))
    expect(limiter.budget()).toEqual({ limit: 100, remaining: 5, resetsAt: clock.now() + 30_000 })
  })

  it('lets the 101st request go a second after the first leaves the minute, telling only who still listens', async () => {
    const limiter = createRateLimiter({ clock, policies: [{ limit: 100, windowMs: 60_000 }] })
    const heard: string[] = []
    limiter.onWait((until) => heard.push(until === null ? 'over' : 'listening'))
    const stop = limiter.onWait(() => heard.push('gone'))
    stop()
    for (let n = 0; n < 100; n++) await limiter.acquire()
    const first = clock.now()
    clock.advance(10_000)
    await limiter.acquire()
    expect(clock.now() - first).toBe(61_000)
    expect(heard).toEqual(['listening', 'over'])
    // And the window slides: the next one goes at once, an old request having left since.
    const before = clock.now()
    await limiter.acquire()
    expect(clock.now()).toBe(before)
  })
})
