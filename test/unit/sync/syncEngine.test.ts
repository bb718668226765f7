import { afterEach, describe, expect, it } from 'vitest'
import { createSyncEngine } from '../../../src/main/sync/syncEngine'
import type { SyncHarness } from '../../support/harness/syncHarness'
import { expectedCounts, fakeRecords, startSyncHarness, storedRecords, tableCounts } from '../../support/harness/syncHarness'

let harness: SyncHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const HOUR = 3_600_000
const DAY = 24 * HOUR

describe('the first sync', () => {
  it('lands a 5-year history with exact counts in every table, exactly as WHOOP sent it', async () => {
    harness = await startSyncHarness({ fake: { days: 5 * 365 + 1 } })
    const result = await harness.engine.sync()
    expect(result.status).toBe('succeeded')
    expect(tableCounts(harness.db)).toEqual(expectedCounts(harness.fake))
    expect(storedRecords(harness.db)).toEqual(fakeRecords(harness.fake))
    const cycles = result.resources.find((outcome) => outcome.resource === 'cycle')!
    expect(cycles).toMatchObject({ status: 'ok', added: 1826, updated: 0, removed: 0, pages: Math.ceil(1826 / 25) })
    expect(harness.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('keeps pending and unscorable records, flagged by their state', async () => {
    harness = await startSyncHarness({ fake: { days: 400 } })
    await harness.engine.sync()
    const states = harness.db.prepare('SELECT score_state, COUNT(*) AS n FROM sleep GROUP BY score_state').all()
    expect(states).toEqual(
      expect.arrayContaining([
        { score_state: 'PENDING_SCORE', n: 1 },
        { score_state: 'UNSCORABLE', n: expect.any(Number) },
        { score_state: 'SCORED', n: expect.any(Number) }
      ])
    )
    expect(harness.db.prepare("SELECT strain FROM cycle WHERE score_state = 'UNSCORABLE'").all()).toEqual(
      expect.arrayContaining([{ strain: null }])
    )
  })
})

describe('later syncs', () => {
  it('an hour later, with nothing changed: one request for the recent window and one for an hour’s share of older history', async () => {
    harness = await startSyncHarness({ fake: { days: 730 } })
    await harness.engine.sync()
    harness.clock.advance(DAY)
    await harness.engine.sync()
    const before = harness.fake.apiRequests().length
    harness.clock.advance(HOUR)
    const result = await harness.engine.sync()
    const requests = harness.fake.apiRequests().slice(before)
    const perPath = Object.groupBy(requests, (request) => request.path)
    expect(Object.fromEntries(Object.entries(perPath).map(([path, list]) => [path, list!.length]))).toEqual({
      '/v2/user/profile/basic': 1,
      '/v2/user/measurement/body': 1,
      '/v2/cycle': 2,
      '/v2/activity/sleep': 2,
      '/v2/recovery': 2,
      '/v2/activity/workout': 2
    })
    expect(result.resources.every((outcome) => outcome.added === 0 && outcome.updated === 0 && outcome.removed === 0)).toBe(true)
    expect(result.status).toBe('succeeded')
  })

  it('pick up re-scored, edited, added and deleted records', async () => {
    harness = await startSyncHarness({ fake: { days: 120 } })
    const { fake, clock, engine, db } = harness
    await engine.sync()

    clock.advance(3 * HOUR)
    const rescored = fake.edit.scorePending()
    const edited = fake.edit.editWorkout(fake.history.workouts[1].id, (w) => (w.score!.strain = 17.25))
    const added = fake.edit.addWorkout(30)
    const deleted = fake.history.workouts[3].id
    fake.edit.deleteWorkout(deleted)
    const result = await engine.sync()

    expect(rescored).toBe(2)
    expect(db.prepare("SELECT COUNT(*) AS n FROM sleep WHERE score_state = 'PENDING_SCORE'").get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT strain FROM workout WHERE id = ?').get(edited.id)).toEqual({ strain: 17.25 })
    expect(db.prepare('SELECT id FROM workout WHERE id = ?').get(added.id)).toEqual({ id: added.id })
    expect(db.prepare('SELECT id FROM workout WHERE id = ?').get(deleted)).toBeUndefined()
    expect(result.resources.find((o) => o.resource === 'workout')).toMatchObject({ added: 1, updated: 1, removed: 1 })
    expect(result.resources.find((o) => o.resource === 'recovery')).toMatchObject({ updated: 1 })
    expect(storedRecords(db)).toEqual(fakeRecords(fake))
  })

  it('follow a new day: the running cycle ends and a new one starts', async () => {
    harness = await startSyncHarness({ fake: { days: 60 } })
    const { fake, clock, engine, db } = harness
    await engine.sync()
    clock.advance(DAY)
    const { cycle, sleep } = fake.edit.newDay()
    await engine.sync()
    expect(db.prepare('SELECT id FROM cycle WHERE end_ms IS NULL').all()).toEqual([{ id: cycle.id }])
    expect(db.prepare('SELECT score_state FROM sleep WHERE id = ?').get(sleep.id)).toEqual({ score_state: 'PENDING_SCORE' })
    expect(storedRecords(db)).toEqual(fakeRecords(fake))
  })

  it('remove an old record deleted at WHOOP in the periodic reconciliation pass', async () => {
    harness = await startSyncHarness({ fake: { days: 120 } })
    const { fake, clock, engine, db } = harness
    await engine.sync()
    const old = fake.history.sleeps.find((s) => Date.parse(s.start) < clock.now() - 20 * DAY && !s.nap)!
    fake.edit.deleteSleep(old.id)

    clock.advance(HOUR)
    await engine.sync()
    expect(db.prepare('SELECT id FROM sleep WHERE id = ?').get(old.id)).toEqual({ id: old.id })

    clock.advance(7 * DAY)
    const result = await engine.sync()
    expect(db.prepare('SELECT id FROM sleep WHERE id = ?').get(old.id)).toBeUndefined()
    expect(db.prepare('SELECT cycle_id FROM recovery WHERE sleep_id = ?').get(old.id)).toBeUndefined()
    expect(result.resources.find((o) => o.resource === 'sleep')).toMatchObject({ removed: 1 })
    expect(storedRecords(db)).toEqual(fakeRecords(fake))
  })

  // WHOOP orders and filters recoveries by their sleep's start. A first sync stores some recoveries
  // before their sleeps (there are more sleeps than recoveries, naps included), and without cycles
  // (here their pages fail) a recovery's only time is when it was created, hours after its sleep
  // began. A re-read window that holds that time but not the sleep's start must not remove it.
  it('keep a recovery stored before its sleep, once a re-read window holds its creation but not its sleep', async () => {
    harness = await startSyncHarness({ fake: { days: 3 * 365 } })
    const { fake, clock, engine, db } = harness
    fake.addFault({ kind: 'drift', drift: (body: { records: { score_state: string }[] }) => ((body.records[0].score_state = 'NEW'), body), times: 2, path: '/v2/cycle' })
    await engine.sync()
    const misplaced = db
      .prepare('SELECT COUNT(*) AS n FROM recovery JOIN sleep ON sleep.id = recovery.sleep_id WHERE recovery.sleep_start_ms != sleep.start_ms')
      .get()
    expect(misplaced).toEqual({ n: 0 })
    fake.clearFaults()
    clock.advance(60_000)
    expect((await engine.sync()).status).toBe('succeeded')
    expect(storedRecords(db)).toEqual(fakeRecords(fake))
  })

  it('read back to the oldest record still being scored', async () => {
    harness = await startSyncHarness({ fake: { days: 90 } })
    const { fake, clock, engine } = harness
    const stuck = fake.history.sleeps[40]
    stuck.score_state = 'PENDING_SCORE'
    delete stuck.score
    await engine.sync()
    clock.advance(HOUR)
    const before = fake.apiRequests('/v2/activity/sleep').length
    await engine.sync()
    const request = fake.apiRequests('/v2/activity/sleep')[before]
    expect(Date.parse(request.query.start)).toBeLessThanOrEqual(Date.parse(stuck.start))
  })
})

describe('honest status', () => {
  it('reports a resource that answers 404 as failed and still syncs the others', async () => {
    harness = await startSyncHarness({ fake: { days: 60 } })
    harness.fake.addFault({ kind: 'status', status: 404, times: Infinity, path: '/v2/recovery' })
    const result = await harness.engine.sync()
    expect(result.status).toBe('partial')
    const recovery = result.resources.find((outcome) => outcome.resource === 'recovery')!
    expect(recovery).toMatchObject({ status: 'failed', added: 0, error: { kind: 'whoop-error' } })
    expect(recovery.error!.message).toContain('404')
    const counts = tableCounts(harness.db)
    expect(counts).toEqual({ ...expectedCounts(harness.fake), recovery: 0 })
    expect(harness.engine.status().resources.find((r) => r.resource === 'recovery')).toMatchObject({
      lastSuccessAt: null,
      historyComplete: false
    })
  })

  it('reports a schema failure on one resource without losing what was stored before', async () => {
    harness = await startSyncHarness({ fake: { days: 60 } })
    await harness.engine.sync()
    const before = storedRecords(harness.db)
    harness.clock.advance(HOUR)
    harness.fake.addFault({ kind: 'drift', drift: (b: any) => ((b.records[0].score_state = 'ALMOST'), b), path: '/v2/activity/workout' })
    const result = await harness.engine.sync()
    expect(result.resources.find((o) => o.resource === 'workout')).toMatchObject({
      status: 'failed',
      error: { kind: 'unexpected-response', message: expect.stringContaining('records[0].score_state') }
    })
    expect(storedRecords(harness.db)).toEqual(before)
  })

  it('stops at "re-connect needed" and says so for every resource it could not sync', async () => {
    harness = await startSyncHarness({ fake: { days: 30 } })
    harness.fake.revokeAllTokens()
    const result = await harness.engine.sync()
    expect(result.status).toBe('failed')
    expect(result.resources.map((o) => [o.resource, o.status, o.error?.kind])).toEqual([
      ['profile', 'failed', 'reconnect-needed'],
      ['bodyMeasurement', 'failed', 'reconnect-needed'],
      ['cycle', 'failed', 'reconnect-needed'],
      ['sleep', 'failed', 'reconnect-needed'],
      ['recovery', 'failed', 'reconnect-needed'],
      ['workout', 'failed', 'reconnect-needed']
    ])
  })

  it('syncs the collections for the known member when only the profile keeps failing', async () => {
    harness = await startSyncHarness({ fake: { days: 30 } })
    await harness.engine.sync()
    harness.clock.advance(HOUR)
    harness.fake.addFault({ kind: 'malformed-json', times: Infinity, path: '/v2/user/profile/basic' })
    const result = await harness.engine.sync()
    expect(result.status).toBe('partial')
    expect(result.resources.map((o) => [o.resource, o.status, o.error?.kind])).toEqual([
      ['profile', 'failed', 'unexpected-response'],
      ['bodyMeasurement', 'ok', undefined],
      ['cycle', 'ok', undefined],
      ['sleep', 'ok', undefined],
      ['recovery', 'ok', undefined],
      ['workout', 'ok', undefined]
    ])
    // Retried like a 5xx before giving up.
    expect(harness.fake.apiRequests('/v2/user/profile/basic').length).toBe(1 + 5)
  })

  it('stores nothing when the first profile fails: without it the member is unknown', async () => {
    harness = await startSyncHarness({ fake: { days: 30 } })
    harness.fake.addFault({ kind: 'status', status: 503, times: Infinity, path: '/v2/user/profile/basic' })
    const result = await harness.engine.sync()
    expect(result.status).toBe('failed')
    expect(new Set(result.resources.map((o) => o.error?.message))).toEqual(new Set(['WHOOP answered GET /v2/user/profile/basic with error 503.']))
    expect(Object.values(tableCounts(harness.db)).every((n) => n === 0)).toBe(true)
  })

  it('marks a run left running by a crashed process as interrupted when the next engine starts', async () => {
    harness = await startSyncHarness({ fake: { days: 30 } })
    harness.db.prepare(`INSERT INTO sync_run (trigger, started_at, status) VALUES ('manual', '2026-01-01T00:00:00.000Z', 'running')`).run()
    const next = createSyncEngine({ db: harness.db, clock: harness.clock, client: () => undefined })
    expect(next.interruptedRuns).toBe(1)
    expect(harness.db.prepare('SELECT status, finished_at AS finishedAt FROM sync_run').all()).toEqual([
      { status: 'interrupted', finishedAt: new Date(harness.clock.now()).toISOString() }
    ])
  })

  it('records every run with its outcome, and the status per resource', async () => {
    harness = await startSyncHarness({ fake: { days: 30 } })
    const result = await harness.engine.sync()
    const status = harness.engine.status()
    expect(status.lastRun).toEqual(result)
    expect(status.running).toBe(false)
    expect(status.resources.find((r) => r.resource === 'sleep')).toEqual({
      resource: 'sleep',
      lastSuccessAt: new Date(harness.clock.now()).toISOString(),
      historyComplete: true,
      records: harness.fake.history.sleeps.length
    })
  })
})

describe('progress, joining and cancelling', () => {
  it('reports progress per resource and the waits for the rate limit', async () => {
    harness = await startSyncHarness({ fake: { days: 200, rateLimit: { perMinute: 5, perDay: 10_000 } } })
    await harness.engine.sync()
    const types = new Set(harness.progress.map((event) => event.type))
    expect([...types]).toEqual(expect.arrayContaining(['started', 'resource', 'resource-done', 'waiting', 'finished']))
    const cyclePages = harness.progress.filter((e) => e.type === 'resource' && e.resource === 'cycle')
    // How far back it has read: the oldest cycle's start, once the last page is in.
    const oldestCycle = harness.fake.history.cycles.at(-1)!
    expect(cyclePages.at(-1)).toMatchObject({ type: 'resource', resource: 'cycle', pages: 8, records: 200, reachedBack: oldestCycle.start })
  })

  it('lets a second request join the sync already running', async () => {
    harness = await startSyncHarness({ fake: { days: 100 } })
    const [first, second] = [harness.engine.sync(), harness.engine.sync()]
    expect(second).toBe(first)
    await first
    expect(harness.fake.apiRequests('/v2/user/profile/basic')).toHaveLength(1)
  })

  it('cancels between pages, keeps what it stored, and continues from there next time', async () => {
    harness = await startSyncHarness({ fake: { days: 1000 } })
    const { engine, progress, fake, db } = harness
    const cancelAfterPages = (event: (typeof progress)[number]) =>
      event.type === 'resource' && event.resource === 'cycle' && event.pages === 10 && engine.cancel()
    const unsubscribe = watch(progress, cancelAfterPages)
    const result = await engine.sync()
    unsubscribe()
    expect(result.status).toBe('cancelled')
    expect(result.resources.find((o) => o.resource === 'cycle')).toMatchObject({ status: 'cancelled', error: { kind: 'cancelled' } })
    expect(tableCounts(db).cycle).toBe(250)

    const before = fake.apiRequests('/v2/cycle').length
    await engine.sync()
    // The walk goes on from its next page (besides asking again where the history begins, for the estimate).
    const resumed = fake.apiRequests('/v2/cycle').slice(before).filter((request) => request.query.nextToken !== undefined)
    expect(fake.apiRequests('/v2/cycle')[before].query.nextToken).toEqual(expect.any(String))
    expect(resumed).toHaveLength(Math.ceil(1000 / 25) - 10)
    expect(storedRecords(db)).toEqual(fakeRecords(fake))
  })

  it('re-reads only a requested window and resources', async () => {
    harness = await startSyncHarness({ fake: { days: 100 } })
    const { engine, fake, clock } = harness
    await engine.sync()
    const before = fake.apiRequests().length
    const start = new Date(clock.now() - 10 * DAY).toISOString()
    const result = await engine.sync({ resources: ['workout'], start })
    const requests = fake.apiRequests().slice(before).filter((request) => request.path.startsWith('/v2/activity') || request.path.startsWith('/v2/cycle') || request.path.startsWith('/v2/recovery'))
    expect(requests.map((request) => request.path)).toEqual(['/v2/activity/workout'])
    expect(requests[0].query.start).toBe(start)
    expect(result.resources.map((o) => o.resource)).toEqual(['profile', 'bodyMeasurement', 'workout'])
  })
})

/** Calls `check` for each progress event as it is pushed. */
function watch<T>(events: T[], check: (event: T) => unknown): () => void {
  const push = events.push.bind(events)
  events.push = (...items: T[]) => {
    for (const item of items) check(item)
    return push(...items)
  }
  return () => {
    events.push = push
  }
}

describe('the rolling re-read of older history', () => {
  /** At WHOOP, ten days, a month, a year and four years back: a workout edited, a sleep re-scored, a sleep deleted. */
  function changeOldHistory(h: SyncHarness) {
    const { fake, clock } = h
    const near = <T extends { start: string }>(list: T[], daysBack: number) =>
      list.find((record) => Date.parse(record.start) <= clock.now() - daysBack * DAY)!
    for (const daysBack of [10, 31, 365, 4 * 365]) {
      fake.edit.editWorkout(near(fake.history.workouts, daysBack).id, (workout) => (workout.score!.strain = 20.25))
      const nights = fake.history.sleeps.filter((sleep) => !sleep.nap && sleep.score_state === 'SCORED')
      fake.edit.editSleep(near(nights, daysBack).id, (sleep) => (sleep.score!.sleep_performance_percentage = 42))
      fake.edit.deleteSleep(near(nights, daysBack + 3).id)
    }
  }

  it('picks up edits, re-scoring and deletions 10 days, 1 month, 1 year and 4 years back within a week of daily syncs', async () => {
    harness = await startSyncHarness({ fake: { days: 5 * 365 + 1 } })
    const { fake, clock, engine, db } = harness
    await engine.sync()
    changeOldHistory(harness)
    const requestsPerSync: number[] = []
    for (let day = 1; day <= 7; day++) {
      clock.advance(DAY)
      fake.edit.newDay()
      const before = fake.apiRequests().length
      await engine.sync()
      requestsPerSync.push(fake.apiRequests().length - before)
      // Not all at once: each day re-reads its share.
      if (day === 1) expect(storedRecords(db)).not.toEqual(fakeRecords(fake))
    }
    expect(storedRecords(db)).toEqual(fakeRecords(fake))
    // The budget the README states: the recent days (profile, body and a page per collection), a
    // seventh of the history's pages, and per collection a page for each stretch's ends and, weekly,
    // one more for the 30-day reconciliation: at most 12 over 6 + pages / 7.
    const counts = tableCounts(db)
    const pages = [counts.cycle, counts.sleep, counts.recovery, counts.workout].reduce((sum, n) => sum + Math.ceil(n / 25), 0)
    for (const requests of requestsPerSync) expect(requests).toBeLessThanOrEqual(6 + Math.ceil(pages / 7) + 12)
  })

  it('re-reads the whole history at once when asked, ending like any sync', async () => {
    harness = await startSyncHarness({ fake: { days: 5 * 365 + 1 } })
    const { fake, clock, engine, db } = harness
    await engine.sync()
    changeOldHistory(harness)
    clock.advance(HOUR)
    const result = await engine.sync({ wholeHistory: true })
    expect(result.status).toBe('succeeded')
    expect(result.resources.find((o) => o.resource === 'sleep')).toMatchObject({ updated: 4, removed: 4 })
    expect(result.resources.find((o) => o.resource === 'recovery')).toMatchObject({ removed: 4 })
    expect(result.resources.find((o) => o.resource === 'workout')).toMatchObject({ updated: 4 })
    expect(storedRecords(db)).toEqual(fakeRecords(fake))
  })
})

describe('the first sync’s order', () => {
  it('reads the newest page of every collection before any older page, then walks them back together', async () => {
    harness = await startSyncHarness({ fake: { days: 400 } })
    await harness.engine.sync()
    const collectionPaths = ['/v2/cycle', '/v2/activity/sleep', '/v2/recovery', '/v2/activity/workout']
    const walks = harness.fake.apiRequests().filter((request) => collectionPaths.includes(request.path))
    expect(walks.slice(0, 4).map((request) => [request.path, request.query.nextToken])).toEqual(collectionPaths.map((path) => [path, undefined]))
    // Interleaved: in any 8 requests in the middle of the backfill, every collection has its turn.
    expect(new Set(walks.slice(20, 28).map((request) => request.path)).size).toBe(4)
  })
})

describe('the first sync’s estimate of what is left', () => {
  it('finds where a 5-year history begins in a dozen requests, then says how many pages and how long are left', async () => {
    harness = await startSyncHarness({ fake: { days: 5 * 365 } })
    const { fake, clock, engine, progress } = harness
    // A workout every third day or so: its pages span three times the days the others' do.
    fake.history.workouts = fake.history.workouts.filter((_, index) => index % 3 === 0)
    const started = clock.now()
    await engine.sync()
    const finished = clock.now()

    // Each page stored is one progress event, in the order the pages came.
    const pages = progress.flatMap((event, index) => (event.type === 'resource' ? [{ event, index, at: 0 }] : []))
    const estimated = pages.filter(({ event }) => event.estimate !== undefined)
    const firstCycle = Math.min(...fake.history.cycles.map((cycle) => Date.parse(cycle.start)))
    expect(estimated.length).toBeGreaterThan(pages.length * 0.9)
    expect(Math.abs(Date.parse(estimated[0].event.estimate!.historyStart) - firstCycle)).toBeLessThanOrEqual(DAY)

    // Asking where the history begins: the cycle requests with an end that are not a walk's pages.
    const walkRequests = pages.length
    const collectionRequests = fake.apiRequests().filter((request) => /^\/v2\/(cycle|recovery|activity\/(sleep|workout))$/.test(request.path)).length
    expect(collectionRequests - walkRequests).toBeGreaterThan(0)
    expect(collectionRequests - walkRequests).toBeLessThanOrEqual(14)

    // A tenth, a quarter, half and three quarters of the way: the pages left, to within 10 % (and a page
    // or two for each collection's rounding).
    for (const share of [0.1, 0.25, 0.5, 0.75]) {
      const { event } = pages[Math.floor(pages.length * share)]
      const actuallyLeft = pages.length - Math.floor(pages.length * share) - 1
      expect(event.estimate!.pagesLeft, `at ${share}`).toBeGreaterThanOrEqual(actuallyLeft * 0.9 - 4)
      expect(event.estimate!.pagesLeft, `at ${share}`).toBeLessThanOrEqual(actuallyLeft * 1.1 + 4)
    }
    // And the time: WHOOP's 100 requests a minute pace this backfill (each window kept a second
    // longer, as the limiter paces), so what is left takes whole windows of 61 s.
    expect(finished - started).toBeGreaterThanOrEqual(60_000)
    const first = estimated[0].event.estimate!
    expect(first.secondsLeft).toBe(Math.floor((first.pagesLeft - 1) / 100) * 61)
  })
})
