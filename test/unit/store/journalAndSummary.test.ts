import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/database/openDatabase'
import { generateMemberHistory, type MemberHistory } from '../../../src/main/demo/memberHistory'
import { createAssistantReads } from '../../../src/main/store/assistantReads'
import { createDailyValues } from '../../../src/main/store/dailyValues'
import { createHistorySummary } from '../../../src/main/store/historySummary'
import { createJournalAnswers } from '../../../src/main/store/journalAnswers'
import { createRecordStore } from '../../../src/main/store/recordStore'
import { trendMetrics } from '../../../src/shared/insights'
import { addDays } from '../../../src/shared/calendar'
import { cycleDay, memberDate } from '../../support/fixtures/memberDays'
import { makeTempDir } from '../../support/harness/tempDir'

/*
 * The store's small readers, against a real database holding a generated member: each answer is
 * compared with what the test works out from the member's records.
 */

const HOUR = 3_600_000
let db: Database
let history: MemberHistory
const userId = () => history.profile.user_id

beforeEach(() => {
  db = openDatabase(path.join(makeTempDir(), 'db.sqlite'))
  history = generateMemberHistory({ days: 20, now: Date.parse('2026-11-20T15:00:00Z') })
  const store = createRecordStore(db)
  store.saveProfile(history.profile, '2026-11-20T15:00:00.000Z')
  db.transaction(() => {
    store.upsert('cycle', userId(), history.cycles, { source: 'api', walk: null })
    store.upsert('sleep', userId(), history.sleeps, { source: 'api', walk: null })
    store.upsert('recovery', userId(), history.recoveries, { source: 'api', walk: null })
    store.upsert('workout', userId(), history.workouts, { source: 'export', walk: null })
  })()
})

function answer(cycleStartMs: number, question: string, yes: number | null, localDate = '2000-01-01') {
  db.prepare(
    "INSERT INTO journal_entry (user_id, cycle_start_ms, timezone_offset, local_date, question, answered_yes, notes, source) VALUES (?, ?, '+00:00', ?, ?, ?, NULL, 'export')"
  ).run(userId(), cycleStartMs, localDate, question, yes)
}

describe('journal answers', () => {
  it("take the day of the cycle that started nearest, within 12 hours either side, else the export's own date", () => {
    const journal = createJournalAnswers(db)
    expect(journal.any(userId())).toBe(false)
    const [newer, older] = [history.cycles[3], history.cycles[4]]
    const start = (cycle: typeof newer) => Date.parse(cycle.start)
    answer(start(older) + 12 * HOUR, 'twelve hours after the older', 1)
    answer(start(newer) - HOUR, 'an hour before the newer', 0)
    answer(start(history.cycles.at(-1)!) - 12 * HOUR - 1, 'before any cycle, by more than 12 hours', null, '2025-01-01')
    // Exactly halfway between two cycles: the earlier one.
    // Ten minutes past halfway between two cycles less than 23.5 hours apart: both are near enough, the later is nearer.
    const pair = history.cycles.findIndex((cycle, index) => index > 5 && index + 1 < history.cycles.length && start(cycle) - start(history.cycles[index + 1]) <= 23.5 * HOUR)
    const [later, earlier] = [history.cycles[pair], history.cycles[pair + 1]]
    answer((start(earlier) + start(later)) / 2, 'halfway', 1)
    answer((start(earlier) + start(later)) / 2 + 10 * 60_000, 'just past halfway', 1)
    expect(journal.any(userId())).toBe(true)

    const days = new Map(journal.between(userId()).map((row) => [row.question, row]))
    // Given on the morning of its cycle's day, about the day before.
    const olderDay = cycleDay(history, older.id)
    expect(days.get('twelve hours after the older')).toEqual({ question: 'twelve hours after the older', answeredYes: true, notes: null, answeredOn: olderDay, about: addDays(olderDay, -1) })
    expect(days.get('an hour before the newer')).toMatchObject({ answeredYes: false, answeredOn: cycleDay(history, newer.id) })
    expect(days.get('before any cycle, by more than 12 hours')).toMatchObject({ answeredYes: null, answeredOn: '2025-01-01', about: '2024-12-31' })
    expect(days.get('halfway')!.answeredOn).toBe(cycleDay(history, earlier.id))
    expect(days.get('just past halfway')!.answeredOn).toBe(cycleDay(history, later.id))

    // A window holds the answers that started in it, each dated by a cycle that may start outside it.
    answer(start(newer) + HOUR, 'an hour after the newer', 1)
    expect(journal.between(userId(), start(newer) - 2 * HOUR, start(newer)).map(({ question, answeredOn }) => [question, answeredOn])).toEqual([
      ['an hour before the newer', cycleDay(history, newer.id)]
    ])
    expect(journal.between(userId(), start(newer) + HOUR / 2, start(newer) + 2 * HOUR).map(({ question, answeredOn }) => [question, answeredOn])).toEqual([
      ['an hour after the newer', cycleDay(history, newer.id)]
    ])
  })
})

describe('daily values', () => {
  it('give the days from … to, both included, and the first and last day with a cycle', () => {
    const daily = createDailyValues(db)
    const days = history.cycles.map((cycle) => cycleDay(history, cycle.id)).sort()
    expect(daily.historyRange(userId())).toEqual({ first: days[0], last: days.at(-1) })
    expect([...daily.between(userId(), days[2], days[4]).keys()].sort()).toEqual(days.slice(2, 5))
    // Every measure of a day, null where it has none: a scored day with no workout had 0 workouts.
    const cycle = history.cycles[3]
    const recovery = history.recoveries.find((r) => r.cycle_id === cycle.id)!.score!
    const day = cycleDay(history, cycle.id)
    const values = daily.between(userId(), day, day).get(day)!
    expect(values).toMatchObject({ recovery: recovery.recovery_score, hrv: recovery.hrv_rmssd_milli, strain: cycle.score!.strain })
    const measuresOf = (figures: typeof values) => Object.fromEntries(trendMetrics.map((metric) => [metric, figures[metric]]))
    expect(Object.keys(values)).toEqual(expect.arrayContaining([...trendMetrics]))
    expect(values.workouts).toBe(history.workouts.filter((w) => memberDate(Date.parse(w.start), w.timezone_offset) === day).length)
    // A workout on a day with nothing else: that day's other measures are null, not missing.
    const later = { ...history.workouts[0], id: 'a0000000-0000-4000-8000-000000000000', start: '2027-01-10T12:00:00.000Z', end: '2027-01-10T13:00:00.000Z' }
    db.transaction(() => createRecordStore(db).upsert('workout', userId(), [later], { source: 'api', walk: null }))()
    const alone = daily.between(userId(), '2027-01-10', '2027-01-10').get('2027-01-10')!
    expect(measuresOf(alone)).toEqual({ ...Object.fromEntries(trendMetrics.map((metric) => [metric, null])), workouts: 1 })
    expect(daily.historyRange(12345)).toBeNull()
  })
})

describe('the history summary', () => {
  it('counts each kind of record, says where they came from, and when each resource was synced', () => {
    db.prepare("INSERT INTO sync_state (user_id, resource, last_success_ms) VALUES (?, 'cycle', 1764000000000), (?, 'sleep', NULL)").run(userId(), userId())
    answer(Date.parse(history.cycles[2].start), 'question', 1)
    const summary = createHistorySummary(db)(userId())
    const days = history.cycles.map((cycle) => cycleDay(history, cycle.id)).sort()
    expect(summary).toEqual({
      firstDate: days[0],
      lastDate: days.at(-1),
      records: { cycles: history.cycles.length, sleeps: history.sleeps.length, recoveries: history.recoveries.length, workouts: history.workouts.length, journalAnswers: 1, dayTags: 0 },
      sources: expect.arrayContaining(['synced from WHOOP', "imported from WHOOP's data export"]),
      lastSynced: [
        { resource: 'cycle', atMs: 1764000000000 },
        { resource: 'sleep', atMs: null }
      ]
    })
    expect(summary.sources).toHaveLength(2)
  })
})

describe('assistant reads', () => {
  it('keep the latest read only', () => {
    const reads = createAssistantReads(db)
    expect(reads.last()).toBeNull()
    reads.record('get_day', 1_000)
    reads.record('get_trend', 2_000)
    expect(reads.last()).toEqual({ atMs: 2_000, tool: 'get_trend' })
    expect(db.prepare('SELECT COUNT(*) AS n FROM assistant_read').get()).toEqual({ n: 1 })
  })
})
