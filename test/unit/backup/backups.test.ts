import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import Conf from 'conf'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackupFeature } from '../../../src/main/backup/backupHandlers'
import { DATABASE_FILE_NAME, openDatabase } from '../../../src/main/database/openDatabase'
import { createLogger } from '../../../src/main/log/logger'
import { createSettingsStore, settingsBackendOptions, type SettingsBackend } from '../../../src/main/settings/settingsStore'
import { createActivityLog } from '../../../src/main/store/activityLog'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { createManualClock } from '../../support/harness/manualClock'
import { makeTempDir } from '../../support/harness/tempDir'

/**
 * Every table's row count and a SHA-256 of its rows in rowid order: two databases with the same are
 * the same data. `newestActivityLeftOut`: the activity log's newest entries not counted (what the
 * app wrote after a restore).
 */
function fingerprint(db: Database, newestActivityLeftOut = 0): Record<string, { rows: number; sha256: string }> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
  return Object.fromEntries(
    tables.map(({ name }) => {
      const all = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()
      const rows = name === 'activity' ? all.slice(0, all.length - newestActivityLeftOut) : all
      const json = JSON.stringify(rows, (_key, value) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value))
      return [name, { rows: rows.length, sha256: crypto.createHash('sha256').update(json).digest('hex') }]
    })
  )
}

function fingerprintOf(file: string) {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return fingerprint(db)
  } finally {
    db.close()
  }
}

const backupFile = (harness: CoreHarness, name: string) => path.join(harness.dataDir, 'backups', name)

describe('backups', () => {
  let harness: CoreHarness | undefined
  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  it('a backup made while a sync writes restores to an identical database, and the restore can be undone', async () => {
    harness = await startCoreHarness({ fake: { days: 400 } })
    const started = harness.call('startSignIn', { clientId: harness.fake.app.clientId, clientSecret: harness.fake.app.clientSecret, redirect: 'custom-scheme' })
    const writing = harness.nextEvent('onSyncProgress', (progress) => progress.type === 'resource' && progress.resource === 'sleep')
    const synced = harness.nextEvent('onSyncProgress', (progress) => progress.type === 'finished')
    await harness.call('completeSignIn', { url: await harness.fake.answerConsent((await started).authorizationUrl) })
    await writing
    const { backups } = await harness.call('backUpNow')
    expect((await harness.call('getSyncStatus')).running).toBe(true)
    await synced
    const [made] = backups
    // Readable by the person only, like the database (the sign-in is never in it: noSecretsLeak.test.ts).
    if (process.platform !== 'win32') expect(fs.statSync(backupFile(harness, made.name)).mode & 0o077).toBe(0)
    const copy = new BetterSqlite3(backupFile(harness, made.name), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    // A snapshot from the middle of the first download: some of the history, not all of it.
    const copiedSleeps = (copy.prepare('SELECT COUNT(*) AS n FROM sleep').get() as { n: number }).n
    copy.close()
    expect(copiedSleeps).toBeLessThan(harness.fake.history.sleeps.length)
    const inBackup = fingerprintOf(backupFile(harness, made.name))
    const beforeRestore = fingerprint(harness.core.database)
    expect(beforeRestore).not.toEqual(inBackup)

    const restored = await harness.call('restoreBackup', { name: made.name })
    // Identical, and the activity log then says what was restored (its one new entry left out here).
    expect(fingerprint(harness.core.database, 1)).toEqual(inBackup)
    expect((await harness.call('getActivity'))[0].summary).toBe(
      `Restored ${made.name}; the database it replaced was kept as ${restored.keptAside}, to undo the restore.`
    )
    // The database the restore replaced was kept aside, and restoring it undoes the restore.
    expect(restored.keptAside).toMatch(/^before-restore-/)
    await harness.call('restoreBackup', { name: restored.keptAside })
    expect(fingerprint(harness.core.database, 1)).toEqual(beforeRestore)
  })

  it('keeps exactly the newest N, refuses a damaged backup without touching the database, and says when one failed', async () => {
    harness = await startCoreHarness()
    await harness.call('loadDemoData')
    await harness.call('updateSettings', { backupsKept: 3 })
    const made: string[] = []
    for (let i = 0; i < 5; i++) made.push((await harness.call('backUpNow')).backups[0].name)
    const { backups } = await harness.call('getBackups')
    expect(backups.map((entry) => entry.name)).toEqual(made.slice(2).reverse())

    const damaged = backupFile(harness, made[4])
    const file = fs.readFileSync(damaged)
    file.fill(0x55, 4096, 12_288)
    fs.writeFileSync(damaged, file)
    const before = fingerprint(harness.core.database)
    await expect(harness.call('restoreBackup', { name: made[4] })).rejects.toThrow(/damaged|malformed|not a database/)
    expect(fingerprint(harness.core.database)).toEqual(before)
    await expect(harness.call('restoreBackup', { name: 'whoop-desktop-2020-01-01T000000000Z.sqlite' })).rejects.toThrow('There is no backup called')

    // A folder that cannot be written: the failure is shown on the page and in the activity log.
    const blocked = path.join(harness.dataDir, 'not-a-folder')
    fs.writeFileSync(blocked, '')
    await harness.call('updateSettings', { backupFolder: blocked })
    await expect(harness.call('backUpNow')).rejects.toThrow()
    expect((await harness.call('getBackups')).lastFailure?.message).toMatch(/ENOTDIR|EEXIST|not a directory/)
    expect((await harness.call('getActivity'))[0]).toMatchObject({ kind: 'backup', ok: false, summary: expect.stringContaining(`The backup to ${blocked} failed`) })
  })

  it('deleting all data deletes the backups too', async () => {
    harness = await startCoreHarness()
    await harness.call('loadDemoData')
    await harness.call('backUpNow')
    await harness.call('backUpNow')
    const { message } = await harness.call('deleteAllData', { confirm: 'DELETE' })
    expect(message).toContain('All data, its 2 backups, the WHOOP sign-in and the settings were deleted')
    expect(fs.readdirSync(path.join(harness.dataDir, 'backups'))).toEqual([])
  })

  it('disconnecting with the data deleted deletes the backups; keeping the data keeps them', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    await harness.call('backUpNow')
    expect((await harness.call('disconnect', { deleteData: false })).message).toContain('Your WHOOP data stays on this computer.')
    expect((await harness.call('getBackups')).backups).toHaveLength(1)
    await harness.connect()
    const { message } = await harness.call('disconnect', { deleteData: true })
    expect(message).toContain('Your WHOOP data and its backup were deleted from this computer.')
    expect(fs.readdirSync(path.join(harness.dataDir, 'backups'))).toEqual([])
  })
})

describe('the daily backup', () => {
  function dailyBackups() {
    const dataDir = makeTempDir()
    const clock = createManualClock()
    const databaseFile = path.join(dataDir, DATABASE_FILE_NAME)
    const db = openDatabase(databaseFile)
    const settings = createSettingsStore(new Conf(settingsBackendOptions(dataDir)) as unknown as SettingsBackend)
    const activity = createActivityLog(db, () => clock.now())
    const log = createLogger({ dataDir, clock, secrets: () => [] })
    const waiting = new Set<() => void>()
    const feature = createBackupFeature({
      db, databaseFile, dataDir, settings, clock, activity, log, files: {}, syncRunning: () => false, restored: () => {},
      onBackup: () => waiting.forEach((done) => done())
    })
    feature.plan()
    /** Moves the clock on by `ms` and waits for the backup due then to be made (or to fail). */
    const advanceToBackup = async (ms: number) => {
      const done = new Promise<void>((resolve) => waiting.add(function once() {
        waiting.delete(once)
        resolve()
      }))
      await clock.advance(ms)
      await done
    }
    const madeAt = () => (feature.handlers.getBackups() as { backups: { madeAt: string }[] }).backups.map((entry) => (Date.parse(entry.madeAt) - start) / 3_600_000).reverse()
    const start = clock.now()
    return { clock, settings, feature, madeAt, activity, dataDir, advanceToBackup, close: () => (feature.stop(), db.close()) }
  }

  it('is made an hour after the first start, then every 24 hours, keeping the newest 14', async () => {
    const { clock, madeAt, advanceToBackup, close } = dailyBackups()
    await clock.advance(59 * 60_000)
    expect(madeAt()).toEqual([])
    await advanceToBackup(60_000)
    expect(madeAt()).toEqual([1])
    await clock.advance(23 * 3_600_000)
    expect(madeAt()).toEqual([1])
    await advanceToBackup(3_600_000)
    for (let day = 2; day < 20; day++) await advanceToBackup(24 * 3_600_000)
    expect(madeAt()).toEqual(Array.from({ length: 14 }, (_, day) => 1 + (6 + day) * 24))
    close()
  })

  it('is retried the next day after a failure, and stops when turned off', async () => {
    const { clock, settings, feature, madeAt, activity, dataDir, advanceToBackup, close } = dailyBackups()
    const blocked = path.join(dataDir, 'blocked')
    fs.writeFileSync(blocked, '')
    settings.update({ backupFolder: blocked })
    feature.plan()
    await advanceToBackup(3_600_000)
    expect(activity.latest()[0]).toMatchObject({ kind: 'backup', ok: false, summary: expect.stringContaining('It is tried again tomorrow.') })
    settings.update({ backupFolder: null })
    await clock.advance(23 * 3_600_000)
    expect(madeAt()).toEqual([])
    await advanceToBackup(3_600_000)
    expect(madeAt()).toEqual([25])
    settings.update({ dailyBackups: false })
    feature.plan()
    await clock.advance(5 * 24 * 3_600_000)
    expect(madeAt()).toEqual([25])
    close()
  })
})
