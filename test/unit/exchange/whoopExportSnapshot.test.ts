import { afterEach, describe, expect, it } from 'vitest'
import { generateMemberHistory, type MemberHistory } from '../../../src/main/demo/memberHistory'
import { invokeApi } from '../../../src/main/api/invokeApi'
import { describeImport } from '../../../src/shared/importSummary'
import { sportName } from '../../../src/shared/sportName'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { englishHeaders, whoopExportCsv } from '../../support/fixtures/whoopExportFixture'
import { whoopExportZip, zipOf } from '../../support/fixtures/whoopExportZip'

/*
 * A WHOOP export is a snapshot of the person's history over the days it covers: a re-export after
 * an edit replaces, an older export changes nothing, and what a newer export no longer has goes
 * only when the person confirms.
 */

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const HOUR = 3_600_000
const DAY = 24 * HOUR
const now = Date.parse('2026-11-20T15:00:00Z')
const history = generateMemberHistory({ days: 400, now })
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()
type Journal = [number, string, boolean, string][]

async function importZip(h: CoreHarness, file: string) {
  h.files.importFrom = file
  return h.call('importData', { kind: 'whoop-export' })
}

/** Every stored row of every record table, as the database holds it. */
function everyRow(h: CoreHarness) {
  const tables = { cycle: 'id', recovery: 'cycle_id', sleep: 'id', workout: 'id', journal_entry: 'cycle_start_ms, question' }
  return Object.fromEntries(Object.entries(tables).map(([table, key]) => [table, h.core.database.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all()]))
}

const count = (h: CoreHarness, sql: string, ...args: unknown[]) => (h.core.database.prepare(sql).get(...args) as { n: number }).n

/** Lines of `after` that are not in `before`: the rows an export changed. */
const changedLines = (before: string, after: string) => {
  const old = new Set(before.split('\n'))
  return after.split('\n').filter((line) => line && !old.has(line))
}

/** A moment as the member's clock showed it, to the minute: `2024-06-04T07:12`. */
const wallClock = (iso: string, offset: string) => {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(offset)!
  return new Date(Date.parse(iso) + (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000).toISOString().slice(0, 16)
}

describe('a WHOOP export is a snapshot of the days it covers', () => {
  it("a re-export after WHOOP rescored one recovery counts one recovery updated, and no cycle, though the cycle's CSV row carries it", async () => {
    harness = await startCoreHarness()
    await importZip(harness, whoopExportZip(history, []))
    const rescored: MemberHistory = structuredClone(history)
    const recovery = rescored.recoveries.find((r) => r.score && r.cycle_id === rescored.cycles[50].id)!
    recovery.score!.recovery_score += 7
    const result = await importZip(harness, whoopExportZip(rescored, []))
    expect(result.byType.recovery).toMatchObject({ added: 0, updated: 1 })
    expect(result.byType.cycle).toMatchObject({ added: 0, updated: 0, unchanged: history.cycles.length })
    expect(describeImport('my_whoop_data.zip', result)).toContain(`${history.cycles.length} cycles: ${history.cycles.length} already there;`)
    // The cycle keeps the row as the newer export gave it.
    const stored = harness.core.database.prepare('SELECT raw FROM cycle WHERE start_ms = ?').get(Math.floor(Date.parse(rescored.cycles[50].start) / 1000) * 1000) as { raw: string }
    expect(stored.raw).toContain(String(recovery.score!.recovery_score))
  })

  it('a re-export after the person edited a sleep time a year back replaces that day: no second cycle, sleep, recovery or journal answer', async () => {
    harness = await startCoreHarness()
    const index = 365
    const journal: Journal = [
      [index, 'Drink alcohol?', true, ''],
      [index, 'Have any caffeine?', false, ''],
      [10, 'Drink alcohol?', false, '']
    ]
    await importZip(harness, whoopExportZip(history, journal))
    const recoveries = count(harness, 'SELECT COUNT(*) AS n FROM recovery')

    // At WHOOP, the person moves the night's sleep onset 40 minutes earlier: the sleep, its cycle
    // and the end of the cycle before all move with it.
    const edited: MemberHistory = structuredClone(history)
    const cycle = edited.cycles[index]
    const sleep = edited.sleeps.find((s) => s.cycle_id === cycle.id && !s.nap)!
    const before = edited.cycles[index + 1]
    cycle.start = shift(cycle.start, -40 * 60_000)
    sleep.start = shift(sleep.start, -40 * 60_000)
    before.end = cycle.start
    const result = await importZip(harness, whoopExportZip(edited, journal))

    // A record counts as updated when its own fields changed: the CSV rows repeat their cycle's
    // times, so two cycle rows differ, but only the moved night's sleep and recovery changed.
    const original = whoopExportCsv(history, englishHeaders, journal)
    const reexport = whoopExportCsv(edited, englishHeaders, journal)
    const changedCycles = changedLines(original.cycles, reexport.cycles).length
    expect(changedCycles).toBe(2)
    expect(result.byType.cycle).toMatchObject({ added: 0, updated: changedCycles, unchanged: history.cycles.length - changedCycles })
    expect(result.byType.recovery).toMatchObject({ added: 0, updated: 1 })
    expect(result.byType.sleep).toMatchObject({ added: 0, updated: 1 })
    expect(result.byType.workout).toMatchObject({ added: 0, updated: 0 })
    expect(result.byType.journal).toEqual({ added: 0, updated: 2, unchanged: 1, skippedAsDuplicates: 0, keptNewer: 0 })
    expect(result.pendingRemoval).toBeUndefined()

    // One of everything, and the day as edited.
    expect(count(harness, 'SELECT COUNT(*) AS n FROM cycle')).toBe(history.cycles.length)
    expect(count(harness, 'SELECT COUNT(*) AS n FROM recovery')).toBe(recoveries)
    expect(count(harness, 'SELECT COUNT(*) AS n FROM sleep')).toBe(history.sleeps.length)
    expect(count(harness, 'SELECT COUNT(*) AS n FROM journal_entry')).toBe(3)
    // Two versions of one night would overlap in time.
    const overlapping = (table: string, where = '1') =>
      count(harness!, `SELECT COUNT(*) AS n FROM ${table} a JOIN ${table} b ON a.id < b.id AND a.start_ms < COALESCE(b.end_ms, 1e15) AND b.start_ms < COALESCE(a.end_ms, 1e15) WHERE ${where.replaceAll('@', 'a.')} AND ${where.replaceAll('@', 'b.')}`)
    expect(overlapping('cycle')).toBe(0)
    expect(overlapping('sleep', '@nap = 0')).toBe(0)
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000
    expect(count(harness, 'SELECT COUNT(*) AS n FROM cycle WHERE start_ms = ?', seconds(cycle.start))).toBe(1)
    expect(count(harness, 'SELECT COUNT(*) AS n FROM cycle WHERE start_ms = ?', seconds(history.cycles[index].start))).toBe(0)
    expect(count(harness, 'SELECT COUNT(*) AS n FROM sleep WHERE start_ms = ? AND nap = 0', seconds(sleep.start))).toBe(1)
    expect(count(harness, 'SELECT COUNT(*) AS n FROM recovery WHERE sleep_start_ms = ?', seconds(sleep.start))).toBe(1)
    expect(count(harness, 'SELECT COUNT(*) AS n FROM journal_entry WHERE cycle_start_ms = ?', seconds(cycle.start))).toBe(2)
  })

  describe('an export cut a fortnight earlier, with a workout deleted at WHOOP since and a journal answer taken back', () => {
    const cut = now - 14 * DAY
    const older: MemberHistory = structuredClone({
      ...history,
      cycles: history.cycles.filter((c) => Date.parse(c.start) < cut),
      recoveries: history.recoveries.filter((r) => history.cycles.some((c) => c.id === r.cycle_id && Date.parse(c.start) < cut)),
      sleeps: history.sleeps.filter((s) => Date.parse(s.start) < cut),
      workouts: history.workouts.filter((w) => Date.parse(w.start) < cut)
    })
    // Its newest cycle was still running when it was cut.
    const open = older.cycles[0]
    Object.assign(open, { end: undefined, score_state: 'PENDING_SCORE', score: undefined })
    const deleted = structuredClone(older.workouts[40])
    deleted.id = 'a-workout-deleted-at-whoop'
    deleted.start = shift(deleted.start, 3 * HOUR)
    deleted.end = shift(deleted.end, 3 * HOUR)
    older.workouts.splice(40, 0, deleted)
    const olderJournal: Journal = [
      [20, 'Drink alcohol?', true, ''],
      [30, 'Drink alcohol?', true, 'a wedding'],
      [100, 'Drink alcohol?', false, '']
    ]
    // The newer export's journal has the same nights, found by their start (it has 14 more days).
    const newerIndex = (olderIndex: number) => history.cycles.findIndex((c) => c.start === older.cycles[olderIndex].start)
    const newerJournal: Journal = [
      [newerIndex(20), 'Drink alcohol?', true, ''],
      [newerIndex(100), 'Drink alcohol?', false, '']
    ]

    it('imported after the newer one, it changes nothing: no closed cycle reopened, no deleted workout back', async () => {
      harness = await startCoreHarness()
      await importZip(harness, whoopExportZip(history, newerJournal))
      const stored = everyRow(harness)
      const result = await importZip(harness, whoopExportZip(older, olderJournal))

      expect(everyRow(harness)).toEqual(stored)
      expect(result).toMatchObject({ added: 0, updated: 0 })
      expect(result.byType.cycle).toMatchObject({ added: 0, updated: 0, keptNewer: 1, unchanged: older.cycles.length - 1 })
      expect(result.byType.workout).toMatchObject({ added: 0, updated: 0, keptNewer: 1 })
      expect(result.byType.journal).toMatchObject({ added: 0, updated: 0, keptNewer: 1, unchanged: 2 })
      expect(result.pendingRemoval).toBeUndefined()
      const closed = history.cycles.find((c) => c.start === open.start)!
      expect(harness.core.database.prepare('SELECT end_ms, strain, score_state FROM cycle WHERE start_ms = ?').get(Math.floor(Date.parse(open.start) / 1000) * 1000)).toEqual({
        end_ms: Math.floor(Date.parse(closed.end!) / 1000) * 1000,
        strain: Number(closed.score!.strain.toFixed(1)),
        score_state: 'SCORED'
      })
    })

    it('imported before the newer one, the newer replaces it, and what it no longer has goes only when the person confirms', async () => {
      harness = await startCoreHarness()
      const first = await importZip(harness, whoopExportZip(older, olderJournal))
      expect(first.byType.cycle).toMatchObject({ added: older.cycles.length })
      expect(harness.core.database.prepare('SELECT score_state FROM cycle WHERE end_ms IS NULL').all()).toEqual([{ score_state: 'PENDING_SCORE' }])

      const result = await importZip(harness, whoopExportZip(history, newerJournal))
      expect(result.byType.cycle).toMatchObject({ added: history.cycles.length - older.cycles.length, updated: 1, keptNewer: 0 })
      // The question names each record by its own clock: the workout by its sport, the answer by its question.
      const wedding = older.cycles[30]
      expect(result.pendingRemoval).toEqual({
        id: expect.any(String),
        byType: { workout: 1, journal: 1 },
        total: 2,
        records: [
          { type: 'workout', at: wallClock(deleted.start, deleted.timezone_offset), detail: sportName(deleted.sport_name) },
          { type: 'journal', at: wallClock(wedding.start, wedding.timezone_offset), detail: 'Drink alcohol?' }
        ]
      })
      // Until the person says so, both are still there.
      expect(count(harness, 'SELECT COUNT(*) AS n FROM workout')).toBe(history.workouts.length + 1)
      expect(count(harness, "SELECT COUNT(*) AS n FROM journal_entry WHERE notes = 'a wedding'")).toBe(1)

      // An id that is not the pending one is refused by the API's arguments or by the removal.
      const invalid = await invokeApi(harness.core.handlers, 'removeStaleRecords', [{ id: 'not-an-id' }], () => {})
      expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
      await expect(harness.call('removeStaleRecords', { id: crypto.randomUUID() })).rejects.toMatchObject({ code: 'invalid-argument' })

      const removed = await harness.call('removeStaleRecords', { id: result.pendingRemoval!.id })
      expect(removed).toEqual({ removed: 2, byType: { workout: 1, journal: 1 } })
      expect(count(harness, 'SELECT COUNT(*) AS n FROM workout')).toBe(history.workouts.length)
      expect(count(harness, 'SELECT COUNT(*) AS n FROM workout WHERE start_ms = ?', Math.floor(Date.parse(deleted.start) / 1000) * 1000)).toBe(0)
      expect(count(harness, 'SELECT COUNT(*) AS n FROM journal_entry')).toBe(2)
      expect(count(harness, 'SELECT COUNT(*) AS n FROM cycle')).toBe(history.cycles.length)
      expect(count(harness, 'SELECT COUNT(*) AS n FROM cycle WHERE end_ms IS NULL')).toBe(1)
      // Asked once: the same answer again removes nothing more.
      await expect(harness.call('removeStaleRecords', { id: result.pendingRemoval!.id })).rejects.toMatchObject({ code: 'invalid-argument' })
    })

    it('keeping them keeps them, and a later import asks afresh', async () => {
      harness = await startCoreHarness()
      await importZip(harness, whoopExportZip(older, olderJournal))
      const asked = await importZip(harness, whoopExportZip(history, newerJournal))
      const again = await importZip(harness, whoopExportZip(history, newerJournal))
      expect(again.pendingRemoval).toMatchObject({ byType: { workout: 1, journal: 1 }, total: 2 })
      await expect(harness.call('removeStaleRecords', { id: asked.pendingRemoval!.id })).rejects.toMatchObject({ code: 'invalid-argument' })
      expect(count(harness, 'SELECT COUNT(*) AS n FROM workout')).toBe(history.workouts.length + 1)
    })
  })

  it('a ZIP made by macOS Finder imports: its __MACOSX/ and dot files are skipped', async () => {
    harness = await startCoreHarness()
    const csv = whoopExportCsv(history)
    // AppleDouble resource forks: binary, named like the CSV files they sit beside.
    const appleDouble = Uint8Array.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, 0xff, 0xfe, 0x80, 0x81])
    const result = await importZip(
      harness,
      zipOf({
        'my_whoop_data/physiological_cycles.csv': csv.cycles,
        'my_whoop_data/sleeps.csv': csv.sleeps,
        'my_whoop_data/workouts.csv': csv.workouts,
        '__MACOSX/my_whoop_data/._physiological_cycles.csv': appleDouble,
        '__MACOSX/my_whoop_data/._sleeps.csv': appleDouble,
        'my_whoop_data/.~lock.sleeps.csv': appleDouble,
        'my_whoop_data/.DS_Store': appleDouble
      })
    )
    expect(result.byType.cycle?.added).toBe(history.cycles.length)
    expect(result.byType.sleep?.added).toBe(history.sleeps.length)
    expect(result.byType.workout?.added).toBe(history.workouts.length)
  })
})
