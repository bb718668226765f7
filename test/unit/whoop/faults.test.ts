import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  UnexpectedResponseError,
  WhoopHttpError,
  WhoopOfflineError
} from '../../../src/main/whoop/whoopErrors'
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

describe('the client under faults', () => {
  it.each([500, 502, 503])('retries a %i with backoff and then succeeds', async (status) => {
    fake.addFault({ kind: 'status', status, times: 2, path: '/v2/cycle' })
    const { client } = clientForFake(fake, clock)
    const { records } = await walkAll(client.pages('cycle'))
    expect(records).toHaveLength(fake.history.cycles.length)
    expect(fake.apiRequests('/v2/cycle').map((request) => request.status).slice(0, 3)).toEqual([status, status, 200])
    // Backoff grows: with jitter fixed at 0.5, waits of 0.5 s then 1 s on the simulated clock.
    expect(clock.sleeps).toEqual([500, 1000])
  })

  it('gives up on a lasting 5xx after a bounded number of attempts with "WHOOP error N"', async () => {
    fake.addFault({ kind: 'status', status: 503, times: Infinity, path: '/v2/recovery' })
    const { client } = clientForFake(fake, clock, { maxAttempts: 4 })
    const error = await walkAll(client.pages('recovery')).catch((e) => e)
    expect(error).toBeInstanceOf(WhoopHttpError)
    expect(error).toMatchObject({ status: 503, kind: 'whoop-error' })
    expect(error.message).toBe('WHOOP answered GET /v2/recovery with error 503.')
    expect(fake.apiRequests('/v2/recovery')).toHaveLength(4)
  })

  it('retries a reset connection and then succeeds; a lasting one is "offline"', async () => {
    fake.addFault({ kind: 'reset', times: 1, path: '/v2/user/profile/basic' })
    const { client } = clientForFake(fake, clock, { maxAttempts: 3 })
    expect((await client.getProfile()).user_id).toBe(fake.history.profile.user_id)

    fake.addFault({ kind: 'reset', times: Infinity, path: '/v2/user/profile/basic' })
    const error = await client.getProfile().catch((e) => e)
    expect(error).toBeInstanceOf(WhoopOfflineError)
    expect(error.kind).toBe('offline')
  })

  it('abandons a response slower than the timeout and retries it', async () => {
    fake.addFault({ kind: 'slow', delayMs: 1500, times: 1, path: '/v2/user/measurement/body' })
    const { client } = clientForFake(fake, clock, { requestTimeoutMs: 200 })
    expect((await client.getBodyMeasurement()).height_meter).toBe(fake.history.body.height_meter)
    expect(fake.apiRequests('/v2/user/measurement/body')).toHaveLength(2)

    fake.addFault({ kind: 'slow', delayMs: 1500, times: Infinity, path: '/v2/user/measurement/body' })
    const slow = clientForFake(fake, clock, { requestTimeoutMs: 100, maxAttempts: 2 }).client
    await expect(slow.getBodyMeasurement()).rejects.toBeInstanceOf(WhoopOfflineError)
  })

  it('retries a 200 whose JSON is cut short like a 5xx, and reports a lasting one as an unexpected response', async () => {
    fake.addFault({ kind: 'malformed-json', times: 2, path: '/v2/activity/sleep' })
    const { client } = clientForFake(fake, clock)
    const { records } = await walkAll(client.pages('sleep'))
    expect(records).toHaveLength(fake.history.sleeps.length)
    expect(clock.sleeps).toEqual([500, 1000])

    fake.addFault({ kind: 'malformed-json', times: Infinity, path: '/v2/activity/sleep' })
    const before = fake.apiRequests('/v2/activity/sleep').length
    const error = await walkAll(clientForFake(fake, clock, { maxAttempts: 3 }).client.pages('sleep')).catch((e) => e)
    expect(error).toBeInstanceOf(UnexpectedResponseError)
    expect(error).toMatchObject({ endpoint: 'GET /v2/activity/sleep', path: '(body)' })
    expect(fake.apiRequests('/v2/activity/sleep').length - before).toBe(3)
  })

  it.each([
    ['a number sent as text', (b: any) => ((b.records[3].score.strain = '12.1'), b), 'records[3].score.strain'],
    ['a missing required field', (b: any) => (delete b.records[0].start, b), 'records[0].start'],
    ['a score missing on a SCORED record', (b: any) => (delete b.records[1].score, b), 'records[1].score'],
    ['an unknown score state', (b: any) => ((b.records[2].score_state = 'MAYBE'), b), 'records[2].score_state'],
    ['records that are not a list', (b: any) => ({ ...b, records: {} }), 'records'],
    ['an empty body', () => ({}), 'records']
  ])('names the field path when a response drifts: %s', async (_case, drift, path) => {
    fake.addFault({ kind: 'drift', drift, path: '/v2/cycle' })
    const { client } = clientForFake(fake, clock)
    const error = await walkAll(client.pages('cycle')).catch((e) => e)
    expect(error).toBeInstanceOf(UnexpectedResponseError)
    expect(error.path).toBe(path)
    expect(error.message).toContain(`GET /v2/cycle at ${path}`)
  })

  it('treats a 404 as an error for that resource, not as no data, and does not retry it', async () => {
    fake.addFault({ kind: 'status', status: 404, times: Infinity, path: '/v2/recovery' })
    const { client } = clientForFake(fake, clock)
    const error = await walkAll(client.pages('recovery')).catch((e) => e)
    expect(error).toBeInstanceOf(WhoopHttpError)
    expect(error.status).toBe(404)
    expect(fake.apiRequests('/v2/recovery')).toHaveLength(1)
    expect((await walkAll(client.pages('cycle'))).records).toHaveLength(fake.history.cycles.length)
  })

  it('does not retry other 4xx answers', async () => {
    fake.addFault({ kind: 'status', status: 400, path: '/v2/activity/workout' })
    const { client } = clientForFake(fake, clock)
    await expect(walkAll(client.pages('workout'))).rejects.toMatchObject({ status: 400 })
    expect(fake.apiRequests('/v2/activity/workout')).toHaveLength(1)
  })

  it('stops a page loop when WHOOP repeats a next_token', async () => {
    // Every page claims the next one starts where the first page ended.
    const endOfFirstPage = fake.history.cycles[24]
    const token = Buffer.from(`${Date.parse(endOfFirstPage.start)}:${endOfFirstPage.id}`).toString('base64url')
    fake.addFault({ kind: 'drift', drift: (b: any) => ({ ...b, next_token: token }), times: 2, path: '/v2/cycle' })
    const { client } = clientForFake(fake, clock)
    await expect(walkAll(client.pages('cycle'))).rejects.toMatchObject({ path: 'next_token' })
  })

  it('stops when cancelled, mid-walk', async () => {
    const { client } = clientForFake(fake, clock)
    const controller = new AbortController()
    const walk = client.pages('cycle', { signal: controller.signal })
    await walk.next()
    controller.abort(new Error('cancelled by the person'))
    await expect(walk.next()).rejects.toThrow('cancelled by the person')
  })
})
