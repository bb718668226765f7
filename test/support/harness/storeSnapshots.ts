import type { Database } from 'better-sqlite3'
import type { FakeWhoop } from '../fakeWhoop/fakeWhoopServer'

/** Comparing what a database holds with what WHOOP (the fake) has; free of any test runner. */
const tables = ['profile', 'body_measurement', 'cycle', 'recovery', 'sleep', 'workout'] as const

export function tableCounts(db: Database): Record<(typeof tables)[number], number> {
  return Object.fromEntries(
    tables.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n])
  ) as Record<(typeof tables)[number], number>
}

export function expectedCounts(fake: FakeWhoop) {
  return {
    profile: 1,
    body_measurement: 1,
    cycle: fake.history.cycles.length,
    recovery: fake.history.recoveries.length,
    sleep: fake.history.sleeps.length,
    workout: fake.history.workouts.length
  }
}

/** Every stored record as WHOOP sent it, keyed and sorted, for comparing two databases. */
export function storedRecords(db: Database): Record<string, string[]> {
  const keyed = { cycle: 'id', recovery: 'cycle_id', sleep: 'id', workout: 'id' }
  return Object.fromEntries(
    Object.entries(keyed).map(([table, key]) => [
      table,
      (db.prepare(`SELECT raw FROM ${table} ORDER BY ${key}`).all() as { raw: string }[]).map((row) => row.raw)
    ])
  )
}

/** The same, straight from the fake's history. */
export function fakeRecords(fake: FakeWhoop): Record<string, string[]> {
  const sorted = <T>(items: T[], key: (item: T) => string | number) =>
    [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((item) => JSON.stringify(item))
  return {
    cycle: sorted(fake.history.cycles, (c) => c.id),
    recovery: sorted(fake.history.recoveries, (r) => r.cycle_id),
    sleep: sorted(fake.history.sleeps, (s) => s.id),
    workout: sorted(fake.history.workouts, (w) => w.id)
  }
}
