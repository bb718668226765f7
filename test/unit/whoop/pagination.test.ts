import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PAGE_SIZE } from '../../../src/main/whoop/whoopClient'
import { collectionNames } from '../../../src/main/whoop/whoopSchemas'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { createVirtualClock } from '../../support/harness/virtualClock'
import { clientForFake, walkAll } from '../../support/fakeWhoop/whoopTestClient'

const clock = createVirtualClock()
let fake: FakeWhoop

beforeAll(async () => {
  fake = await startFakeWhoop({ clock, days: 400, rateLimit: false })
})
afterAll(() => fake.close())

const paths = { cycle: '/v2/cycle', recovery: '/v2/recovery', sleep: '/v2/activity/sleep', workout: '/v2/activity/workout' }
const historyOf = (name: (typeof collectionNames)[number]) =>
  ({ cycle: fake.history.cycles, recovery: fake.history.recoveries, sleep: fake.history.sleeps, workout: fake.history.workouts })[name]

describe('walking a collection', () => {
  it.each(collectionNames)('%s: every record exactly once, newest first, in ceil(N/25) requests', async (name) => {
    const { client } = clientForFake(fake, clock)
    const before = fake.apiRequests(paths[name]).length
    const { records, pages } = await walkAll(client.pages(name))
    const expected = historyOf(name)

    expect(records).toHaveLength(expected.length)
    const key = (record: any) => String(record.id ?? record.cycle_id)
    expect(new Set(records.map(key)).size).toBe(expected.length)
    expect(records.map(key).sort()).toEqual(expected.map(key).sort())
    const requests = fake.apiRequests(paths[name]).slice(before)
    expect(requests).toHaveLength(Math.ceil(expected.length / PAGE_SIZE))
    expect(pages).toBe(requests.length)
    expect(requests.every((request) => request.query.limit === '25')).toBe(true)
    if (name !== 'recovery') {
      const starts = records.map((record: any) => Date.parse(record.start))
      expect(starts).toEqual([...starts].sort((a, b) => b - a))
    }
  })

  it('keeps the full records, unknown fields included', async () => {
    fake.history.cycles[0] = { ...fake.history.cycles[0], step_count: 8234 } as never
    const { client } = clientForFake(fake, clock)
    const first = await client.pages('cycle').next()
    expect(first.value!.records[0]).toMatchObject({ step_count: 8234 })
  })

  it('honours start (inclusive) and end (exclusive), sending the same window with every page', async () => {
    const { client } = clientForFake(fake, clock)
    const cycles = fake.history.cycles
    const start = cycles[99].start
    const end = cycles[10].start
    const before = fake.apiRequests('/v2/cycle').length
    const { records } = await walkAll(client.pages('cycle', { start, end }))
    expect(records.map((r) => r.id)).toEqual(cycles.slice(11, 100).map((c) => c.id))
    for (const request of fake.apiRequests('/v2/cycle').slice(before)) expect(request.query).toMatchObject({ start, end })
  })

  it('continues from a saved token without repeating the pages already read', async () => {
    const { client } = clientForFake(fake, clock)
    const walk = client.pages('workout')
    const first = (await walk.next()).value!
    await walk.return(undefined)
    const rest = await walkAll(client.pages('workout', { nextToken: first.nextToken }))
    expect(first.records.length + rest.records.length).toBe(fake.history.workouts.length)
  })

  it('reads single records and the member', async () => {
    const { client } = clientForFake(fake, clock)
    const cycle = fake.history.cycles[3]
    const sleep = fake.history.sleeps[3]
    const workout = fake.history.workouts[3]
    expect((await client.getProfile()).user_id).toBe(fake.history.profile.user_id)
    expect((await client.getBodyMeasurement()).max_heart_rate).toBe(fake.history.body.max_heart_rate)
    expect(await client.getCycle(cycle.id)).toEqual(cycle)
    expect((await client.getRecoveryForCycle(cycle.id)).cycle_id).toBe(cycle.id)
    expect(await client.getSleep(sleep.id)).toEqual(sleep)
    expect(await client.getWorkout(workout.id)).toEqual(workout)
  })
})
