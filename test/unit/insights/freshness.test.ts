import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ApiHandlers } from '../../../src/shared/api'
import type { Insights, Trend } from '../../../src/shared/insights'
import { plantJournal, type JournalRows } from '../../support/fixtures/journalFixture'
import { importJournal, insightHandlersOf } from '../../support/harness/insightHarness'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'

/*
 * The days behind the insight pages are read once and kept until the database changes: every change
 * must be seen, whether this connection wrote it (a sync) or another did (the import worker).
 */

let harness: SyncHarness
let handlers: Pick<ApiHandlers, 'getTrend' | 'getInsights'>
let journal: JournalRows

beforeAll(async () => {
  harness = await startSyncHarness({ fake: { days: 60 } })
  journal = plantJournal(harness.fake.history, { days: 40, yesDays: 12 })
  await harness.engine.sync()
  handlers = insightHandlersOf(harness)
})
afterAll(() => harness.close())

const hrvMonth = async () => ((await handlers.getTrend({ metric: 'hrv', range: '1m' })) as Trend).current
const raiseNewestHrv = (db: BetterSqlite3.Database, by: number) =>
  db.prepare('UPDATE recovery SET hrv_rmssd_milli = hrv_rmssd_milli + ? WHERE cycle_id = (SELECT MAX(cycle_id) FROM recovery WHERE hrv_rmssd_milli IS NOT NULL)').run(by)

it("sees this connection's writes and another connection's, and a journal imported after it was first asked", async () => {
  const before = await hrvMonth()
  expect(await hrvMonth()).toEqual(before)

  raiseNewestHrv(harness.db, 300)
  expect((await hrvMonth()).value).toBeCloseTo(before.value! + 300 / before.days, 9)

  const other = new BetterSqlite3(harness.dbFile)
  raiseNewestHrv(other, -300)
  other.close()
  expect((await hrvMonth()).value).toBeCloseTo(before.value!, 9)

  expect(((await handlers.getInsights()) as Insights).hasJournal).toBe(false)
  await importJournal(harness, journal)
  const insights = (await handlers.getInsights()) as Insights
  expect(insights.hasJournal).toBe(true)
  expect(insights.questions.length).toBeGreaterThan(0)
})
