import fs from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreHarness, type CoreHarness } from '../../support/appCoreHarness'
import { makeTempDir } from '../../support/tempDir'

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
    harness.files.exportTo = path.join(makeTempDir(), 'export.zip')
    const result = await harness.call('exportData', { format: 'csv' })
    const files = unzipSync(fs.readFileSync(harness.files.exportTo))
    expect(Object.keys(files).sort()).toEqual(['cycles.csv', 'journal_entries.csv', 'recoveries.csv', 'sleeps.csv', 'workouts.csv'])
    const table = (name: string) => parse(strFromU8(files[name]), { columns: true }) as Record<string, string>[]
    const count = (t: string) => (harness!.core.database.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n
    expect(table('cycles.csv')).toHaveLength(count('cycle'))
    expect(table('sleeps.csv')).toHaveLength(count('sleep'))
    expect(Object.keys(table('sleeps.csv')[0])).toEqual(expect.arrayContaining(['Deep (SWS) sleep (min)', 'Respiratory rate (rpm)']))
    expect(Object.keys(table('cycles.csv')[0])).toEqual(expect.arrayContaining(['Energy (kJ)', 'Day strain (0-21)']))
    expect(table('journal_entries.csv')[0]).toMatchObject({ Notes: 'two cups, "strong"', 'Answered yes': 'true' })
    expect(result.records).toBe(count('cycle') + count('sleep') + count('recovery') + count('workout') + 1)
  })
})
