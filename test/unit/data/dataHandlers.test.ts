import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME } from '../../../src/main/database/openDatabase'
import { memberNeedles, tracesOnDisk } from '../../support/harness/diskTraces'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { memberToday } from '../../support/fixtures/memberDays'
import { testClock } from '../../support/harness/testClock'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const rows = (h: CoreHarness, table: string) => (h.core.database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('the data as a whole', () => {
  it('shows no dashboard before there is data, the demo member once added, and none again once it is removed', async () => {
    harness = await startCoreHarness()
    expect(await harness.call('getDashboard', { range: '1w' })).toBeNull()
    const loaded = await harness.call('loadDemoData')
    const records = ['cycle', 'sleep', 'recovery', 'workout', 'journal_entry', 'day_tag'].reduce((total, table) => total + rows(harness!, table), 0)
    expect(loaded).toEqual({ records })
    const dashboard = (await harness.call('getDashboard', { range: '1w' }))!
    expect(dashboard).toMatchObject({ isDemo: true, range: '1w' })
    expect(dashboard.recovery).toHaveLength(7)
    // Thousands of records, grouped as this machine's locale writes them ("3,826").
    expect((await harness.call('getActivity'))[0]).toMatchObject({ kind: 'demo', ok: true, summary: `Demo data added (${new Intl.NumberFormat().format(records)} records).` })
    expect(await harness.call('removeDemoData')).toEqual({ removed: true })
    expect(await harness.call('getDashboard', { range: '1w' })).toBeNull()
    expect(rows(harness, 'cycle')).toBe(0)
  })

  it("shows the connected member's range ending on their today", async () => {
    harness = await startCoreHarness()
    await harness.connect()
    const dashboard = (await harness.call('getDashboard', { range: '1m' }))!
    expect(dashboard).toMatchObject({ isDemo: false, userId: harness.fake.history.profile.user_id, to: memberToday(harness.fake.history, testClock.now()) })
  })

  it('deletes everything at once: the records, the sign-in at WHOOP and here, the settings, every trace on disk; the activity log says so', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    await harness.call('updateSettings', { theme: 'dark' })
    expect(rows(harness, 'cycle')).toBe(harness.fake.history.cycles.length)
    const needles = memberNeedles(harness.fake.history)
    expect(tracesOnDisk(harness.dataDir, needles)).not.toEqual([])
    const message =
      'All data, the WHOOP sign-in and the settings were deleted from this computer. WHOOP was told: the app no longer has access to your WHOOP account.'
    expect(await harness.call('deleteAllData', { confirm: 'DELETE' })).toEqual({ deleted: true, revoked: true, message })
    expect(harness.fake.apiRequests('/v2/user/access')).toMatchObject([{ method: 'DELETE', status: 204 }])
    expect(tracesOnDisk(harness.dataDir, needles)).toEqual([])
    for (const table of ['account', 'profile', 'cycle', 'sleep', 'recovery', 'workout', 'journal_entry', 'sync_state', 'sync_run']) expect(rows(harness, table), table).toBe(0)
    expect((await harness.call('getConnection')).state).toBe('not-connected')
    expect((await harness.call('getSettings')).theme).toBe('system')
    expect(await harness.call('getDashboard', { range: '1w' })).toBeNull()
    expect((await harness.call('getActivity'))[0]).toMatchObject({ kind: 'delete', ok: true, summary: message })
    const names = [harness.fake.history.profile.first_name, harness.fake.history.profile.last_name]
    expect((await harness.call('getActivity')).filter((entry) => names.some((name) => entry.summary.includes(name)))).toEqual([])
    expect(fs.existsSync(path.join(harness.dataDir, DATABASE_FILE_NAME))).toBe(true)
    await expect(harness.call('syncNow', {})).rejects.toThrow('No WHOOP account is connected')
  })
})
