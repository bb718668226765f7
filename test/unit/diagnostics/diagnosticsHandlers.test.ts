import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { makeTempDir } from '../../support/harness/tempDir'
import { createVirtualClock } from '../../support/harness/virtualClock'
import { latestSchemaVersion } from '../../../src/main/database/migrations'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('activity and diagnostics', () => {
  it('lists what the person did with its outcome, and reports health without secrets', async () => {
    // WHOOP's rate-limit headers on, so the budget can be reported.
    harness = await startCoreHarness({ fake: { days: 15, rateLimit: { perMinute: 100, perDay: 10_000 } } })
    const h = harness
    const started = await h.call('startSignIn', { clientId: h.fake.app.clientId, clientSecret: h.fake.app.clientSecret, redirect: 'custom-scheme' })
    const synced = h.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    await h.call('completeSignIn', { url: await h.fake.answerConsent(started.authorizationUrl) })
    await synced
    h.files.exportTo = path.join(makeTempDir(), 'export.json')
    await h.call('exportData', { format: 'json' })
    h.files.importFrom = path.join(makeTempDir(), 'missing.json')
    await h.call('importData', { kind: 'json-backup' }).catch(() => undefined)

    const activity = await h.call('getActivity')
    expect(activity.map((entry) => [entry.kind, entry.ok])).toEqual([
      ['import', false],
      ['export', true],
      ['sync', true],
      ['connect', true]
    ])
    expect(activity[2].summary).toMatch(/^First sync after connecting succeeded: \d[\d,.\u00a0\u202f]* added, 0 updated, 0 removed\.$/)
    expect(activity[3].summary).toBe('Connected to WHOOP.')

    // Local checks reach nothing outside the computer.
    const requestsBefore = h.fake.requests.length
    // Every request to WHOOP's API so far counts against its daily limit.
    const apiRequests = h.fake.requests.filter((request) => request.path.startsWith('/v2/')).length
    expect(await h.call('getDiagnostics', { reachWhoop: false })).toMatchObject({ whoop: null, dailyRequests: { sent: apiRequests, limit: 10_000 } })
    expect(h.fake.requests.length).toBe(requestsBefore)
    const diagnostics = await h.call('getDiagnostics', { reachWhoop: true })
    expect(diagnostics).toMatchObject({
      database: { integrity: 'ok', schemaVersion: latestSchemaVersion, bytes: expect.any(Number) },
      token: { state: 'connected', hasRefreshToken: true, storageBackend: 'gnome_libsecret', persistent: true },
      whoop: { reachable: true, detail: expect.stringContaining('answered (HTTP 401)') },
      rateLimit: { limit: expect.any(Number), remaining: expect.any(Number), expired: false },
      logsFolder: path.join(h.dataDir, 'logs')
    })
    expect(JSON.stringify(diagnostics)).not.toContain(h.fake.app.clientSecret)
    expect(await h.call('openLogsFolder')).toEqual({ folder: path.join(h.dataDir, 'logs'), opened: false })
  })
  it('marks a rate budget whose window has ended as expired, not as current', async () => {
    const clock = createVirtualClock()
    harness = await startCoreHarness({ clock, fake: { clock, days: 15, rateLimit: { perMinute: 100, perDay: 10_000 } } })
    const h = harness
    const started = await h.call('startSignIn', { clientId: h.fake.app.clientId, clientSecret: h.fake.app.clientSecret, redirect: 'custom-scheme' })
    const synced = h.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    await h.call('completeSignIn', { url: await h.fake.answerConsent(started.authorizationUrl) })
    await synced
    expect((await h.call('getDiagnostics', { reachWhoop: false })).rateLimit).toMatchObject({ expired: false })
    clock.advance(2 * 3_600_000)
    expect((await h.call('getDiagnostics', { reachWhoop: false })).rateLimit).toMatchObject({ expired: true })
  })
})
