import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/main/log/logger'
import { startCoreHarness, type CoreHarness } from '../../support/appCoreHarness'
import { makeTempDir } from '../../support/tempDir'
import { createVirtualClock } from '../../support/virtualClock'
import { latestSchemaVersion } from '../../../src/main/database/migrations'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('the log file', () => {
  it('blanks secrets, known or recognisable, before writing', () => {
    const dir = makeTempDir()
    const log = createLogger({ dataDir: dir, clock: createVirtualClock(), secrets: () => ['known-secret-value-42'] })
    log.error('Refresh failed for known-secret-value-42', new Error('POST body refresh_token=abc123def&client_secret=s3cr3t-xyz'))
    log.warn('GET /v2/cycle with Authorization: Bearer eyJhbGciOi.payload.sig')
    log.info('redirect whoop-desktop://oauth/callback?code=auth-code-999&state=abcdefgh')
    const text = fs.readFileSync(path.join(dir, 'logs', 'whoop-desktop.log'), 'utf8')
    for (const secret of ['known-secret-value-42', 'abc123def', 's3cr3t-xyz', 'eyJhbGciOi', 'auth-code-999']) expect(text).not.toContain(secret)
    expect(text).toContain('refresh_token=[redacted]')
    expect(text).toContain('Bearer [redacted]')
    expect(text.split('\n').filter(Boolean)[0]).toMatch(/^2026-11-20T15:00:00.000Z ERROR Refresh failed for \[redacted\]/)
  })

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = makeTempDir()
    const log = createLogger({ dataDir: dir, clock: createVirtualClock(), secrets: () => [], maxFileBytes: 2000, keptFiles: 3 })
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(40)}`)
    const files = fs.readdirSync(path.join(dir, 'logs')).sort()
    expect(files).toEqual(['whoop-desktop.log', 'whoop-desktop.log.1', 'whoop-desktop.log.2'])
    for (const file of files) expect(fs.statSync(path.join(dir, 'logs', file)).size).toBeLessThanOrEqual(2000)
    expect(fs.readFileSync(path.join(dir, 'logs', 'whoop-desktop.log'), 'utf8')).toContain('line 199')
  })
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
    expect(activity[2].summary).toMatch(/^Sync \(connect\) succeeded: \d+ added, 0 updated, 0 removed\.$/)
    expect(activity[3].summary).toBe('Connected as Alex Morgan.')

    // Local checks reach nothing outside the computer.
    const requestsBefore = h.fake.requests.length
    expect(await h.call('getDiagnostics', { reachWhoop: false })).toMatchObject({ whoop: null })
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
