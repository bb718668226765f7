import fs from 'node:fs'
import { testClock } from '../../support/harness/testClock'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memberNeedles, tracesOnDisk } from '../../support/harness/diskTraces'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { createTestCipher } from '../../support/harness/testCipher'
import { createVirtualClock } from '../../support/harness/virtualClock'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const count = (h: CoreHarness, table: string) => (h.core.database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('the connection', () => {
  it('saves rotated refresh tokens in the vault before the new access token is used', async () => {
    const vaultAtUse: string[] = []
    let dataDir = ''
    harness = await startCoreHarness({
      fetch: (input, init) => {
        const bearer = new Headers(init?.headers).get('authorization')?.slice(7)
        if (bearer) vaultAtUse.push(`${bearer} ${fs.readFileSync(path.join(dataDir, 'whoop-vault.json'), 'utf8')}`)
        return fetch(input, init)
      }
    })
    dataDir = harness.dataDir
    await harness.connect()
    harness.fake.expireAccessTokens()
    vaultAtUse.length = 0
    await harness.call('syncNow', {})
    expect(harness.fake.tokenRequests).toBe(2)
    // Every request made with the renewed token saw a vault that already held the renewed pair.
    const renewedUses = vaultAtUse.slice(1)
    expect(renewedUses.length).toBeGreaterThan(0)
    const vaultNow = fs.readFileSync(path.join(dataDir, 'whoop-vault.json'), 'utf8')
    for (const use of renewedUses) expect(use.slice(use.indexOf(' ') + 1)).toBe(vaultNow)
  })

  it('asks to reconnect when WHOOP refuses the saved sign-in, instead of failing silently', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    harness.fake.revokeAllTokens()
    const told = harness.nextEvent('onConnectionChanged', (status) => status.state !== 'connected')
    const result = await harness.call('syncNow', {})
    expect(result.resources[0].error).toMatchObject({ kind: 'reconnect-needed' })
    // The page is told at once, not when it next asks: as the renewal is refused, before the
    // profile's step of the sync has even ended.
    expect(await told).toMatchObject({ state: 'reconnect-needed', account: { firstName: 'Alex' } })
    const progressOf = (type: string) => (e: CoreHarness['events'][number]) => e.event === 'onSyncProgress' && (e.payload as { type: string }).type === type
    const sinceSync = harness.events.slice(harness.events.findLastIndex(progressOf('started')))
    const toldAt = sinceSync.findIndex((e) => e.event === 'onConnectionChanged' && (e.payload as { state: string }).state === 'reconnect-needed')
    expect(toldAt).toBeGreaterThan(0)
    expect(toldAt).toBeLessThan(sinceSync.findIndex(progressOf('resource-done')))
    expect((await harness.call('getConnection')).state).toBe('reconnect-needed')
    // The activity log says the cause once, not once per resource.
    expect((await harness.call('getActivity'))[0].summary).toBe(
      'Sync failed: 0 added, 0 updated, 0 removed. WHOOP needs you to connect your account again (WHOOP no longer accepts the saved sign-in).'
    )
    await expect(harness.call('syncNow', {})).rejects.toMatchObject({ code: 'not-connected' })
  })

  it('asks to reconnect when the vault cannot be decrypted after a keyring change', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    await harness.restart({ cipher: createTestCipher() })
    expect((await harness.call('getConnection')).state).toBe('reconnect-needed')
    expect(count(harness, 'cycle')).toBe(30)
  })

  it('disconnects: revokes access at WHOOP, forgets the tokens and keeps the data', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    const told = harness.nextEvent('onConnectionChanged', (status) => status.state === 'not-connected')
    const result = await harness.call('disconnect', { deleteData: false })
    expect(result).toMatchObject({ revoked: true, dataDeleted: false })
    await told
    expect(harness.fake.apiRequests('/v2/user/access')).toMatchObject([{ method: 'DELETE', status: 204 }])
    expect((await harness.call('getConnection')).state).toBe('not-connected')
    expect(fs.readFileSync(path.join(harness.dataDir, 'whoop-vault.json'), 'utf8')).not.toContain('tokens')
    expect(count(harness, 'cycle')).toBe(30)
    expect((await harness.call('getDashboard', { range: '1m' }))?.strain.length).toBe(30)
  })

  it('disconnects and deletes all of the account’s data when asked, leaving no trace of it on disk', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    const needles = memberNeedles(harness.fake.history)
    expect(tracesOnDisk(harness.dataDir, needles)).not.toEqual([])
    expect(await harness.call('disconnect', { deleteData: true })).toMatchObject({ revoked: true, dataDeleted: true })
    expect(harness.fake.apiRequests('/v2/user/access')).toMatchObject([{ method: 'DELETE', status: 204 }])
    for (const table of ['account', 'profile', 'body_measurement', 'cycle', 'recovery', 'sleep', 'workout', 'sync_state', 'sync_run']) {
      expect(count(harness, table), table).toBe(0)
    }
    expect(await harness.call('getDashboard', { range: '1m' })).toBeNull()
    expect(tracesOnDisk(harness.dataDir, needles)).toEqual([])
    const names = [harness.fake.history.profile.first_name, harness.fake.history.profile.last_name]
    expect((await harness.call('getActivity')).filter((entry) => names.some((name) => entry.summary.includes(name)))).toEqual([])
  })

  it('still disconnects locally when WHOOP cannot be reached, and says so', async () => {
    // Simulated time, so the client's retries with backoff take no real time.
    harness = await startCoreHarness({ clock: createVirtualClock(testClock.now()) })
    await harness.connect()
    harness.fake.addFault({ kind: 'reset', times: Infinity, path: '/v2/user/access' })
    const result = await harness.call('disconnect', { deleteData: false })
    expect(result).toMatchObject({ revoked: false, message: expect.stringContaining('WHOOP could not be told') })
    expect((await harness.call('getConnection')).state).toBe('not-connected')
  })

  it('tells the page while an approved sign-in waits for the rate limit, and when it is done', async () => {
    harness = await startCoreHarness()
    harness.fake.addFault({ kind: 'status', status: 429, resetSeconds: 1, times: 1, path: '/v2/user/profile/basic' })
    const waiting = harness.nextEvent('onConnectionChanged', (status) => status.finishing?.waitingUntil !== undefined)
    await harness.connect()
    expect((await waiting).finishing!.waitingUntil).toBeGreaterThan(0)
    const status = await harness.call('getConnection')
    expect(status.finishing).toBeUndefined()
    expect(status).toMatchObject({ state: 'connected', account: { firstName: 'Alex' } })
  })
})
