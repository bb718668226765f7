import { afterEach, describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../../src/main/whoop/rateLimiter'
import { WhoopRateLimitedError } from '../../../src/main/whoop/whoopErrors'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { createVirtualClock } from '../../support/harness/virtualClock'
import { clientForFake, walkAll } from '../../support/fakeWhoop/whoopTestClient'

let fake: FakeWhoop | undefined
afterEach(() => fake?.close())

const headers = (values: Record<string, string>) => new Headers(values)

describe('the rate limiter', () => {
  it('lets a full window through at once, then waits exactly until the oldest request leaves it', async () => {
    const clock = createVirtualClock()
    const waits: (number | null)[] = []
    const limiter = createRateLimiter({ clock, policies: [{ limit: 3, windowMs: 60_000 }] })
    limiter.onWait((until) => waits.push(until))
    const start = clock.now()
    for (let i = 0; i < 3; i++) await limiter.acquire()
    expect(clock.elapsed()).toBe(0)
    await limiter.acquire()
    expect(clock.now()).toBe(start + 60_000)
    // Each wait is told when it begins and when it is over.
    expect(waits).toEqual([start + 60_000, null])
    expect(clock.sleeps).toEqual([60_000])
  })

  it('paces to every policy at once: 100 a minute and 10,000 a day by default', async () => {
    const clock = createVirtualClock()
    const limiter = createRateLimiter({ clock, maxWaitMs: Infinity })
    for (let i = 0; i < 1000; i++) await limiter.acquire()
    // 1000 requests: ten full minutes of 100, the first minute free: 9 minutes of waiting.
    expect(clock.elapsed()).toBe(9 * 60_000)
    expect(clock.sleeps).toHaveLength(9)

    const day = createVirtualClock()
    const daily = createRateLimiter({ clock: day, policies: [{ limit: 5, windowMs: 86_400_000 }], maxWaitMs: Infinity })
    for (let i = 0; i < 6; i++) await daily.acquire()
    expect(day.elapsed()).toBe(86_400_000)
  })

  it("obeys WHOOP's headers: no request while Remaining is 0 until Reset", async () => {
    const clock = createVirtualClock()
    const limiter = createRateLimiter({ clock })
    limiter.observe(headers({ 'X-RateLimit-Limit': '100, 100;window=60', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '17' }))
    expect(limiter.budget()).toEqual({ limit: 100, remaining: 0, resetsAt: clock.now() + 17_000 })
    await limiter.acquire()
    expect(clock.elapsed()).toBe(17_000)
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
    expect(clock.elapsed()).toBe(60_000)
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
