import { afterEach, describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../../src/main/whoop/rateLimiter'
import { WhoopRateLimitedError } from '../../../src/main/whoop/whoopErrors'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { createVirtualClock } from '../../support/harness/virtualClock'
import { seededRandom } from '../../../src/main/demo/seededRandom'
import { clientForFake, walkAll } from '../../support/fakeWhoop/whoopTestClient'

let fake: FakeWhoop | undefined
afterEach(() => fake?.close())

const headers = (values: Record<string, string>) => new Headers(values)

describe('the rate limiter', () => {
  it('lets a full window through at once, then waits until the oldest request has left it, with a second to spare', async () => {
    const clock = createVirtualClock()
    const waits: (number | null)[] = []
    const limiter = createRateLimiter({ clock, policies: [{ limit: 3, windowMs: 60_000 }] })
    limiter.onWait((until) => waits.push(until))
    const start = clock.now()
    for (let i = 0; i < 3; i++) await limiter.acquire()
    expect(clock.elapsed()).toBe(0)
    await limiter.acquire()
    expect(clock.now()).toBe(start + 61_000)
    // Each wait is told when it begins and when it is over.
    expect(waits).toEqual([start + 61_000, null])
    expect(clock.sleeps).toEqual([61_000])
  })

  it('paces to every policy at once: 100 a minute and 10,000 a day by default', async () => {
    const clock = createVirtualClock()
    const limiter = createRateLimiter({ clock, maxWaitMs: Infinity })
    for (let i = 0; i < 1000; i++) await limiter.acquire()
    // 1000 requests: ten windows of 100, the first free: 9 waits of a minute and its second to spare.
    expect(clock.elapsed()).toBe(9 * 61_000)
    expect(clock.sleeps).toHaveLength(9)

    const day = createVirtualClock()
    const daily = createRateLimiter({ clock: day, policies: [{ limit: 5, windowMs: 86_400_000 }], maxWaitMs: Infinity })
    for (let i = 0; i < 6; i++) await daily.acquire()
    expect(day.elapsed()).toBe(86_401_000)
  })

  it("obeys WHOOP's headers: no request while Remaining is 0 until Reset", async () => {
    const clock = createVirtualClock()
    const limiter = createRateLimiter({ clock })
    limiter.observe(headers({ 'X-RateLimit-Limit': '100, 100;window=60', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '17' }))
    expect(limiter.budget()).toEqual({ limit: 100, remaining: 0, resetsAt: clock.now() + 17_000 })
    await limiter.acquire()
    expect(clock.elapsed()).toBe(17_000)
  })

  it('after a 429, waits for Retry-After (seconds or an HTTP date) or the Reset, whichever is later', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ 'Retry-After': '20', 'X-RateLimit-Reset': '2' }, 20_000],
      [{ 'Retry-After': '2', 'X-RateLimit-Reset': '20' }, 20_000],
      [{ 'Retry-After': new Date(Date.parse('2026-11-20T15:00:00.000Z') + 45_000).toUTCString() }, 45_000],
      [{ 'Retry-After': 'soon' }, 60_000],
      [{}, 60_000]
    ]
    for (const [given, wait] of cases) {
      const clock = createVirtualClock(Date.parse('2026-11-20T15:00:00.000Z'))
      const limiter = createRateLimiter({ clock })
      limiter.tooManyRequests(headers(given))
      await limiter.acquire()
      expect(clock.elapsed(), JSON.stringify(given)).toBe(wait)
    }
  })

  it('says "rate limited until T" rather than waiting longer than allowed', async () => {
    const clock = createVirtualClock()
    const limiter = createRateLimiter({ clock, maxWaitMs: 60_000 })
    limiter.tooManyRequests(headers({ 'X-RateLimit-Reset': '7200' }))
    const error = await limiter.acquire().catch((e) => e)
    expect(error).toBeInstanceOf(WhoopRateLimitedError)
    expect(error.until).toBe(clock.now() + 7_200_000)
    expect(clock.elapsed()).toBe(0)
  })
})

describe('the client against rate limits', () => {
  it('on a 429 waits until the reset WHOOP names, then succeeds (simulated clock)', async () => {
    const clock = createVirtualClock()
    fake = await startFakeWhoop({ clock, days: 30, rateLimit: false })
    fake.addFault({ kind: 'status', status: 429, resetSeconds: 42, times: 2, path: '/v2/cycle' })
    const waits: (number | null)[] = []
    const { client } = clientForFake(fake, clock)
    client.rateLimiter.onWait((until) => waits.push(until))
    const start = clock.now()
    const { records } = await walkAll(client.pages('cycle'))
    expect(records).toHaveLength(30)
    expect(fake.apiRequests('/v2/cycle').map((request) => request.status)).toEqual([429, 429, 200, 200])
    expect(waits).toEqual([start + 42_000, null, start + 84_000, null])
    expect(clock.elapsed()).toBe(84_000)
  })

  it('paces itself under the server limit, so a long walk meets no 429 at all', async () => {
    const clock = createVirtualClock()
    fake = await startFakeWhoop({ clock, days: 400, rateLimit: { perMinute: 10, perDay: 10_000 } })
    const { client } = clientForFake(fake, clock, {
      rateLimiter: createRateLimiter({ clock, policies: [{ limit: 10, windowMs: 60_000 }] })
    })
    const { records } = await walkAll(client.pages('cycle'))
    expect(records).toHaveLength(400)
    const requests = fake.apiRequests('/v2/cycle')
    expect(requests).toHaveLength(16)
    expect(requests.every((request) => request.status === 200)).toBe(true)
    expect(clock.elapsed()).toBe(61_000)
  })

  it('meets no 429 from a server counting 100 a minute by arrival, over 300 requests that arrive up to 0.9 s after they leave', async () => {
    const clock = createVirtualClock()
    fake = await startFakeWhoop({ clock, days: 30, rateLimit: { perMinute: 100, perDay: 10_000 } })
    const random = seededRandom(5)
    // Each request reaches the server a random part of a second after the limiter let it go; and
    // the client's own pacing is what is tested, so the answers' X-RateLimit headers (whose Reset,
    // rounded up to whole seconds, would add a margin of its own) are kept from it.
    const delayed: typeof fetch = async (input, init) => {
      clock.advance(Math.round(random.between(0, 900)))
      const response = await fetch(input, init)
      const headers = new Headers([...response.headers].filter(([name]) => !name.startsWith('x-ratelimit')))
      return new Response(response.status === 204 ? null : await response.arrayBuffer(), { status: response.status, headers })
    }
    const { client } = clientForFake(fake, clock, { fetch: delayed })
    const ids = fake.history.cycles.map((cycle) => cycle.id)
    for (let i = 0; i < 300; i++) await client.getCycle(ids[i % ids.length])
    const statuses = fake.apiRequests().map((request) => request.status)
    expect(statuses).toHaveLength(300)
    expect(statuses.filter((status) => status === 429)).toEqual([])
  })

  it("learns from the server's headers when its own idea of the limit is too generous", async () => {
    const clock = createVirtualClock()
    fake = await startFakeWhoop({ clock, days: 400, rateLimit: { perMinute: 5, perDay: 10_000 } })
    const { client } = clientForFake(fake, clock)
    const { records } = await walkAll(client.pages('sleep'))
    expect(records).toHaveLength(fake.history.sleeps.length)
    const statuses = fake.apiRequests('/v2/activity/sleep').map((request) => request.status)
    expect(statuses.filter((status) => status === 429)).toEqual([])
    expect(clock.elapsed()).toBeGreaterThanOrEqual(60_000 * Math.floor((statuses.length - 1) / 5))
  })
})
