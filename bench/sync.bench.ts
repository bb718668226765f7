import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dashboardRanges } from '../src/shared/dashboard'
import { openDatabase } from '../src/main/database/openDatabase'
import { createDashboardQueries } from '../src/main/store/dashboardQueries'
import { createRecordStore } from '../src/main/store/recordStore'
import { createSyncEngine } from '../src/main/sync/syncEngine'
import { createRateLimiter } from '../src/main/whoop/rateLimiter'
import { PAGE_SIZE } from '../src/main/whoop/whoopClient'
import type { Workout } from '../src/main/whoop/whoopSchemas'
import type { SyncProgress } from '../src/shared/sync'
import { startFakeWhoop, type FakeWhoop } from '../test/support/fakeWhoop/fakeWhoopServer'
import { seededRandom } from '../src/main/demo/seededRandom'
import { createVirtualClock } from '../test/support/harness/virtualClock'
import { clientForFake } from '../test/support/fakeWhoop/whoopTestClient'
import { report } from './report'

const FIVE_YEARS = 5 * 365 + 1
const paths = { cycle: '/v2/cycle', sleep: '/v2/activity/sleep', recovery: '/v2/recovery', workout: '/v2/activity/workout' }

function tempDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-bench-'))
  return { db: openDatabase(path.join(dir, 'whoop-desktop.sqlite')), remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

function recordsIn(fake: FakeWhoop) {
  const h = fake.history
  return { cycle: h.cycles.length, sleep: h.sleeps.length, recovery: h.recoveries.length, workout: h.workouts.length }
}

/** A fake WHOOP with 5 years of history and no rate limits, a database and an engine, on a simulated clock. */
export async function unlimitedSync() {
  const clock = createVirtualClock()
  const fake = await startFakeWhoop({ clock, days: FIVE_YEARS, rateLimit: false })
  const { db, remove } = tempDatabase()
  const { client } = clientForFake(fake, clock, { rateLimiter: createRateLimiter({ clock, policies: [] }) })
  return { clock, fake, db, remove, engine: createSyncEngine({ db, clock, client: () => client }) }
}

/** Full backfill without rate limits, then a no-change incremental sync, then the dashboard queries. */
export async function benchBackfillAndQueries(): Promise<void> {
  const { clock, fake, db, remove, engine } = await unlimitedSync()
  try {
    const counts = recordsIn(fake)
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    let started = performance.now()
    await engine.sync()
    const backfillMs = performance.now() - started
    report('backfill-records-per-second', total / (backfillMs / 1000), 'records/s', { records: total, elapsedMs: Math.round(backfillMs), rateLimit: 'none' })
    for (const [name, records] of Object.entries(counts)) {
      const requests = fake.apiRequests(paths[name as keyof typeof paths]).length
      const minimum = Math.ceil(records / PAGE_SIZE)
      report('backfill-requests', requests, 'requests', { resource: name, records, minimum, overMinimumPercent: ((requests - minimum) / minimum) * 100 })
    }

    clock.advance(3_600_000)
    const before = fake.apiRequests().length
    started = performance.now()
    await engine.sync()
    report('incremental-no-change-ms', performance.now() - started, 'ms', { requests: fake.apiRequests().length - before, resources: 6 })

    const queries = createDashboardQueries(db)
    const userId = fake.history.profile.user_id
    // The daily values are kept until the database changes: the first dashboard after a sync reads every day again.
    const touch = db.prepare('UPDATE sync_state SET last_recheck_ms = last_recheck_ms')
    for (const range of dashboardRanges) {
      const days = queries.dayRange(userId, range, clock.now())
      const timings = {
        recoverySeries: () => queries.recoverySeries(days),
        sleepSeries: () => queries.sleepSeries(days),
        strainSeries: () => queries.strainSeries(days),
        sportTotals: () => queries.sportTotals(days),
        zoneTotals: () => queries.zoneTotals(days),
        wholeDashboard: () => queries.dashboard(userId, range, clock.now())
      }
      for (const [query, run] of Object.entries(timings)) {
        run()
        const samples = Array.from({ length: 7 }, () => {
          const t = performance.now()
          run()
          return performance.now() - t
        }).sort((a, b) => a - b)
        report('dashboard-query-ms', samples[3], 'ms', { query, range, statistic: 'median of 7', history: '5 years' })
      }
      const afterAChange = Array.from({ length: 7 }, () => {
        touch.run()
        const t = performance.now()
        queries.dashboard(userId, range, clock.now())
        return performance.now() - t
      }).sort((a, b) => a - b)
      report('dashboard-query-ms', afterAChange[3], 'ms', { query: 'wholeDashboard', range, after: 'a change', statistic: 'median of 7', history: '5 years' })
    }
  } finally {
    db.close()
    remove()
    await fake.close()
  }
}

/**
 * The rolling re-read of older history: after the backfill, a sync a day for two weeks. Per sync,
 * the requests made; at the end, how long ago the least recently re-read record of 5 years was sent.
 */
export async function benchHistoryRecheck(): Promise<void> {
  const { clock, fake, db, remove, engine } = await unlimitedSync()
  try {
    await engine.sync()
    const started = clock.now()
    const perSync: number[] = []
    let daysToRereadAll: number | undefined
    const everyKey = () => [
      ...fake.history.cycles.map((r) => `${paths.cycle} ${r.id}`),
      ...fake.history.sleeps.map((r) => `${paths.sleep} ${r.id}`),
      ...fake.history.recoveries.map((r) => `${paths.recovery} ${r.cycle_id}`),
      ...fake.history.workouts.map((r) => `${paths.workout} ${r.id}`)
    ]
    for (let day = 1; day <= 14; day++) {
      clock.advance(86_400_000)
      fake.edit.newDay()
      const before = fake.apiRequests().length
      await engine.sync()
      perSync.push(fake.apiRequests().length - before)
      const served = fake.lastServed()
      if (daysToRereadAll === undefined && everyKey().every((key) => (served.get(key) ?? 0) > started)) daysToRereadAll = day
    }
    const served = fake.lastServed()
    const stalest = Math.max(...everyKey().map((key) => clock.now() - (served.get(key) ?? 0)))
    const sorted = perSync.toSorted((a, b) => a - b)
    report('history-recheck-requests-per-daily-sync', sorted[7], 'requests', {
      statistic: 'median of 14 daily syncs, 5 years of history',
      max: sorted.at(-1),
      samples: perSync,
      budget: '6 for the newest days + a seventh of the history’s pages (+ up to 12 for stretch ends and the weekly 30-day pass)'
    })
    report('history-recheck-days-to-reread-5-years', daysToRereadAll ?? Infinity, 'days', { schedule: 'one sync a day', target: '≤ 7' })
    report('history-recheck-stalest-record-days', stalest / 86_400_000, 'days', { after: '14 daily syncs', target: '≤ 7' })
  } finally {
    db.close()
    remove()
    await fake.close()
  }
}

/** The same backfill under WHOOP's real limits, on a simulated clock: how close to the floor? */
export async function benchPacedBackfill(): Promise<void> {
  const clock = createVirtualClock()
  const fake = await startFakeWhoop({ clock, days: FIVE_YEARS })
  const { db, remove } = tempDatabase()
  const { client } = clientForFake(fake, clock)
  try {
    // When the newest page (25 records: the last 25 days) of every collection is stored: what the
    // dashboard then shows, within the second it takes to redraw.
    const firstPages = new Set<string>()
    let newestStoredMs: number | undefined
    // The first estimate of what is left, and when it came, against what then took place.
    let firstEstimate: { pagesLeft: number; secondsLeft: number; atMs: number; pagesSoFar: number } | undefined
    let pages = 0
    const onProgress = (progress: SyncProgress) => {
      if (progress.type !== 'resource') return
      pages++
      firstPages.add(progress.resource)
      if (firstPages.size === 4) newestStoredMs ??= clock.elapsed()
      if (progress.estimate) firstEstimate ??= { ...progress.estimate, atMs: clock.elapsed(), pagesSoFar: pages }
    }
    await createSyncEngine({ db, clock, client: () => client, onProgress }).sync()
    report('first-sync-newest-25-days-stored-simulated-seconds', (newestStoredMs ?? Infinity) / 1000, 's', {
      history: '5 years',
      limits: 'WHOOP’s (100 a minute, 10,000 a day)',
      measure: 'sync start to the newest page of all four collections stored',
      target: '≤ 10 s'
    })
    const requests = fake.apiRequests().length
    const tooMany = fake.apiRequests().filter((request) => request.status === 429).length
    // 100 requests may go at once; every further 100 needs another minute.
    const floorMs = Math.floor((requests - 1) / 100) * 60_000
    report('paced-backfill-simulated-seconds', clock.elapsed() / 1000, 's', {
      requests,
      floorSeconds: floorMs / 1000,
      overFloorPercent: floorMs ? ((clock.elapsed() - floorMs) / floorMs) * 100 : 0,
      responses429: tooMany
    })
    report('first-sync-estimate-seconds-left', firstEstimate?.secondsLeft ?? NaN, 's', {
      actualSecondsLeft: (clock.elapsed() - (firstEstimate?.atMs ?? NaN)) / 1000,
      pagesLeft: firstEstimate?.pagesLeft,
      actualPagesLeft: pages - (firstEstimate?.pagesSoFar ?? NaN),
      afterPages: firstEstimate?.pagesSoFar,
      history: '5 years'
    })
  } finally {
    db.close()
    remove()
    await fake.close()
  }
}

/** 100,000 workouts upserted in pages of 25, one transaction per page, as a sync stores them. */
export function benchUpsert(): void {
  const { db, remove } = tempDatabase()
  const store = createRecordStore(db)
  const random = seededRandom(7)
  const start = Date.parse('2016-01-01T00:00:00Z')
  const workouts: Workout[] = Array.from({ length: 100_000 }, (_, index) => {
    const begin = start + index * 3_600_000
    const iso = (ms: number) => new Date(ms).toISOString()
    return {
      id: random.uuid(),
      user_id: 1,
      created_at: iso(begin + 3_600_000),
      updated_at: iso(begin + 3_600_000),
      start: iso(begin),
      end: iso(begin + 2_700_000),
      timezone_offset: '-05:00',
      sport_name: 'running',
      score_state: 'SCORED',
      score: {
        strain: 10.5,
        average_heart_rate: 140,
        max_heart_rate: 170,
        kilojoule: 1800.5,
        percent_recorded: 100,
        zone_durations: { zone_zero_milli: 1, zone_one_milli: 2, zone_two_milli: 3, zone_three_milli: 4, zone_four_milli: 5, zone_five_milli: 6 }
      }
    }
  })
  try {
    store.saveProfile({ user_id: 1, email: 'bench@example.com', first_name: 'B', last_name: 'M' }, new Date().toISOString())
    const storeBatch = db.transaction((page: Workout[]) => store.upsert('workout', 1, page, { source: 'api', walk: 1 }))
    // As a sync stores pages (25 records a transaction), then as a restore stores a whole file.
    for (const batch of [PAGE_SIZE, workouts.length]) {
      db.exec('DELETE FROM workout')
      for (const pass of ['insert', 'unchanged'] as const) {
        const started = performance.now()
        for (let i = 0; i < workouts.length; i += batch) storeBatch(workouts.slice(i, i + batch))
        const ms = performance.now() - started
        report('upsert-records-per-second', workouts.length / (ms / 1000), 'records/s', {
          records: workouts.length,
          pass,
          recordsPerTransaction: batch,
          elapsedMs: Math.round(ms)
        })
      }
    }
  } finally {
    db.close()
    remove()
  }
}
