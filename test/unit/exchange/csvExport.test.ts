import fs from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { makeTempDir } from '../../support/harness/tempDir'
import { testClock } from '../../support/harness/testClock'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('CSV export', () => {
  it('writes one CSV per record type in a zip, with units in the headers and every record', async () => {
    harness = await startCoreHarness({ fake: { days: 30 } })
    await harness.call('loadDemoData')
    harness.core.database
      .prepare(`INSERT INTO journal_entry (user_id, cycle_start_ms, cycle_end_ms, timezone_offset, local_date, question, answered_yes, notes, source)
                VALUES (-1, 1, 2, '-05:00', '2026-01-01', 'Have any caffeine?', 1, 'two cups, "strong"', 'export')`)
      .run()
    const taggedDay = (harness.core.database.prepare('SELECT day FROM cycle ORDER BY start_ms DESC LIMIT 1').get() as { day: string }).day
    const taggedFrom = testClock.now()
    await harness.call('tagDay', { date: taggedDay, tag: 'after the "10 km", dinner' })
    const taggedTo = testClock.now()
    harness.files.exportTo = path.join(makeTempDir(), 'export.zip')
    const result = await harness.call('exportData', { format: 'csv' })
    const files = unzipSync(fs.readFileSync(harness.files.exportTo))
    expect(Object.keys(files).sort()).toEqual(['cycles.csv', 'journal_entries.csv', 'recoveries.csv', 'sleeps.csv', 'tags.csv', 'workouts.csv'])
    const table = (name: string) => parse(strFromU8(files[name]), { columns: true }) as Record<string, string>[]
    const count = (t: string) => (harness!.core.database.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n
    expect(table('cycles.csv')).toHaveLength(count('cycle'))
    expect(table('sleeps.csv')).toHaveLength(count('sleep'))
    expect(Object.keys(table('sleeps.csv')[0])).toEqual(expect.arrayContaining(['Deep (SWS) sleep (min)', 'Respiratory rate (rpm)']))
    expect(Object.keys(table('cycles.csv')[0])).toEqual(expect.arrayContaining(['Energy (kJ)', 'Day strain (0-21)']))
    // UTC offsets and negative numbers are not taken for formulas.
    const offsets = harness.core.database.prepare('SELECT timezone_offset AS o FROM cycle ORDER BY user_id, start_ms').all() as { o: string }[]
    expect(table('cycles.csv').map((row) => row['Timezone offset'])).toEqual(offsets.map((row) => row.o))
    expect(table('journal_entries.csv')).toHaveLength(count('journal_entry'))
    expect(table('journal_entries.csv').find((row) => row.Notes)).toMatchObject({ Notes: 'two cups, "strong"', 'Answered yes': 'true' })
    const taggedAt = expect.toSatisfy((iso: string) => Date.parse(iso) >= taggedFrom && Date.parse(iso) <= taggedTo && iso.endsWith('Z'))
    expect(table('tags.csv')).toHaveLength(count('day_tag'))
    expect(table('tags.csv').filter((row) => row.Tag.startsWith('after'))).toEqual([
      { 'User id': '-1', 'Date (local)': taggedDay, Tag: 'after the "10 km", dinner', 'Tagged at (UTC)': taggedAt }
    ])
    expect(result.records).toBe(count('cycle') + count('sleep') + count('recovery') + count('workout') + count('journal_entry') + count('day_tag'))
  })
})

describe('CSV export of text a spreadsheet would run', () => {
  it('neutralises cells that start a formula (OWASP), keeping numbers and UTC offsets as they are', async () => {
    harness = await startCoreHarness()
    const db = harness.core.database
    db.prepare(`INSERT INTO account (user_id, connected_at, is_demo) VALUES (5, '2026-01-01T00:00:00Z', 0)`).run()
    const notes = ['=HYPERLINK("https://attacker.example","Click")', '+1+1', '-2+3', '@SUM(A1:A9)', '\tcmd', '\rcmd', 'plain, "quoted"']
    const insert = db.prepare(`INSERT INTO journal_entry (user_id, cycle_start_ms, cycle_end_ms, timezone_offset, local_date, question, answered_yes, notes, source)
                VALUES (5, ?, NULL, '-05:00', '2026-01-01', ?, 0, ?, 'export')`)
    notes.forEach((note, index) => insert.run(index, `=Question ${index}`, note))
    harness.files.exportTo = path.join(makeTempDir(), 'export.zip')
    await harness.call('exportData', { format: 'csv', recordTypes: ['journal'] })
    const text = strFromU8(unzipSync(fs.readFileSync(harness.files.exportTo))['journal_entries.csv'])
    const rows = parse(text, { columns: true }) as Record<string, string>[]
    expect(rows.map((row) => row.Notes)).toEqual([
      `'=HYPERLINK("https://attacker.example","Click")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1:A9)",
      "'\tcmd",
      "'\rcmd",
      'plain, "quoted"'
    ])
    expect(new Set(rows.map((row) => row.Question))).toEqual(new Set(notes.map((_, index) => `'=Question ${index}`)))
    expect(rows.map((row) => row['User id'])).toEqual(notes.map(() => '5'))
    expect(text.split('\r\n')[0]).toBe('User id,Date (local),Cycle start (UTC),Question,Answered yes,Notes,Source')
  })
})
