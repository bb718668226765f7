import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateMemberHistory } from '../../../src/main/demo/memberHistory'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { storedRecords } from '../../support/harness/syncHarness'
import { makeTempDir } from '../../support/harness/tempDir'
import { englishHeaders, localTime, spanishHeaders, whoopExportCsv } from '../../support/fixtures/whoopExportFixture'
import { whoopExportZip, zipOf } from '../../support/fixtures/whoopExportZip'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const history = generateMemberHistory({ days: 500, now: Date.parse('2026-11-20T15:00:00Z') })
const journal: [number, string, boolean, string][] = [
  [3, 'Have any caffeine? ', true, 'two cups, one "strong"'],
  [3, 'Drink alcohol?', false, ''],
  [4, 'Have any caffeine? ', false, '']
]

const englishZip = () => whoopExportZip(history, journal)

async function importFile(h: CoreHarness, file: string) {
  h.files.importFrom = file
  return h.call('importData', { kind: 'whoop-export' })
}

const rows = (h: CoreHarness, sql: string, ...args: unknown[]) => h.core.database.prepare(sql).all(...args) as Record<string, any>[]
const count = (h: CoreHarness, table: string) => rows(h, `SELECT COUNT(*) AS n FROM ${table}`)[0].n as number

describe("importing WHOOP's own data export", () => {
  it('reads the ZIP: every record, in UTC from each row’s timezone, in the app’s units, with its source', async () => {
    harness = await startCoreHarness()
    const result = await importFile(harness, englishZip())
    expect(result).toMatchObject({ imported: true, updated: 0, unchanged: 0, skippedAsDuplicates: 0, keptNewer: 0 })
    // Per type: a recovery row comes with each cycle that has a recovery score or a sleep.
    const withRecovery = history.cycles.filter(
      (c) => history.recoveries.some((r) => r.cycle_id === c.id && r.score) || history.sleeps.some((s) => s.cycle_id === c.id && !s.nap)
    )
    const added = (n: number) => ({ added: n, updated: 0, unchanged: 0, skippedAsDuplicates: 0, keptNewer: 0 })
    expect(result.byType).toEqual({
      cycle: added(history.cycles.length),
      recovery: added(withRecovery.length),
      sleep: added(history.sleeps.length),
      workout: added(history.workouts.length),
      journal: added(3)
    })
    // The days covered: cycles count on the date 12 h after they start, sleeps on waking, workouts on starting.
    const dates = [
      ...history.cycles.map((c) => localTime(new Date(Date.parse(c.start) + 12 * 3_600_000).toISOString(), c.timezone_offset)),
      ...history.sleeps.map((s) => localTime(s.end, s.timezone_offset)),
      ...history.workouts.map((w) => localTime(w.start, w.timezone_offset))
    ]
      .map((time) => time.slice(0, 10))
      .sort()
    expect(result.covers).toEqual({ from: dates[0], to: dates.at(-1) })
    expect(count(harness, 'cycle')).toBe(history.cycles.length)
    expect(count(harness, 'sleep')).toBe(history.sleeps.length)
    expect(count(harness, 'workout')).toBe(history.workouts.length)
    expect(count(harness, 'journal_entry')).toBe(3)

    // Times: exact to the second, whatever the offset (US Eastern, its DST change, a trip to Europe).
    for (const cycle of history.cycles) {
      const [stored] = rows(harness, 'SELECT start_ms, timezone_offset, source FROM cycle WHERE start_ms BETWEEN ? AND ?', Date.parse(cycle.start) - 999, Date.parse(cycle.start))
      expect(stored, cycle.start).toMatchObject({ timezone_offset: cycle.timezone_offset, source: 'export' })
      expect(Math.floor(Date.parse(cycle.start) / 1000) * 1000).toBe(stored.start_ms)
    }
    expect(new Set(history.cycles.map((c) => c.timezone_offset))).toEqual(new Set(['-04:00', '-05:00', '+01:00', '+02:00']))

    // Units: kcal back to kJ (the export rounds to whole kcal), minutes to ms, zone shares to time.
    const cycle = history.cycles[7]
    const [stored] = rows(harness, 'SELECT kilojoule, strain FROM cycle WHERE start_ms = ?', Math.floor(Date.parse(cycle.start) / 1000) * 1000)
    expect(Math.abs(stored.kilojoule - cycle.score!.kilojoule)).toBeLessThanOrEqual(4.184 / 2)
    expect(stored.strain).toBeCloseTo(cycle.score!.strain, 1)
    const sleep = history.sleeps.find((s) => s.score_state === 'SCORED' && !s.nap)!
    const [storedSleep] = rows(harness, 'SELECT deep_ms, nap FROM sleep WHERE id = ?', `export-sleep-${Math.floor(Date.parse(sleep.start) / 1000) * 1000}`)
    expect(Math.abs(storedSleep.deep_ms - sleep.score!.stage_summary.total_slow_wave_sleep_time_milli)).toBeLessThanOrEqual(3000)
    expect(rows(harness, 'SELECT COUNT(*) AS n FROM sleep WHERE nap = 1')[0].n).toBe(history.sleeps.filter((s) => s.nap).length)

    // Journal answers, which WHOOP's API does not offer, with their notes.
    // (Cycle 4 is older than cycle 3: the export lists newest first.)
    expect(rows(harness, 'SELECT question, answered_yes, notes FROM journal_entry ORDER BY cycle_start_ms, question')).toEqual([
      { question: 'Have any caffeine?', answered_yes: 0, notes: null },
      { question: 'Drink alcohol?', answered_yes: 0, notes: null },
      { question: 'Have any caffeine?', answered_yes: 1, notes: 'two cups, one "strong"' }
    ])
    const dashboard = await harness.call('getDashboard', { range: 'all' })
    expect(dashboard?.strain.some((point) => point.strain !== null)).toBe(true)
  })

  it('reads Spanish headers (and a workouts file without the GPS columns)', async () => {
    harness = await startCoreHarness()
    const csv = whoopExportCsv(history, spanishHeaders, journal)
    const result = await importFile(harness, zipOf({ 'physiological_cycles.csv': csv.cycles, 'sueño.csv': csv.sleeps, 'entrenamientos.csv': csv.workouts, 'journal_entries.csv': csv.journal }))
    expect(result.imported).toBe(true)
    expect(count(harness, 'cycle')).toBe(history.cycles.length)
    expect(count(harness, 'sleep')).toBe(history.sleeps.length)
    expect(count(harness, 'workout')).toBe(history.workouts.length)
    expect(rows(harness, "SELECT COUNT(*) AS n FROM journal_entry WHERE answered_yes = 1")[0].n).toBe(1)
  })

  it('imports a single CSV file too', async () => {
    harness = await startCoreHarness()
    const file = path.join(makeTempDir(), 'sleeps.csv')
    fs.writeFileSync(file, whoopExportCsv(history).sleeps)
    await importFile(harness, file)
    expect(count(harness, 'sleep')).toBe(history.sleeps.length)
    expect(count(harness, 'cycle')).toBe(0)
  })

  it('converts across a daylight-saving change and takes empty cells as missing', async () => {
    harness = await startCoreHarness()
    const file = path.join(makeTempDir(), 'physiological_cycles.csv')
    const empty = Array(23).fill('').join(',')
    fs.writeFileSync(
      file,
      `${englishHeaders.cycles}\n` +
        `2025-11-02 23:05:00,,UTC-05:00,${empty}\n` +
        // Every time of a row is in that row's offset: this cycle ends after the clocks went back,
        // at 23:05 EST, which is 00:05 in the cycle's own UTC-04:00.
        `2025-11-01 23:10:00,2025-11-03 00:05:00,UTC-04:00,55,52,61,,,12.5,2500,160,70,${Array(14).fill('').join(',')}\n`
    )
    await importFile(harness, file)
    expect(rows(harness, 'SELECT start_ms, end_ms, strain, kilojoule, score_state FROM cycle ORDER BY start_ms')).toEqual([
      { start_ms: Date.parse('2025-11-02T03:10:00Z'), end_ms: Date.parse('2025-11-03T04:05:00Z'), strain: 12.5, kilojoule: 10460, score_state: 'SCORED' },
      { start_ms: Date.parse('2025-11-03T04:05:00Z'), end_ms: null, strain: null, kilojoule: null, score_state: 'PENDING_SCORE' }
    ])
    expect(rows(harness, 'SELECT recovery_score, resting_heart_rate FROM recovery')).toEqual([{ recovery_score: 55, resting_heart_rate: 52 }])
  })

  it('adds nothing when the same export is imported twice', async () => {
    harness = await startCoreHarness()
    const file = englishZip()
    const first = await importFile(harness, file)
    const before = storedRecords(harness.core.database)
    const second = await importFile(harness, file)
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: first.added })
    expect(storedRecords(harness.core.database)).toEqual(before)
  })

  it('creates no duplicates for a period already synced from the API, and keeps what the API lacks', async () => {
    harness = await startCoreHarness({ fake: { days: 60 } })
    const started = await harness.call('startSignIn', { clientId: harness.fake.app.clientId, clientSecret: harness.fake.app.clientSecret, redirect: 'custom-scheme' })
    const synced = harness.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    await synced
    const result = await importFile(harness, whoopExportZip(harness.fake.history, journal))
    expect(result.added).toBe(3)
    expect(result.skippedAsDuplicates).toBeGreaterThan(100)
    expect(count(harness, 'cycle')).toBe(60)
    expect(count(harness, 'workout')).toBe(harness.fake.history.workouts.length)
    expect(count(harness, 'journal_entry')).toBe(3)
  })

  it('hands imported history to the account connected later, the API’s records replacing the imported ones', async () => {
    harness = await startCoreHarness({ fake: { days: 60 } })
    await importFile(harness, whoopExportZip(harness.fake.history, journal))
    expect(rows(harness, 'SELECT DISTINCT user_id FROM cycle')).toEqual([{ user_id: 0 }])
    const started = await harness.call('startSignIn', { clientId: harness.fake.app.clientId, clientSecret: harness.fake.app.clientSecret, redirect: 'custom-scheme' })
    const synced = harness.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    await synced
    expect(rows(harness, 'SELECT user_id, source, COUNT(*) AS n FROM cycle GROUP BY user_id, source')).toEqual([{ user_id: 10129, source: 'api', n: 60 }])
    expect(count(harness, 'sleep')).toBe(harness.fake.history.sleeps.length)
    expect(rows(harness, 'SELECT user_id, COUNT(*) AS n FROM journal_entry GROUP BY user_id')).toEqual([{ user_id: 10129, n: 3 }])
    expect(rows(harness, 'SELECT user_id FROM account')).toEqual([{ user_id: 10129 }])
  })
})

describe('a bad WHOOP export file', () => {
  const csv = whoopExportCsv(history, englishHeaders, journal)
  const cases: [string, () => string, RegExp][] = [
    ['an image', () => writeFile('photo.zip', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])), /not UTF-8|not one of the CSV files/],
    ['a damaged ZIP', () => writeFile('export.zip', fs.readFileSync(englishZip()).subarray(0, 400)), /ZIP file is damaged/],
    ['a truncated CSV', () => writeFile('physiological_cycles.csv', csv.cycles.slice(0, csv.cycles.length - 300)), /not a readable CSV file/],
    ['UTF-16 text', () => writeFile('sleeps.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.sleeps, 'utf16le')])), /UTF-16/],
    ['Latin-1 text', () => writeFile('journal_entries.csv', Buffer.from(csv.journal.replace('two cups', 'café'), 'latin1')), /not UTF-8/],
    ['a CSV missing a needed column', () => writeFile('sleeps.csv', csv.sleeps.replace('Cycle timezone,', 'Zone,')), /sleeps\.csv is missing the column cycleTimezone/],
    ['a ZIP without WHOOP files', () => zipOf({ 'notes.txt': 'hello' }), /holds none of the CSV files/],
    ['a ZIP bomb', () => zipOf({ 'physiological_cycles.csv': `${englishHeaders.cycles}\n${'0'.repeat(70 * 1024 * 1024)}` }), /ZIP bomb/]
  ]

  function writeFile(name: string, content: string | Buffer) {
    const file = path.join(makeTempDir(), name)
    fs.writeFileSync(file, content)
    return file
  }

  it.each(cases)('is refused when it is %s, with a message naming the problem, and the database is unchanged', async (_case, make, message) => {
    harness = await startCoreHarness()
    await harness.call('loadDemoData')
    const before = storedRecords(harness.core.database)
    const file = make()
    const error = await importFile(harness, file).catch((e) => e)
    expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(message) })
    expect(error.message).toMatch(new RegExp(`^Nothing was imported from ${path.basename(file).replace('.', '\\.')}: `))
    expect(storedRecords(harness.core.database)).toEqual(before)
  })
})
